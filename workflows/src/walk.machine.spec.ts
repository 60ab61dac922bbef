import { WALK_LIMITS, WALK_STATES, WALK_USER_EVENTS } from '@samverka/contracts';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { Actor, allowedEvents, decide, EventPayload } from './common';
import { WALK_RULES, WalkEvent, walkMachine } from './walk.machine';

const KOMMUN = 'org-kommun';
const POLIS = 'org-polis';
const BOSTAD = 'org-bostad';
const coordinator: Actor = { kind: 'user', id: 'coord', roles: ['coordinator'], organizationId: KOMMUN };
const analyst: Actor = { kind: 'user', id: 'analyst', roles: ['analyst'], organizationId: POLIS };
const caretaker: Actor = { kind: 'user', id: 'care', roles: ['reporter'], organizationId: BOSTAD };
const policeReporter: Actor = { kind: 'user', id: 'pr', roles: ['reporter'], organizationId: POLIS };
const outsider: Actor = { kind: 'user', id: 'other', roles: ['coordinator', 'analyst'], organizationId: 'org-other' };
const input = { organizerOrgIds: [KOMMUN, POLIS, BOSTAD], participantOrgIds: [KOMMUN, BOSTAD] };
const ev = (e: EventPayload<WalkEvent> & { actor?: Actor }): WalkEvent => ({ actor: coordinator, now: '2026-11-20T18:00:00.000Z', ...e }) as WalkEvent;
const start = () => createActor(walkMachine, { input }).start().getSnapshot();
const run = (events: WalkEvent[]) =>
  events.reduce((s, e) => {
    const d = decide(walkMachine, s, e, WALK_RULES);
    if (!d.ok) throw new Error(`${e.type}: ${JSON.stringify(d)}`);
    return d.next;
  }, start());
const ALL_EVENTS = [
  ev({ type: 'EDIT' }),
  ev({ type: 'START' }),
  ev({ type: 'RECORD' }),
  ev({ type: 'AMEND' }),
  ev({ type: 'FINISH' }),
  ev({ type: 'SETTLE' }),
  ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: 0 }),
  ev({ type: 'FOLLOW_UP', note: 'Belysningen är bytt' }),
  ev({ type: 'CLOSE' }),
  ev({ type: 'CANCEL', reason: 'Regn' }),
];

