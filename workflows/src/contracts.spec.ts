import {
  ACTION_LIMITS,
  ACTION_STATES,
  ActionEventType,
  CASE_LIMITS,
  CASE_STATES,
  CaseEventType,
  MEETING_LIMITS,
  MEETING_STATES,
  TextLimit,
} from '@samverka/contracts';
import { AnyStateMachine, createActor } from 'xstate';
import { ACTION_RULES, actionMachine } from './action.machine';
import { Actor, decide, envOf, FieldProblem } from './common';
import { CASE_RULES, caseMachine } from './case.machine';
import { MEETING_RULES, meetingMachine } from './meeting.machine';

/** The states as the machine's own configuration declares them, in their order. */
const statesOf = (machine: AnyStateMachine) => Object.keys(machine.config.states ?? {});

/** The event types of every transition in the machine's configuration. */
const eventsOf = (machine: AnyStateMachine) =>
  [...new Set(Object.values(machine.config.states ?? {}).flatMap((s) => Object.keys((s as { on?: object }).on ?? {})))].sort();

// The API, the client and the templates take the state lists and event payloads from contracts/; these tests make
// sure that what contracts/ says is what the machines do, so that the lists cannot drift from the machines.
describe('contracts/ states and events are the machines’ own', () => {
  it('case states', () => expect([...CASE_STATES]).toEqual(statesOf(caseMachine)));
  it('action states', () => expect([...ACTION_STATES]).toEqual(statesOf(actionMachine)));
  it('meeting states', () => expect([...MEETING_STATES]).toEqual(statesOf(meetingMachine)));

  it('the case events users send are the machine’s events less the system’s', () => {
    const userEvents: Record<CaseEventType, true> = {
      START_ANALYSIS: true,
      SAVE_ANALYSIS: true,
      PROPOSE: true,
      AGREE: true,
      SEND_BACK: true,
      ESCALATE: true,
      EVALUATE: true,
      DISMISS: true,
      REOPEN: true,
    };
    const systemEvents = Object.keys(CASE_RULES).filter((t) => CASE_RULES[t as keyof typeof CASE_RULES].systemOnly);
    expect([...Object.keys(userEvents), ...systemEvents].sort()).toEqual(eventsOf(caseMachine));
    expect(Object.keys(CASE_RULES).sort()).toEqual(eventsOf(caseMachine));
  });

  it('the action events users send are the machine’s events', () => {
    const userEvents: Record<ActionEventType, true> = { ASSIGN: true, START: true, COMPLETE: true, BLOCK: true, RESUME: true, CANCEL: true };
    expect(Object.keys(userEvents).sort()).toEqual(eventsOf(actionMachine));
    expect(Object.keys(ACTION_RULES).sort()).toEqual(eventsOf(actionMachine));
    expect(Object.keys(MEETING_RULES).sort()).toEqual(eventsOf(meetingMachine));
  });

  it('a drifted list is caught', () => {
    expect([...CASE_STATES, 'archived']).not.toEqual(statesOf(caseMachine));
    expect([...CASE_STATES].reverse()).not.toEqual(statesOf(caseMachine));
  });
});

