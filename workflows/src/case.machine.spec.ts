import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { Actor, allowedEvents, decide, EventPayload } from './common';
import { CASE_STATES, DEFAULT_WORKFLOW_SETTINGS, WorkflowSettings } from '@samverka/contracts';
import { CASE_MACHINE_VERSION, CASE_RULES, CASE_SNAPSHOT_MIGRATIONS, CaseEvent, caseMachine, PlannedAction } from './case.machine';
import { restore, store } from './persistence';

const KOMMUN = 'org-kommun';
const POLIS = 'org-polis';
const BOSTAD = 'org-bostad';
const OUTSIDER = 'org-outside';
const partnerIds = [KOMMUN, POLIS, BOSTAD];
const NOW = '2026-11-21T10:00:00.000Z';

const user = (roles: string[], organizationId = KOMMUN): Actor => ({
  kind: 'user',
  id: `u-${roles.join('-')}-${organizationId}`,
  roles: roles as never,
  organizationId,
});
const analyst = user(['analyst']);
const coordinator = user(['coordinator']);
const commander = user(['commander'], POLIS);
const reporter = user(['reporter'], BOSTAD);
const outsiderAnalyst = user(['analyst'], OUTSIDER);
const system: Actor = { kind: 'system' };

const action = (over: Partial<PlannedAction> = {}): PlannedAction => ({
  cause: 'Mörk tvättstuga lockar till samling',
  what: 'Byt belysning och sätt in passagesystem',
  goal: 'Inga samlingar efter kl 22',
  organizationId: BOSTAD,
  dueDate: '2026-12-15',
  kind: 'one_off',
  term: 'short',
  ...over,
});

/** The cycle tests evaluate at once (no minimum time); the minimum and the decision rules have their own tests. */
const AT_ONCE: WorkflowSettings = { ...DEFAULT_WORKFLOW_SETTINGS, evaluationMinDays: 0 };
const ev = (e: EventPayload<CaseEvent> & { actor?: Actor; settings?: WorkflowSettings }): CaseEvent =>
  ({ actor: analyst, now: NOW, settings: AT_ONCE, ...e }) as CaseEvent;

const start = () =>
  createActor(caseMachine, { input: { partnerIds, reopenDays: 30 } })
    .start()
    .getSnapshot();

/** Runs events through `decide`, failing loudly on the first refusal. */
function run(events: CaseEvent[], from = start()) {
  let s = from;
  for (const e of events) {
    const d = decide(caseMachine, s, e, CASE_RULES);
    if (!d.ok) throw new Error(`${e.type} refused in ${String(s.value)}: ${JSON.stringify(d)}`);
    s = d.next;
  }
  return s;
}

const toProposed = [
  ev({ type: 'START_ANALYSIS' }),
  ev({ type: 'SAVE_ANALYSIS', analysis: 'Samlingar i tvättstugan fredag–lördag kväll; trasig belysning och öppen dörr.' }),
  ev({ type: 'PROPOSE', actions: [action(), action({ organizationId: POLIS, what: 'Polisiär närvaro fredagar' })] }),
];

