import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { MEETING_LIMITS, type AreaDetailDto, type CreateMeetingRequest, type MeetingKind, type OrganizationDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../../directory/directory-api';
import { swedishDate, swedishInstant } from '../meeting-format';
import { meetingErrorText, meetingFieldErrors } from '../meeting-messages';
import { MeetingsApi } from '../meetings-api';
import { SwedishDateInput, SwedishTimeInput } from '../../core/ui/swedish-date';

/** Required, and not only blanks. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** At least one entry. */
function notEmpty(control: AbstractControl<string[]>): ValidationErrors | null {
  return control.value.length ? null : { message: 'meetings.error.areas' };
}

type ParticipantGroup = FormGroup<{ name: FormControl<string>; organizationId: FormControl<string> }>;

/** Which form control shows the API's error for a field of the request. */
const CONTROL_OF_FIELD: Record<string, string> = {
  startsAt: 'date',
  areaIds: 'areaIds',
  organizationIds: 'organizationIds',
  title: 'title',
  place: 'place',
  kind: 'kind',
};

/**
 * "Nytt möte": a coordinator schedules a chefssamråd or an EST group meeting – when and where, for which areas, with
 * which organisations and people. Samverka prepares the agenda from the data; the new meeting's page opens.
 */
@Component({
  selector: 'sv-new-meeting',
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
    MatIconButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
    Icon,
  ],
  template: `
    <div class="page-header">
      <h1 tabindex="-1">{{ 'meetings.new.title' | t }}</h1>
      <a matButton routerLink="/meetings"><sv-icon name="arrowBack" /> {{ 'meetings.backToList' | t }}</a>
    </div>

    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="meeting-form" data-testid="meeting-form">
      <div class="form-alert" role="alert">{{ formError() }}</div>

      <fieldset class="checkbox-group">
        <legend>{{ 'meetings.form.kind' | t }}</legend>
        <mat-radio-group formControlName="kind" name="kind" class="kind-group">
          <mat-radio-button value="leadership" data-testid="kind-leadership">
            {{ 'meetings.kind.leadership' | t }}<span class="option-hint"> – {{ 'meetings.kind.leadership.hint' | t }}</span>
          </mat-radio-button>
          <mat-radio-button value="operational" data-testid="kind-operational">
            {{ 'meetings.kind.operational' | t }}<span class="option-hint"> – {{ 'meetings.kind.operational.hint' | t }}</span>
          </mat-radio-button>
        </mat-radio-group>
      </fieldset>

      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ 'meetings.form.title' | t }}</mat-label>
        <input matInput formControlName="title" name="title" required [maxlength]="limits.title.max" autocomplete="off" />
        <mat-hint>{{ 'meetings.form.titleHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.title | fieldError }}</mat-error>
      </mat-form-field>

      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'meetings.form.date' | t }}</mat-label>
          <input matInput svDate formControlName="date" name="date" required [min]="today" />
          <mat-error>{{ form.controls.date | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'meetings.form.time' | t }}</mat-label>
          <input matInput svTime formControlName="time" name="time" required />
          <mat-hint>{{ 'meetings.form.timeHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.time | fieldError }}</mat-error>
        </mat-form-field>
      </div>

      <mat-form-field appearance="outline" class="wide">
        <mat-label>{{ 'meetings.form.place' | t }}</mat-label>
        <input matInput formControlName="place" name="place" required [maxlength]="limits.place.max" />
        <mat-error>{{ form.controls.place | fieldError }}</mat-error>
      </mat-form-field>

      <fieldset class="checkbox-group" data-testid="meeting-areas" [attr.aria-describedby]="areasInvalid() ? 'areas-error' : null">
        <legend>{{ 'meetings.form.areas' | t }}</legend>
        @for (a of areas(); track a.id) {
          <mat-checkbox [checked]="areaIds().includes(a.id)" (change)="toggle(form.controls.areaIds, a.id, $event.checked)">{{ a.name }}</mat-checkbox>
        } @empty {
          <p>{{ 'nav.noAreas' | t }}</p>
        }
        @if (areasInvalid()) {
          <p id="areas-error" class="error-text field-error">{{ form.controls.areaIds | fieldError }}</p>
        }
      </fieldset>

      <fieldset class="checkbox-group" data-testid="meeting-organizations">
        <legend>{{ 'meetings.form.organizations' | t }}</legend>
        @if (own(); as o) {
          <mat-checkbox [checked]="true" [disabled]="true">{{ o.name }} ({{ 'meetings.form.ownOrganization' | t }})</mat-checkbox>
        }
        @for (o of partners(); track o.id) {
          <mat-checkbox [checked]="organizationIds().includes(o.id)" (change)="toggle(form.controls.organizationIds, o.id, $event.checked)">{{
            o.name
          }}</mat-checkbox>
        } @empty {
          <p class="hint">{{ 'meetings.form.organizationsHint' | t }}</p>
        }
        @if (form.controls.organizationIds.hasError('server')) {
          <p class="error-text field-error">{{ form.controls.organizationIds | fieldError }}</p>
        }
      </fieldset>

      <fieldset class="checkbox-group participants" formArrayName="participants" data-testid="meeting-participants">
        <legend>{{ 'meetings.form.participants' | t }}</legend>
        @for (p of form.controls.participants.controls; track p; let i = $index) {
          <div class="participant" [formGroupName]="i" data-testid="participant-row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'meetings.form.participantName' | t }}</mat-label>
              <input matInput formControlName="name" required [maxlength]="limits.participantName.max" autocomplete="off" />
              <mat-error>{{ p.controls.name | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'meetings.form.participantOrganization' | t }}</mat-label>
              <mat-select formControlName="organizationId" required>
                @for (o of chosenOrganizations(); track o.id) {
                  <mat-option [value]="o.id">{{ o.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ p.controls.organizationId | fieldError }}</mat-error>
            </mat-form-field>
            <button matIconButton type="button" (click)="removeParticipant(i)" [attr.aria-label]="'meetings.form.removeParticipant' | t: { n: i + 1 }">
              <sv-icon name="delete" />
            </button>
          </div>
        }
        <button matButton="outlined" type="button" (click)="addParticipant()" data-testid="add-participant">
          <sv-icon name="add" /> {{ 'meetings.form.addParticipant' | t }}
        </button>
      </fieldset>

      <div class="progress-slot">
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
        }
      </div>
      <div class="page-actions">
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="save">{{ 'meetings.form.submit' | t }}</button>
        <a matButton routerLink="/meetings">{{ 'common.cancel' | t }}</a>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    .meeting-form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .wide {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .row mat-form-field {
      flex: 1 1 12rem;
    }
    .kind-group {
      display: flex;
      flex-direction: column;
    }
    .kind-group mat-radio-button {
      min-height: 48px;
    }
    .option-hint {
      color: var(--mat-sys-on-surface-variant);
    }
    fieldset mat-checkbox {
      display: block;
      min-height: 44px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 0.25rem 0;
    }
    .field-error {
      margin: 0.25rem 0;
      font: var(--mat-sys-body-medium);
    }
    .participant {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 0.75rem;
    }
    .participant mat-form-field {
      flex: 1 1 14rem;
    }
    .participant button {
      margin-top: 0.5rem;
    }
  `,
})
export class NewMeeting {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = MEETING_LIMITS;
  private readonly api = inject(MeetingsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly today = swedishDate();
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly own = computed<OrganizationDto | null>(() => this.auth.user()?.organization ?? null);

  protected readonly form = this.fb.group({
    kind: this.fb.control<MeetingKind>('leadership'),
    title: ['', [requiredText, Validators.minLength(MEETING_LIMITS.title.min), Validators.maxLength(MEETING_LIMITS.title.max)]],
    date: ['', Validators.required],
    time: ['09:00', Validators.required],
    place: ['', [requiredText, Validators.minLength(MEETING_LIMITS.place.min), Validators.maxLength(MEETING_LIMITS.place.max)]],
    areaIds: new FormControl<string[]>([], { nonNullable: true, validators: notEmpty }),
    organizationIds: new FormControl<string[]>([], { nonNullable: true }),
    participants: new FormArray<ParticipantGroup>([]),
  });

  protected readonly areaIds = toSignal(this.form.controls.areaIds.valueChanges, { initialValue: [] as string[] });
  protected readonly organizationIds = toSignal(this.form.controls.organizationIds.valueChanges, { initialValue: [] as string[] });
  private readonly areaDetails = signal<Record<string, AreaDetailDto>>({});
  private readonly touchedAreas = signal(false);

  /**
   * The partners of every chosen area (other than the user's own organisation), by name: participants see all the
   * meeting's cases, so an organisation that takes part in only one of the areas cannot be invited.
   */
  protected readonly partners = computed(() => {
    const own = this.own()?.id;
    const areas = this.areaIds().map((id) => this.areaDetails()[id]?.partners ?? []);
    if (areas.length === 0) return [];
    const [first, ...rest] = areas;
    return first
      .filter((p) => p.id !== own && rest.every((partners) => partners.some((q) => q.id === p.id)))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });
  /** The organisations taking part: the user's own and the chosen partners. */
  protected readonly chosenOrganizations = computed(() => {
    const chosen = new Set(this.organizationIds());
    const own = this.own();
    return [...(own ? [own] : []), ...this.partners().filter((p) => chosen.has(p.id))];
  });
  protected readonly areasInvalid = computed(() => {
    this.areaIds();
    return this.touchedAreas() && this.form.controls.areaIds.invalid;
  });

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  constructor() {
    // The user's only area is chosen from the start.
    effect(() => {
      const areas = this.areas();
      untracked(() => {
        if (areas.length === 1 && !this.form.controls.areaIds.value.length) this.form.controls.areaIds.setValue([areas[0].id]);
      });
    });
    // The partners of each chosen area (read once).
    effect(() => {
      const ids = this.areaIds();
      untracked(() => {
        for (const id of ids) {
          if (this.areaDetails()[id]) continue;
          this.directory.area(id).subscribe({
            next: (area) => this.areaDetails.update((all) => ({ ...all, [id]: area })),
            error: (err: unknown) => this.formError.set(meetingErrorText(toApiError(err), this.i18n)),
          });
        }
      });
    });
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus(), { injector: this.injector });
  }

