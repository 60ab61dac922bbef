import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { Actor, allowedEvents, decide, EventPayload } from './common';
import { MEETING_STATES } from '@samverka/contracts';
import { MEETING_RULES, MeetingEvent, meetingMachine, reviseMinutes } from './meeting.machine';

const KOMMUN = 'org-kommun';
const POLIS = 'org-polis';
const coordinator: Actor = { kind: 'user', id: 'coord', roles: ['coordinator'], organizationId: KOMMUN };
const commander: Actor = { kind: 'user', id: 'chief', roles: ['commander'], organizationId: POLIS };
const analyst: Actor = { kind: 'user', id: 'analyst', roles: ['analyst'], organizationId: KOMMUN };
const outsider: Actor = { kind: 'user', id: 'other', roles: ['commander', 'coordinator'], organizationId: 'org-other' };
const ev = (e: EventPayload<MeetingEvent> & { actor?: Actor }): MeetingEvent => ({ actor: coordinator, now: '2026-11-20T15:00:00.000Z', ...e }) as MeetingEvent;
const start = () =>
  createActor(meetingMachine, { input: { organizationIds: [KOMMUN, POLIS] } })
    .start()
    .getSnapshot();
const run = (events: MeetingEvent[]) =>
  events.reduce((s, e) => {
    const d = decide(meetingMachine, s, e, MEETING_RULES);
    if (!d.ok) throw new Error(`${e.type}: ${JSON.stringify(d)}`);
    return d.next;
  }, start());

describe('meeting machine', () => {
  it('reaches every state', () => {
    const paths = getShortestPaths(meetingMachine, {
      input: { organizationIds: [KOMMUN, POLIS] },
      events: [ev({ type: 'START' }), ev({ type: 'END' }), ev({ type: 'APPROVE', actor: commander }), ev({ type: 'CANCEL', reason: 'Flyttas' })],
    });
    expect([...new Set(paths.map((p) => String(p.state.value)))].sort()).toEqual([...MEETING_STATES].sort());
  });

  it('is run by the coordinator and approved by a participating chief, then locked', () => {
    const draft = run([ev({ type: 'START' }), ev({ type: 'RECORD' }), ev({ type: 'END' })]);
    expect(draft.value).toBe('minutes_draft');
    expect(allowedEvents(draft, coordinator, MEETING_RULES)).toEqual(['RECORD', 'SET_ATTENDANCE']);
    expect(decide(meetingMachine, draft, ev({ type: 'APPROVE' }), MEETING_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide(meetingMachine, draft, ev({ type: 'APPROVE', actor: outsider }), MEETING_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    const approved = decide(meetingMachine, draft, ev({ type: 'APPROVE', actor: commander }), MEETING_RULES);
    expect(approved.ok && approved.next.context).toMatchObject({ approvedBy: 'chief', approvedAt: '2026-11-20T15:00:00.000Z' });
    expect(approved.ok && decide(meetingMachine, approved.next, ev({ type: 'RECORD' }), MEETING_RULES)).toMatchObject({ reason: 'not_accepted' });
  });

  it('changes the agenda only before the meeting, and only as its secretary', () => {
    expect(decide(meetingMachine, start(), ev({ type: 'UPDATE_AGENDA' }), MEETING_RULES).ok).toBe(true);
    expect(decide(meetingMachine, start(), ev({ type: 'UPDATE_AGENDA', actor: analyst }), MEETING_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide(meetingMachine, run([ev({ type: 'START' })]), ev({ type: 'UPDATE_AGENDA' }), MEETING_RULES)).toMatchObject({ reason: 'not_accepted' });
  });

  it('needs a reason to cancel and an item to move to', () => {
    expect(decide(meetingMachine, start(), ev({ type: 'CANCEL', reason: '' }), MEETING_RULES)).toMatchObject({
      reason: 'invalid',
      problem: { field: 'reason' },
    });
    expect(decide(meetingMachine, run([ev({ type: 'START' })]), ev({ type: 'SET_CURRENT', itemId: '' }), MEETING_RULES)).toMatchObject({
      problem: { field: 'itemId' },
    });
  });

  it('revises only approved minutes, as their secretary: the revision starts as a draft without the approval', () => {
    const draft = run([ev({ type: 'START' }), ev({ type: 'END' })]);
    expect(reviseMinutes(start(), coordinator)).toEqual({ ok: false, reason: 'not_approved' });
    expect(reviseMinutes(draft, coordinator)).toEqual({ ok: false, reason: 'not_approved' });
    const approved = decide(meetingMachine, draft, ev({ type: 'APPROVE', actor: commander }), MEETING_RULES);
    if (!approved.ok) throw new Error('APPROVE refused');
    expect(reviseMinutes(approved.next, analyst)).toEqual({ ok: false, reason: 'forbidden' });
    expect(reviseMinutes(approved.next, outsider)).toEqual({ ok: false, reason: 'forbidden' });
    const revision = reviseMinutes(approved.next, coordinator);
    if (!revision.ok) throw new Error('revision refused');
    expect(revision.draft.value).toBe('minutes_draft');
    expect(revision.draft.context).toEqual({
      organizationIds: [KOMMUN, POLIS],
      approvedBy: null,
      approvedAt: null,
      cancelReason: null,
      startsAt: null,
      chairId: null,
      secretaryId: null,
      adjusterIds: [],
      approvals: [],
    });
    expect(allowedEvents(revision.draft, coordinator, MEETING_RULES)).toEqual(['RECORD', 'SET_ATTENDANCE']);
    expect(decide(meetingMachine, revision.draft, ev({ type: 'APPROVE', actor: commander }), MEETING_RULES).ok).toBe(true);
    const cancelled = run([ev({ type: 'CANCEL', reason: 'Flyttas' })]);
    expect(reviseMinutes(cancelled, coordinator)).toEqual({ ok: false, reason: 'not_approved' });
  });
});
