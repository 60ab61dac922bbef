import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { ReportDto } from '@samverka/contracts';
import { toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import { apiErrorText } from './api-messages';
import { ReportRedaction } from './report-redaction';
import { ReportsApi } from './reports-api';
import { TIME_ZONE } from './weeks';

/**
 * "Granskning" (coordinators): reports filed with "not about a person" although the check found something. Each can
 * be confirmed (then shared with the partnership) or its text removed; either takes it off the list.
 */
@Component({
  selector: 'sv-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar, TPipe, ReportRedaction],
  template: `
    <h1 id="review-heading" tabindex="-1">{{ 'review.title' | t }}</h1>
    <p class="intro">{{ 'review.intro' | t }}</p>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <p class="count" aria-live="polite" data-testid="review-count">
      @if (error(); as message) {
        <span class="error-text" role="alert">{{ message }}</span>
      } @else if (!loading()) {
        {{ total() ? ('review.count' | t: { count: total() }) : ('review.empty' | t) }}
      }
    </p>
    @if (items().length) {
      <ul class="reports" data-testid="review-list">
        @for (r of items(); track r.id) {
          <li class="report" data-testid="review-item">
            <p class="report-head">
              {{ 'review.from' | t: { organization: r.organization.name, when: when(r.occurredAt) } }}
              @if (r.placeName) {
                · {{ r.placeName }}
              }
            </p>
            <p class="report-text" data-testid="review-text">{{ r.description }}</p>
            <sv-report-redaction [report]="r" [reviewActions]="true" (changed)="settled(r, $event)" />
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 60rem;
    }
    .count {
      font: var(--mat-sys-title-small);
    }
    .reports {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .report {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0.75rem 1rem;
    }
    .report-head {
      margin: 0 0 0.25rem;
      font-weight: 500;
    }
    .report-text {
      margin: 0 0 0.5rem;
      white-space: pre-wrap;
    }
  `,
})
export class ReviewPage implements OnInit {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);
  protected readonly items = signal<ReportDto[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
  }

  /** A report was confirmed or redacted: off the list unless it still awaits review (a flagged part remains). */
  protected settled(before: ReportDto, after: ReportDto): void {
    if (after.review === 'pending') {
      this.items.update((list) => list.map((r) => (r.id === before.id ? after : r)));
      return;
    }
    this.items.update((list) => list.filter((r) => r.id !== before.id));
    this.total.update((n) => Math.max(0, n - 1));
  }

  private load(): void {
    this.loading.set(true);
    this.api.pendingReview().subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(apiErrorText(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
