import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  FINDING_SEVERITIES,
  PHOTO_TYPES,
  WALK_LIMITS,
  WALK_MAX,
  findPersonalData,
  type CategoryDto,
  type ChecklistItem,
  type CreateFindingRequest,
  type FindingSeverity,
  type OrganizationDto,
  type PersonalDataHit,
  type PlaceDto,
} from '@samverka/contracts';
import { I18n, LocalNumberPipe, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { FindingOutbox } from '../offline/finding-outbox';
import { WALK_KEYS } from '../walk-keys';

/** Sweden's bounding box, as the API checks positions (the report form's `SWEDEN_BOUNDS`). */
const SWEDEN_BOUNDS = { minLat: 55.0, maxLat: 69.1, minLng: 10.9, maxLng: 24.2 };

/** Required, and not only blanks. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** A photo chosen for the finding, with its preview. */
interface ChosenPhoto {
  file: File;
  url: string;
}

/**
 * Recording a finding on the walk, on a phone: where (the phone's position, or a place of the area), what (a
 * checklist item or a category), a description checked for personal data as reports are, how unsafe it feels, and
 * up to five photos from the camera with the confirmation that no face or licence plate can be recognised. The
 * finding goes to the outbox (IndexedDB) first, so it is kept without a connection.
 */
@Component({
  selector: 'sv-finding-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
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
    TPipe,
    LocalNumberPipe,
    FieldErrorPipe,
    Icon,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="finding-form" data-testid="finding-form">
      <div class="form-alert" role="alert">{{ formError() }}</div>
      <fieldset class="group">
        <legend>{{ 'walks.finding.where' | t }}</legend>
        <div class="position-block" [class.has-error]="!!positionError()">
          @if (geolocationAvailable) {
            <button matButton="outlined" type="button" (click)="locate()" [disabled]="locating()" data-testid="finding-use-position">
              <sv-icon name="myLocation" /> {{ 'walks.finding.usePosition' | t }}
            </button>
          }
          <p class="position-status" aria-live="polite" data-testid="finding-position">
            @if (locating()) {
              {{ 'walks.finding.locating' | t }}
            } @else if (position(); as pos) {
              {{ 'walks.finding.position' | t: { latitude: (pos.latitude | localNumber: 5), longitude: (pos.longitude | localNumber: 5) } }}
              @if (pos.accuracy !== null) {
                {{ 'walks.finding.accuracy' | t: { metres: pos.accuracy } }}
              }
            }
          </p>
          @if (position()) {
            <button matButton type="button" (click)="clearPosition()">{{ 'walks.finding.clearPosition' | t }}</button>
          }
          <p class="error-text position-error" role="alert">{{ positionError() }}</p>
        </div>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'walks.finding.place' | t }}</mat-label>
          <mat-select formControlName="placeId" data-testid="finding-place">
            <mat-option value="">{{ 'walks.finding.noPlace' | t }}</mat-option>
            @for (p of places(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
          @if (proposed(); as org) {
            <mat-hint>{{ 'walks.finding.responsibleProposed' | t: { organization: org.name } }}</mat-hint>
          }
          <mat-error>{{ form.controls.placeId | fieldError }}</mat-error>
        </mat-form-field>
      </fieldset>

      <fieldset class="group">
        <legend>{{ 'walks.finding.what' | t }}</legend>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'walks.finding.checklistItem' | t }}</mat-label>
          <mat-select formControlName="checklistItemKey" data-testid="finding-item">
            <mat-option value="">{{ 'walks.finding.none' | t }}</mat-option>
            @for (item of checklist(); track item.key) {
              <mat-option [value]="item.key">{{ i18n.lang() === 'sv' ? item.labelSv : item.labelEn }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.checklistItemKey | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'walks.finding.category' | t }}</mat-label>
          <mat-select formControlName="categoryId" data-testid="finding-category">
            <mat-option value="">{{ 'walks.finding.none' | t }}</mat-option>
            @for (c of categories(); track c.id) {
              <mat-option [value]="c.id">{{ i18n.category(c) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </fieldset>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'walks.finding.description' | t }}</mat-label>
        <textarea
          matInput
          formControlName="description"
          rows="4"
          required
          [attr.maxlength]="limits.findingDescription.max"
          aria-describedby="finding-privacy-warning"
          data-testid="finding-description"
        ></textarea>
        <mat-hint>{{ 'walks.finding.descriptionHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      <div id="finding-privacy-warning" class="privacy-slot" role="alert" aria-live="polite" data-testid="finding-privacy-warning">
        @if (hits().length) {
          <div class="privacy-warning">
            <p class="privacy-title"><sv-icon name="warning" />{{ 'privacy.warning' | t }}</p>
            <ul>
              @for (hit of hits(); track $index) {
                <li>
                  {{ keys.privacy(hit.kind) | t }}: <code>{{ hit.masked }}</code>
                </li>
              }
            </ul>
            <p>{{ 'privacy.explain' | t }}</p>
          </div>
        }
      </div>
      @if (hits().length) {
        <div class="confirm-box" [class.needs-confirmation]="confirmMissing()">
          <mat-checkbox formControlName="confirmNoPersonalData" data-testid="finding-confirm-no-personal-data">{{ 'privacy.confirm' | t }}</mat-checkbox>
          @if (confirmMissing()) {
            <p class="error-text field-error">{{ 'privacy.confirmRequired' | t }}</p>
          }
        </div>
      }

      <fieldset class="group radios" [class.invalid]="form.controls.severity.touched && form.controls.severity.invalid">
        <legend id="severity-legend">{{ 'walks.finding.severity' | t }} <span aria-hidden="true">*</span></legend>
        <mat-radio-group formControlName="severity" aria-labelledby="severity-legend" required>
          @for (s of severities; track s) {
            <mat-radio-button [value]="s" [attr.data-testid]="'severity-' + s">{{ keys.severity(s) | t }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.severity.touched && form.controls.severity.invalid) {
          <p class="error-text field-error">{{ 'common.required' | t }}</p>
        }
      </fieldset>

      <fieldset class="group">
        <legend>{{ 'walks.finding.photos' | t: { max: maxPhotos } }}</legend>
        @if (photos().length) {
          <ul class="photos" data-testid="finding-photos">
            @for (p of photos(); track p.url) {
              <li>
                <img [src]="p.url" alt="" />
                <span class="photo-name">{{ p.file.name }}</span>
                <button matButton type="button" (click)="removePhoto($index)" [attr.aria-label]="'walks.finding.removePhoto' | t: { name: p.file.name }">
                  <sv-icon name="delete" />
                </button>
              </li>
            }
          </ul>
        }
        @if (photos().length < maxPhotos) {
          <label class="file-button">
            <sv-icon name="add" /> {{ 'walks.finding.addPhoto' | t }}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              class="visually-hidden"
              (change)="addPhotos($event)"
              data-testid="finding-photo-input"
            />
          </label>
        }
        <p class="error-text" role="alert">{{ photoError() }}</p>
        @if (photos().length) {
          <div class="confirm-box" [class.needs-confirmation]="noFacesMissing()">
            <mat-checkbox formControlName="confirmNoFaces" data-testid="finding-no-faces">{{ 'walks.finding.noFaces' | t }}</mat-checkbox>
            @if (noFacesMissing()) {
              <p class="error-text field-error">{{ 'walks.finding.noFacesRequired' | t }}</p>
            }
          </div>
        }
      </fieldset>

      @if (partners().length) {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'walks.finding.responsible' | t }}</mat-label>
          <mat-select formControlName="responsibleOrganizationId" data-testid="finding-responsible">
            <mat-option value="">{{
              proposed() ? ('walks.finding.responsibleProposed' | t: { organization: proposed()!.name }) : ('walks.finding.none' | t)
            }}</mat-option>
            @for (o of partners(); track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }

      <button matButton="filled" type="submit" class="send" [disabled]="saving()" data-testid="finding-save">{{ 'walks.finding.submit' | t }}</button>
    </form>
  `,
  styles: `
    :host {
      display: block;
      --mat-button-filled-container-height: 48px;
      --mat-button-outlined-container-height: 48px;
      --mat-button-text-container-height: 48px;
    }
    .finding-form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .finding-form mat-form-field {
      width: 100%;
    }
    .group {
      border: 0;
      padding: 0;
      margin: 0 0 0.75rem;
      min-width: 0;
    }
    .group legend {
      font: var(--mat-sys-title-medium);
      padding: 0;
      margin-bottom: 0.5rem;
    }
    .position-block {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin-bottom: 0.75rem;
    }
    .position-status,
    .position-error {
      margin: 0;
      flex-basis: 100%;
    }
    .position-status:empty,
    .position-error:empty,
    .error-text:empty {
      display: none;
    }
    .radios mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .radios mat-radio-button {
      min-height: 48px;
      display: inline-flex;
      align-items: center;
    }
    .radios.invalid legend {
      color: var(--mat-sys-error);
    }
    .field-error {
      font: var(--mat-sys-body-medium);
      margin: 0.25rem 0 0;
    }
    .privacy-slot:empty {
      display: none;
    }
    .privacy-warning {
      border: 2px solid #8a5300;
      background: #fff4e0;
      color: #3d2500;
      border-radius: 8px;
      padding: 0.75rem 1rem;
      margin: 0.5rem 0;
    }
    .privacy-warning p,
    .privacy-warning ul {
      margin: 0.25rem 0;
    }
    .privacy-title {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: 700;
    }
    .confirm-box {
      margin: 0.25rem 0 0.75rem;
    }
    .confirm-box mat-checkbox {
      min-height: 48px;
      display: flex;
      align-items: center;
    }
    .confirm-box.needs-confirmation {
      border-inline-start: 4px solid var(--mat-sys-error);
      padding-inline-start: 0.5rem;
    }
    .photos {
      list-style: none;
      padding: 0;
      margin: 0 0 0.5rem;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .photos li {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .photos img {
      width: 64px;
      height: 64px;
      object-fit: cover;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .photo-name {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .file-button {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 48px;
      padding: 0 1.25rem;
      cursor: pointer;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 999px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
    }
    .file-button:focus-within {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .send {
      align-self: flex-start;
      margin: 0.5rem 0 1rem;
    }
  `,
})
export class FindingForm {
  protected readonly keys = WALK_KEYS;
  private readonly outbox = inject(FindingOutbox);
  private readonly notifier = inject(Notifier);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  readonly walkId = input.required<string>();
  readonly checklist = input<ChecklistItem[]>([]);
  readonly categories = input<CategoryDto[]>([]);
  readonly places = input<PlaceDto[]>([]);
  /** The area's partner organisations (to name the responsible one). */
  readonly partners = input<OrganizationDto[]>([]);
  /** A finding was put in the outbox. */
  readonly recorded = output();

  protected readonly limits = WALK_LIMITS;
  protected readonly severities = FINDING_SEVERITIES;
  protected readonly maxPhotos = WALK_MAX.photosPerFinding;
  protected readonly geolocationAvailable = !!this.document.defaultView?.navigator?.geolocation;

  protected readonly form = inject(NonNullableFormBuilder).group({
    placeId: [''],
    checklistItemKey: [''],
    categoryId: [''],
    description: ['', [requiredText, Validators.minLength(WALK_LIMITS.findingDescription.min), Validators.maxLength(WALK_LIMITS.findingDescription.max)]],
    confirmNoPersonalData: [false],
    severity: ['' as FindingSeverity | '', Validators.required],
    confirmNoFaces: [false],
    responsibleOrganizationId: [''],
  });

  protected readonly position = signal<{ latitude: number; longitude: number; accuracy: number | null } | null>(null);
  protected readonly locating = signal(false);
  protected readonly positionError = signal<string | null>(null);
  protected readonly photos = signal<ChosenPhoto[]>([]);
  protected readonly photoError = signal<string | null>(null);
  protected readonly noFacesMissing = signal(false);
  protected readonly confirmMissing = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  private readonly description = toSignal(this.form.controls.description.valueChanges, { initialValue: '' });
  private readonly placeId = toSignal(this.form.controls.placeId.valueChanges, { initialValue: '' });
  private readonly noFaces = toSignal(this.form.controls.confirmNoFaces.valueChanges, { initialValue: false });
  private readonly confirmed = toSignal(this.form.controls.confirmNoPersonalData.valueChanges, { initialValue: false });

  /** What looks like personal data in the description (the same check as the report form's). */
  protected readonly hits = computed<PersonalDataHit[]>(() => findPersonalData(this.description()));
  /** The organisation the chosen place names as responsible for its physical environment. */
  protected readonly proposed = computed(() => {
    const place = this.places().find((p) => p.id === this.placeId());
    const orgId = place?.responsibleOrganizationId;
    return orgId ? (this.partners().find((o) => o.id === orgId) ?? null) : null;
  });

  constructor() {
    effect(() => {
      if (this.noFaces()) untracked(() => this.noFacesMissing.set(false));
    });
    effect(() => {
      if (this.confirmed()) untracked(() => this.confirmMissing.set(false));
    });
    effect(() => {
      // A place is as good as a position: the "place or position" error no longer applies.
      if (this.placeId()) untracked(() => this.form.controls.placeId.setErrors(null));
    });
    inject(DestroyRef).onDestroy(() => this.photos().forEach((p) => URL.revokeObjectURL(p.url)));
  }

  /** Asks the phone for its position (the browser asks for permission first); a place can be chosen instead. */
  protected locate(): void {
    const geolocation = this.document.defaultView?.navigator?.geolocation;
    this.positionError.set(null);
    if (!geolocation) {
      this.positionError.set(this.i18n.t('walks.finding.positionUnavailable'));
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
          this.positionError.set(this.i18n.t('walks.finding.outsideSweden'));
          return;
        }
        this.position.set({ latitude, longitude, accuracy: Number.isFinite(pos.coords.accuracy) ? Math.round(pos.coords.accuracy) : null });
        this.form.controls.placeId.setErrors(null);
      },
      (error) => {
        this.locating.set(false);
        this.positionError.set(this.i18n.t(error.code === 1 ? 'walks.finding.positionDenied' : 'walks.finding.positionFailed'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }

  protected clearPosition(): void {
    this.position.set(null);
    this.positionError.set(null);
  }

  /** Adds the chosen photos (JPEG or PNG, at most 15 MB each, at most five in all); names the refused ones. */
  protected addPhotos(event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    const files = [...(inputEl.files ?? [])];
    inputEl.value = '';
    const problems: string[] = [];
    const accepted: ChosenPhoto[] = [];
    for (const file of files) {
      if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) problems.push(this.i18n.t('walks.finding.photoType', { name: file.name }));
      else if (file.size > WALK_MAX.photoBytes) problems.push(this.i18n.t('walks.finding.photoSize', { name: file.name }));
      else if (this.photos().length + accepted.length >= WALK_MAX.photosPerFinding)
        problems.push(this.i18n.t('walks.finding.photoTooMany', { max: WALK_MAX.photosPerFinding }));
      else accepted.push({ file, url: URL.createObjectURL(file) });
    }
    this.photos.update((list) => [...list, ...accepted]);
    this.photoError.set(problems.length ? [...new Set(problems)].join(' ') : null);
  }

  protected removePhoto(i: number): void {
    const removed = this.photos()[i];
    if (removed) URL.revokeObjectURL(removed.url);
    this.photos.update((list) => list.filter((_, j) => j !== i));
    if (!this.photos().length) this.form.controls.confirmNoFaces.setValue(false);
  }

  /** Checks the finding and puts it in the outbox (sent at once when online). */
  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    const c = this.form.controls;
    const v = this.form.getRawValue();
    const position = this.position();
    if (!v.placeId && !position) c.placeId.setErrors({ message: 'walks.finding.placeOrPosition' });
    if (!v.checklistItemKey && !v.categoryId) c.checklistItemKey.setErrors({ message: 'walks.finding.itemOrCategory' });
    const hits = this.hits();
    const needsConfirmation = hits.length > 0 && !v.confirmNoPersonalData;
    this.confirmMissing.set(needsConfirmation);
    const needsNoFaces = this.photos().length > 0 && !v.confirmNoFaces;
    this.noFacesMissing.set(needsNoFaces);
    if (this.form.invalid || needsConfirmation || needsNoFaces) {
      this.form.markAllAsTouched();
      this.focusFirstProblem();
      return;
    }
    const body: CreateFindingRequest = {
      latitude: position?.latitude ?? null,
      longitude: position?.longitude ?? null,
      placeId: v.placeId || null,
      checklistItemKey: v.checklistItemKey || null,
      categoryId: v.categoryId || null,
      description: v.description.trim(),
      severity: v.severity as FindingSeverity,
      ...(v.responsibleOrganizationId ? { responsibleOrganizationId: v.responsibleOrganizationId } : {}),
      ...(hits.length ? { confirmNoPersonalData: true } : {}),
      recordedAt: new Date().toISOString(),
    };
    const summary = body.description.length > 80 ? `${body.description.slice(0, 79)}…` : body.description;
    this.saving.set(true);
    try {
      await this.outbox.record(
        this.walkId(),
        body,
        summary,
        this.photos().map((p) => p.file),
      );
    } catch {
      this.saving.set(false);
      this.formError.set(this.i18n.t('walks.outbox.storage'));
      return;
    }
    this.saving.set(false);
    this.notifier.success(this.outbox.online() ? 'walks.finding.saved' : 'walks.finding.savedOffline');
    this.photos().forEach((p) => URL.revokeObjectURL(p.url));
    this.photos.set([]);
    this.photoError.set(null);
    this.form.reset({
      placeId: '',
      checklistItemKey: '',
      categoryId: '',
      description: '',
      confirmNoPersonalData: false,
      severity: '',
      confirmNoFaces: false,
      responsibleOrganizationId: '',
    });
    this.position.set(null);
    this.recorded.emit();
  }

  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const invalid = root.querySelector<HTMLElement>(
          'form mat-select.ng-invalid, form textarea.ng-invalid, form mat-radio-group.ng-invalid, .confirm-box.needs-confirmation',
        );
        const target = invalid?.matches('textarea, mat-select') ? invalid : invalid?.querySelector<HTMLElement>('input, button, [tabindex="0"]');
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
