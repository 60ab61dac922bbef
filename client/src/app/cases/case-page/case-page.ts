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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_TERMS,
  CASE_LIMITS,
  type ActionDto,
  type CaseDto,
  type CaseEventPayloads,
  type CaseEventType,
  type CategoryDto,
  type PlannedActionDto,
  type ReportDto,
} from '@samverka/contracts';
import { Observable, map, of, switchMap } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n, LocalNumberPipe, MessageKey, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../../directory/directory-api';
import { ActionControls } from '../action-controls';
import { caseErrorText, focusFirstInvalid, isStale, placeFieldErrors } from '../case-messages';
import { StaleBanner } from '../stale-banner';
import { CasesApi } from '../cases-api';
import { DialogOutcome, minTrimmed } from '../dialogs/dialog-base';
import { CASE_BUTTON_EVENTS, CaseEventContext, EventRunner } from '../event-runner';
import { formatDay, todayInSweden } from '../labels/dates';
import { OverdueMark } from '../labels/overdue-mark';
import { PluralPipe, WhenPipe } from '../labels/pipes';
import { StateChip } from '../labels/state-chip';
import { caseStateLabel, isClosedAction } from '../labels/state-labels';
import { CaseStore } from './case-store';
import { CaseTimeline } from './case-timeline';
import { PlanRow, checkDates, planRow, rowValue, toPlanned } from './plan-form';

/** States in which the proposal waits for a decision (shown read-only to everyone who cannot change it). */
const DECISION_STATES = ['proposed', 'escalated'];

/**
 * "Ärende": one case – its state, area, reports and places, the analysis (edited while in analysis), the proposed
 * actions (an editor of the action plan's rows), the agreed actions with their progress, and the full history.
 * Buttons exist only for the events the server allows this user now; each opens the dialog for its payload.
 */
