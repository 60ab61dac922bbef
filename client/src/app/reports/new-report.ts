import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TZDate } from '@date-fns/tz';
import {
  ASSESSMENTS,
  REPORT_LIMITS,
  findPersonalData,
  type Assessment,
  type CategoryDto,
  type CreateReportRequest,
  type PersonalDataError,
  type PersonalDataHit,
  type PlaceDto,
  type ReportDto,
} from '@samverka/contracts';
import { format } from 'date-fns';
import { Subscription } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { toApiError } from '../core/http/api-error';
import { I18n, LocalNumberPipe, TPipe } from '../core/i18n/i18n';
import { FieldErrorPipe } from '../core/ui/field-error';
import { Icon } from '../core/ui/icon';
import { Notifier } from '../core/ui/notifier';
import { DirectoryApi } from '../directory/directory-api';
import { apiErrorText, apiFieldErrors } from './api-messages';
import { ReportsApi } from './reports-api';
import { TIME_ZONE } from './weeks';
import { SwedishDateInput, SwedishTimeInput } from '../core/ui/swedish-date';

/** Sweden's bounding box, as the API checks it. */
export const SWEDEN_BOUNDS = { minLat: 55.0, maxLat: 69.1, minLng: 10.9, maxLng: 24.2 };

/** Clock skew tolerated before a time counts as "in the future". */
const FUTURE_SKEW_MS = 60_000;

/** Which form control shows the API's error for a field of the request. */
const CONTROL_OF_FIELD: Record<string, string> = {
  areaId: 'areaId',
  placeId: 'placeId',
  categoryId: 'categoryId',
  occurredAt: 'time',
  assessment: 'assessment',
  policeNotified: 'policeNotified',
  publicPlace: 'publicPlace',
  restricted: 'restricted',
  description: 'description',
};

/** The device's position, rounded to about a decimetre. */
export interface Position {
  latitude: number;
  longitude: number;
  accuracy: number | null;
}

/** Required, and not only blanks. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** Date and time (Swedish local time) as the instant and the ISO 8601 text with offset, or null when unreadable. */
export function localInstant(date: string, time: string): { at: Date; iso: string } | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const local = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), 0, TIME_ZONE);
  if (Number.isNaN(local.getTime()) || local.getDate() !== Number(d[3])) return null;
  return { at: new Date(local.getTime()), iso: format(local, "yyyy-MM-dd'T'HH:mm:ssXXX") };
}

/** The current date and time in Sweden for the form's inputs. */
function nowInSweden(now = new Date()): { date: string; time: string } {
  const local = new TZDate(now, TIME_ZONE);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}

/**
 * "Ny rapport": a reporter files what they observed – where, what, when and how unsafe it felt – quickly, on a
 * phone. The description is checked for personal data while typing; flagged text needs an explicit confirmation.
 */