describe('the machines check texts against the contracts’ limits', () => {
  const NOW = '2026-11-21T10:00:00.000Z';
  /** The problem the rule finds with a text (null: accepted). */
  type Check = (text: string) => FieldProblem | null;
  const edges = (check: Check, { min, max }: TextLimit) => [
    check('x'.repeat(min - 1)),
    check('x'.repeat(min)),
    check('x'.repeat(max)),
    check('x'.repeat(max + 1)),
  ];
  const coordinator: Actor = { kind: 'user', id: 'c', roles: ['coordinator', 'analyst', 'action_owner'], organizationId: 'org' };
  const caseCtx = createActor(caseMachine, { input: { partnerIds: ['org'] } })
    .start()
    .getSnapshot().context;
  const actionCtx = createActor(actionMachine, { input: { organizationId: 'org' } })
    .start()
    .getSnapshot().context;
  const meetingCtx = createActor(meetingMachine, { input: { organizationIds: ['org'] } })
    .start()
    .getSnapshot().context;
  const plan = (over: object) => [{ cause: 'c', what: 'w', goal: 'g', organizationId: 'org', dueDate: '2026-12-01', kind: 'one_off', term: 'short', ...over }];

  it.each([
    [
      'case analysis',
      CASE_LIMITS.analysis,
      (t: string) => CASE_RULES.SAVE_ANALYSIS.check!({ type: 'SAVE_ANALYSIS', analysis: t, actor: coordinator, now: NOW }, caseCtx, envOf({ now: NOW })),
    ],
    [
      'case note',
      CASE_LIMITS.note,
      (t: string) => CASE_RULES.SEND_BACK.check!({ type: 'SEND_BACK', note: t, actor: coordinator, now: NOW }, caseCtx, envOf({ now: NOW })),
    ],
    [
      'evaluation note',
      CASE_LIMITS.evaluationNote,
      (t: string) =>
        CASE_RULES.EVALUATE.check!({ type: 'EVALUATE', outcome: 'effective', note: t, actor: coordinator, now: NOW }, caseCtx, envOf({ now: NOW })),
    ],
    [
      'action cause',
      ACTION_LIMITS.cause,
      (t: string) =>
        CASE_RULES.AGREE.check!({ type: 'AGREE', actions: plan({ cause: t }) as never, actor: coordinator, now: NOW }, caseCtx, envOf({ now: NOW })),
    ],
    [
      'action what',
      ACTION_LIMITS.what,
      (t: string) =>
        CASE_RULES.AGREE.check!({ type: 'AGREE', actions: plan({ what: t }) as never, actor: coordinator, now: NOW }, caseCtx, envOf({ now: NOW })),
    ],
    [
      'action goal',
      ACTION_LIMITS.goal,
      (t: string) =>
        CASE_RULES.AGREE.check!({ type: 'AGREE', actions: plan({ goal: t }) as never, actor: coordinator, now: NOW }, caseCtx, envOf({ now: NOW })),
    ],
    [
      'action report',
      ACTION_LIMITS.report,
      (t: string) => ACTION_RULES.COMPLETE.check!({ type: 'COMPLETE', report: t, actor: coordinator, now: NOW }, actionCtx, envOf({ now: NOW })),
    ],
    [
      'action reason',
      ACTION_LIMITS.reason,
      (t: string) => ACTION_RULES.BLOCK.check!({ type: 'BLOCK', reason: t, actor: coordinator, now: NOW }, actionCtx, envOf({ now: NOW })),
    ],
    [
      'meeting cancel reason',
      MEETING_LIMITS.cancelReason,
      (t: string) => MEETING_RULES.CANCEL.check!({ type: 'CANCEL', reason: t, actor: coordinator, now: NOW }, meetingCtx, envOf({ now: NOW })),
    ],
  ] as [string, TextLimit, Check][])('%s', (_name, limit, check) => {
    const [belowMin, atMin, atMax, overMax] = edges(check, limit);
    if (limit.min > 1) expect(belowMin).not.toBeNull();
    expect(atMin).toBeNull();
    expect(atMax).toBeNull();
    expect(overMax).toMatchObject({ message: expect.stringContaining(`at most ${limit.max} characters`) });
  });

  it('decide() refuses a text over the limit with the field named', () => {
    const analysing = decide(
      caseMachine,
      createActor(caseMachine, { input: { partnerIds: ['org'] } })
        .start()
        .getSnapshot(),
      { type: 'START_ANALYSIS', actor: coordinator, now: NOW },
      CASE_RULES,
    );
    expect(analysing.ok).toBe(true);
    if (!analysing.ok) return;
    expect(
      decide(
        caseMachine,
        analysing.next,
        { type: 'SAVE_ANALYSIS', analysis: 'x'.repeat(CASE_LIMITS.analysis.max + 1), actor: coordinator, now: NOW },
        CASE_RULES,
      ),
    ).toMatchObject({ reason: 'invalid', problem: { field: 'analysis' } });
  });
});
