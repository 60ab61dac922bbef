import { ACTION_STATES, CASE_STATES, CaseState, DEFAULT_WORKFLOW_SETTINGS } from '@samverka/contracts';
import { createActor } from 'xstate';
import { Actor, decide } from './common';
import { ActionCaseEvent, caseEventOfAction, caseTakes } from './case-actions';
import { CASE_RULES, CASE_STATES_AWAITING_DECISION, CASE_STATES_IN_FOLLOW_UP, CaseEvent, caseMachine, PlannedAction } from './case.machine';

const KOMMUN = 'org-kommun';
const BOSTAD = 'org-bostad';
const NOW = '2026-11-21T10:00:00.000Z';
const analyst: Actor = { kind: 'user', id: 'analyst', roles: ['analyst', 'coordinator'], organizationId: KOMMUN };
const commander: Actor = { kind: 'user', id: 'chief', roles: ['commander'], organizationId: BOSTAD };
const system: Actor = { kind: 'system' };
const action: PlannedAction = {
  cause: 'Mörk tvättstuga',
  what: 'Byt belysning',
  goal: 'Inga samlingar',
  organizationId: BOSTAD,
  dueDate: '2026-12-15',
  kind: 'one_off',
  term: 'short',
};

/** These paths evaluate at once (no minimum time for the actions to work). */
const AT_ONCE = { ...DEFAULT_WORKFLOW_SETTINGS, evaluationMinDays: 0 };
const ev = (e: object, actor: Actor = analyst) => ({ actor, now: NOW, settings: AT_ONCE, ...e }) as CaseEvent;
const started: ActionCaseEvent = { type: 'ACTION_STARTED', actor: system, now: NOW };
const closed = (openActions: number): ActionCaseEvent => ({ type: 'ACTION_CLOSED', openActions, actor: system, now: NOW });

function run(
  events: CaseEvent[],
  from = createActor(caseMachine, { input: { partnerIds: [KOMMUN, BOSTAD] } })
    .start()
    .getSnapshot(),
) {
  return events.reduce((s, e) => {
    const d = decide(caseMachine, s, e, CASE_RULES);
    if (!d.ok) throw new Error(`${e.type} refused in ${String(s.value)}: ${JSON.stringify(d)}`);
    return d.next;
  }, from);
}

const toAgreed = [
  ev({ type: 'START_ANALYSIS' }),
  ev({ type: 'PROPOSE', analysis: 'Samlingar i tvättstugan', actions: [action, { ...action, what: 'Passagesystem' }] }),
  ev({ type: 'AGREE' }, commander),
];
const toFollowUp = [...toAgreed, closed(0)];

/** A case in each state of the machine, reached by real events. */
const inState: Record<CaseState, CaseEvent[]> = {
  reported: [],
  analysis: [ev({ type: 'START_ANALYSIS' })],
  proposed: toAgreed.slice(0, 2),
  escalated: [...toAgreed.slice(0, 2), ev({ type: 'ESCALATE', note: 'Chefssamråd' }, commander)],
  agreed: toAgreed,
  execution: [...toAgreed, started],
  follow_up: toFollowUp,
  closed: [...toFollowUp, ev({ type: 'EVALUATE', outcome: 'effective', note: 'Lugnt' })],
  dismissed: [ev({ type: 'DISMISS', reason: 'no_action', note: 'Engångshändelse' })],
};

describe('how a case follows its actions', () => {
  it('an action in progress means ACTION_STARTED, a closed one ACTION_CLOSED, the others nothing', () => {
    expect(Object.fromEntries(ACTION_STATES.map((s) => [s, caseEventOfAction(s)]))).toEqual({
      planned: null,
      assigned: null,
      in_progress: 'ACTION_STARTED',
      blocked: null,
      done: 'ACTION_CLOSED',
      cancelled: 'ACTION_CLOSED',
    });
  });

  it('every state is reached by the paths used below', () => {
    for (const state of CASE_STATES) expect(String(run(inState[state]).value)).toBe(state);
  });

  it('the case takes ACTION_STARTED only while agreed, ACTION_CLOSED only while carrying out its actions', () => {
    const takes = (e: ActionCaseEvent) => CASE_STATES.filter((s) => caseTakes(run(inState[s]), e));
    expect(takes(started)).toEqual(['agreed']);
    expect(takes(closed(1))).toEqual(['agreed', 'execution']);
    expect(takes(closed(0))).toEqual(['agreed', 'execution']);
  });

  it('the first action started moves the case to execution; the last one closed to follow-up', () => {
    let s = run([...toAgreed, started]);
    expect(s.value).toBe('execution');
    expect(caseTakes(s, started)).toBe(false);
    s = run([closed(1)], s);
    expect(s.value).toBe('execution');
    expect(s.context.openActions).toBe(1);
    s = run([closed(0)], s);
    expect(s.value).toBe('follow_up');
    expect(caseTakes(s, closed(0))).toBe(false);
  });

  it('actions closed without being started move an agreed case straight to follow-up', () => {
    const s = run([...toAgreed, closed(1)]);
    expect(s.value).toBe('agreed');
    expect(run([closed(0)], s).value).toBe('follow_up');
  });

  it('a meeting decides on cases that are proposed or escalated, and follows up cases in follow-up', () => {
    expect([...CASE_STATES_AWAITING_DECISION]).toEqual(['proposed', 'escalated']);
    expect([...CASE_STATES_IN_FOLLOW_UP]).toEqual(['follow_up']);
    for (const state of CASE_STATES_AWAITING_DECISION) expect(run([ev({ type: 'AGREE' }, commander)], run(inState[state])).value).toBe('agreed');
  });
});
