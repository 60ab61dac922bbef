import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import type * as ChartJs from 'chart.js';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { weekNumber } from '../weeks';
import { DRAW_GRAPHICS, whenIdle, whenNearViewport } from './graphics';

/**
 * The number of reports per week over 12 weeks as a bar chart (chart.js). The same figures are in a table: always
 * there for screen readers, shown on screen with the toggle and in print.
 *
 * chart.js is loaded once the page is idle and the chart drawn when it comes near the viewport, so that neither
 * delays the page's first view; printing (the browser's own Ctrl+P too) draws it at once in `beforeprint`, so the
 * printed picture has the chart even if it was never scrolled into view. `data-chart` on the host says how far it
 * is: `loaded` (chart.js is there), `drawn`.
 */
@Component({
  selector: 'sv-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  host: { '(window:beforeprint)': 'drawNow()' },
  template: `
    @if (draw) {
      <div class="chart-box">
        <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
      </div>
      <button type="button" class="toggle no-print" [attr.aria-expanded]="showTable()" aria-controls="trend-table" (click)="showTable.set(!showTable())">
        {{ (showTable() ? 'picture.trend.hideTable' : 'picture.trend.showTable') | t }}
      </button>
    }
    <div id="trend-table" class="table-scroll" [class.visually-hidden]="draw && !showTable()" [class.print-show]="true">
      <table class="data-table" data-testid="trend-table">
        <caption>
          {{
            'picture.trend.caption' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'picture.trend.week' | t }}</th>
            <th scope="col" class="num">{{ 'picture.table.count' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (point of trend(); track point.week) {
            <tr [class.current]="point.week === week()">
              <th scope="row">{{ 'week.short' | t: { week: number(point.week) } }}</th>
              <td class="num">{{ point.count }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart-box {
      position: relative;
      height: 16rem;
      max-width: 48rem;
    }
    .toggle {
      margin-top: 0.5rem;
      min-height: 44px;
      padding: 0.25rem 0.75rem;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
      background: none;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 999px;
      cursor: pointer;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding: 0.5rem;
    }
    tr.current th,
    tr.current td {
      font-weight: 700;
    }
    @media print {
      .chart-box {
        height: auto;
        max-width: 100%;
      }
      canvas {
        max-width: 100% !important;
        height: auto !important;
      }
      .visually-hidden.print-show {
        position: static !important;
        width: auto;
        height: auto;
        overflow: visible !important;
        clip: auto;
        white-space: normal;
      }
    }
  `,
})
export class TrendChart {
  private readonly i18n = inject(I18n);
  protected readonly draw = inject(DRAW_GRAPHICS);

  /** Counts per week, oldest first. */
  readonly trend = input.required<{ week: string; count: number }[]>();
  /** The week the picture is about (highlighted). */
  readonly week = input.required<string>();

  protected readonly showTable = signal(false);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: ChartJs.Chart | null = null;
  private readonly ready = signal(false);

  protected readonly number = weekNumber;

  /** A one-sentence description of the chart for screen readers. */
  protected readonly summary = computed(() => {
    const trend = this.trend();
    if (!trend.length) return this.i18n.t('picture.trend.caption');
    const first = trend[0];
    const last = trend[trend.length - 1];
    const max = trend.reduce((a, b) => (b.count > a.count ? b : a));
    return this.i18n.t('picture.trend.summary', {
      first: first.count,
      firstWeek: weekNumber(first.week),
      last: last.count,
      lastWeek: weekNumber(last.week),
      max: max.count,
      maxWeek: weekNumber(max.week),
    });
  });

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private chartJs: typeof ChartJs | null = null;
  private loading: Promise<typeof ChartJs> | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const canvas = this.canvas()?.nativeElement;
      // No 2D context (tests, very old browsers): the table carries the figures.
      if (!this.draw || !canvas?.getContext('2d')) return;
      destroyRef.onDestroy(whenIdle(this.host.ownerDocument.defaultView, () => void this.load().catch(() => undefined)));
      destroyRef.onDestroy(whenNearViewport(canvas, () => void this.load().then(() => this.drawNow())));
    });
    effect(() => {
      const trend = this.trend();
      const week = this.week();
      const lang = this.i18n.lang();
      if (this.ready()) this.update(trend, week, lang);
    });
    destroyRef.onDestroy(() => this.chart?.destroy());
  }

  /** Loads chart.js if need be and draws the chart (the picture's print button waits for it before printing). */
  async prepareForPrint(): Promise<void> {
    if (!this.draw) return;
    await this.load();
    this.drawNow();
  }

  /** Loads chart.js once (`data-chart="loaded"` when there). */
  private load(): Promise<typeof ChartJs> {
    this.loading ??= import('chart.js').then((module) => {
      module.Chart.register(module.BarController, module.BarElement, module.CategoryScale, module.LinearScale, module.Tooltip);
      this.chartJs = module;
      if (!this.chart) this.host.dataset['chart'] = 'loaded';
      return module;
    });
    return this.loading;
  }

  /**
   * Draws the chart now, synchronously once chart.js is loaded: when it comes into view, and in `beforeprint` (the
   * print is laid out right after the event, so nothing asynchronous would make it onto the paper).
   */
  protected drawNow(): void {
    const canvas = this.canvas()?.nativeElement;
    if (!this.draw || !canvas?.getContext('2d')) return;
    if (!this.chartJs) {
      void this.load().then(() => this.drawNow());
      return;
    }
    if (!this.chart) this.create(this.chartJs, canvas);
    this.update(this.trend(), this.week(), this.i18n.lang());
    this.chart?.resize();
  }

  private create({ Chart }: typeof ChartJs, canvas: HTMLCanvasElement): void {
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], label: '', borderWidth: 1 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { enabled: true } },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 } },
          x: { grid: { display: false } },
        },
      },
    });
    this.host.dataset['chart'] = 'drawn';
    this.ready.set(true);
  }

  private update(trend: { week: string; count: number }[], week: string, _lang: string): void {
    const chart = this.chart;
    if (!chart) return;
    chart.data.labels = trend.map((p) => this.i18n.t('week.short', { week: weekNumber(p.week) }));
    const dataset = chart.data.datasets[0];
    dataset.data = trend.map((p) => p.count);
    dataset.label = this.i18n.t('picture.table.count');
    // The picture's own week stands out by colour and by its border (and is bold in the table).
    dataset.backgroundColor = trend.map((p) => (p.week === week ? '#1f4f99' : '#8fb3e8'));
    dataset.borderColor = trend.map((p) => (p.week === week ? '#0b2a5c' : '#5a86c7'));
    dataset.borderWidth = trend.map((p) => (p.week === week ? 3 : 1));
    chart.update();
  }
}