@Component({
  selector: 'sv-new-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    SwedishDateInput,
    SwedishTimeInput,
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatCheckbox,
    MatButton,
    MatProgressBar,
    TPipe,
    LocalNumberPipe,
    FieldErrorPipe,
    Icon,
  ],
  templateUrl: './new-report.html',
  styleUrl: './new-report.scss',
})
export class NewReport {
  private readonly reports = inject(ReportsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly notifier = inject(Notifier);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  /** Optional area to preselect (`?area=<id>`). */
  readonly area = input<string | undefined>(undefined);

  private readonly auth = inject(AuthService);
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly assessments = ASSESSMENTS;
  protected readonly maxDate = signal(nowInSweden().date);
  protected readonly descriptionMax = REPORT_LIMITS.description.max;

  protected readonly form = inject(NonNullableFormBuilder).group({
    areaId: ['', Validators.required],
    placeId: [null as string | null],
    categoryId: ['', Validators.required],
    date: ['', Validators.required],
    time: ['', Validators.required],
    assessment: ['' as Assessment | '', Validators.required],
    policeNotified: [false],
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- gives the form control its value type
    publicPlace: ['unknown' as 'yes' | 'no' | 'unknown'],
    restricted: [false],
    description: ['', [requiredText, Validators.maxLength(REPORT_LIMITS.description.max)]],
    confirmNoPersonalData: [false],
  });

  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly places = signal<PlaceDto[]>([]);
  protected readonly placesLoading = signal(false);
  protected readonly loadError = signal<string | null>(null);

  protected readonly position = signal<Position | null>(null);
  protected readonly locating = signal(false);
  protected readonly positionError = signal<string | null>(null);

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** Set after a failed attempt: show the confirmation's error. */
  protected readonly confirmMissing = signal(false);
  /** The report just filed: shows the confirmation view instead of the form. */
  protected readonly saved = signal<{ report: ReportDto; areaName: string; placeName: string | null; category: CategoryDto | null } | null>(null);

  private readonly description = toSignal(this.form.controls.description.valueChanges, { initialValue: '' });
  private readonly areaId = toSignal(this.form.controls.areaId.valueChanges, { initialValue: '' });
  private readonly confirmed = toSignal(this.form.controls.confirmNoPersonalData.valueChanges, { initialValue: false });
  /** Hits the API reported for the text as it was sent (normally the same as the client's). */
  private readonly serverHits = signal<{ text: string; hits: PersonalDataHit[] } | null>(null);

  /** What looks like personal data in the description, found while typing. */
  protected readonly hits = computed<PersonalDataHit[]>(() => {
    const text = this.description();
    const own = findPersonalData(text);
    const server = this.serverHits();
    if (!server || server.text !== text) return own;
    const seen = new Set(own.map((h) => `${h.kind}|${h.masked}`));
    return [...own, ...server.hits.filter((h) => !seen.has(`${h.kind}|${h.masked}`))];
  });

  /** The message under the description: how many characters remain. */
  protected readonly remaining = computed(() => this.descriptionMax - this.description().length);
  protected readonly geolocationAvailable = !!this.document.defaultView?.navigator?.geolocation;

  private placesRequest?: Subscription;

  constructor() {
    this.resetTime();
    this.directory.categories().subscribe({
      next: (categories) => this.categories.set([...categories].filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder)),
      error: (err: unknown) => this.loadError.set(apiErrorText(toApiError(err), this.i18n)),
    });
    // Preselect the area: the one asked for, or the user's only one.
    effect(() => {
      const areas = this.areas();
      const wanted = this.area();
      untracked(() => {
        if (this.form.controls.areaId.value) return;
        const id = wanted && areas.some((a) => a.id === wanted) ? wanted : areas.length === 1 ? areas[0].id : '';
        if (id) this.form.controls.areaId.setValue(id);
      });
    });
    // The places of the chosen area.
    effect(() => {
      const areaId = this.areaId();
      untracked(() => this.loadPlaces(areaId));
    });
    effect(() => {
      if (this.confirmed()) untracked(() => this.confirmMissing.set(false));
    });
  }

  /** "Personnummer" / "Telefonnummer" / "E-postadress". */
  protected hitKind(hit: PersonalDataHit): string {
    return this.i18n.t(`privacy.${hit.kind}`);
  }

