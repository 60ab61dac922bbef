import { ComponentType } from '@angular/cdk/portal';
import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  ACTION_LIMITS,
  CASE_LIMITS,
  type ActionDto,
  type ActionEventType,
  type CaseDto,
  type CaseEventType,
  type CaseSummaryDto,
  type TextLimit,
} from '@samverka/contracts';
import { Observable, catchError, map, of, switchMap, throwError } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { toApiError } from '../core/http/api-error';
import { I18n, MessageKey } from '../core/i18n/i18n';
import { isStale } from './case-messages';
import { CasesApi } from './cases-api';
import { AgreeDialog, AgreeDialogData } from './dialogs/agree-dialog';
import { AssignDialog, AssignDialogData } from './dialogs/assign-dialog';
import { DialogOutcome, EventDialogData } from './dialogs/dialog-base';
import { DismissDialog, DismissDialogData } from './dialogs/dismiss-dialog';
import { EvaluateDialog, EvaluateDialogData } from './dialogs/evaluate-dialog';
import { TextEventDialog, TextEventDialogData } from './dialogs/text-event-dialog';

/** The case events that have a button (SAVE_ANALYSIS and PROPOSE are the page's own forms). */
export const CASE_BUTTON_EVENTS: readonly CaseEventType[] = ['START_ANALYSIS', 'AGREE', 'SEND_BACK', 'ESCALATE', 'EVALUATE', 'REOPEN', 'DISMISS'];
/** The action events, in the order of their buttons. */
export const ACTION_EVENTS: readonly ActionEventType[] = ['ASSIGN', 'START', 'COMPLETE', 'BLOCK', 'RESUME', 'CANCEL'];

/** What the case dialogs need besides the case. */
export interface CaseEventContext {
  /** Other cases of the area, for DISMISS as a duplicate. */
  candidates?: DismissDialogData<CaseDto>['candidates'];
  /** The proposed actions as shown in AGREE's summary. */
  actions?: AgreeDialogData<CaseDto>['actions'];
}

const DIALOG = { width: '40rem', maxWidth: '95vw', autoFocus: 'first-tabbable' as const };

/** The note events: their dictionary texts and limits. */
const NOTE_EVENTS: Partial<Record<CaseEventType, { intro: MessageKey; label: MessageKey }>> = {
  SEND_BACK: { intro: 'cases.dialog.sendBack.intro', label: 'cases.dialog.note' },
  ESCALATE: { intro: 'cases.dialog.escalate.intro', label: 'cases.dialog.note' },
  REOPEN: { intro: 'cases.dialog.reopen.intro', label: 'cases.dialog.note' },
};

const TEXT_ACTION_EVENTS: Partial<Record<ActionEventType, { field: string; intro: MessageKey; label: MessageKey; limit: TextLimit }>> = {
  COMPLETE: { field: 'report', intro: 'cases.dialog.complete.intro', label: 'cases.dialog.complete.label', limit: ACTION_LIMITS.report },
  BLOCK: { field: 'reason', intro: 'cases.dialog.block.intro', label: 'cases.dialog.reason', limit: ACTION_LIMITS.reason },
  CANCEL: { field: 'reason', intro: 'cases.dialog.cancel.intro', label: 'cases.dialog.reason', limit: ACTION_LIMITS.reason },
  // "Starta" takes an optional note.
  START: { field: 'note', intro: 'cases.dialog.start.intro', label: 'cases.dialog.start.label', limit: ACTION_LIMITS.startNote },
};

/**
 * Sends case and action events: opens the dialog that asks for the event's payload, or sends at once when there
 * is none (START_ANALYSIS, RESUME). Emits the outcome (`done` with the answer, or `stale`), nothing when the
 * dialog was cancelled; other errors of a direct send reach the caller.
 */
@Injectable({ providedIn: 'root' })
export class EventRunner {
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(CasesApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18n);

