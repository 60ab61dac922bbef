import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ATTENTION_KINDS, type AttentionDto, type AttentionItemDto, type AttentionKind } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../core/i18n/i18n';
import { DayPipe, WhenPipe } from '../cases/labels/pipes';
import { weekNumber } from '../reports/weeks';
import { AttentionApi } from './attention-api';

/** A kind of line with its lines, as the page shows it. */
interface AttentionGroup {
  kind: AttentionKind;
  items: AttentionItemDto[];
  count: number;
}

/** The kinds' headings and, for cases, what each waiting state asks for. */
const CASE_WAIT: Record<string, MessageKey> = {
  reported: 'attention.case.reported',
  analysis: 'attention.case.analysis',
  proposed: 'attention.case.proposed',
  escalated: 'attention.case.escalated',
  follow_up: 'attention.case.follow_up',
};

/** Groups the lines by kind, in the API's order, leaving out kinds without lines. */
export function groupAttention(a: AttentionDto): AttentionGroup[] {
  return ATTENTION_KINDS.map((kind) => ({ kind, items: a.items.filter((i) => i.kind === kind), count: a.counts[kind] ?? 0 })).filter((g) => g.items.length);
}

/** The start page "Att göra": what waits for the signed-in person, each line a link to where it is done. */
@Component({
  selector: 'sv-attention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar, RouterLink, TPipe, DayPipe, WhenPipe],
  template: `
    <h1>{{ 'attention.title' | t }}</h1>
    @if (user(); as me) {
      <p class="greeting">
        <strong>{{ 'overview.greeting' | t: { name: me.name } }}</strong>
        {{ 'attention.intro' | t }}
      </p>
    }
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    } @else if (data(); as d) {
      @if (!groups().length) {
        <p class="empty-state" data-testid="attention-empty">{{ 'attention.allDone' | t }}</p>
      }
      @for (g of groups(); track g.kind) {
        <section class="group" [attr.aria-labelledby]="'attention-' + g.kind" data-testid="attention-group" [attr.data-kind]="g.kind">
          <h2 [id]="'attention-' + g.kind">
            {{ heading(g.kind, d.week) }} <span class="count" data-testid="attention-count">{{ g.count }}</span>
          </h2>
          <ul class="lines">
            @for (i of g.items; track i.kind + (i.id ?? '')) {
              <li data-testid="attention-item">
                <a [routerLink]="i.link">
                  @switch (i.kind) {
                    @case ('report_review') {
                      {{ 'attention.reviewLine' | t: { count: g.count } }}
                    }
                    @case ('missing_level') {
                      {{ i.label }} – {{ 'attention.setLevel' | t }}
                    }
                    @default {
                      {{ i.label }}
                    }
                  }
                </a>
                @switch (i.kind) {
                  @case ('overdue_action') {
                    <span class="meta late">{{ 'attention.due' | t: { day: (i.at | day) } }}</span>
                  }
                  @case ('due_action') {
                    <span class="meta">{{ 'attention.due' | t: { day: (i.at | day) } }}</span>
                  }
                  @case ('case_decision') {
                    <span class="meta">{{ caseWait(i.detail) }}</span>
                  }
                  @case ('minutes_approval') {
                    <span class="meta">{{ i.at | when }}</span>
                  }
                  @case ('next_meeting') {
                    <span class="meta">{{ i.at | when }}</span>
                  }
                  @case ('failed_import') {
                    @if (i.at) {
                      <span class="meta">{{ 'attention.failedAt' | t: { when: (i.at | when) } }}</span>
                    }
                  }
                }
              </li>
            }
          </ul>
          @if (g.count > g.items.length) {
            <p class="muted">{{ 'attention.more' | t: { shown: g.items.length, count: g.count } }}</p>
          }
        </section>
      }
    }
  `,
  styles: `
    .greeting {
      margin-bottom: 16px;
    }
    .progress-slot {
      min-height: 4px;
    }
    .group {
      margin: 24px 0;
    }
    .group h2 {
      font-size: 1.15rem;
      margin: 0 0 8px;
    }
    .count {
      display: inline-block;
      min-width: 1.5em;
      padding: 0 6px;
      border-radius: 10px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      text-align: center;
      font-size: 0.9rem;
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .lines li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .late {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
})
export class AttentionPage {
  private readonly api = inject(AttentionApi);
  private readonly i18n = inject(I18n);
  protected readonly user = inject(AuthService).user;
  protected readonly data = signal<AttentionDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly groups = computed(() => {
    const d = this.data();
    return d ? groupAttention(d) : [];
  });

  constructor() {
    this.api.attention().subscribe({
      next: (d) => {
        this.data.set(d);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(errorMessage(toApiError(e), this.i18n));
        this.loading.set(false);
      },
    });
  }

  protected heading(kind: AttentionKind, week: string): string {
    return this.i18n.t(`attention.kind.${kind}` as MessageKey, { week: weekNumber(week) });
  }

  protected caseWait(state: string | null): string {
    const key = state ? CASE_WAIT[state] : undefined;
    return key ? this.i18n.t(key) : '';
  }
}