  /** Asks the device for its position (the browser asks the user for permission first). */
  protected locate(): void {
    const geolocation = this.document.defaultView?.navigator?.geolocation;
    this.positionError.set(null);
    if (!geolocation) {
      this.positionError.set(this.i18n.t('report.position.unavailable'));
      return;
    }
    this.locating.set(true);
    geolocation.getCurrentPosition(
      (pos) => {
        this.locating.set(false);
        const latitude = Math.round(pos.coords.latitude * 1e6) / 1e6;
        const longitude = Math.round(pos.coords.longitude * 1e6) / 1e6;
        const b = SWEDEN_BOUNDS;
        if (latitude < b.minLat || latitude > b.maxLat || longitude < b.minLng || longitude > b.maxLng) {
          this.position.set(null);
          this.positionError.set(this.i18n.t('report.error.outsideSweden'));
          return;
        }
        this.position.set({ latitude, longitude, accuracy: Number.isFinite(pos.coords.accuracy) ? Math.round(pos.coords.accuracy) : null });
        // A position is as good as a place: the "place or position" error no longer applies.
        const place = this.form.controls.placeId;
        if (place.hasError('message')) place.updateValueAndValidity();
      },
      (error) => {
        this.locating.set(false);
        this.positionError.set(this.i18n.t(error.code === 1 ? 'report.position.denied' : 'report.position.failed'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  /** Forgets the position. */
  protected clearPosition(): void {
    this.position.set(null);
    this.positionError.set(null);
  }

  /** Checks the form and files the report. */
  protected submit(): void {
    if (this.saving()) return;
    this.formError.set(null);
    const c = this.form.controls;
    const v = this.form.getRawValue();

    if (!v.placeId && !this.position()) c.placeId.setErrors({ message: 'report.form.placeOrPosition' });
    const occurred = localInstant(v.date, v.time);
    if (v.date && v.time && !occurred) c.date.setErrors({ message: 'report.error.time' });
    else if (occurred && occurred.at.getTime() > Date.now() + FUTURE_SKEW_MS) c.time.setErrors({ message: 'report.error.future' });
    const hits = this.hits();
    const needsConfirmation = hits.length > 0 && !v.confirmNoPersonalData;
    this.confirmMissing.set(needsConfirmation);

    if (this.form.invalid || needsConfirmation || !occurred) {
      this.form.markAllAsTouched();
      this.focusFirstProblem();
      return;
    }

    const position = this.position();
    const body: CreateReportRequest = {
      areaId: v.areaId,
      placeId: v.placeId || null,
      latitude: position?.latitude ?? null,
      longitude: position?.longitude ?? null,
      categoryId: v.categoryId,
      occurredAt: occurred.iso,
      assessment: v.assessment as Assessment,
      policeNotified: v.policeNotified,
      publicPlace: v.publicPlace === 'unknown' ? null : v.publicPlace === 'yes',
      restricted: v.restricted,
      description: v.description.trim(),
      ...(hits.length > 0 && v.confirmNoPersonalData ? { confirmNoPersonalData: true } : {}),
    };
    this.saving.set(true);
    this.reports.create(body).subscribe({
      next: (report) => {
        this.saving.set(false);
        const area = this.areas().find((a) => a.id === report.areaId);
        const category = this.categories().find((cat) => cat.id === report.categoryId);
        this.saved.set({
          report,
          areaName: area?.name ?? '',
          placeName: report.placeName,
          category: category ?? null,
        });
        this.notifier.success('report.sent');
        afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#report-saved-heading')?.focus(), {
          injector: this.injector,
        });
      },
      error: (err: unknown) => this.showError(err),
    });
  }

  /** Starts the next report in the same area. */
  protected again(): void {
    // Same area (its places stay loaded), everything else from the start.
    this.form.reset({ areaId: this.form.controls.areaId.value });
    this.resetTime();
    this.position.set(null);
    this.positionError.set(null);
    this.serverHits.set(null);
    this.confirmMissing.set(false);
    this.formError.set(null);
    this.saved.set(null);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus(), { injector: this.injector });
  }

  /** Describes the time of a report ("20 nov. 2026 21:30"). */
  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
  }

  private resetTime(): void {
    const now = nowInSweden();
    this.maxDate.set(now.date);
    this.form.controls.date.setValue(now.date);
    this.form.controls.time.setValue(now.time);
  }

  private loadPlaces(areaId: string): void {
    this.placesRequest?.unsubscribe();
    this.places.set([]);
    if (!areaId) return;
    this.placesLoading.set(true);
    this.placesRequest = this.directory.area(areaId).subscribe({
      next: (area) => {
        this.placesLoading.set(false);
        this.places.set(area.places);
        const place = this.form.controls.placeId;
        if (place.value && !area.places.some((p) => p.id === place.value)) place.setValue(null);
      },
      error: (err: unknown) => {
        this.placesLoading.set(false);
        this.loadError.set(apiErrorText(toApiError(err), this.i18n));
      },
    });
  }

  private showError(err: unknown): void {
    this.saving.set(false);
    const error = toApiError(err);
    if (error.code === 'REPORT.PERSONAL_DATA') {
      const body = err instanceof HttpErrorResponse ? (err.error as Partial<PersonalDataError>) : null;
      this.serverHits.set({ text: this.form.controls.description.value, hits: body?.hits ?? [] });
      this.form.controls.confirmNoPersonalData.setValue(false);
      this.confirmMissing.set(true);
      this.focusFirstProblem();
      return;
    }
    let placed = false;
    for (const [field, message] of apiFieldErrors(error, this.i18n)) {
      if (field === 'latitude' || field === 'longitude') {
        this.positionError.set(message);
        placed = true;
        continue;
      }
      const control = this.form.get(CONTROL_OF_FIELD[field] ?? '');
      if (control) {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
        placed = true;
      }
    }
    if (!placed) this.formError.set(apiErrorText(error, this.i18n));
    this.focusFirstProblem();
  }

  /** Moves focus to the first field that needs attention, so that keyboard and screen-reader users land on it. */
  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const invalid = root.querySelector<HTMLElement>('form .ng-invalid[formControlName], .position-block.has-error, .confirm-box.needs-confirmation');
        if (!invalid) return;
        const target = invalid.matches('input, textarea, mat-select') ? invalid : invalid.querySelector<HTMLElement>('input, textarea, button, [tabindex="0"]');
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
