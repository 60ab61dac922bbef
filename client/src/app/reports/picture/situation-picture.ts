import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { PICTURE_SOURCES, type AreaDetailDto, type AreaLevelDto, type CategoryDto, type PictureSource, type SituationPictureDto } from '@samverka/contracts';
import { MatCheckbox } from '@angular/material/checkbox';
import { Subscription } from 'rxjs';
import { AuthService } from '../../core/auth/auth';
import { toApiError } from '../../core/http/api-error';
import { I18n, LocalNumberPipe, MessageKey, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { DirectoryApi } from '../../directory/directory-api';
import { apiErrorText } from '../api-messages';
import { ChangeText } from '../change-text';
import { ReportsApi } from '../reports-api';
import { currentWeek, isWeek, shiftWeek, weekDates, weekNumber, weekRange } from '../weeks';
import { FigureTable, FigureTableRow } from './figure-table';
import { LevelPanel } from './level-panel';
import { MapFinding, MapPlace, MapRepeatedPlace, PointsMap } from './points-map';
import { WalkFindingsPanel, repeatedPlaceName } from '../../walks/walk-findings-panel';
import { ListFilters, NO_FILTERS, ReportList } from './report-list';
import { TrendChart } from './trend-chart';

/**
 * "Lägesbild": an area's weekly situational picture – the assessed level, key figures against the four weeks
 * before, counts by category and place, the 12-week trend, hotspots, a map, and the week's reports – with
 * CSV export and a print layout.
 */
@Component({
  selector: 'sv-situation-picture',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatProgressBar,
    RouterLink,
    TPipe,
    LocalNumberPipe,
    Icon,
    ChangeText,
    FigureTable,
    LevelPanel,
    TrendChart,
    PointsMap,
    ReportList,
    MatCheckbox,
    WalkFindingsPanel,
  ],
  templateUrl: './situation-picture.html',
  styleUrl: './situation-picture.scss',
  host: { '(window:beforeprint)': 'beforePrint()' },
})
export class SituationPicture {
  private readonly reports = inject(ReportsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);

  /** The area id (`/areas/:id/picture`). */
  readonly id = input.required<string>();
  /** `?week=2026-W47`; missing or invalid means the current week. */
  readonly week = input<string | undefined>(undefined);

  /** `?sources=walks`: the sources the picture counts; missing or invalid means all of them. */
  readonly sources = input<string | undefined>(undefined);

  protected readonly allSources = PICTURE_SOURCES;
  protected readonly sourceLabels: Record<PictureSource, MessageKey> = { reports: 'walks.picture.source.reports', walks: 'walks.picture.source.walks' };
  protected readonly selectedSources = computed<PictureSource[]>(() => {
    const asked = (this.sources() ?? '').split(',');
    const chosen = PICTURE_SOURCES.filter((s) => asked.includes(s));
    return chosen.length ? chosen : [...PICTURE_SOURCES];
  });
  protected readonly showReports = computed(() => this.selectedSources().includes('reports'));

  protected readonly thisWeek = signal(currentWeek());
  protected readonly selectedWeek = computed(() => {
    const w = this.week();
    return isWeek(w) ? w : this.thisWeek();
  });
  protected readonly range = computed(() => weekRange(this.selectedWeek()));
  protected readonly weekLabel = computed(() =>
    this.i18n.t('week.label', { week: weekNumber(this.selectedWeek()), dates: weekDates(this.selectedWeek(), this.i18n.locale()) }),
  );
  protected readonly isCurrentWeek = computed(() => this.selectedWeek() === this.thisWeek());
  protected readonly canGoForward = computed(() => this.selectedWeek() < this.thisWeek());

  protected readonly picture = signal<SituationPictureDto | null>(null);
  protected readonly area = signal<AreaDetailDto | null>(null);
  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly filters = signal<ListFilters>(NO_FILTERS);

  protected readonly canSetLevel = computed(() => {
    const roles = this.auth.user()?.roles ?? [];
    return roles.includes('coordinator') || roles.includes('analyst');
  });

