import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
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
import { AbstractControl, FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ACTION_LIMITS,
  CASE_LIMITS,
  type AgendaItemDto,
  type CaseDto,
  type DecisionKind,
  type MeetingDto,
  type OrganizationDto,
  type PlannedActionDto,
} from '@samverka/contracts';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Notifier } from '../../core/ui/notifier';
import { CasesApi } from '../../cases/cases-api';
import { DirectoryApi } from '../../directory/directory-api';
import { ActionList, agreedRows, proposedRows } from '../action-list';
import { meetingErrorText, meetingFieldErrors } from '../meeting-messages';
import { MeetingStore } from '../meeting-store';
import { MeetingsApi } from '../meetings-api';
import { SwedishDateInput } from '../../core/ui/swedish-date';

/** Required, and not only blanks. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

type ActionGroup = FormGroup<{ organizationId: FormControl<string>; ownerId: FormControl<string>; dueDate: FormControl<string>; goal: FormControl<string> }>;

/** The decision buttons, in order, with the case event each needs. */
const DECISIONS: {
  kind: DecisionKind;
  event: string | null;
  label: 'meetings.decide.agree' | 'meetings.decide.send_back' | 'meetings.decide.escalate' | 'meetings.decide.note';
}[] = [
  { kind: 'agree', event: 'AGREE', label: 'meetings.decide.agree' },
  { kind: 'send_back', event: 'SEND_BACK', label: 'meetings.decide.send_back' },
  { kind: 'escalate', event: 'ESCALATE', label: 'meetings.decide.escalate' },
  { kind: 'note', event: null, label: 'meetings.decide.note' },
];

/**
 * The recording panel of a case item: the case's analysis and proposed actions, which the meeting may adjust
 * (responsible organisation, owner, due date, goal) before deciding them; or send the case back to analysis, lift it
 * to the leadership consultation, or only note something. The buttons follow what the meeting and the case allow.
 */
