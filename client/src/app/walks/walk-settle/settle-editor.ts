import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ACTION_LIMITS,
  SETTLEMENT_OUTCOMES,
  WALK_LIMITS,
  type CaseSummaryDto,
  type FindingDto,
  type OrganizationDto,
  type SettleFindingRequest,
  type SettlementOutcome,
} from '@samverka/contracts';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Notifier } from '../../core/ui/notifier';
import { WalksApi } from '../walks-api';
import { WALK_KEYS } from '../walk-keys';

/** Required, and not only blanks. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** Which form control shows the API's error for a field of the request. */
const CONTROL_OF_FIELD: Record<string, string> = {
  outcome: 'outcome',
  'action.cause': 'cause',
  'action.what': 'what',
  'action.goal': 'goal',
  'action.organizationId': 'organizationId',
  'action.ownerId': 'ownerId',
  'action.dueDate': 'dueDate',
  'action.followUp': 'followUp',
  caseId: 'caseId',
  reason: 'reason',
};

/** Today's date plus `days`, as YYYY-MM-DD (a proposal for the due date only). */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The coordinator's decision on one finding: it becomes an action (cause, action, goal, the responsible organisation
 * – proposed from the place –, an owner, a due date and how it is followed up), joins an existing case of the area,
 * or is noted without action with a reason.
 */
