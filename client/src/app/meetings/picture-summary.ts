import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SituationPictureDto } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { toApiError } from '../core/http/api-error';
import { I18n, LocalNumberPipe, TPipe } from '../core/i18n/i18n';
import { apiErrorText } from '../reports/api-messages';
import { ReportsApi } from '../reports/reports-api';
import { ChangeText } from '../reports/change-text';
import { LevelChip } from '../reports/level-chip';
import { TrendChart } from '../reports/picture/trend-chart';
import { weekDates, weekNumber } from '../reports/weeks';

/**
 * A compact situational picture for an agenda item: the area's level with its rationale, the key figures against the
 * four weeks before, the hotspots and the 12-week trend (the picture's own chart). `large` is the projector's size.
 */
@Component({
  selector: 'sv-picture-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.large]': 'large()' },
  imports: [RouterLink, TPipe, LocalNumberPipe, LevelChip, ChangeText, TrendChart],
  template: `
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    }
    @if (picture(); as p) {
      <div class="facts">
        <div class="state">
          <p class="week">{{ weekLabel(p.week) }}</p>
          <div class="level" data-testid="summary-level">
            <sv-level-chip [level]="p.level?.level ?? null" />
            @if (p.level; as l) {
              <span class="rationale">{{ l.rationale }}</span>
            }
          </div>
          <dl class="figures" data-testid="summary-figures">
            <div>
              <dt>{{ 'picture.total' | t }}</dt>
              <dd data-testid="summary-total">{{ p.total.count }}</dd>
            </div>
            <div>
              <dt>{{ 'picture.average' | t }}</dt>
              <dd>{{ p.total.previousAverage | localNumber: 1 }}</dd>
            </div>
            <div>
              <dt>{{ 'picture.changeLabel' | t }}</dt>
              <dd><sv-change [change]="p.total.change" /></dd>
            </div>
          </dl>
        </div>
        @if (p.hotspots.length) {
          <div class="hot">
            <p class="sub" [id]="'hotspots-' + areaId()">{{ 'picture.hotspots' | t }}</p>
            <ol class="hotspots" [attr.aria-labelledby]="'hotspots-' + areaId()">
              @for (h of p.hotspots.slice(0, 3); track h.placeId) {
                <li>{{ h.name }} – {{ 'picture.reports' | t: { count: h.count } }}</li>
              }
            </ol>
          </div>
        }
      </div>
      @if (large()) {
        <!-- On the projector: bars with large numbers instead of the chart's small axis labels. -->
        <p class="sub" [id]="'trend-' + areaId()">{{ 'picture.trend' | t }}</p>
        <ol class="bars" [attr.aria-labelledby]="'trend-' + areaId()" data-testid="summary-bars">
          @for (point of p.trend; track point.week) {
            <li [class.current]="point.week === p.week">
              <span class="count">{{ point.count }}</span>
              <span class="bar" aria-hidden="true" [style.height.%]="barHeight(point.count, p.trend)"></span>
              <span class="label"
                ><span class="visually-hidden">{{ 'week.short' | t: { week: number(point.week) } }}</span
                ><span aria-hidden="true">{{ number(point.week) }}</span></span
              >
            </li>
          }
        </ol>
      } @else {
        <sv-trend-chart [trend]="p.trend" [week]="p.week" />
        <p class="no-print">
          <a [routerLink]="['/areas', p.area.id, 'picture']" [queryParams]="{ week: p.week }">{{ 'meetings.item.openPicture' | t: { area: p.area.name } }}</a>
        </p>
      }
    } @else if (!error()) {
      <p>{{ 'app.loading' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0 2rem;
    }
    .state {
      flex: 2 1 24rem;
    }
    .hot {
      flex: 1 1 16rem;
    }
    .week {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .level {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
    }
    .rationale {
      white-space: pre-line;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      margin: 0 0 0.75rem;
    }
    .figures div {
      display: flex;
      flex-direction: column-reverse;
    }
    .figures dt {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      max-width: 14rem;
    }
    .figures dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .sub {
      margin: 0.5rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .hotspots {
      margin: 0 0 0.75rem;
    }
    .bars {
      list-style: none;
      display: flex;
      align-items: stretch;
      gap: 0.4rem;
      height: 24vh;
      min-height: 8rem;
      margin: 0;
      padding: 0;
    }
    .bars li {
      flex: 1 1 0;
      display: flex;
      flex-direction: column;
      justify-content: flex-end;
      align-items: center;
      min-width: 0;
    }
    .bars .bar {
      width: 100%;
      min-height: 2px;
      background: #5a6f96;
      border: 2px solid #000;
      border-bottom: 0;
      box-sizing: border-box;
    }
    .bars .current .bar {
      background: #0b2a8a;
    }
    .bars .current .count,
    .bars .current .label {
      font-weight: 800;
      text-decoration: underline;
    }
    .bars .label {
      border-top: 3px solid #000;
      width: 100%;
      text-align: center;
    }
    :host(.large) .week,
    :host(.large) .figures dt {
      font: inherit;
      color: inherit;
      max-width: none;
    }
    :host(.large) .figures dd {
      font-size: 1.6em;
      font-weight: 800;
      line-height: 1.1;
    }
    :host(.large) .sub {
      font: inherit;
      font-weight: 800;
      margin-top: 0.25rem;
    }
    :host(.large) sv-level-chip {
      font-size: 1em;
    }
    :host(.large) .figures {
      gap: 0.25rem 2.5rem;
      margin-bottom: 0.25rem;
    }
    :host(.large) .hotspots {
      padding-inline-start: 1.5em;
      margin: 0;
    }
  `,
})
export class PictureSummary {
  private readonly http = inject(ReportsApi);
  private readonly i18n = inject(I18n);

  readonly areaId = input.required<string>();
  /** The ISO week (the meeting's). */
  readonly week = input.required<string>();
  readonly large = input(false);

  protected readonly picture = signal<SituationPictureDto | null>(null);
  protected readonly error = signal<string | null>(null);
  private request?: Subscription;

  constructor() {
    effect(() => {
      const areaId = this.areaId();
      const week = this.week();
      untracked(() => this.load(areaId, week));
    });
  }

  protected readonly number = weekNumber;

  /** A bar's height in per cent of the highest week (at least a sliver, so that zero still shows). */
  protected barHeight(count: number, trend: { count: number }[]): number {
    const max = Math.max(1, ...trend.map((p) => p.count));
    return Math.max(1, Math.round((count / max) * 100));
  }

  protected weekLabel(week: string): string {
    return this.i18n.t('week.label', { week: weekNumber(week), dates: weekDates(week, this.i18n.locale()) });
  }

  private load(areaId: string, week: string): void {
    this.request?.unsubscribe();
    this.error.set(null);
    this.request = this.http.picture(areaId, week).subscribe({
      next: (p) => this.picture.set(p),
      error: (err: unknown) => {
        this.picture.set(null);
        this.error.set(apiErrorText(toApiError(err), this.i18n));
      },
    });
  }
}
