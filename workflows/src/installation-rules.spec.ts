import { DEFAULT_WORKFLOW_SETTINGS, WorkflowSettings } from '@samverka/contracts';
import { createActor } from 'xstate';
import { ACTION_RULES, ActionEvent, actionMachine } from './action.machine';
import { Actor, allowedEvents, decide, envOf } from './common';
import { CASE_RULES, CaseEvent, caseMachine, evaluationFrom, PlannedAction } from './case.machine';
import { MEETING_RULES, MeetingEvent, meetingMachine } from './meeting.machine';

/** The rules that take the installation's settings as input (issue 17): who decides, evaluation, starting actions, the justering. */
const KOMMUN = 'org-kommun';
const POLIS = 'org-polis';
const BOSTAD = 'org-bostad';
const NOW = '2026-11-21T10:00:00.000Z';
const user = (id: string, roles: string[], organizationId: string): Actor => ({ kind: 'user', id, roles: roles as never, organizationId });
const coordinator = user('coord', ['coordinator', 'analyst'], KOMMUN);
const polisChief = user('polis-chief', ['commander'], POLIS);
const bostadChief = user('bostad-chief', ['commander', 'action_owner'], BOSTAD);
const caretaker = user('caretaker', ['reporter'], BOSTAD);
const settings = (over: Partial<WorkflowSettings>): WorkflowSettings => ({ ...DEFAULT_WORKFLOW_SETTINGS, ...over });

const action = (over: Partial<PlannedAction> = {}): PlannedAction => ({
  cause: 'Mörk tvättstuga',
  what: 'Byt belysning',
  goal: 'Inga samlingar',
  organizationId: BOSTAD,
  dueDate: '2026-12-15',
  kind: 'one_off',
  term: 'short',
  ...over,
});

function runCase(
  events: Partial<CaseEvent>[],
  s = createActor(caseMachine, { input: { partnerIds: [KOMMUN, POLIS, BOSTAD] } })
    .start()
    .getSnapshot(),
) {
  for (const e of events) {
    const d = decide(caseMachine, s, { actor: coordinator, now: NOW, ...e } as CaseEvent, CASE_RULES);
    if (!d.ok) throw new Error(`${e.type}: ${JSON.stringify(d)}`);
    s = d.next;
  }
  return s;
}
const proposed = () =>
  runCase([
    { type: 'START_ANALYSIS' },
    { type: 'SAVE_ANALYSIS', analysis: 'Samlingar i tvättstugan fredag kväll.' } as Partial<CaseEvent>,
    { type: 'PROPOSE', actions: [action(), action({ organizationId: POLIS, what: 'Närvaro fredagar' })] } as Partial<CaseEvent>,
  ]);
const agree = (actor: Actor, s: WorkflowSettings, extra: object = {}) => ({ type: 'AGREE', actor, now: NOW, settings: s, ...extra }) as CaseEvent;

