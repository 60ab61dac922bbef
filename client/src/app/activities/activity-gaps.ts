import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ActivityGapCell, ActivityGapsDto, IsoWeekday } from '@samverka/contracts';
import { I18n, TPipe } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/sv';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const pad = (h: number) => String(h).padStart(2, '0');

/**
 * The gap overlay: a 7 × 24 table of reports by weekday and hour, each cell shaded by its count and marked (dashed
 * border, and in its accessible name) where no activity runs; then the largest gaps in words, and the places by
 * reports with the activities that cover them. Everything is text in a table, so it reads without the colours.
 */
@Component({
  selector: 'sv-activity-gaps',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  template: `
    @let g = gaps();
    <p>{{ 'activities.gaps.intro' | t: { weeks: g.weeks } }}</p>
    <p class="legend">{{ 'activities.gaps.legend' | t }}</p>
    <div class="table-wrapper" role="region" tabindex="0" aria-labelledby="gaps-grid-caption">
      <table class="grid" data-testid="gap-grid">
        <caption id="gaps-grid-caption">
          {{
            'activities.gaps.grid' | t
          }}
        </caption>
        <thead>
          <tr>
            <td></td>
            @for (h of hours; track h) {
              <th scope="col">{{ pad(h) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.weekday) {
            <tr>
              <th scope="row">{{ dayKey(row.weekday) | t }}</th>
              @for (c of row.cells; track c.hour) {
                <td
                  [class.gap]="c.reports > 0 && c.activities === 0"
                  [class.covered]="c.activities > 0"
                  [style.--level]="level(c)"
                  [attr.aria-label]="'activities.gaps.cell' | t: { reports: c.reports, activities: c.activities }"
                  [attr.data-testid]="'cell-' + c.weekday + '-' + c.hour"
                >
                  {{ c.reports || '' }}
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>

    <h3 id="gaps-top-heading">{{ 'activities.gaps.top' | t }}</h3>
    @if (g.gaps.length) {
      <ol aria-labelledby="gaps-top-heading" data-testid="gap-list">
        @for (c of g.gaps; track c.weekday * 24 + c.hour) {
          <li>{{ 'activities.gaps.topItem' | t: { weekday: i18n.t(dayKey(c.weekday)), hour: pad(c.hour) + ':00', reports: c.reports } }}</li>
        }
      </ol>
    } @else {
      <p>{{ 'activities.gaps.none' | t }}</p>
    }

    <h3 id="gaps-places-heading">{{ 'activities.gaps.places' | t }}</h3>
    <div class="table-wrapper" role="region" tabindex="0" aria-labelledby="gaps-places-heading">
      <table class="places" data-testid="gap-places">
        <thead>
          <tr>
            <th scope="col">{{ 'activities.gaps.place' | t }}</th>
            <th scope="col" class="num">{{ 'activities.gaps.reports' | t }}</th>
            <th scope="col" class="num">{{ 'activities.gaps.activities' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of g.places; track p.id) {
            <tr [class.gap]="p.reports > 0 && p.activities === 0">
              <td>{{ p.name }}</td>
              <td class="num">{{ p.reports }}</td>
              <td class="num">{{ p.activities }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .legend {
      font: var(--mat-sys-body-small);
    }
    .grid {
      border-collapse: separate;
      border-spacing: 2px;
      font-variant-numeric: tabular-nums;
    }
    .grid caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 0.25rem;
    }
    .grid th {
      font: var(--mat-sys-label-small);
      padding: 0 0.25rem;
      text-align: left;
      white-space: nowrap;
    }
    .grid td {
      min-width: 1.75rem;
      height: 1.75rem;
      text-align: center;
      font: var(--mat-sys-label-medium);
      border: 2px solid transparent;
      border-radius: 4px;
      background: color-mix(in srgb, var(--mat-sys-primary) calc(var(--level, 0) * 35%), var(--mat-sys-surface-container-lowest));
      color: var(--mat-sys-on-surface);
    }
    .grid td.covered {
      border-color: var(--mat-sys-outline-variant);
    }
    .grid td.gap {
      border: 2px dashed var(--mat-sys-error);
      font-weight: 700;
    }
    .places {
      border-collapse: collapse;
      min-width: 24rem;
    }
    .places th,
    .places td {
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .places .num {
      text-align: right;
    }
    .places tr.gap td:first-child {
      font-weight: 700;
    }
  `,
})
export class ActivityGaps {
  readonly gaps = input.required<ActivityGapsDto>();
  protected readonly i18n = inject(I18n);
  protected readonly hours = HOURS;
  protected readonly pad = pad;
  private readonly max = computed(() => Math.max(1, ...this.gaps().cells.map((c) => c.reports)));
  protected readonly rows = computed(() =>
    ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map((weekday) => ({
      weekday,
      cells: this.gaps()
        .cells.filter((c) => c.weekday === weekday)
        .sort((a, b) => a.hour - b.hour),
    })),
  );

  protected dayKey(d: IsoWeekday): MessageKey {
    return `activities.weekday.${d}`;
  }

  /** 0–1: the cell's share of the busiest cell (a light shade keeps the count readable: at most 35 % of the colour). */
  protected level(c: ActivityGapCell): number {
    return Math.round((c.reports / this.max()) * 100) / 100;
  }
}