@Component({
  selector: 'sv-case-decision',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    SwedishDateInput,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
    ActionList,
  ],
  template: `
    @if (loadError(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    }
    @if (caseDto(); as c) {
      <div class="case" data-testid="case-summary">
        <p class="case-state">
          {{ 'meetings.case.state' | t }}: <strong>{{ caseState(c) }}</strong>
        </p>
        <h4 class="sub">{{ 'meetings.case.analysis' | t }}</h4>
        <p class="analysis" data-testid="case-analysis">{{ c.analysis || ('meetings.case.noAnalysis' | t) }}</p>
      </div>

      @if (c.actions.length) {
        <h4 class="sub">{{ 'meetings.case.agreedActions' | t }}</h4>
        <sv-action-list [rows]="agreed()" />
      } @else if (!editing()) {
        <h4 class="sub">{{ 'meetings.case.proposedActions' | t }}</h4>
        <sv-action-list [rows]="proposed()" />
      }

      @if (canRecord()) {
        <form [formGroup]="form" novalidate (submit)="$event.preventDefault()" class="decision-form" data-testid="decision-form">
          <div class="form-alert" role="alert">{{ formError() }}</div>
          @if (editing()) {
            <h4 class="sub" id="editor-heading-{{ item().id }}">{{ 'meetings.case.proposedActions' | t }}</h4>
            <p class="hint">{{ 'meetings.case.editorHint' | t }}</p>
            <div formArrayName="actions">
              @for (g of form.controls.actions.controls; track $index; let i = $index) {
                <fieldset class="action" [formGroupName]="i" data-testid="action-editor">
                  <legend>{{ 'meetings.action.legend' | t: { n: i + 1, what: base()[i]?.what ?? '' } }}</legend>
                  <p class="cause">
                    <span class="label">{{ 'meetings.action.cause' | t }}:</span> {{ base()[i]?.cause }}
                  </p>
                  <div class="fields">
                    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="org">
                      <mat-label>{{ 'meetings.action.organization' | t }}</mat-label>
                      <mat-select formControlName="organizationId" required data-testid="action-organization">
                        @for (o of partners(); track o.id) {
                          <mat-option [value]="o.id">{{ o.name }}</mat-option>
                        }
                      </mat-select>
                      <mat-error>{{ g.controls.organizationId | fieldError }}</mat-error>
                    </mat-form-field>
                    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="owner">
                      <mat-label>{{ 'meetings.action.owner' | t }}</mat-label>
                      <mat-select formControlName="ownerId" data-testid="action-owner">
                        <mat-option value="">{{ 'meetings.action.ownerLater' | t }}</mat-option>
                        @for (p of members()[g.controls.organizationId.value] ?? []; track p.id) {
                          <mat-option [value]="p.id">{{ p.name }}</mat-option>
                        }
                      </mat-select>
                      <mat-hint>{{ 'meetings.action.ownerHint' | t }}</mat-hint>
                      <mat-error>{{ g.controls.ownerId | fieldError }}</mat-error>
                    </mat-form-field>
                    <mat-form-field appearance="outline" subscriptSizing="dynamic">
                      <mat-label>{{ 'meetings.action.dueDate' | t }}</mat-label>
                      <input matInput svDate formControlName="dueDate" required data-testid="action-due" />
                      <mat-error>{{ g.controls.dueDate | fieldError }}</mat-error>
                    </mat-form-field>
                  </div>
                  <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
                    <mat-label>{{ 'meetings.action.goal' | t }}</mat-label>
                    <textarea matInput formControlName="goal" rows="2" required [maxlength]="limits.goal.max" data-testid="action-goal"></textarea>
                    <mat-error>{{ g.controls.goal | fieldError }}</mat-error>
                  </mat-form-field>
                </fieldset>
              }
            </div>
          }
          <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
            <mat-label>{{ 'meetings.decision.note' | t }}</mat-label>
            <textarea matInput formControlName="note" rows="3" [maxlength]="limits.note.max" data-testid="decision-note"></textarea>
            @if (needsReason()) {
              <mat-hint>{{ 'meetings.decision.noteHint' | t }}</mat-hint>
            }
            <mat-error>{{ form.controls.note | fieldError }}</mat-error>
          </mat-form-field>
          <div class="progress-slot">
            @if (saving()) {
              <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
            }
          </div>
          <div class="buttons" data-testid="decision-buttons">
            @for (d of buttons(); track d.kind) {
              <button
                [matButton]="d.kind === 'agree' ? 'filled' : 'outlined'"
                type="button"
                [disabled]="saving()"
                (click)="decide(d.kind)"
                [attr.data-testid]="'decide-' + d.kind"
              >
                {{ d.label | t }}
              </button>
            }
          </div>
        </form>
      }
    } @else if (!loadError()) {
      <p>{{ 'app.loading' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .sub {
      margin: 0.75rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .case-state {
      margin: 0;
    }
    .analysis {
      white-space: pre-line;
      margin: 0;
    }
    .hint {
      margin: 0 0 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .decision-form {
      margin-top: 0.75rem;
    }
    .action {
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      padding: 0.5rem 1rem 0.25rem;
      margin: 0 0 0.75rem;
    }
    .action legend {
      padding: 0 0.25rem;
      font-weight: 600;
    }
    .cause {
      margin: 0 0 0.5rem;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .fields mat-form-field {
      flex: 1 1 12rem;
      margin-bottom: 0.5rem;
    }
    .fields mat-form-field.org {
      flex: 2 1 16rem;
    }
    /* Wide enough for the whole label "Ansvarig person (valfritt)" (it was cut off at 12rem). */
    .fields mat-form-field.owner {
      flex: 2 1 17rem;
    }
    .wide {
      margin-bottom: 0.5rem;
    }
    .wide {
      width: 100%;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class CaseDecision {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = { goal: ACTION_LIMITS.goal, note: CASE_LIMITS.note };
  private readonly api = inject(MeetingsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly cases = inject(CasesApi);
  private readonly store = inject(MeetingStore);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  readonly meeting = input.required<MeetingDto>();
  readonly item = input.required<AgendaItemDto>();
  /** Whether the user may record decisions now (RECORD allowed). */
  readonly canRecord = input(false);

  protected readonly caseDto = signal<CaseDto | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly partners = signal<OrganizationDto[]>([]);
  /** The people of each responsible organisation chosen so far (loaded when chosen), to name an owner. */
  protected readonly members = signal<Record<string, { id: string; name: string }[]>>({});
  /** The proposed actions the editor started from (cause, what, kind, term, start stay as proposed). */
  protected readonly base = signal<PlannedActionDto[]>([]);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = this.fb.group({
    actions: new FormArray<ActionGroup>([]),
    note: ['', Validators.maxLength(CASE_LIMITS.note.max)],
  });

  private readonly names = computed(() => {
    const names = new Map<string, string>();
    for (const o of this.meeting().organizations) names.set(o.id, o.name);
    for (const o of this.partners()) names.set(o.id, o.name);
    return names;
  });
  protected readonly agreed = computed(() => agreedRows(this.caseDto()?.actions ?? []));
  protected readonly proposed = computed(() => proposedRows(this.caseDto()?.proposedActions ?? [], this.names()));
  /** The editor is shown while the case may be agreed and the user records. */
  protected readonly editing = computed(() => this.canRecord() && !!this.caseDto()?.allowedEvents.includes('AGREE') && this.base().length > 0);
  protected readonly buttons = computed(() => {
    const events = new Set(this.caseDto()?.allowedEvents ?? []);
    const operational = this.meeting().kind === 'operational';
    return DECISIONS.filter((d) => d.event === null || (events.has(d.event) && (d.kind !== 'escalate' || operational)));
  });

  /** Whether a button that needs a reason (send back, escalate) is there. */
  protected readonly needsReason = computed(() => this.buttons().some((b) => b.kind === 'send_back' || b.kind === 'escalate'));

  private caseRequest?: Subscription;
  private readonly caseKey = computed(() => {
    const item = this.item();
    return item.caseId ? `${item.caseId}|${item.decision?.at ?? ''}` : null;
  });
  private areaId: string | null = null;

  constructor() {
    // The case is read again when the item gets a (new) decision: its state and actions change with it.
    effect(() => {
      const key = this.caseKey();
      if (!key) return;
      untracked(() => this.loadCase(key.split('|')[0]));
    });
  }

  protected caseState(c: CaseDto): string {
    return this.i18n.t(`meetings.caseState.${c.state}`);
  }

  private loadCase(caseId: string): void {
    this.caseRequest?.unsubscribe();
    this.loadError.set(null);
    this.caseRequest = this.api.caseById(caseId).subscribe({
      next: (c) => {
        const first = this.caseDto()?.id !== c.id;
        this.caseDto.set(c);
        if (first || this.form.pristine) this.resetEditor(c);
        if (this.areaId !== c.areaId) {
          this.areaId = c.areaId;
          this.directory.area(c.areaId).subscribe({
            next: (a) => this.partners.set(a.partners),
            error: () => this.partners.set(this.meeting().organizations.map((o) => ({ ...o, type: 'ovrig' as const }))),
          });
        }
      },
      error: (err: unknown) => this.loadError.set(meetingErrorText(toApiError(err), this.i18n)),
    });
  }

  private resetEditor(c: CaseDto): void {
    this.base.set(c.proposedActions);
    const actions = this.form.controls.actions;
    actions.clear();
    for (const a of c.proposedActions) {
      const group: ActionGroup = this.fb.group({
        organizationId: [a.organizationId, Validators.required],
        ownerId: [a.ownerId ?? ''],
        dueDate: [a.dueDate, Validators.required],
        goal: [a.goal, [requiredText, Validators.maxLength(ACTION_LIMITS.goal.max)]],
      });
      this.loadMembers(a.organizationId);
      // Another organisation: its people to choose from, and the owner chosen so far no longer fits.
      group.controls.organizationId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((org) => {
        group.controls.ownerId.setValue('');
        this.loadMembers(org);
      });
      actions.push(group);
    }
    this.form.controls.note.setValue('');
    this.form.markAsPristine();
    this.form.markAsUntouched();
    this.formError.set(null);
  }

  private loadMembers(organizationId: string): void {
    if (!organizationId || this.members()[organizationId]) return;
    this.members.update((m) => ({ ...m, [organizationId]: [] }));
    this.cases.members(organizationId).subscribe({
      next: (people) => this.members.update((m) => ({ ...m, [organizationId]: people })),
      // Without the list the owner stays "assigned later by the organisation", which is always allowed.
      error: () => undefined,
    });
  }

  /** Records the decision `kind` with the note (and, for agree, the adjusted actions). */
  protected async decide(kind: DecisionKind): Promise<void> {
    if (this.saving()) return;
    this.formError.set(null);
    const note = this.form.controls.note;
    const text = note.value.trim();
    if ((kind === 'send_back' || kind === 'escalate') && text.length < 3) note.setErrors({ message: 'meetings.error.noteRequired' });
    else if (kind === 'note' && !text) note.setErrors({ message: 'meetings.error.noteEmpty' });
    const actionsInvalid = kind === 'agree' && this.form.controls.actions.invalid;
    if (note.invalid || actionsInvalid) {
      this.form.markAllAsTouched();
      this.focusFirstProblem();
      return;
    }
    const actions =
      kind === 'agree' && this.editing()
        ? this.form.controls.actions.getRawValue().map((v, i) => ({
            ...this.base()[i],
            organizationId: v.organizationId,
            ownerId: v.ownerId.trim() || null,
            dueDate: v.dueDate,
            goal: v.goal.trim(),
          }))
        : undefined;
    const itemId = this.item().id;
    this.saving.set(true);
    const result = await this.store.change((m) => this.api.decide(m.id, itemId, { version: m.version, kind, note: text, ...(actions ? { actions } : {}) }));
    this.saving.set(false);
    if (result.ok) {
      this.notifier.success('meetings.decision.saved');
      this.form.markAsPristine();
      note.setValue('');
      this.focusItem(itemId);
      return;
    }
    let placed = false;
    for (const [field, message] of meetingFieldErrors(result.error, this.i18n)) {
      const control = this.form.get(field);
      if (control && field !== 'version') {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
        placed = true;
      }
    }
    if (!placed) this.formError.set(result.message);
    // The case may have moved on (decided elsewhere): show it as it is.
    if (result.error.code === 'CASE.TRANSITION_NOT_ALLOWED' && this.item().caseId) this.loadCase(this.item().caseId!);
    this.focusFirstProblem();
  }

  /**
   * After a decision the pressed button goes away (the case has moved on): the focus moves to the item's heading, right
   * above the recorded decision, instead of being lost on the page's body.
   */
  private focusItem(itemId: string): void {
    afterNextRender(
      () => {
        const heading = this.host.nativeElement.ownerDocument.getElementById(`item-${itemId}`);
        (heading ?? this.host.nativeElement.querySelector<HTMLElement>('[data-testid="decision-note"]'))?.focus();
      },
      { injector: this.injector },
    );
  }

  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const alert = root.querySelector<HTMLElement>('.form-alert:not(:empty)');
        if (alert) alert.setAttribute('tabindex', '-1');
        (alert ?? root.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid'))?.focus();
      },
      { injector: this.injector },
    );
  }
}