  /** Sends a case event (through its dialog where it has a payload). */
  caseEvent(
    c: Pick<CaseSummaryDto, 'id' | 'version' | 'title'>,
    type: CaseEventType,
    context: CaseEventContext = {},
  ): Observable<DialogOutcome<CaseDto> | undefined> {
    const submit = (payload: Record<string, unknown>) => this.api.send(c.id, c.version, type, payload);
    const note = NOTE_EVENTS[type];
    if (note) {
      const data: TextEventDialogData<CaseDto> = {
        submit,
        title: `${this.i18n.t(`cases.event.${type}`)}: ${c.title}`,
        intro: this.i18n.t(note.intro),
        label: this.i18n.t(note.label),
        confirmLabel: this.i18n.t(`cases.event.${type}`),
        field: 'note',
        min: CASE_LIMITS.note.min,
        max: CASE_LIMITS.note.max,
      };
      return this.open(TextEventDialog, data);
    }
    switch (type) {
      case 'EVALUATE': {
        // Until when the actions have time to work is on the full case (a list row does not carry it).
        const full = 'evaluationFrom' in c ? of(c as CaseDto) : this.api.get(c.id).pipe(catchError(() => of(null)));
        return full.pipe(
          switchMap((f) => {
            const data: EvaluateDialogData<CaseDto> = { submit, caseTitle: c.title, evaluationFrom: f?.evaluationFrom ?? null, caseId: c.id };
            return this.open(EvaluateDialog, data);
          }),
        );
      }
      case 'DISMISS': {
        const data: DismissDialogData<CaseDto> = { submit, caseTitle: c.title, candidates: context.candidates ?? [] };
        return this.open(DismissDialog, data);
      }
      case 'AGREE': {
        const data: AgreeDialogData<CaseDto> = { submit, caseTitle: c.title, actions: context.actions ?? [] };
        return this.open(AgreeDialog, data);
      }
      default:
        return this.direct(submit({}));
    }
  }

  /** Sends an action event (through its dialog where it has a payload). */
  actionEvent(a: ActionDto, type: ActionEventType): Observable<DialogOutcome<ActionDto> | undefined> {
    const submit = (payload: Record<string, unknown>) => this.api.sendAction(a.id, a.version, type, payload);
    const text = TEXT_ACTION_EVENTS[type];
    if (text) {
      const data: TextEventDialogData<ActionDto> = {
        submit,
        title: `${this.i18n.t(`cases.actionEvent.${type}`)}: ${a.what}`,
        intro: this.i18n.t(text.intro),
        label: this.i18n.t(text.label),
        confirmLabel: this.i18n.t(`cases.actionEvent.${type}`),
        field: text.field,
        min: text.limit.min,
        max: text.limit.max,
      };
      return this.open(TextEventDialog, data);
    }
    if (type === 'ASSIGN') {
      const me = this.auth.user();
      // Everyone of the responsible organisation can be chosen; the user first, then the colleagues by name.
      return this.api.members(a.organization.id).pipe(
        catchError(() => of([] as { id: string; name: string }[])),
        switchMap((people) => {
          const options: AssignDialogData<ActionDto>['options'] = [];
          if (me) options.push({ id: me.id, label: this.i18n.t('cases.dialog.assign.self', { name: me.name }) });
          for (const p of people) if (p.id !== me?.id) options.push({ id: p.id, label: p.name });
          if (a.owner && !options.some((o) => o.id === a.owner!.id))
            options.push({ id: a.owner.id, label: this.i18n.t('cases.dialog.assign.keep', { name: a.owner.name }) });
          const data: AssignDialogData<ActionDto> = { submit, what: a.what, options, selected: a.owner?.id ?? me?.id ?? '' };
          return this.open(AssignDialog, data);
        }),
      );
    }
    return this.direct(submit({}));
  }

  private open<T>(component: ComponentType<unknown>, data: EventDialogData<T>): Observable<DialogOutcome<T> | undefined> {
    return this.dialog.open<unknown, EventDialogData<T>, DialogOutcome<T>>(component, { ...DIALOG, data }).afterClosed();
  }

  /** A send without a dialog: stale becomes an outcome like in the dialogs; other errors go to the caller. */
  private direct<T>(request: Observable<T>): Observable<DialogOutcome<T> | undefined> {
    return request.pipe(
      map((done) => ({ done }) as DialogOutcome<T>),
      catchError((err: unknown) => (isStale(toApiError(err)) ? of({ stale: true } as DialogOutcome<T>) : throwError(() => err))),
    );
  }
}