describe('who decides (the installation’s decision rule)', () => {
  it('coordinator: a coordinator agrees on the case page', () => {
    const s = settings({ decisionRule: 'coordinator' });
    expect(allowedEvents(proposed(), coordinator, CASE_RULES, envOf({ settings: s }))).toContain('AGREE');
    const d = decide(caseMachine, proposed(), agree(coordinator, s), CASE_RULES);
    expect(d.ok && d.next.value).toBe('agreed');
  });

  it('meeting: nobody agrees on the case page, a chefssamråd does', () => {
    const s = settings({ decisionRule: 'meeting' });
    expect(allowedEvents(proposed(), coordinator, CASE_RULES, envOf({ settings: s }))).not.toContain('AGREE');
    expect(allowedEvents(proposed(), polisChief, CASE_RULES, envOf({ settings: s }))).not.toContain('AGREE');
    expect(decide(caseMachine, proposed(), agree(coordinator, s), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    const d = decide(caseMachine, proposed(), agree(coordinator, s, { inMeeting: true }), CASE_RULES);
    expect(d.ok && d.next.value).toBe('agreed');
  });

  it('commanders: a commander of each responsible organisation agrees; the case is agreed when all have', () => {
    const s = settings({ decisionRule: 'commanders' });
    expect(decide(caseMachine, proposed(), agree(coordinator, s), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    const first = decide(caseMachine, proposed(), agree(polisChief, s), CASE_RULES);
    expect(first.ok && first.next.value).toBe('proposed');
    expect(first.ok && first.next.context.consents).toEqual([POLIS]);
    // The same organisation cannot agree twice; the proposal cannot be changed by one of them.
    expect(first.ok && decide(caseMachine, first.next, agree(polisChief, s), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(first.ok && decide(caseMachine, first.next, agree(bostadChief, s, { actions: [action()] }), CASE_RULES)).toMatchObject({
      reason: 'invalid',
      problem: { field: 'actions' },
    });
    const second = first.ok && decide(caseMachine, first.next, agree(bostadChief, s), CASE_RULES);
    expect(second && second.ok && second.next.value).toBe('agreed');
  });
});

describe('the proposal’s dates and follow-up column', () => {
  it('refuses a due date in the past (Swedish date), naming the action’s field', () => {
    const s = runCase([{ type: 'START_ANALYSIS' }, { type: 'SAVE_ANALYSIS', analysis: 'Samlingar i tvättstugan fredag kväll.' } as Partial<CaseEvent>]);
    const propose = (dueDate: string) =>
      ({ type: 'PROPOSE', actor: coordinator, now: '2026-11-20T23:30:00.000Z', actions: [action(), action({ dueDate })] }) as CaseEvent;
    // 23:30 UTC on the 20th is already the 21st in Sweden.
    expect(decide(caseMachine, s, propose('2026-11-20'), CASE_RULES)).toMatchObject({ reason: 'invalid', problem: { field: 'actions[1].dueDate' } });
    expect(decide(caseMachine, s, propose('2026-11-21'), CASE_RULES).ok).toBe(true);
  });

  it('keeps the follow-up text and date, and checks them', () => {
    const s = runCase([{ type: 'START_ANALYSIS' }, { type: 'SAVE_ANALYSIS', analysis: 'Samlingar i tvättstugan fredag kväll.' } as Partial<CaseEvent>]);
    const propose = (over: Partial<PlannedAction>) => ({ type: 'PROPOSE', actor: coordinator, now: NOW, actions: [action(over)] }) as CaseEvent;
    const d = decide(caseMachine, s, propose({ followUp: 'Trygghetsvandring, områdesgruppen', followUpDate: '2027-01-15' }), CASE_RULES);
    expect(d.ok && d.next.context.proposedActions[0]).toMatchObject({ followUp: 'Trygghetsvandring, områdesgruppen', followUpDate: '2027-01-15' });
    expect(decide(caseMachine, s, propose({ followUpDate: '15/1' }), CASE_RULES)).toMatchObject({ problem: { field: 'actions[0].followUpDate' } });
    expect(decide(caseMachine, s, propose({ followUp: 'x'.repeat(1001) }), CASE_RULES)).toMatchObject({ problem: { field: 'actions[0].followUp' } });
  });
});

describe('evaluation waits until the actions have had time to work', () => {
  const inFollowUp = () =>
    runCase(
      [agree(coordinator, DEFAULT_WORKFLOW_SETTINGS), { type: 'ACTION_CLOSED', actor: { kind: 'system' }, openActions: 0 } as Partial<CaseEvent>],
      proposed(),
    );
  const evaluate = (days: number, extra: object = {}) =>
    ({
      type: 'EVALUATE',
      outcome: 'effective',
      note: 'Inga nya rapporter',
      actor: coordinator,
      now: new Date(Date.parse(NOW) + days * 86_400_000).toISOString(),
      settings: settings({ evaluationMinDays: 28 }),
      ...extra,
    }) as CaseEvent;

  it('is refused before the minimum without a reason, allowed with one, and allowed after it', () => {
    const s = inFollowUp();
    expect(s.context.followUpSince).toBe(NOW);
    expect(evaluationFrom(s.context, 28)).toBe('2026-12-19T10:00:00.000Z');
    expect(decide(caseMachine, s, evaluate(10), CASE_RULES)).toMatchObject({ reason: 'invalid', problem: { field: 'earlyReason' } });
    expect(decide(caseMachine, s, evaluate(10, { earlyReason: 'x' }), CASE_RULES)).toMatchObject({ problem: { field: 'earlyReason' } });
    const early = decide(caseMachine, s, evaluate(10, { earlyReason: 'Fastigheten säljs, gruppen upphör' }), CASE_RULES);
    expect(early.ok && early.next.value).toBe('closed');
    const late = decide(caseMachine, s, evaluate(28), CASE_RULES);
    expect(late.ok && late.next.value).toBe('closed');
  });
});

describe('starting an action', () => {
  const action0 = (ownerId: string | null) =>
    createActor(actionMachine, { input: { organizationId: BOSTAD, ownerId } })
      .start()
      .getSnapshot();
  const startEv = (actor: Actor, note?: string) => ({ type: 'START', actor, now: NOW, ...(note !== undefined ? { note } : {}) }) as ActionEvent;

  it('an owner named in the decision starts it without an assignment, with an optional note', () => {
    expect(allowedEvents(action0('caretaker'), caretaker, ACTION_RULES)).toEqual(['START']);
    const d = decide(actionMachine, action0('caretaker'), startEv(caretaker, 'Elektrikern bokad till tisdag'), ACTION_RULES);
    expect(d.ok && d.next.value).toBe('in_progress');
    expect(d.ok && d.next.context.startNote).toBe('Elektrikern bokad till tisdag');
    const plain = decide(actionMachine, action0('caretaker'), startEv(caretaker), ACTION_RULES);
    expect(plain.ok && plain.next.context.startNote).toBeNull();
    expect(decide(actionMachine, action0('caretaker'), startEv(caretaker, 'x'.repeat(2001)), ACTION_RULES)).toMatchObject({ problem: { field: 'note' } });
  });

  it('without a named owner it is assigned first', () => {
    expect(allowedEvents(action0(null), bostadChief, ACTION_RULES)).toEqual(['ASSIGN', 'CANCEL']);
    expect(decide(actionMachine, action0(null), startEv(bostadChief), ACTION_RULES)).toEqual({ ok: false, reason: 'forbidden' });
  });
});

describe('meeting formalities', () => {
  const STARTS = '2026-11-20T13:00:00.000Z';
  const meeting = () =>
    createActor(meetingMachine, { input: { organizationIds: [KOMMUN, POLIS, BOSTAD], startsAt: STARTS } })
      .start()
      .getSnapshot();
  const mev = (e: Partial<MeetingEvent>, over: Partial<WorkflowSettings> = {}) =>
    ({ actor: coordinator, now: STARTS, settings: settings(over), ...e }) as MeetingEvent;
  const runMeeting = (events: MeetingEvent[]) =>
    events.reduce((s, e) => {
      const d = decide(meetingMachine, s, e, MEETING_RULES);
      if (!d.ok) throw new Error(`${e.type}: ${JSON.stringify(d)}`);
      return d.next;
    }, meeting());
  const roles = mev({ type: 'SET_ATTENDANCE', chairId: 'polis-chief', secretaryId: 'coord', adjusterIds: ['bostad-chief'] } as Partial<MeetingEvent>);

  it('cannot be started more than the installation’s hours before its time', () => {
    const at = (iso: string, hours = 3) =>
      decide(meetingMachine, meeting(), mev({ type: 'START', now: iso }, { meetingStartHoursBefore: hours }), MEETING_RULES);
    expect(at('2026-11-20T09:59:00.000Z')).toMatchObject({ reason: 'invalid', problem: { field: 'type' } });
    expect(at('2026-11-20T10:00:00.000Z').ok).toBe(true);
    expect(at('2026-11-20T09:00:00.000Z', 4).ok).toBe(true);
  });

  it('is approved (justerat) when the chair and every adjuster have approved', () => {
    const draft = runMeeting([roles, mev({ type: 'START' }), mev({ type: 'END' })]);
    expect(draft.context).toMatchObject({ chairId: 'polis-chief', secretaryId: 'coord', adjusterIds: ['bostad-chief'] });
    expect(allowedEvents(draft, coordinator, MEETING_RULES, envOf({}))).not.toContain('APPROVE');
    expect(allowedEvents(draft, polisChief, MEETING_RULES, envOf({}))).toContain('APPROVE');
    const byChair = decide(meetingMachine, draft, mev({ type: 'APPROVE', actor: polisChief }), MEETING_RULES);
    expect(byChair.ok && byChair.next.value).toBe('minutes_draft');
    expect(byChair.ok && allowedEvents(byChair.next, polisChief, MEETING_RULES, envOf({}))).not.toContain('APPROVE');
    const both = byChair.ok && decide(meetingMachine, byChair.next, mev({ type: 'APPROVE', actor: bostadChief }), MEETING_RULES);
    expect(both && both.ok && both.next.value).toBe('approved');
    expect(both && both.ok && both.next.context.approvals.map((a) => a.userId)).toEqual(['polis-chief', 'bostad-chief']);
  });

  it('with the setting chair_only, the chair alone approves', () => {
    const draft = runMeeting([roles, mev({ type: 'START' }), mev({ type: 'END' })]);
    const d = decide(meetingMachine, draft, mev({ type: 'APPROVE', actor: polisChief }, { minutesApproval: 'chair_only' }), MEETING_RULES);
    expect(d.ok && d.next.value).toBe('approved');
    expect(decide(meetingMachine, draft, mev({ type: 'APPROVE', actor: bostadChief }, { minutesApproval: 'chair_only' }), MEETING_RULES)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('is not approved before it has ended', () => {
    const inSession = runMeeting([roles, mev({ type: 'START' })]);
    expect(decide(meetingMachine, inSession, mev({ type: 'APPROVE', actor: polisChief }), MEETING_RULES)).toMatchObject({ reason: 'not_accepted' });
  });
});