@Component({
  selector: 'sv-settle-editor',
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
    MatButton,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="settle-form" [attr.data-testid]="'settle-form'">
      <fieldset class="group">
        <legend [id]="'outcome-' + finding().id">{{ 'walks.settle.outcome' | t }}</legend>
        <mat-radio-group formControlName="outcome" [attr.aria-labelledby]="'outcome-' + finding().id">
          @for (o of outcomes; track o) {
            <mat-radio-button [value]="o" [attr.data-testid]="'outcome-' + o">{{ keys.outcome(o) | t }}</mat-radio-button>
          }
        </mat-radio-group>
      </fieldset>
      @switch (outcome()) {
        @case ('action') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.cause' | t }}</mat-label>
            <textarea matInput formControlName="cause" rows="2" required [attr.maxlength]="limits.cause.max" data-testid="settle-cause"></textarea>
            <mat-error>{{ form.controls.cause | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.what' | t }}</mat-label>
            <textarea matInput formControlName="what" rows="2" required [attr.maxlength]="limits.what.max" data-testid="settle-what"></textarea>
            <mat-error>{{ form.controls.what | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.goal' | t }}</mat-label>
            <input matInput formControlName="goal" required [attr.maxlength]="limits.goal.max" data-testid="settle-goal" />
            <mat-error>{{ form.controls.goal | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.organization' | t }}</mat-label>
            <mat-select formControlName="organizationId" required data-testid="settle-organization">
              @for (o of partners(); track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
            @if (finding().responsibleOrganization; as proposed) {
              <mat-hint>{{ 'walks.finding.responsibleProposed' | t: { organization: proposed.name } }}</mat-hint>
            }
            <mat-error>{{ form.controls.organizationId | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.owner' | t }}</mat-label>
            <mat-select formControlName="ownerId" data-testid="settle-owner">
              <mat-option value="">{{ 'walks.settle.ownerNone' | t }}</mat-option>
              @for (p of people(); track p.id) {
                <mat-option [value]="p.id">{{ p.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.ownerId | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.dueDate' | t }}</mat-label>
            <input matInput type="date" formControlName="dueDate" required data-testid="settle-due" />
            <mat-error>{{ form.controls.dueDate | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.followUp' | t }}</mat-label>
            <input matInput formControlName="followUp" [attr.maxlength]="walkLimits.followUp.max" data-testid="settle-follow-up" />
            <mat-error>{{ form.controls.followUp | fieldError }}</mat-error>
          </mat-form-field>
        }
        @case ('case') {
          @if (cases().length) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'walks.settle.case' | t }}</mat-label>
              <mat-select formControlName="caseId" required data-testid="settle-case">
                @for (c of cases(); track c.id) {
                  <mat-option [value]="c.id">{{ c.title }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ form.controls.caseId | fieldError }}</mat-error>
            </mat-form-field>
          } @else {
            <p class="empty-state">{{ 'walks.settle.noCases' | t }}</p>
          }
        }
        @case ('noted') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'walks.settle.reason' | t }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="2"
              required
              [attr.maxlength]="walkLimits.settlementReason.max"
              data-testid="settle-reason"
            ></textarea>
            <mat-error>{{ form.controls.reason | fieldError }}</mat-error>
          </mat-form-field>
        }
      }
      <p class="error-text" role="alert">{{ error() }}</p>
      <button matButton="filled" type="submit" [disabled]="saving()" data-testid="settle-save">{{ 'walks.settle.save' | t }}</button>
    </form>
  `,
  styles: `
    :host {
      display: block;
      --mat-button-filled-container-height: 48px;
    }
    .settle-form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .settle-form mat-form-field {
      width: 100%;
    }
    .group {
      border: 0;
      padding: 0;
      margin: 0 0 0.5rem;
      min-width: 0;
    }
    .group legend {
      font: var(--mat-sys-title-small);
      padding: 0;
      margin-bottom: 0.25rem;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    mat-radio-button {
      min-height: 48px;
      display: inline-flex;
      align-items: center;
    }
    .error-text:empty {
      display: none;
    }
    button[type='submit'] {
      align-self: flex-start;
    }
  `,
})
export class SettleEditor {
  protected readonly keys = WALK_KEYS;
  private readonly api = inject(WalksApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly walkId = input.required<string>();
  readonly finding = input.required<FindingDto>();
  readonly partners = input<OrganizationDto[]>([]);
  /** The area's open cases a finding can join. */
  readonly cases = input<CaseSummaryDto[]>([]);
  /** The finding as settled. */
  readonly settled = output<FindingDto>();

  protected readonly outcomes = SETTLEMENT_OUTCOMES;
  protected readonly limits = ACTION_LIMITS;
  protected readonly walkLimits = WALK_LIMITS;
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly people = signal<{ id: string; name: string }[]>([]);

  protected readonly form = this.fb.group({
    outcome: ['action' as SettlementOutcome, Validators.required],
    cause: ['', [requiredText, Validators.maxLength(ACTION_LIMITS.cause.max)]],
    what: ['', [requiredText, Validators.maxLength(ACTION_LIMITS.what.max)]],
    goal: ['', [requiredText, Validators.maxLength(ACTION_LIMITS.goal.max)]],
    organizationId: ['', Validators.required],
    ownerId: [''],
    dueDate: [inDays(30), Validators.required],
    followUp: ['', Validators.maxLength(WALK_LIMITS.followUp.max)],
    caseId: ['', Validators.required],
    reason: ['', [requiredText, Validators.minLength(WALK_LIMITS.settlementReason.min), Validators.maxLength(WALK_LIMITS.settlementReason.max)]],
  });
  protected readonly outcome = toSignal(this.form.controls.outcome.valueChanges, { initialValue: 'action' });
  private readonly organizationId = toSignal(this.form.controls.organizationId.valueChanges, { initialValue: '' });

  /** The controls that belong to each outcome (the others are not validated). */
  private readonly controlsOf = computed(() => ({
    action: ['cause', 'what', 'goal', 'organizationId', 'ownerId', 'dueDate', 'followUp'],
    case: ['caseId'],
    noted: ['reason'],
  }));

  constructor() {
    // The form starts from the finding: its saved settlement, or a proposal (its description as the cause, the
    // organisation responsible for the place).
    effect(() => {
      const f = this.finding();
      untracked(() => this.fill(f));
    });
    effect(() => {
      const org = this.organizationId();
      untracked(() => this.loadPeople(org));
    });
  }

  private fill(f: FindingDto): void {
    const s = f.settlement;
    this.form.reset({
      outcome: s?.outcome ?? 'action',
      cause: s?.outcome === 'action' ? s.cause : f.description.slice(0, ACTION_LIMITS.cause.max),
      what: s?.outcome === 'action' ? s.what : '',
      goal: s?.outcome === 'action' ? s.goal : '',
      organizationId: s?.outcome === 'action' ? s.organizationId : (f.responsibleOrganization?.id ?? ''),
      ownerId: s?.outcome === 'action' ? (s.ownerId ?? '') : '',
      dueDate: s?.outcome === 'action' ? s.dueDate : inDays(30),
      followUp: s?.outcome === 'action' ? (s.followUp ?? '') : '',
      caseId: s?.outcome === 'case' ? s.caseId : '',
      reason: s?.outcome === 'noted' ? s.reason : '',
    });
  }

  private loadPeople(organizationId: string): void {
    this.people.set([]);
    if (!organizationId) return;
    // Only one's own organisation lists its people; for the others the organisation assigns someone later.
    this.api.members(organizationId).subscribe({ next: (p) => this.people.set(p), error: () => undefined });
  }

  protected save(): void {
    if (this.saving()) return;
    this.error.set(null);
    const v = this.form.getRawValue();
    const relevant = this.controlsOf()[v.outcome];
    const invalid = relevant.filter((name) => this.form.get(name)?.invalid);
    if (invalid.length) {
      for (const name of relevant) this.form.get(name)?.markAsTouched();
      return;
    }
    const body: SettleFindingRequest =
      v.outcome === 'action'
        ? {
            outcome: 'action',
            action: {
              cause: v.cause.trim(),
              what: v.what.trim(),
              goal: v.goal.trim(),
              organizationId: v.organizationId,
              ownerId: v.ownerId || null,
              dueDate: v.dueDate,
              ...(v.followUp.trim() ? { followUp: v.followUp.trim() } : {}),
            },
          }
        : v.outcome === 'case'
          ? { outcome: 'case', caseId: v.caseId }
          : { outcome: 'noted', reason: v.reason.trim() };
    this.saving.set(true);
    this.api.settle(this.walkId(), this.finding().id, body).subscribe({
      next: (finding) => {
        this.saving.set(false);
        this.notifier.success('walks.settle.saved');
        this.settled.emit(finding);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const error = toApiError(err);
        let placed = false;
        for (const e of [...(error.errors ?? []), ...(error.field ? [{ field: error.field, message: error.message }] : [])]) {
          const control = this.form.get(CONTROL_OF_FIELD[e.field] ?? '');
          if (control) {
            control.setErrors({ ...(control.errors ?? {}), server: e.message });
            control.markAsTouched();
            placed = true;
          }
        }
        if (!placed) this.error.set(errorMessage(error, this.i18n));
      },
    });
  }
}