  private participant(name = '', organizationId = ''): ParticipantGroup {
    return this.fb.group({
      name: [name, [requiredText, Validators.minLength(MEETING_LIMITS.participantName.min), Validators.maxLength(MEETING_LIMITS.participantName.max)]],
      organizationId: [organizationId, Validators.required],
    });
  }

  protected toggle(control: FormControl<string[]>, id: string, on: boolean): void {
    const set = new Set(control.value);
    if (on) set.add(id);
    else set.delete(id);
    control.setValue([...set]);
    control.markAsTouched();
    if (control === this.form.controls.areaIds) this.touchedAreas.set(true);
  }

  protected addParticipant(): void {
    this.form.controls.participants.push(this.participant('', this.own()?.id ?? ''));
    const index = this.form.controls.participants.length - 1;
    afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLInputElement>('[data-testid="participant-row"] input')[index]?.focus(), {
      injector: this.injector,
    });
  }

  protected removeParticipant(index: number): void {
    this.form.controls.participants.removeAt(index);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="add-participant"]')?.focus(), { injector: this.injector });
  }

  protected submit(): void {
    if (this.saving()) return;
    this.formError.set(null);
    this.touchedAreas.set(true);
    const v = this.form.getRawValue();
    const startsAt = v.date && v.time ? swedishInstant(v.date, v.time) : null;
    if (v.date && v.time && !startsAt) this.form.controls.time.setErrors({ message: 'meetings.error.startsAt' });
    // A participant's organisation must still take part.
    const taking = new Set(this.chosenOrganizations().map((o) => o.id));
    this.form.controls.participants.controls.forEach((p) => {
      if (p.controls.organizationId.value && !taking.has(p.controls.organizationId.value)) p.controls.organizationId.setValue('');
    });
    if (this.form.invalid || !startsAt) {
      this.form.markAllAsTouched();
      this.focusFirstProblem();
      return;
    }
    const partners = new Set(this.partners().map((p) => p.id));
    const body: CreateMeetingRequest = {
      kind: v.kind,
      title: v.title.trim(),
      startsAt,
      place: v.place.trim(),
      areaIds: v.areaIds,
      organizationIds: v.organizationIds.filter((id) => partners.has(id)),
      participants: this.form.controls.participants.getRawValue().map((p) => ({ name: p.name.trim(), organizationId: p.organizationId })),
      lang: this.i18n.lang(),
    };
    this.saving.set(true);
    this.api.create(body).subscribe({
      next: (meeting) => {
        this.saving.set(false);
        this.notifier.success('meetings.created');
        void this.router.navigate(['/meetings', meeting.id]);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const error = toApiError(err);
        let placed = false;
        for (const [field, message] of meetingFieldErrors(error, this.i18n)) {
          const control = this.form.get(CONTROL_OF_FIELD[field] ?? field);
          if (control) {
            control.setErrors({ ...(control.errors ?? {}), server: message });
            control.markAsTouched();
            placed = true;
          }
        }
        if (!placed) this.formError.set(meetingErrorText(error, this.i18n));
        this.focusFirstProblem();
      },
    });
  }

  /** Moves focus to the first field that needs attention. */
  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const target =
          root.querySelector<HTMLElement>('.form-alert:not(:empty)') ??
          root.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid, .mat-mdc-radio-group.ng-invalid input') ??
          (this.areasInvalid() ? root.querySelector<HTMLElement>('[data-testid="meeting-areas"] input') : null);
        if (target?.classList.contains('form-alert')) target.setAttribute('tabindex', '-1');
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
