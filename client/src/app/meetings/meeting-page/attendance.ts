import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, effect, inject, input, signal, untracked } from '@angular/core';
import { AbstractControl, FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MEETING_LIMITS, MEETING_ROLES, type MeetingDto, type MeetingRole } from '@samverka/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { meetingFieldErrors } from '../meeting-messages';
import { MeetingStore } from '../meeting-store';
import { MeetingsApi } from '../meetings-api';

/** A participant: a person of an invited organisation (userId) or a guest by name (userId ''); roles only for people. */
type Row = FormGroup<{
  name: FormControl<string>;
  organizationId: FormControl<string>;
  userId: FormControl<string>;
  role: FormControl<MeetingRole | ''>;
  present: FormControl<boolean>;
}>;

function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/**
 * Who takes part: before the meeting the invited participants; while it is held and in the minutes draft the
 * secretary marks who was present, adds and removes people (the API records attendance as part of the minutes).
 */
@Component({
  selector: 'sv-attendance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatIconButton,
    TPipe,
    FieldErrorPipe,
    Icon,
  ],
  template: `
    @if (editable()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="attendance-form">
        <div class="form-alert" role="alert">{{ error() }}</div>
        <ul class="rows" formArrayName="rows">
          @for (r of form.controls.rows.controls; track $index; let i = $index) {
            <li [formGroupName]="i" data-testid="attendance-row">
              @if (meeting().state !== 'planned') {
                <mat-checkbox formControlName="present" class="present"
                  >{{ 'meetings.attendance.present' | t }}<span class="visually-hidden">: {{ r.controls.name.value }}</span></mat-checkbox
                >
              }
              <mat-form-field appearance="outline">
                <mat-label>{{ 'meetings.form.participantOrganization' | t }}</mat-label>
                <mat-select formControlName="organizationId" required (selectionChange)="loadPeople($event.value)" data-testid="participant-organization">
                  @for (o of meeting().organizations; track o.id) {
                    <mat-option [value]="o.id">{{ o.name }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ r.controls.organizationId | fieldError }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'meetings.form.participantPerson' | t }}</mat-label>
                <mat-select formControlName="userId" (selectionChange)="personChosen(r)" data-testid="participant-person">
                  <mat-option value="">{{ 'meetings.form.guest' | t }}</mat-option>
                  @for (p of people()[r.controls.organizationId.value] ?? []; track p.id) {
                    <mat-option [value]="p.id">{{ p.name }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              @if (!r.controls.userId.value) {
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'meetings.form.guestName' | t }}</mat-label>
                  <input matInput formControlName="name" required [maxlength]="limits.participantName.max" autocomplete="off" data-testid="participant-name" />
                  <mat-error>{{ r.controls.name | fieldError }}</mat-error>
                </mat-form-field>
              } @else {
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'meetings.form.role' | t }}</mat-label>
                  <mat-select formControlName="role" data-testid="participant-role">
                    <mat-option value="">{{ 'meetings.role.none' | t }}</mat-option>
                    @for (role of roles; track role) {
                      <mat-option [value]="role">{{ roleLabel(role) }}</mat-option>
                    }
                  </mat-select>
                  <mat-error>{{ r.controls.role | fieldError }}</mat-error>
                </mat-form-field>
              }
              <button matIconButton type="button" (click)="removeRow(i)" [attr.aria-label]="'meetings.form.removeParticipant' | t: { n: i + 1 }">
                <sv-icon name="delete" />
              </button>
            </li>
          }
        </ul>
        <div class="buttons">
          <button matButton="outlined" type="button" (click)="addRow()" data-testid="attendance-add">
            <sv-icon name="add" /> {{ 'meetings.form.addParticipant' | t }}
          </button>
          <button matButton="filled" type="submit" [disabled]="saving()" data-testid="attendance-save">
            {{ (meeting().state === 'planned' ? 'meetings.attendance.saveInvited' : 'meetings.attendance.save') | t }}
          </button>
        </div>
      </form>
    } @else {
      <ul class="list" data-testid="participants">
        @for (p of meeting().participants; track $index) {
          <li>
            <span class="name">{{ p.name }}</span>, {{ p.organizationName }}
            @if (p.role) {
              <span class="role" data-testid="participant-role-text">({{ roleLabel(p.role) }})</span>
            }
            @if (meeting().state !== 'planned' && meeting().state !== 'cancelled') {
              <span class="status" [class.absent]="!p.present">– {{ (p.present ? 'meetings.attendance.present' : 'meetings.attendance.absent') | t }}</span>
            }
          </li>
        } @empty {
          <li>{{ 'meetings.attendance.none' | t }}</li>
        }
      </ul>
      @if (meeting().state === 'planned') {
        <p class="hint">{{ 'meetings.attendance.laterHint' | t }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .rows,
    .list {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
    }
    .rows li {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 0.75rem;
    }
    .rows mat-form-field {
      flex: 1 1 12rem;
    }
    .present {
      margin-top: 0.6rem;
      min-width: 7rem;
    }
    .rows button {
      margin-top: 0.5rem;
    }
    .list li {
      padding: 0.25rem 0;
    }
    .name {
      font-weight: 600;
    }
    .role {
      margin-left: 0.25rem;
    }
    .absent {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class Attendance {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = MEETING_LIMITS;
  private readonly api = inject(MeetingsApi);
  private readonly store = inject(MeetingStore);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly meeting = input.required<MeetingDto>();
  /** Whether attendance may be recorded now (SET_ATTENDANCE allowed). */
  readonly editable = input(false);

  protected readonly form = this.fb.group({ rows: new FormArray<Row>([]) });
  protected readonly roles = MEETING_ROLES;
  /** The people of each invited organisation, by organisation id (loaded when needed). */
  protected readonly people = signal<Partial<Record<string, { id: string; name: string }[]>>>({});
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Follows the meeting unless the secretary is changing the list.
    effect(() => {
      const participants = this.meeting().participants;
      untracked(() => {
        if (this.form.dirty) return;
        const rows = this.form.controls.rows;
        rows.clear();
        for (const p of participants) rows.push(this.row(p.name, p.organizationId, p.present, p.userId ?? '', p.role ?? ''));
      });
    });
    // Participants are chosen from the people of the invited organisations.
    effect(() => {
      if (!this.editable()) return;
      for (const o of this.meeting().organizations) untracked(() => void this.loadPeople(o.id));
    });
  }

  private row(name: string, organizationId: string, present: boolean, userId = '', role: MeetingRole | '' = ''): Row {
    return this.fb.group({
      name: [name, [requiredText, Validators.minLength(MEETING_LIMITS.participantName.min), Validators.maxLength(MEETING_LIMITS.participantName.max)]],
      organizationId: [organizationId, Validators.required],
      userId: [userId],
      role: this.fb.control<MeetingRole | ''>(role),
      present: [present],
    });
  }

  protected roleLabel(role: MeetingRole): string {
    return this.i18n.t(`meetings.role.${role}`);
  }

  /** Reads the people of an organisation once. */
  protected async loadPeople(organizationId: string): Promise<void> {
    if (!organizationId || this.people()[organizationId]) return;
    try {
      const list = await firstValueFrom(this.api.members(organizationId));
      this.people.update((p) => ({ ...p, [organizationId]: list }));
    } catch {
      this.people.update((p) => ({ ...p, [organizationId]: [] }));
    }
  }

  /** A chosen person brings their name; a guest has no role. */
  protected personChosen(r: Row): void {
    const id = r.controls.userId.value;
    const person = (this.people()[r.controls.organizationId.value] ?? []).find((p) => p.id === id);
    if (person) r.controls.name.setValue(person.name);
    else r.controls.role.setValue('');
  }

  protected addRow(): void {
    this.form.controls.rows.push(this.row('', '', true));
    this.form.markAsDirty();
    const index = this.form.controls.rows.length - 1;
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelectorAll<HTMLInputElement>('[data-testid="attendance-row"] input[matInput], [data-testid="attendance-row"] input.mat-mdc-input-element')
          [index]?.focus(),
      {
        injector: this.injector,
      },
    );
  }

  protected removeRow(index: number): void {
    this.form.controls.rows.removeAt(index);
    this.form.markAsDirty();
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="attendance-add"]')?.focus(), { injector: this.injector });
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const participants = this.form.controls.rows.getRawValue().map((r) => ({
      name: r.name.trim(),
      organizationId: r.organizationId,
      present: r.present,
      ...(r.userId ? { userId: r.userId, role: r.role || null } : {}),
    }));
    this.saving.set(true);
    const result = await this.store.change((m) => this.api.attendance(m.id, m.version, participants));
    this.saving.set(false);
    if (result.ok) {
      this.form.markAsPristine();
      this.notifier.success('meetings.attendance.saved');
      return;
    }
    let placed = false;
    for (const [field, message] of meetingFieldErrors(result.error, this.i18n)) {
      const control = this.form.get(field.replace(/^participants\./, 'rows.'));
      if (control && field !== 'version') {
        control.setErrors({ server: message });
        control.markAsTouched();
        placed = true;
      }
    }
    if (!placed) this.error.set(result.message);
  }
}