describe('walk machine', () => {
  it('reaches every state of the contract, and its states are the contract’s', () => {
    const paths = getShortestPaths(walkMachine, { input, events: ALL_EVENTS });
    expect([...new Set(paths.map((p) => String(p.state.value)))].sort()).toEqual([...WALK_STATES].sort());
    expect(Object.keys(walkMachine.config.states ?? {})).toEqual([...WALK_STATES]);
  });

  it('has exactly two simple paths to an end: walked through to closed, or cancelled while planned', () => {
    const ends = getSimplePaths(walkMachine, { input, events: ALL_EVENTS })
      .filter((p) => ['closed', 'cancelled'].includes(String(p.state.value)))
      .map((p) =>
        p.steps
          .map((s) => s.event.type)
          .filter((t) => !t.startsWith('xstate.'))
          .join(' '),
      );
    expect(ends.sort()).toEqual(['CANCEL', 'START FINISH COMPLETE_SETTLEMENT FOLLOW_UP CLOSE']);
  });

  it('the user events of the contract are the machine’s user events; every event has a rule', () => {
    const events = [...new Set(Object.values(walkMachine.config.states ?? {}).flatMap((s) => Object.keys((s as { on?: object }).on ?? {})))].sort();
    expect(Object.keys(WALK_RULES).sort()).toEqual(events);
    expect(WALK_USER_EVENTS.every((t) => events.includes(t))).toBe(true);
  });

  it('the path planned → closed, with the buttons an organiser sees on the way', () => {
    const s0 = start();
    expect(allowedEvents(s0, coordinator, WALK_RULES)).toEqual(['EDIT', 'START', 'CANCEL']);
    const s1 = run([ev({ type: 'START' })]);
    expect(s1.value).toBe('in_progress');
    const s2 = run([ev({ type: 'START' }), ev({ type: 'RECORD', actor: caretaker }), ev({ type: 'FINISH' })]);
    expect(s2.value).toBe('recorded');
    expect(s2.context.finishedAt).toBe('2026-11-20T18:00:00.000Z');
    const s3 = run([ev({ type: 'START' }), ev({ type: 'FINISH' }), ev({ type: 'SETTLE' }), ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: 0 })]);
    expect(s3.value).toBe('settled');
    const s5 = run([
      ev({ type: 'START' }),
      ev({ type: 'FINISH' }),
      ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: 0 }),
      ev({ type: 'FOLLOW_UP', note: '  Allt åtgärdat utom belysningen  ' }),
      ev({ type: 'CLOSE', actor: analyst }),
    ]);
    expect(s5.value).toBe('closed');
    expect(s5.context.followUpNote).toBe('Allt åtgärdat utom belysningen');
    expect(allowedEvents(s5, coordinator, WALK_RULES)).toEqual([]);
  });

  it('participants of invited organisations record; others of the partnership do not; only organisers run the walk', () => {
    const walking = run([ev({ type: 'START' })]);
    expect(decide(walkMachine, walking, ev({ type: 'RECORD', actor: caretaker }), WALK_RULES).ok).toBe(true);
    // The police is in the partnership but not invited: its reporter does not record, its analyst (an organiser) does.
    expect(decide(walkMachine, walking, ev({ type: 'RECORD', actor: policeReporter }), WALK_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide(walkMachine, walking, ev({ type: 'RECORD', actor: analyst }), WALK_RULES).ok).toBe(true);
    expect(decide(walkMachine, walking, ev({ type: 'RECORD', actor: outsider }), WALK_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide(walkMachine, walking, ev({ type: 'FINISH', actor: caretaker }), WALK_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide(walkMachine, start(), ev({ type: 'START', actor: outsider }), WALK_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(allowedEvents(walking, caretaker, WALK_RULES)).toEqual(['RECORD', 'AMEND']);
  });

  it('accepts late findings after the walk, but no changes; settles only after it', () => {
    const recorded = run([ev({ type: 'START' }), ev({ type: 'FINISH' })]);
    expect(decide(walkMachine, recorded, ev({ type: 'RECORD', actor: caretaker }), WALK_RULES).ok).toBe(true);
    expect(decide(walkMachine, recorded, ev({ type: 'AMEND', actor: caretaker }), WALK_RULES)).toMatchObject({ ok: false, reason: 'not_accepted' });
    expect(decide(walkMachine, run([ev({ type: 'START' })]), ev({ type: 'SETTLE' }), WALK_RULES)).toMatchObject({ ok: false, reason: 'not_accepted' });
    expect(decide(walkMachine, start(), ev({ type: 'RECORD' }), WALK_RULES)).toMatchObject({
      ok: false,
      reason: 'not_accepted',
      accepted: ['EDIT', 'START', 'CANCEL'],
    });
    const settled = run([ev({ type: 'START' }), ev({ type: 'FINISH' }), ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: 0 })]);
    expect(decide(walkMachine, settled, ev({ type: 'RECORD', actor: caretaker }), WALK_RULES)).toMatchObject({ reason: 'not_accepted' });
  });

  it('completes the settlement only when every finding is settled', () => {
    const recorded = run([ev({ type: 'START' }), ev({ type: 'FINISH' })]);
    expect(decide(walkMachine, recorded, ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: 2 }), WALK_RULES)).toEqual({
      ok: false,
      reason: 'invalid',
      problem: { field: 'findings', message: '2 finding(s) are not settled yet' },
    });
    expect(decide(walkMachine, recorded, ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: -1 }), WALK_RULES)).toMatchObject({
      problem: { field: 'unsettledFindings' },
    });
  });

  it('needs a reason to cancel and a note to follow up, within the contract’s limits', () => {
    expect(decide(walkMachine, start(), ev({ type: 'CANCEL', reason: ' ' }), WALK_RULES)).toMatchObject({ reason: 'invalid', problem: { field: 'reason' } });
    expect(decide(walkMachine, start(), ev({ type: 'CANCEL', reason: 'x'.repeat(WALK_LIMITS.cancelReason.max + 1) }), WALK_RULES)).toMatchObject({
      problem: { field: 'reason' },
    });
    const cancelled = decide(walkMachine, start(), ev({ type: 'CANCEL', reason: 'Stormvarning' }), WALK_RULES);
    expect(cancelled.ok && cancelled.next.value).toBe('cancelled');
    expect(cancelled.ok && cancelled.next.context.cancelReason).toBe('Stormvarning');
    const settled = run([ev({ type: 'START' }), ev({ type: 'FINISH' }), ev({ type: 'COMPLETE_SETTLEMENT', unsettledFindings: 0 })]);
    expect(decide(walkMachine, settled, ev({ type: 'FOLLOW_UP', note: 'x'.repeat(WALK_LIMITS.followUpNote.max + 1) }), WALK_RULES)).toMatchObject({
      problem: { field: 'note' },
    });
    // A started walk cannot be cancelled.
    expect(decide(walkMachine, run([ev({ type: 'START' })]), ev({ type: 'CANCEL', reason: 'Regn' }), WALK_RULES)).toMatchObject({ reason: 'not_accepted' });
  });

  it('an edit while planned replaces the invited organisations', () => {
    const edited = run([ev({ type: 'EDIT', participantOrgIds: [KOMMUN, POLIS] })]);
    expect(edited.context.participantOrgIds).toEqual([KOMMUN, POLIS]);
    expect(decide(walkMachine, edited, ev({ type: 'RECORD', actor: caretaker }), WALK_RULES)).toMatchObject({ reason: 'not_accepted' });
    expect(decide(walkMachine, start(), ev({ type: 'EDIT', participantOrgIds: [1] as never }), WALK_RULES)).toMatchObject({
      problem: { field: 'invitedOrganizationIds' },
    });
  });
});
