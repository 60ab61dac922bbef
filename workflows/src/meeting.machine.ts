import { MEETING_LIMITS } from '@samverka/contracts';
import { assign, setup } from 'xstate';
import { Actor, EventBase, EventRule, hasRole, isUser, text } from './common';
import { SnapshotMigrations } from './persistence';

/** Bumped whenever the machine changes shape; stored with every snapshot (see MEETING_SNAPSHOT_MIGRATIONS). */
export const MEETING_MACHINE_VERSION = 1;

/** How a stored meeting snapshot of version n becomes one of version n + 1 (`restore` applies them); none yet. */
export const MEETING_SNAPSHOT_MIGRATIONS: SnapshotMigrations = {};

export interface MeetingContext {
  /** The participating organisations: only their people run and approve the meeting. */
  organizationIds: string[];
  approvedBy: string | null;
  approvedAt: string | null;
  cancelReason: string | null;
}

export type MeetingEvent = EventBase &
  (
    | { type: 'UPDATE_AGENDA' }
    | { type: 'START' }
    | { type: 'SET_CURRENT'; itemId: string }
    | { type: 'RECORD' }
    | { type: 'SET_ATTENDANCE' }
    | { type: 'END' }
    | { type: 'APPROVE' }
    | { type: 'CANCEL'; reason: string }
  );

type Ev<T extends MeetingEvent['type']> = Extract<MeetingEvent, { type: T }>;

const participant = (a: Actor, c: MeetingContext) => isUser(a) && c.organizationIds.includes(a.organizationId);
/** The coordinator prepares, runs and writes the minutes (the secretary). */
const secretary = (a: Actor, c: MeetingContext) => participant(a, c) && hasRole(a, 'coordinator');

/** Who may send each meeting event. Decisions and statements are RECORD events, refused once the minutes are approved. */
export const MEETING_RULES: { [T in MeetingEvent['type']]: EventRule<MeetingContext, Ev<T>> } = {
  UPDATE_AGENDA: { may: secretary },
  START: { may: (a, c) => secretary(a, c) || (participant(a, c) && hasRole(a, 'commander')) },
  SET_CURRENT: { may: secretary, check: (e) => (typeof e.itemId === 'string' && e.itemId ? null : { field: 'itemId', message: 'itemId names an agenda item' }) },
  RECORD: { may: secretary },
  // Who is invited can be written down before the meeting, and who came corrected until the minutes are approved.
  SET_ATTENDANCE: { may: secretary },
  END: { may: secretary },
  // The minutes are approved by a chief of a participating organisation.
  APPROVE: { may: (a, c) => participant(a, c) && hasRole(a, 'commander') },
  CANCEL: { may: secretary, check: (e) => text(e.reason, 'reason', MEETING_LIMITS.cancelReason) },
};

const allowed = ({ context, event }: { context: MeetingContext; event: MeetingEvent }) => {
  const rule = MEETING_RULES[event.type] as EventRule<MeetingContext, MeetingEvent>;
  return rule.may(event.actor, context) && (rule.check?.(event, context) ?? null) === null;
};

/** A meeting of the EST cycle (chefssamråd or the weekly operational group): planned, held, minuted, approved. */
export const meetingMachine = setup({
  types: {} as { context: MeetingContext; events: MeetingEvent; input: { organizationIds: string[] } },
  guards: { allowed },
  actions: {
    approve: assign({ approvedBy: ({ event }) => (isUser(event.actor) ? event.actor.id : null), approvedAt: ({ event }) => event.now }),
    cancel: assign({ cancelReason: ({ event }) => (event as Ev<'CANCEL'>).reason.trim() }),
  },
}).createMachine({
  id: 'meeting',
  initial: 'planned',
  context: ({ input }) => ({ organizationIds: input.organizationIds, approvedBy: null, approvedAt: null, cancelReason: null }),
  states: {
    planned: {
      on: {
        UPDATE_AGENDA: { guard: 'allowed' },
        SET_ATTENDANCE: { guard: 'allowed' },
        START: { target: 'in_session', guard: 'allowed' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    in_session: {
      on: {
        SET_CURRENT: { guard: 'allowed' },
        RECORD: { guard: 'allowed' },
        SET_ATTENDANCE: { guard: 'allowed' },
        END: { target: 'minutes_draft', guard: 'allowed' },
      },
    },
    minutes_draft: {
      on: {
        RECORD: { guard: 'allowed' },
        SET_ATTENDANCE: { guard: 'allowed' },
        APPROVE: { target: 'approved', guard: 'allowed', actions: 'approve' },
      },
    },
    approved: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