import { MapPoint, PointsMap } from '../../reports/picture/points-map';
import { ReportRedaction } from '../../reports/report-redaction';
import { SwedishDateInput } from '../../core/ui/swedish-date';
import { EffectFigures } from '../../effects/effect-figures';
@Component({
  selector: 'sv-case-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EffectFigures,
    SwedishDateInput,
    StaleBanner,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    TPipe,
    LocalNumberPipe,
    FieldErrorPipe,
    Icon,
    WhenPipe,
    PluralPipe,
    StateChip,
    OverdueMark,
    ActionControls,
    PointsMap,
    CaseTimeline,
    ReportRedaction,
  ],
  providers: [CaseStore],
  templateUrl: './case-page.html',
  styleUrl: './case-page.scss',
})
export class CasePage {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = { case: CASE_LIMITS, action: ACTION_LIMITS };
  private readonly api = inject(CasesApi);
  private readonly store = inject(CaseStore);
  private readonly directory = inject(DirectoryApi);
  private readonly runner = inject(EventRunner);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18n);

  /** The case id (`/cases/:id`). */
  readonly id = input.required<string>();

  protected readonly caseDto = this.store.caseDto;
  protected readonly history = this.store.history;
  protected readonly area = this.store.area;
  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly loading = this.store.loading;
  protected readonly loadError = this.store.loadError;
  /** Someone else changed the case since it was read: offer a reload. */
  protected readonly stale = this.store.stale;
  protected readonly busy = signal(false);
  protected readonly eventError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  /** Which form the error line belongs to: next to the analysis or next to the proposal's buttons. */
  protected readonly formErrorAt = signal<'analysis' | 'proposal'>('analysis');

  protected readonly kinds = ACTION_KINDS.map((value) => ({ value, key: `cases.plan.kind.${value}` as const }));
  protected readonly terms = ACTION_TERMS.map((value) => ({ value, key: `cases.plan.term.${value}` as const }));

  protected readonly form = this.fb.group({
    analysis: ['', [minTrimmed(CASE_LIMITS.analysis.min), Validators.maxLength(CASE_LIMITS.analysis.max)]],
    actions: this.fb.array<PlanRow>([]),
  });

  protected readonly allowed = computed(() => new Set(this.caseDto()?.allowedEvents ?? []));
  /** The event buttons, in the order of the cycle. */
  protected readonly buttons = computed(() => CASE_BUTTON_EVENTS.filter((e) => this.allowed().has(e)));
  protected readonly canSaveAnalysis = computed(() => this.allowed().has('SAVE_ANALYSIS'));
  protected readonly canPropose = computed(() => this.allowed().has('PROPOSE'));
  protected readonly showProposal = computed(() => {
    const c = this.caseDto();
    return !!c && !this.canPropose() && c.proposedActions.length > 0 && DECISION_STATES.includes(c.state);
  });
  protected readonly partners = computed(() => this.area()?.partners ?? []);
  private readonly orgNames = computed(() => new Map(this.partners().map((o) => [o.id, o.name])));
  private readonly categoryById = computed(() => new Map(this.categories().map((c) => [c.id, c])));
  /**
   * The case's reports on the map: at their own position, or at their place's. Another organisation's restricted
   * report has neither (its details are withheld) and stays off the map.
   */
  protected readonly hasPlaceCoordinates = computed(() => (this.caseDto()?.places ?? []).some((p) => p.latitude !== null && p.longitude !== null));
  protected readonly mapPoints = computed<MapPoint[]>(() => {
    const c = this.caseDto();
    if (!c) return [];
    const places = new Map(c.places.map((p) => [p.id, p]));
    return c.reports.flatMap((r) => {
      const place = r.placeId ? places.get(r.placeId) : undefined;
      const latitude = r.latitude ?? place?.latitude ?? null;
      const longitude = r.longitude ?? place?.longitude ?? null;
      return latitude !== null && longitude !== null ? [{ id: r.id, latitude, longitude, categoryId: r.categoryId, assessment: r.assessment }] : [];
    });
  });
  protected readonly openActions = computed(() => (this.caseDto()?.actions ?? []).filter((a) => !isClosedAction(a.state)).length);

  constructor() {
    this.directory.categories().subscribe({ next: (c) => this.categories.set(c), error: () => undefined });
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id, true));
    });
  }

  protected readonly today = todayInSweden();
  /** A proposal waiting for a decision: the page says who decides it, and where (the installation's rule). */
  protected readonly awaitingDecision = computed(() => ['proposed', 'escalated'].includes(this.caseDto()?.state ?? ''));
  protected readonly decisionRuleText = computed(() => {
    const c = this.caseDto();
    if (!c) return '';
    const rule = this.i18n.t(`cases.case.decisionRule.${c.decisionRule}`);
    if (c.decisionRule !== 'commanders') return rule;
    const responsible = [...new Set(c.proposedActions.map((a) => a.organizationId))];
    const agreed = responsible.filter((o) => c.agreedByOrganizationIds.includes(o)).map((o) => this.orgName(o));
    const waiting = responsible.filter((o) => !c.agreedByOrganizationIds.includes(o)).map((o) => this.orgName(o));
    return [
      rule,
      agreed.length ? this.i18n.t('cases.case.agreedBy', { names: agreed.join(', ') }) : '',
      waiting.length ? this.i18n.t('cases.case.awaitingAgreement', { names: waiting.join(', ') }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  });
  protected readonly evaluationPending = computed(() => {
    const from = this.caseDto()?.evaluationFrom;
    return !!from && new Date(from).getTime() > Date.now();
  });
  protected readonly evaluationDate = computed(() => (this.caseDto()?.evaluationFrom ? todayInSweden(new Date(this.caseDto()!.evaluationFrom!)) : ''));

  /** Brå's follow-up column: how and by whom, and when. */
  protected followUpText(a: { followUp?: string | null; followUpDate?: string | null }): string {
    return [a.followUp, a.followUpDate].filter(Boolean).join(', ') || '–';
  }

  protected orgName(id: string): string {
    return this.orgNames().get(id) ?? '';
  }

  protected categoryName(id: string): string {
    const category = this.categoryById().get(id);
    return category ? this.i18n.category(category) : '';
  }

  protected eventLabel(type: CaseEventType): string {
    return this.i18n.t(`cases.event.${type}`);
  }

  protected kindLabel(a: Pick<PlannedActionDto, 'kind' | 'term'>): string {
    return `${this.i18n.t(`cases.plan.kind.${a.kind}`)}, ${this.i18n.t(`cases.plan.term.${a.term}`).toLowerCase()}`;
  }

  protected dismissalText(reason: 'no_action' | 'duplicate'): string {
    return this.i18n.t(`cases.dismiss.${reason}`);
  }

  protected outcomeText(outcome: 'effective' | 'not_effective' | 'escalate'): string {
    return this.i18n.t(`cases.outcome.${outcome}`);
  }

  /** The dates of an action: "1 dec. 2026 – 15 dec. 2026" or "senast 15 dec. 2026". */
  protected when(a: { startDate?: string | null; dueDate: string }): string {
    const day = (d: string) => formatDay(this.i18n, d);
    return a.startDate
      ? this.i18n.t('cases.plan.fromTo', { start: day(a.startDate), due: day(a.dueDate) })
      : this.i18n.t('cases.plan.dueOnly', { due: day(a.dueDate) });
  }

  /** Reloads after a conflict, keeping the user's unsaved text. */
  /** A report's text was removed (gallrad): show the case's report as the server answered. */
  protected reportChanged(report: ReportDto): void {
    this.store.replaceReport(report);
  }

  protected reload(): void {
    this.load(this.id(), false);
  }

  protected addRow(): void {
    this.form.controls.actions.push(planRow(this.fb));
    this.form.markAsDirty();
  }

  protected removeRow(index: number): void {
    if (this.form.controls.actions.length <= 1) return;
    this.form.controls.actions.removeAt(index);
    this.form.markAsDirty();
  }

  /** A case event with a button: its dialog (or at once), then the case as the server answers it. */
  protected run(type: CaseEventType): void {
    const c = this.caseDto();
    if (!c || this.busy()) return;
    this.eventError.set(null);
    this.busy.set(true);
    this.contextFor(type, c)
      .pipe(switchMap((context) => this.runner.caseEvent(c, type, context)))
      .subscribe({
        next: (outcome) => this.settle(outcome, 'cases.case.updatedDone'),
        error: (err: unknown) => {
          this.busy.set(false);
          this.eventError.set(caseErrorText(toApiError(err), this.i18n));
        },
      });
  }

  /** SAVE_ANALYSIS: keeps the analysis as a draft while in analysis. */
  protected saveAnalysis(): void {
    const control = this.form.controls.analysis;
    if (control.invalid) {
      control.markAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.sendInline('SAVE_ANALYSIS', { analysis: control.value.trim() }, 'cases.case.analysisSaved');
  }

  /** PROPOSE: the analysis and the plan's rows; the server's field errors show at their row and field. */
  protected propose(): void {
    const rows = this.form.controls.actions.controls;
    const datesOk = rows.map((r) => checkDates(r)).every(Boolean);
    if (this.form.invalid || !datesOk) {
      this.form.markAllAsTouched();
      this.formError.set(null);
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.sendInline('PROPOSE', { analysis: this.form.controls.analysis.value.trim(), actions: rows.map(toPlanned) }, 'cases.case.updatedDone');
  }

  /** An agreed action changed: the case may have moved too (execution, follow-up), so reload it. */
  protected actionChanged(action: ActionDto): void {
    this.load(this.id(), false, `action-${action.id}`);
  }

  private sendInline<T extends 'SAVE_ANALYSIS' | 'PROPOSE'>(type: T, payload: CaseEventPayloads[T], done: MessageKey): void {
    const c = this.caseDto();
    if (!c || this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    this.formErrorAt.set(type === 'PROPOSE' ? 'proposal' : 'analysis');
    this.api.send(c.id, c.version, type, payload).subscribe({
      next: (updated) => this.settle({ done: updated }, done),
      error: (err: unknown) => {
        this.busy.set(false);
        const error = toApiError(err);
        if (isStale(error)) {
          this.stale.set(true);
          return;
        }
        if (error.code === 'VALIDATION_FAILED' && placeFieldErrors(this.form, error, this.i18n)) {
          focusFirstInvalid(this.host.nativeElement, this.injector);
          return;
        }
        this.formError.set(caseErrorText(error, this.i18n));
      },
    });
  }

  /** After an event: show the case as it is now and its history, or offer a reload after a conflict. */
  private settle(outcome: DialogOutcome<CaseDto> | undefined, done: MessageKey): void {
    this.busy.set(false);
    if (!outcome) return;
    if ('stale' in outcome) {
      this.stale.set(true);
      return;
    }
    this.notifier.success(done);
    this.show(outcome.done, true);
    this.keepFocus();
    this.store.refreshHistory(outcome.done.id);
  }

  /** What a dialog needs besides the case: the area's other cases (DISMISS) or the proposal with names (AGREE). */
  private contextFor(type: CaseEventType, c: CaseDto): Observable<CaseEventContext> {
    if (type === 'AGREE') {
      return of({
        actions: c.proposedActions.map((a) => ({ what: a.what, goal: a.goal, organizationName: this.orgName(a.organizationId), dueDate: a.dueDate })),
      });
    }
    if (type === 'DISMISS') {
      return this.api.list({ areaId: c.areaId }).pipe(
        map((cases) => ({
          candidates: cases
            .filter((x) => x.id !== c.id && x.state !== 'dismissed')
            .map((x) => ({ id: x.id, title: x.title, stateLabel: caseStateLabel(this.i18n, x.state) })),
        })),
      );
    }
    return of({});
  }

  /**
   * After a change the button that was used may be gone (the state moved on); then focus goes to `targetId` or the
   * case's heading instead of getting lost at the top of the document.
   */
  private keepFocus(targetId?: string): void {
    afterNextRender(
      () => {
        const active = this.document.activeElement;
        if (active && active !== this.document.body) return;
        const target = (targetId && this.document.getElementById(targetId)) || this.document.getElementById('case-heading');
        target?.focus();
      },
      { injector: this.injector },
    );
  }

  private load(id: string, first: boolean, focusId?: string): void {
    this.store.load(id, first, (c) => {
      this.show(c, first);
      if (focusId) this.keepFocus(focusId);
    });
  }

  /** Shows the case; the forms follow it unless the user has unsaved changes (kept across a reload). */
  private show(c: CaseDto, resetForm: boolean): void {
    this.store.show(c);
    this.eventError.set(null);
    if (!resetForm && this.form.dirty) return;
    this.form.controls.analysis.setValue(c.analysis ?? '');
    const rows = this.form.controls.actions;
    const proposals = c.actions.length === 0 ? c.proposedActions : [];
    const wanted = proposals.length ? proposals : [undefined];
    // Rows are reused where they exist (their fields keep their place on the page), added or removed otherwise.
    while (rows.length > wanted.length) rows.removeAt(rows.length - 1);
    wanted.forEach((a, i) => (i < rows.length ? rows.at(i).reset(rowValue(a)) : rows.push(planRow(this.fb, a))));
    this.form.markAsPristine();
    this.form.markAsUntouched();
    this.formError.set(null);
  }
}
