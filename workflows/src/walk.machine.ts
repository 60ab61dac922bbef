import { WALK_LIMITS } from '@samverka/contracts';
import { assign, setup } from 'xstate';
import { Actor, EventBase, EventRule, hasRole, isUser, ruleAllows, text } from './common';
import { SnapshotMigrations } from './persistence';

/** Bumped whenever the machine changes shape; stored with every snapshot (see WALK_SNAPSHOT_MIGRATIONS). */
export const WALK_MACHINE_VERSION = 1;

/** How a stored walk snapshot of version n becomes one of version n + 1 (`restore` applies them); none yet. */
export const WALK_SNAPSHOT_MIGRATIONS: SnapshotMigrations = {};

export interface WalkContext {
  /** Organisations whose coordinators and analysts plan, run and settle the walk (the area's partnership; a restricted walk: the planning and invited ones of it). */
  organizerOrgIds: string[];
  /** Organisations whose users record findings: the planning one and the invited ones. */
  participantOrgIds: string[];
  cancelReason: string | null;
  followUpNote: string | null;
  finishedAt: string | null;
  settledAt: string | null;
  followedUpAt: string | null;
}

export type WalkEvent = EventBase &
  (
    | { type: 'EDIT'; participantOrgIds?: string[]; organizerOrgIds?: string[] }
    | { type: 'START' }
    | { type: 'RECORD' }
    | { type: 'AMEND' }
    | { type: 'FINISH' }
    | { type: 'SETTLE' }
    /** `unsettledFindings` is counted by the API. */
    | { type: 'COMPLETE_SETTLEMENT'; unsettledFindings: number }
    | { type: 'FOLLOW_UP'; note: string }
    | { type: 'CLOSE' }
    | { type: 'CANCEL'; reason: string }
  );

type Ev<T extends WalkEvent['type']> = Extract<WalkEvent, { type: T }>;

/** A coordinator or analyst of an organising organisation. */
export const walkOrganizer = (a: Actor, c: WalkContext) => isUser(a) && c.organizerOrgIds.includes(a.organizationId) && hasRole(a, 'coordinator', 'analyst');
/** Any user of the planning or an invited organisation, and the organisers. */
export const walkParticipant = (a: Actor, c: WalkContext) => (isUser(a) && c.participantOrgIds.includes(a.organizationId)) || walkOrganizer(a, c);

/**
 * Who may send each walk event, and what its payload must hold. RECORD (a finding, a photo or a stop's answers) is
 * accepted while in progress and, for findings sent late from a phone that was offline, while recorded; AMEND (a
 * recorder changes or deletes their own finding) only in progress; SETTLE (one finding's settlement) while recorded.
 */
export const WALK_RULES: { [T in WalkEvent['type']]: EventRule<WalkContext, Ev<T>> } = {
  EDIT: {
    may: walkOrganizer,
    check: (e) =>
      [e.participantOrgIds, e.organizerOrgIds].every((ids) => ids === undefined || (Array.isArray(ids) && ids.every((o) => typeof o === 'string')))
        ? null
        : { field: 'invitedOrganizationIds', message: 'invitedOrganizationIds must be organisation ids' },
  },
  START: { may: walkOrganizer },
  RECORD: { may: walkParticipant },
  AMEND: { may: walkParticipant },
  FINISH: { may: walkOrganizer },
  SETTLE: { may: walkOrganizer },
  COMPLETE_SETTLEMENT: {
    may: walkOrganizer,
    check: (e) =>
      !Number.isInteger(e.unsettledFindings) || e.unsettledFindings < 0
        ? { field: 'unsettledFindings', message: 'unsettledFindings must be a count' }
        : e.unsettledFindings > 0
          ? { field: 'findings', message: `${e.unsettledFindings} finding(s) are not settled yet` }
          : null,
  },
  FOLLOW_UP: { may: walkOrganizer, check: (e) => text(e.note, 'note', WALK_LIMITS.followUpNote) },
  CLOSE: { may: walkOrganizer },
  CANCEL: { may: walkOrganizer, check: (e) => text(e.reason, 'reason', WALK_LIMITS.cancelReason) },
};

const allowed = ({ context, event }: { context: WalkContext; event: WalkEvent }) => ruleAllows(WALK_RULES, context, event);

/** A safety walk (trygghetsvandring): planned, walked, its findings settled into actions, followed up and closed. */
export const walkMachine = setup({
  types: {} as { context: WalkContext; events: WalkEvent; input: { organizerOrgIds: string[]; participantOrgIds: string[] } },
  guards: { allowed },
  actions: {
    edit: assign({
      participantOrgIds: ({ event, context }) => (event as Ev<'EDIT'>).participantOrgIds ?? context.participantOrgIds,
      organizerOrgIds: ({ event, context }) => (event as Ev<'EDIT'>).organizerOrgIds ?? context.organizerOrgIds,
    }),
    finish: assign({ finishedAt: ({ event }) => event.now }),
    settle: assign({ settledAt: ({ event }) => event.now }),
    followUp: assign({ followUpNote: ({ event }) => (event as Ev<'FOLLOW_UP'>).note.trim(), followedUpAt: ({ event }) => event.now }),
    cancel: assign({ cancelReason: ({ event }) => (event as Ev<'CANCEL'>).reason.trim() }),
  },
}).createMachine({
  id: 'walk',
  initial: 'planned',
  context: ({ input }) => ({
    organizerOrgIds: input.organizerOrgIds,
    participantOrgIds: input.participantOrgIds,
    cancelReason: null,
    followUpNote: null,
    finishedAt: null,
    settledAt: null,
    followedUpAt: null,
  }),
  states: {
    planned: {
      on: {
        EDIT: { guard: 'allowed', actions: 'edit' },
        START: { target: 'in_progress', guard: 'allowed' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    in_progress: {
      on: {
        RECORD: { guard: 'allowed' },
        AMEND: { guard: 'allowed' },
        FINISH: { target: 'recorded', guard: 'allowed', actions: 'finish' },
      },
    },
    recorded: {
      on: {
        RECORD: { guard: 'allowed' },
        SETTLE: { guard: 'allowed' },
        COMPLETE_SETTLEMENT: { target: 'settled', guard: 'allowed', actions: 'settle' },
      },
    },
    settled: {
      on: { FOLLOW_UP: { target: 'followed_up', guard: 'allowed', actions: 'followUp' } },
    },
    followed_up: {
      on: { CLOSE: { target: 'closed', guard: 'allowed' } },
    },
    closed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