describe('case machine', () => {
  it('reaches every state (shortest paths with xstate/graph)', () => {
    const events: CaseEvent[] = [
      ...toProposed,
      ev({ type: 'AGREE', actor: commander }),
      ev({ type: 'ESCALATE', actor: coordinator, note: 'Behöver chefssamråd' }),
      ev({ type: 'SEND_BACK', actor: commander, note: 'Analysera tiderna igen' }),
      ev({ type: 'ACTION_STARTED', actor: system }),
      ev({ type: 'ACTION_CLOSED', actor: system, openActions: 1 }),
      ev({ type: 'ACTION_CLOSED', actor: system, openActions: 0 }),
      ev({ type: 'EVALUATE', outcome: 'effective', note: 'Inga rapporter på fyra veckor' }),
      ev({ type: 'EVALUATE', outcome: 'not_effective', note: 'Problemet kvarstår' }),
      ev({ type: 'EVALUATE', outcome: 'escalate', note: 'Kräver större insats' }),
      ev({ type: 'REOPEN', note: 'Nya rapporter' }),
      ev({ type: 'DISMISS', reason: 'no_action', note: 'Engångshändelse' }),
    ];
    const paths = getShortestPaths(caseMachine, {
      input: { partnerIds, reopenDays: 30 },
      events,
      serializeState: (s: { value: unknown; context: { openActions: number; analysis: string | null } }) =>
        JSON.stringify([s.value, s.context.openActions, s.context.analysis !== null]),
    } as never);
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });

  it('runs the whole cycle and moves to follow-up by itself when the last action closes', () => {
    let s = run([...toProposed, ev({ type: 'AGREE', actor: commander })]);
    expect(s.value).toBe('agreed');
    expect(s.context.openActions).toBe(2);
    s = run([ev({ type: 'ACTION_STARTED', actor: system }), ev({ type: 'ACTION_CLOSED', actor: system, openActions: 1 })], s);
    expect(s.value).toBe('execution');
    s = run([ev({ type: 'ACTION_CLOSED', actor: system, openActions: 0 })], s);
    expect(s.value).toBe('follow_up');
    s = run([ev({ type: 'EVALUATE', outcome: 'effective', note: 'Lugnt i fyra veckor' })], s);
    expect(s.value).toBe('closed');
    expect(s.context.closedAt).toBe(NOW);
  });

  it('goes back to analysis when not effective, and to the leadership when escalated', () => {
    const follow = run([...toProposed, ev({ type: 'AGREE', actor: commander }), ev({ type: 'ACTION_CLOSED', actor: system, openActions: 0 })]);
    expect(follow.value).toBe('follow_up');
    expect(run([ev({ type: 'EVALUATE', outcome: 'not_effective', note: 'Kvarstår' })], follow).value).toBe('analysis');
    const escalated = run([ev({ type: 'EVALUATE', outcome: 'escalate', note: 'Större grepp' })], follow);
    expect(escalated.value).toBe('escalated');
    expect(run([ev({ type: 'AGREE', actor: commander })], escalated).value).toBe('agreed');
  });

  describe('guards, both ways', () => {
    const proposed = () => run(toProposed);

    it('START_ANALYSIS: analyst or coordinator of the partnership only', () => {
      expect(decide(caseMachine, start(), ev({ type: 'START_ANALYSIS', actor: coordinator }), CASE_RULES).ok).toBe(true);
      expect(decide(caseMachine, start(), ev({ type: 'START_ANALYSIS', actor: reporter }), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
      expect(decide(caseMachine, start(), ev({ type: 'START_ANALYSIS', actor: outsiderAnalyst }), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    });

    it('PROPOSE needs an analysis and complete actions', () => {
      const analysing = run([ev({ type: 'START_ANALYSIS' })]);
      const noAnalysis = decide(caseMachine, analysing, ev({ type: 'PROPOSE', actions: [action()] }), CASE_RULES);
      expect(noAnalysis).toMatchObject({ ok: false, reason: 'invalid', problem: { field: 'analysis' } });
      const withAnalysis = decide(caseMachine, analysing, ev({ type: 'PROPOSE', analysis: 'Tydlig orsak: belysningen', actions: [action()] }), CASE_RULES);
      expect(withAnalysis.ok).toBe(true);
      const noGoal = decide(
        caseMachine,
        analysing,
        ev({ type: 'PROPOSE', analysis: 'Tydlig orsak: belysningen', actions: [action({ goal: '' })] }),
        CASE_RULES,
      );
      expect(noGoal).toMatchObject({ reason: 'invalid', problem: { field: 'actions[0].goal' } });
    });

    it('AGREE: commander or coordinator; every action’s organisation in the partnership, with a due date', () => {
      expect(decide(caseMachine, proposed(), ev({ type: 'AGREE', actor: commander }), CASE_RULES).ok).toBe(true);
      expect(decide(caseMachine, proposed(), ev({ type: 'AGREE', actor: analyst }), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
      const outside = decide(caseMachine, proposed(), ev({ type: 'AGREE', actor: commander, actions: [action({ organizationId: OUTSIDER })] }), CASE_RULES);
      expect(outside).toMatchObject({ reason: 'invalid', problem: { field: 'actions[0].organizationId' } });
      const noDue = decide(caseMachine, proposed(), ev({ type: 'AGREE', actor: commander, actions: [action({ dueDate: '' })] }), CASE_RULES);
      expect(noDue).toMatchObject({ reason: 'invalid', problem: { field: 'actions[0].dueDate' } });
      const none = decide(caseMachine, proposed(), ev({ type: 'AGREE', actor: commander, actions: [] }), CASE_RULES);
      expect(none).toMatchObject({ reason: 'invalid', problem: { field: 'actions' } });
    });

    it('EVALUATE needs an outcome and a note', () => {
      const follow = run([...toProposed, ev({ type: 'AGREE', actor: commander }), ev({ type: 'ACTION_CLOSED', actor: system, openActions: 0 })]);
      expect(decide(caseMachine, follow, ev({ type: 'EVALUATE', outcome: 'effective', note: '' }), CASE_RULES)).toMatchObject({ problem: { field: 'note' } });
      expect(decide(caseMachine, follow, ev({ type: 'EVALUATE', outcome: 'maybe' as never, note: 'Bra' }), CASE_RULES)).toMatchObject({
        problem: { field: 'outcome' },
      });
      expect(decide(caseMachine, follow, ev({ type: 'EVALUATE', actor: commander, outcome: 'effective', note: 'Bra' }), CASE_RULES)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    });

    it('DISMISS as a duplicate needs the other case', () => {
      expect(decide(caseMachine, start(), ev({ type: 'DISMISS', reason: 'duplicate', note: 'Samma som förra' }), CASE_RULES)).toMatchObject({
        problem: { field: 'duplicateOfCaseId' },
      });
      const d = decide(caseMachine, start(), ev({ type: 'DISMISS', reason: 'duplicate', duplicateOfCaseId: 'case-1', note: 'Samma som förra' }), CASE_RULES);
      expect(d.ok && d.next.context.dismissal).toEqual({ reason: 'duplicate', duplicateOfCaseId: 'case-1' });
    });

    it('REOPEN only within the configured period after closing', () => {
      const closed = run([
        ...toProposed,
        ev({ type: 'AGREE', actor: commander }),
        ev({ type: 'ACTION_CLOSED', actor: system, openActions: 0 }),
        ev({ type: 'EVALUATE', outcome: 'effective', note: 'Lugnt' }),
      ]);
      expect(decide(caseMachine, closed, { ...ev({ type: 'REOPEN', note: 'Nya rapporter' }), now: '2026-12-01T10:00:00.000Z' }, CASE_RULES).ok).toBe(true);
      expect(decide(caseMachine, closed, { ...ev({ type: 'REOPEN', note: 'Nya rapporter' }), now: '2027-01-15T10:00:00.000Z' }, CASE_RULES)).toMatchObject({
        reason: 'invalid',
        problem: { field: 'type' },
      });
    });

    it('system events cannot be sent by users, and users’ events not by the system', () => {
      const agreed = run([...toProposed, ev({ type: 'AGREE', actor: commander })]);
      expect(decide(caseMachine, agreed, ev({ type: 'ACTION_CLOSED', actor: coordinator, openActions: 0 }), CASE_RULES)).toEqual({
        ok: false,
        reason: 'forbidden',
      });
      expect(decide(caseMachine, start(), ev({ type: 'START_ANALYSIS', actor: system }), CASE_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    });
  });

  it('refuses an event the state does not accept, listing what this user may send instead', () => {
    const d = decide(caseMachine, start(), ev({ type: 'AGREE', actor: coordinator }), CASE_RULES);
    expect(d).toEqual({ ok: false, reason: 'not_accepted', accepted: ['START_ANALYSIS', 'DISMISS'] });
  });

  it('tells each user which events they may send now', () => {
    const proposed = run(toProposed);
    expect(allowedEvents(proposed, commander, CASE_RULES).sort()).toEqual(['AGREE', 'ESCALATE', 'SEND_BACK']);
    expect(allowedEvents(proposed, analyst, CASE_RULES)).toEqual(['DISMISS']);
    expect(allowedEvents(proposed, reporter, CASE_RULES)).toEqual([]);
    const agreed = run([ev({ type: 'AGREE', actor: commander })], proposed);
    expect(allowedEvents(agreed, coordinator, CASE_RULES)).toEqual([]);
  });

  it('stores and restores a snapshot, and migrates one from an older machine version', () => {
    const s = run(toProposed);
    const stored = JSON.parse(JSON.stringify(store(CASE_MACHINE_VERSION, s)));
    const back = restore(caseMachine, CASE_MACHINE_VERSION, stored);
    expect(back.value).toBe('proposed');
    expect(run([ev({ type: 'AGREE', actor: commander })], back).value).toBe('agreed');
    // A version-0 snapshot lacked reopenDays and called the proposal state 'decision_pending'.
    const old = { machineVersion: 0, value: 'decision_pending', context: { ...stored.context, reopenDays: undefined } };
    const migrated = restore(caseMachine, CASE_MACHINE_VERSION, old, {
      0: (x) => ({ machineVersion: 1, value: x.value === 'decision_pending' ? 'proposed' : x.value, context: { ...(x.context as object), reopenDays: 90 } }),
      1: CASE_SNAPSHOT_MIGRATIONS[1],
    });
    expect(migrated.value).toBe('proposed');
    expect(migrated.context.reopenDays).toBe(90);
    expect(() => restore(caseMachine, CASE_MACHINE_VERSION, old)).toThrow(/No migration/);
  });
});
