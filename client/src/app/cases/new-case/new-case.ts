import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { CASE_LIMITS, type CategoryDto, type PlaceDto, type ReportDto } from '@samverka/contracts';
import { Subscription, catchError, forkJoin, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../../directory/directory-api';
import { ReportsApi } from '../../reports/reports-api';
import { TIME_ZONE } from '../../reports/weeks';
import { SwedishDateInput, isSwedishDate, normaliseDate } from '../../core/ui/swedish-date';
import { caseErrorText, focusFirstInvalid, placeFieldErrors } from '../case-messages';
import { CasesApi } from '../cases-api';
import { WhenPipe } from '../labels/pipes';
import { minTrimmed } from '../dialogs/dialog-base';

/** How far back the form offers the area's reports. */
export const REPORT_DAYS = 28;
/** At most this many reports are listed (the API's largest page). */
export const REPORT_LIMIT = 500;

/**
 * "Nytt ärende": opens a case for a problem in an area from its recent reports and places. Reports can be
 * preselected from another page with `?area=<id>&reports=<id>,<id>`.
 */
@Component({
  selector: 'sv-new-case',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    SwedishDateInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
    Icon,
    WhenPipe,
  ],
  templateUrl: './new-case.html',
  styleUrl: './new-case.scss',
})
export class NewCase {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = CASE_LIMITS;
  private readonly api = inject(CasesApi);
  private readonly reportsApi = inject(ReportsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  /** `?area=<id>`. */
  readonly area = input<string | undefined>(undefined);
  /** `?reports=<id>,<id>`: reports to preselect. */
  readonly reports = input<string | undefined>(undefined);

  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly form = inject(NonNullableFormBuilder).group({
    areaId: ['', Validators.required],
    title: ['', [minTrimmed(CASE_LIMITS.title.min), Validators.maxLength(CASE_LIMITS.title.max)]],
    description: ['', [minTrimmed(CASE_LIMITS.description.min), Validators.maxLength(CASE_LIMITS.description.max)]],
  });
  protected readonly areaId = toSignal(this.form.controls.areaId.valueChanges, { initialValue: '' });

  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly places = signal<PlaceDto[]>([]);
  protected readonly recent = signal<ReportDto[]>([]);
  /** Preselected reports that are not among the recent ones. */
  protected readonly older = signal<ReportDto[]>([]);
  protected readonly selectedReports = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedPlaces = signal<ReadonlySet<string>>(new Set());
  protected readonly categoryFilter = signal('');
  protected readonly placeFilter = signal('');
  protected readonly textFilter = signal('');
  /** The first and last day (YYYY-MM-DD, Stockholm time) of the observations shown; ignored until a whole date is typed. */
  protected readonly fromFilter = signal('');
  protected readonly toFilter = signal('');
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  private readonly categoryById = computed(() => new Map(this.categories().map((c) => [c.id, c])));
  /** The reports offered, filtered by category, place and text; the selected ones come first and always stay visible. */
  protected readonly shownReports = computed(() => {
    const category = this.categoryFilter();
    const place = this.placeFilter();
    const text = this.textFilter().trim().toLocaleLowerCase('sv');
    const from = wholeDate(this.fromFilter());
    const to = wholeDate(this.toFilter());
    const selected = this.selectedReports();
    const all = [...this.older(), ...this.recent()];
    const matches = (r: ReportDto): boolean =>
      (!category || r.categoryId === category) &&
      (!place || r.placeId === place) &&
      (!from || stockholmDay(r.occurredAt) >= from) &&
      (!to || stockholmDay(r.occurredAt) <= to) &&
      (!text ||
        [r.detailsVisible ? (r.description ?? '') : '', r.placeName ?? '', this.categoryName(r.categoryId)].some((t) =>
          t.toLocaleLowerCase('sv').includes(text),
        ));
    return [...all.filter((r) => selected.has(r.id)), ...all.filter((r) => !selected.has(r.id) && matches(r))];
  });
  protected readonly truncated = computed(() => this.recent().length >= REPORT_LIMIT);

  private request?: Subscription;
  /** The reports to preselect once the area's reports have loaded. */
  private preselect: string[] = [];

  constructor() {
    this.directory.categories().subscribe({ next: (c) => this.categories.set([...c].sort((a, b) => a.sortOrder - b.sortOrder)), error: () => undefined });
    // The area from the address, else the first of the user's areas; the preselected reports go with it.
    effect(() => {
      const wanted = this.area();
      const ids = (this.reports() ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const areas = this.areas();
      untracked(() => {
        this.preselect = ids;
        this.form.controls.areaId.setValue(wanted || areas[0]?.id || '');
      });
    });
    effect(() => {
      const areaId = this.areaId();
      untracked(() => this.load(areaId));
    });
  }

  protected categoryName(id: string): string {
    const category = this.categoryById().get(id);
    return category ? this.i18n.category(category) : '';
  }

  protected toggleReport(id: string, checked: boolean): void {
    this.selectedReports.update((set) => toggled(set, id, checked));
  }

  protected togglePlace(id: string, checked: boolean): void {
    this.selectedPlaces.update((set) => toggled(set, id, checked));
  }

  /** Opens the case and goes to its page. */
  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { areaId, title, description } = this.form.getRawValue();
    this.saving.set(true);
    this.formError.set(null);
    this.api
      .create({ areaId, title: title.trim(), description: description.trim(), reportIds: [...this.selectedReports()], placeIds: [...this.selectedPlaces()] })
      .subscribe({
        next: (created) => {
          this.notifier.success('cases.new.created');
          void this.router.navigate(['/cases', created.id]);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          const error = toApiError(err);
          if (error.code === 'VALIDATION_FAILED' && placeFieldErrors(this.form, error, this.i18n)) {
            focusFirstInvalid(this.host.nativeElement, this.injector);
            return;
          }
          this.formError.set(caseErrorText(error, this.i18n));
        },
      });
  }

  private load(areaId: string): void {
    this.request?.unsubscribe();
    this.recent.set([]);
    this.older.set([]);
    this.places.set([]);
    this.selectedReports.set(new Set());
    this.selectedPlaces.set(new Set());
    this.loadError.set(null);
    if (!areaId) return;
    this.loading.set(true);
    const from = new Date(Date.now() - REPORT_DAYS * 86_400_000).toISOString();
    this.request = forkJoin({
      area: this.directory.area(areaId),
      page: this.reportsApi.list({ areaId, from }, 1, REPORT_LIMIT),
    }).subscribe({
      next: ({ area, page }) => {
        this.places.set(area.places);
        this.recent.set(page.items);
        this.loading.set(false);
        this.applyPreselection(areaId, page.items);
      },
      error: (err: unknown) => {
        this.loadError.set(caseErrorText(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }

  /** Selects the reports named in the address; those older than the list are fetched one by one. */
  private applyPreselection(areaId: string, recent: ReportDto[]): void {
    const ids = this.preselect;
    this.preselect = [];
    if (!ids.length) return;
    const known = new Set(recent.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    this.selectedReports.set(new Set(ids.filter((id) => known.has(id))));
    if (!missing.length) return;
    forkJoin(missing.map((id) => this.api.report(id).pipe(catchError(() => of(null))))).subscribe((found) => {
      const reports = found.filter((r): r is ReportDto => !!r && r.areaId === areaId);
      this.older.set(reports);
      this.selectedReports.update((set) => new Set([...set, ...reports.map((r) => r.id)]));
    });
  }
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day of a moment in Stockholm, as YYYY-MM-DD. */
function stockholmDay(iso: string): string {
  return STOCKHOLM_DAY.format(new Date(iso));
}

/** The typed date as YYYY-MM-DD, or '' while it is not yet a whole date. */
function wholeDate(text: string): string {
  const date = normaliseDate(text);
  return isSwedishDate(date) ? date : '';
}
