import { MEETING_LIMITS, type MeetingEventPayloads, type MeetingEventType } from '@samverka/contracts';
import { assign, setup, SnapshotFrom } from 'xstate';
import { Actor, envOf, EventBase, EventRule, hasRole, isUser, ruleAllows, text, WorkflowEnv } from './common';
import { SnapshotMigrations } from './persistence';

/** Bumped whenever the machine changes shape; stored with every snapshot (see MEETING_SNAPSHOT_MIGRATIONS). */
export const MEETING_MACHINE_VERSION = 2;

/** How a stored meeting snapshot of version n becomes one of version n + 1 (`restore` applies them). */
export const MEETING_SNAPSHOT_MIGRATIONS: SnapshotMigrations = {
  // 2: the meeting's time, its roles (chair, secretary, adjusters) and the approvals of the justering.
  1: (s) => ({ ...s, machineVersion: 2, context: { ...s.context, startsAt: null, chairId: null, secretaryId: null, adjusterIds: [], approvals: [] } }),
};

/** The roles of a meeting's participants (user ids of participants). */
export interface MeetingRoles {
  chairId: string | null;
  secretaryId: string | null;
  adjusterIds: string[];
}

export interface MeetingContext {
  /** The participating organisations: only their people run and approve the meeting. */
  organizationIds: string[];
  approvedBy: string | null;
  approvedAt: string | null;
  cancelReason: string | null;
  /** The meeting's time (ISO 8601): it can be started at the earliest the installation's hours before (null: any time). */
  startsAt: string | null;
  chairId: string | null;
  secretaryId: string | null;
  adjusterIds: string[];
  /** The justering so far: who has approved the minutes, and when. */
  approvals: { userId: string; at: string }[];
}

/** The events users send to `/events`, as the contract defines their payloads (`{type, …payload}`). */
type UserMeetingEvent = {
  [T in MeetingEventType]: { type: T } & (MeetingEventPayloads[T] extends Record<string, never> ? unknown : MeetingEventPayloads[T]);
}[MeetingEventType];

/** Besides those, the agenda, decisions and statements (RECORD) and attendance, which have endpoints of their own. */
export type MeetingEvent = EventBase &
  (UserMeetingEvent | { type: 'UPDATE_AGENDA' } | { type: 'RECORD' } | ({ type: 'SET_ATTENDANCE' } & Partial<MeetingRoles>));

type Ev<T extends MeetingEvent['type']> = Extract<MeetingEvent, { type: T }>;

const participant = (a: Actor, c: MeetingContext) => isUser(a) && c.organizationIds.includes(a.organizationId);
/** The coordinator prepares, runs and writes the minutes; so does the participant named secretary. */
const secretary = (a: Actor, c: MeetingContext) => participant(a, c) && (hasRole(a, 'coordinator') || (isUser(a) && a.id === c.secretaryId));

/** Who must approve the minutes (justering): the chair and the adjusters, or the chair alone; nobody named: any commander. */
export function requiredApprovers(c: MeetingContext, env: WorkflowEnv): string[] {
  if (!c.chairId) return [];
  return env.settings.minutesApproval === 'chair_only' ? [c.chairId] : [...new Set([c.chairId, ...c.adjusterIds])];
}

/** Whether this user still has to approve the minutes. */
const mayApprove = (a: Actor, c: MeetingContext, env: WorkflowEnv) => {
  if (!isUser(a) || c.approvals.some((x) => x.userId === a.id)) return false;
  const required = requiredApprovers(c, env);
  return required.length ? required.includes(a.id) : participant(a, c) && hasRole(a, 'commander');
};

/** Whether this APPROVE is the last one the justering needs. */
const completesApproval = (e: MeetingEvent, c: MeetingContext, env: WorkflowEnv) => {
  const done = new Set([...c.approvals.map((x) => x.userId), isUser(e.actor) ? e.actor.id : '']);
  return requiredApprovers(c, env).every((id) => done.has(id));
};

const HOUR = 3_600_000;

/** Who may send each meeting event. Decisions and statements are RECORD events, refused once the minutes are approved. */
export const MEETING_RULES: { [T in MeetingEvent['type']]: EventRule<MeetingContext, Ev<T>> } = {
  UPDATE_AGENDA: { may: secretary },
  START: {
    may: (a, c) => secretary(a, c) || (participant(a, c) && (hasRole(a, 'commander') || (isUser(a) && a.id === c.chairId))),
    check: (_e, c, env) =>
      c.startsAt && new Date(env.now).getTime() < new Date(c.startsAt).getTime() - env.settings.meetingStartHoursBefore * HOUR
        ? { field: 'type', message: `the meeting can be started at the earliest ${env.settings.meetingStartHoursBefore} hours before its time` }
        : null,
  },
  SET_CURRENT: {
    may: secretary,
    check: (e) => (typeof e.itemId === 'string' && e.itemId ? null : { field: 'itemId', message: 'itemId names an agenda item' }),
  },
  RECORD: { may: secretary },
  // Who is invited can be written down before the meeting, and who came corrected until the minutes are approved.
  SET_ATTENDANCE: {
    may: secretary,
    // Roles cannot change while the justering is under way (the API names the roles from the participant list).
    check: (e, c) =>
      c.approvals.length &&
      ('chairId' in e || 'adjusterIds' in e) &&
      (e.chairId !== c.chairId || JSON.stringify(e.adjusterIds) !== JSON.stringify(c.adjusterIds))
        ? { field: 'participants', message: 'the chair and adjusters cannot change once approval has begun' }
        : null,
  },
  END: { may: secretary },
  // Justering: the chair and the adjusters (or the chair alone) approve, each once; a meeting without a named chair
  // is approved by a commander of a participating organisation.
  APPROVE: { may: mayApprove },
  CANCEL: { may: secretary, check: (e) => text(e.reason, 'reason', MEETING_LIMITS.cancelReason) },
};