  protected readonly categoryRows = computed<FigureTableRow[]>(() =>
    (this.picture()?.byCategory ?? []).map((c) => ({
      key: c.categoryId,
      name: this.i18n.category(c),
      count: c.count,
      previousAverage: c.previousAverage,
      change: c.change,
    })),
  );
  protected readonly placeRows = computed<FigureTableRow[]>(() =>
    (this.picture()?.byPlace ?? []).map((p) => ({
      key: p.placeId ?? 'none',
      name: p.name ?? this.i18n.t('picture.noNamedPlace'),
      count: p.count,
      previousAverage: p.previousAverage,
      change: p.change,
    })),
  );
  protected readonly mapFindings = computed<MapFinding[]>(() => this.picture()?.walkFindings?.points ?? []);
  protected readonly mapRepeated = computed<MapRepeatedPlace[]>(() =>
    (this.picture()?.walkFindings?.repeatedPlaces ?? []).map((r) => ({
      name: repeatedPlaceName(r, this.i18n),
      latitude: r.latitude,
      longitude: r.longitude,
      walkCount: r.walkCount,
    })),
  );
  protected readonly mapPlaces = computed<MapPlace[]>(() => [...(this.picture()?.byPlace ?? []), ...(this.area()?.places ?? [])]);

  /** The CSV download of the week's reports with the list's filters. */
  protected readonly exportUrl = computed(() => this.reports.exportUrl({ areaId: this.id(), from: this.range().from, to: this.range().to, ...this.filters() }));

  private pictureRequest?: Subscription;
  private areaRequest?: Subscription;

  constructor() {
    this.directory.categories().subscribe({ next: (c) => this.categories.set([...c].sort((a, b) => a.sortOrder - b.sortOrder)) });
    effect(() => {
      const id = this.id();
      untracked(() => this.loadArea(id));
    });
    effect(() => {
      const id = this.id();
      const week = this.selectedWeek();
      const sources = this.selectedSources();
      untracked(() => this.loadPicture(id, week, sources));
    });
  }

  /** Goes to another week (kept in the address, so that it can be shared and reloaded). */
  protected goToWeek(week: string | null): void {
    this.thisWeek.set(currentWeek());
    void this.router.navigate([], { queryParams: { week: week === this.thisWeek() ? null : week }, queryParamsHandling: 'merge' });
  }

  /** Counts a source or leaves it out (kept in the address; the last chosen source cannot be left out). */
  protected toggleSource(source: PictureSource, on: boolean): void {
    const next = PICTURE_SOURCES.filter((s) => (s === source ? on : this.selectedSources().includes(s)));
    if (!next.length) return;
    void this.router.navigate([], { queryParams: { sources: next.length === PICTURE_SOURCES.length ? null : next.join(',') }, queryParamsHandling: 'merge' });
  }

  protected previousWeek(): void {
    this.goToWeek(shiftWeek(this.selectedWeek(), -1));
  }

  protected nextWeek(): void {
    this.goToWeek(shiftWeek(this.selectedWeek(), 1));
  }

  /** The municipality of the area's partnership, named on the printed picture. */
  protected readonly municipality = computed(() => this.area()?.partners.find((o) => o.type === 'kommun')?.name ?? '');
  /** When the picture was printed (set as the print starts, by the button or the browser's own print). */
  protected readonly printedAt = signal(printTime());

  private readonly trendChart = viewChild(TrendChart);

  /**
   * Opens the browser's print dialog (the print stylesheet leaves out navigation and controls), once the trend chart
   * is drawn (it is drawn when scrolled into view; the browser's own Ctrl+P draws it in `beforeprint`).
   */
  protected async print(): Promise<void> {
    this.printedAt.set(printTime());
    await this.trendChart()
      ?.prepareForPrint()
      .catch(() => undefined);
    this.document.defaultView?.print();
  }

  protected beforePrint(): void {
    this.printedAt.set(printTime());
  }

  /** A level was set: show it at once. */
  protected levelSaved(level: AreaLevelDto): void {
    if (level.week === this.picture()?.week) this.picture.update((p) => (p ? { ...p, level } : p));
  }

  private loadArea(id: string): void {
    this.areaRequest?.unsubscribe();
    this.area.set(null);
    this.areaRequest = this.directory.area(id).subscribe({ next: (area) => this.area.set(area), error: () => undefined });
  }

  private loadPicture(id: string, week: string, sources: PictureSource[]): void {
    this.pictureRequest?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.pictureRequest = this.reports.picture(id, week, sources.length === PICTURE_SOURCES.length ? null : sources).subscribe({
      next: (picture) => {
        this.picture.set(picture);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        const notFound = err instanceof HttpErrorResponse && (err.status === 404 || err.status === 403);
        this.picture.set(null);
        this.error.set(notFound ? this.i18n.t('area.notFound') : apiErrorText(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}

/** Now in Swedish time and format: 2026-12-02 22:30. */
function printTime(): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date());
}
