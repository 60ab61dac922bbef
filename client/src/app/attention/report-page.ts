import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ReportDto } from '@samverka/contracts';
import { switchMap } from 'rxjs';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { CaseStatePipe, WhenPipe } from '../cases/labels/pipes';
import { AttentionApi } from './attention-api';
import { outcomeKey } from './my-reports';

/**
 * A report and the cases it became part of (those the viewer may see). A restricted report's details (text, place)
 * come only to its own organisation: for others the API leaves them out and the page says so.
 */
@Component({
  selector: 'sv-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatProgressBar, RouterLink, TPipe, Icon, WhenPipe, CaseStatePipe],
  template: `
    <a matButton="outlined" routerLink="/reports/mine"><sv-icon name="arrowBack" /> {{ 'report.page.back' | t }}</a>
    <h1>{{ 'report.page.title' | t }}</h1>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    } @else if (report(); as r) {
      <dl class="facts">
        <div>
          <dt>{{ 'report.page.occurred' | t }}</dt>
          <dd>{{ r.occurredAt | when }}</dd>
        </div>
        <div>
          <dt>{{ 'report.page.organization' | t }}</dt>
          <dd>{{ r.organization.name }}</dd>
        </div>
        @if (r.placeName) {
          <div>
            <dt>{{ 'report.page.place' | t }}</dt>
            <dd>{{ r.placeName }}</dd>
          </div>
        }
      </dl>
      @if (r.detailsVisible) {
        <h2 id="report-description">{{ 'report.page.description' | t }}</h2>
        <p class="description" data-testid="report-description">{{ r.description }}</p>
      } @else {
        <p class="notice" data-testid="report-withheld">{{ 'report.page.withheld' | t }}</p>
      }
      <h2 id="report-cases">{{ 'report.page.cases' | t }}</h2>
      @if (r.cases?.length) {
        <ul class="cases">
          @for (c of r.cases; track c.id) {
            <li data-testid="report-case">
              <a [routerLink]="['/cases', c.id]">{{ c.title }}</a>&ngsp;<span class="meta">{{ c.state | caseState }} · {{ outcome(c) | t }}</span>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ 'myReports.noCase' | t }}</p>
      }
    }
  `,
  styles: `
    .progress-slot {
      min-height: 4px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
    }
    .facts dt {
      font-weight: 500;
    }
    .facts dd {
      margin: 0;
    }
    .description {
      white-space: pre-wrap;
    }
    .cases {
      padding-left: 20px;
    }
    .meta {
      margin-left: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReportPage {
  private readonly api = inject(AttentionApi);
  private readonly i18n = inject(I18n);
  /** The report's id, from the route. */
  readonly id = input.required<string>();
  protected readonly report = signal<ReportDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    toObservable(this.id)
      .pipe(switchMap((id) => this.api.report(id)))
      .subscribe({
        next: (r) => {
          this.report.set(r);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.error.set(errorMessage(toApiError(e), this.i18n));
          this.loading.set(false);
        },
      });
  }

  protected outcome(c: { outcome: string | null }): MessageKey {
    return outcomeKey(c);
  }
}