const allowed = ({ context, event }: { context: MeetingContext; event: MeetingEvent }) => ruleAllows(MEETING_RULES, context, event);

/** A meeting of the EST cycle (chefssamråd or the weekly operational group): planned, held, minuted, approved. */
export const meetingMachine = setup({
  types: {} as { context: MeetingContext; events: MeetingEvent; input: { organizationIds: string[]; startsAt?: string | null } & Partial<MeetingRoles> },
  guards: { allowed, allowedAndComplete: ({ context, event }) => allowed({ context, event }) && completesApproval(event, context, envOf(event)) },
  actions: {
    roles: assign(({ event, context }) => {
      const e = event as Ev<'SET_ATTENDANCE'>;
      return {
        chairId: e.chairId !== undefined ? e.chairId : context.chairId,
        secretaryId: e.secretaryId !== undefined ? e.secretaryId : context.secretaryId,
        adjusterIds: e.adjusterIds ?? context.adjusterIds,
      };
    }),
    recordApproval: assign({
      approvals: ({ event, context }) => [...context.approvals, ...(isUser(event.actor) ? [{ userId: event.actor.id, at: event.now }] : [])],
    }),
    approve: assign({ approvedBy: ({ event }) => (isUser(event.actor) ? event.actor.id : null), approvedAt: ({ event }) => event.now }),
    cancel: assign({ cancelReason: ({ event }) => (event as Ev<'CANCEL'>).reason.trim() }),
  },
}).createMachine({
  id: 'meeting',
  initial: 'planned',
  context: ({ input }) => ({
    organizationIds: input.organizationIds,
    approvedBy: null,
    approvedAt: null,
    cancelReason: null,
    startsAt: input.startsAt ?? null,
    chairId: input.chairId ?? null,
    secretaryId: input.secretaryId ?? null,
    adjusterIds: input.adjusterIds ?? [],
    approvals: [],
  }),
  states: {
    planned: {
      on: {
        UPDATE_AGENDA: { guard: 'allowed' },
        SET_ATTENDANCE: { guard: 'allowed', actions: 'roles' },
        START: { target: 'in_session', guard: 'allowed' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    in_session: {
      on: {
        SET_CURRENT: { guard: 'allowed' },
        RECORD: { guard: 'allowed' },
        SET_ATTENDANCE: { guard: 'allowed', actions: 'roles' },
        END: { target: 'minutes_draft', guard: 'allowed' },
      },
    },
    minutes_draft: {
      on: {
        RECORD: { guard: 'allowed' },
        SET_ATTENDANCE: { guard: 'allowed', actions: 'roles' },
        APPROVE: [
          { target: 'approved', guard: 'allowedAndComplete', actions: ['recordApproval', 'approve'] },
          { guard: 'allowed', actions: 'recordApproval' },
        ],
      },
    },
    approved: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type MeetingSnapshot = SnapshotFrom<typeof meetingMachine>;

/** Why approved minutes cannot be revised: they are not approved yet (change the draft), or not this actor's to revise. */
export type RevisionRefusal = { ok: false; reason: 'not_approved' | 'forbidden' };

/**
 * Approved minutes are locked (a final state); a change to them is a new revision of the meeting, whose machine starts
 * in the minutes draft with the approval cleared. Returns the revision's first snapshot, or the refusal: the minutes
 * must be approved, and the actor must be one who records in the meeting (its secretary, RECORD's rule).
 */
export function reviseMinutes(approved: MeetingSnapshot, actor: Actor): { ok: true; draft: MeetingSnapshot } | RevisionRefusal {
  if (!approved.matches('approved')) return { ok: false, reason: 'not_approved' };
  if (!MEETING_RULES.RECORD.may(actor, approved.context, envOf({}))) return { ok: false, reason: 'forbidden' };
  // The revision is approved (justeras) anew.
  return {
    ok: true,
    draft: meetingMachine.resolveState({ value: 'minutes_draft', context: { ...approved.context, approvedBy: null, approvedAt: null, approvals: [] } }),
  };
}
