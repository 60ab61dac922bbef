import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CategoryDto, MyReportDto, ReportCaseDto } from '@samverka/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../core/i18n/i18n';
import { ActionStatePipe, CaseStatePipe, DayPipe, WhenPipe } from '../cases/labels/pipes';
import { DirectoryApi } from '../directory/directory-api';
import { AttentionApi } from './attention-api';

/** "Utvärdering": the outcome's text, or "not evaluated yet". */
export function outcomeKey(c: Pick<ReportCaseDto, 'outcome'>): MessageKey {
  return c.outcome ? (`myReports.outcome.${c.outcome}` as MessageKey) : 'myReports.notEvaluated';
}

/** "Mina rapporter": the user's own reports, and for each what happened: its case, the case's stage, actions and evaluation. */
@Component({
  selector: 'sv-my-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar, RouterLink, TPipe, DayPipe, WhenPipe, CaseStatePipe, ActionStatePipe],
  template: `
    <h1>{{ 'myReports.title' | t }}</h1>
    <p class="intro">{{ 'myReports.intro' | t }}</p>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    } @else if (!loading() && !reports().length) {
      <p class="empty-state" data-testid="my-reports-empty">{{ 'myReports.none' | t }}</p>
    }
    @for (r of reports(); track r.id) {
      <article class="report" [attr.aria-labelledby]="'report-' + r.id" data-testid="my-report">
        <h2 [id]="'report-' + r.id">
          <a [routerLink]="['/reports', r.id]">{{ title(r) }}</a>
          @if (r.restricted) {
            &ngsp;<span class="tag">{{ 'myReports.restricted' | t }}</span>
          }
        </h2>
        <p class="meta">{{ 'myReports.occurred' | t: { when: (r.occurredAt | when) } }} · {{ 'myReports.reported' | t: { when: (r.reportedAt | when) } }}</p>
        @for (c of r.cases; track c.id) {
          <dl class="facts" data-testid="report-case">
            <div>
              <dt>{{ 'myReports.case' | t }}</dt>
              <dd>
                <a [routerLink]="['/cases', c.id]">{{ c.title }}</a>
              </dd>
            </div>
            <div>
              <dt>{{ 'myReports.caseState' | t }}</dt>
              <dd data-testid="case-state">{{ c.state | caseState }}</dd>
            </div>
            <div>
              <dt>{{ 'myReports.outcome' | t }}</dt>
              <dd data-testid="case-outcome">{{ outcome(c) | t }}</dd>
            </div>
          </dl>
          @if (c.actions.length) {
            <h3 [id]="'actions-' + r.id + '-' + c.id">{{ 'myReports.actions' | t }}</h3>
            <div class="table-scroll" tabindex="0" role="region" [attr.aria-labelledby]="'actions-' + r.id + '-' + c.id">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{{ 'myReports.col.number' | t }}</th>
                    <th scope="col">{{ 'myReports.col.what' | t }}</th>
                    <th scope="col">{{ 'myReports.col.organization' | t }}</th>
                    <th scope="col">{{ 'myReports.col.due' | t }}</th>
                    <th scope="col">{{ 'myReports.col.state' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (a of c.actions; track a.id) {
                    <tr data-testid="report-action">
                      <td>{{ a.number }}</td>
                      <td>{{ a.what }}</td>
                      <td>{{ a.organizationName }}</td>
                      <td>{{ a.dueDate | day }}</td>
                      <td>{{ a.state | actionState }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          } @else {
            <p class="muted">{{ 'myReports.noActions' | t }}</p>
          }
        } @empty {
          <p class="muted" data-testid="no-case">{{ 'myReports.noCase' | t }}</p>
        }
      </article>
    }
  `,
  styles: `
    .progress-slot {
      min-height: 4px;
    }
    .report {
      margin: 16px 0;
      padding: 16px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .report h2 {
      font-size: 1.15rem;
      margin: 0 0 4px;
    }
    .report h3 {
      font-size: 1rem;
      margin: 12px 0 4px;
    }
    .tag {
      margin-left: 8px;
      padding: 0 6px;
      border: 1px solid currentColor;
      border-radius: 4px;
      font-size: 0.85rem;
      font-weight: 400;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 8px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 8px 0;
    }
    .facts dt {
      font-weight: 500;
    }
    .facts dd {
      margin: 0;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 4px 12px 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class MyReports {
  private readonly api = inject(AttentionApi);
  private readonly directory = inject(DirectoryApi);
  private readonly i18n = inject(I18n);
  protected readonly reports = signal<MyReportDto[]>([]);
  private readonly categories = signal<Map<string, CategoryDto>>(new Map());
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    forkJoin([this.api.myReports(), this.directory.categories().pipe(catchError(() => of([] as CategoryDto[])))]).subscribe({
      next: ([reports, categories]) => {
        this.categories.set(new Map(categories.map((c) => [c.id, c])));
        this.reports.set(reports);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(errorMessage(toApiError(e), this.i18n));
        this.loading.set(false);
      },
    });
  }

  /** The report's heading: its category (when still active) and area. */
  protected title(r: MyReportDto): string {
    const c = this.categories().get(r.categoryId);
    return c ? `${this.i18n.lang() === 'en' ? c.labelEn : c.labelSv}, ${r.areaName}` : r.areaName;
  }

  protected outcome(c: ReportCaseDto): MessageKey {
    return outcomeKey(c);
  }
}
