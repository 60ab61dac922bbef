import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { WalkSummaryDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { FindingOutbox } from '../offline/finding-outbox';
import { OutboxStatus } from '../walk-page/outbox-status';
import { walkGroup, walkTime } from '../walk-format';
import { WalkStateChip } from '../walk-state';
import { WalksApi } from '../walks-api';

/** "Trygghetsvandringar": the walks of the user's areas (one area when chosen): planned, in progress and past. */
@Component({
  selector: 'sv-walk-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatSelect, MatOption, MatProgressBar, RouterLink, TPipe, Icon, WalkStateChip, OutboxStatus],
  template: `
    <div class="page-header">
      <h1>{{ 'walks.title' | t }}</h1>
      @if (canPlan()) {
        <div class="page-actions">
          <a matButton="filled" routerLink="/walks/new" data-testid="new-walk"><sv-icon name="add" /> {{ 'walks.new.title' | t }}</a>
        </div>
      }
    </div>
    <p class="intro">{{ 'walks.intro' | t }}</p>
    @if (outbox.items().length) {
      <sv-outbox-status />
    }
    @if (areas().length > 1) {
      <mat-form-field appearance="outline" class="area-filter">
        <mat-label>{{ 'walks.area' | t }}</mat-label>
        <mat-select [ngModel]="areaId()" (ngModelChange)="areaId.set($event)" data-testid="walk-area-filter">
          <mat-option value="">{{ 'walks.allAreas' | t }}</mat-option>
          @for (a of areas(); track a.id) {
            <mat-option [value]="a.id">{{ a.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    }
    @for (group of groups(); track group.key) {
      <section [attr.aria-labelledby]="'walks-' + group.key">
        <h2 [id]="'walks-' + group.key">{{ group.heading | t }}</h2>
        @if (group.items.length) {
          <ul class="walk-list" [attr.data-testid]="'walks-' + group.key">
            @for (w of group.items; track w.id) {
              <li data-testid="walk-row">
                <div class="when">{{ when(w) }}</div>
                <div class="what">
                  <a [routerLink]="['/walks', w.id]" class="title">{{ w.title }}</a>
                  <span class="meta">
                    {{ w.areaName }} · {{ 'walks.findingCount' | t: { count: w.findingCount } }}
                    @if (w.restricted) {
                      · {{ 'walks.restricted' | t }}
                    }
                  </span>
                </div>
                <sv-walk-state [state]="w.state" />
              </li>
            }
          </ul>
        } @else if (!loading()) {
          <p class="empty-state">{{ group.empty | t }}</p>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 64rem;
    }
    .intro {
      margin-top: 0;
    }
    .area-filter {
      width: min(100%, 20rem);
    }
    .walk-list {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .walk-list li {
      display: grid;
      grid-template-columns: minmax(12rem, 16rem) 1fr auto;
      gap: 0.25rem 1rem;
      align-items: center;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .walk-list li:last-child {
      border-bottom: 0;
    }
    .when {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .what {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
      padding: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    @media (max-width: 599.98px) {
      .walk-list li {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class WalkList {
  private readonly api = inject(WalksApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18n);
  protected readonly outbox = inject(FindingOutbox);

  protected readonly walks = signal<WalkSummaryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly areaId = signal('');
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  /** Coordinators and analysts plan walks (the API decides per area). */
  protected readonly canPlan = computed(() => this.auth.hasRole('coordinator') || this.auth.hasRole('analyst'));

  protected readonly groups = computed(() => {
    const area = this.areaId();
    const all = this.walks().filter((w) => !area || w.areaId === area);
    const of = (g: 'planned' | 'in_progress' | 'past') => all.filter((w) => walkGroup(w.state) === g);
    return [
      { key: 'in_progress', heading: 'walks.group.in_progress' as const, empty: 'walks.group.in_progress.empty' as const, items: of('in_progress') },
      {
        key: 'planned',
        heading: 'walks.group.planned' as const,
        empty: 'walks.group.planned.empty' as const,
        items: of('planned').sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      },
      {
        key: 'past',
        heading: 'walks.group.past' as const,
        empty: 'walks.group.past.empty' as const,
        items: of('past').sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
      },
    ];
  });

  constructor() {
    this.api.list().subscribe({
      next: (list) => {
        this.walks.set(list);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(errorMessage(toApiError(err), this.i18n));
      },
    });
  }

  protected when(w: WalkSummaryDto): string {
    return walkTime(w.startsAt, this.i18n.locale(), 'medium');
  }
}
