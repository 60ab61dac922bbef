import { ACTION_LIMITS, type ActionEventPayloads, type ActionEventType, type ActionState } from '@samverka/contracts';
import { assign, setup } from 'xstate';
import { Actor, EventBase, EventRule, hasRole, isUser, optionalText, ruleAllows, text } from './common';
import { finalStates, SnapshotMigrations } from './persistence';

/** Bumped whenever the machine changes shape; stored with every snapshot (see ACTION_SNAPSHOT_MIGRATIONS). */
export const ACTION_MACHINE_VERSION = 2;

/** How a stored action snapshot of version n becomes one of version n + 1 (`restore` applies them). */
export const ACTION_SNAPSHOT_MIGRATIONS: SnapshotMigrations = {
  // 2: START takes an optional note, kept in the context.
  1: (s) => ({ ...s, machineVersion: 2, context: { ...s.context, startNote: null } }),
};

export interface ActionContext {
  /** The responsible organisation: only its people carry the action out. */
  organizationId: string;
  ownerId: string | null;
  report: string | null;
  /** The optional note given on START. */
  startNote: string | null;
  blockedReason: string | null;
  cancelReason: string | null;
}

/** The events users send, as the contract defines their payloads; ASSIGN also carries the owner's organisation (added by the API). */
type UserActionEvent = {
  [T in ActionEventType]: { type: T } & (ActionEventPayloads[T] extends Record<string, never> ? unknown : ActionEventPayloads[T]) &
    (T extends 'ASSIGN' ? { ownerOrganizationId: string } : unknown);
}[ActionEventType];

export type ActionEvent = EventBase & UserActionEvent;

type Ev<T extends ActionEvent['type']> = Extract<ActionEvent, { type: T }>;

const ofResponsibleOrg = (a: Actor, c: ActionContext) => isUser(a) && a.organizationId === c.organizationId;
/** The responsible organisation's managers (security chief, commander) or the action's owner. */
const doer = (a: Actor, c: ActionContext) => ofResponsibleOrg(a, c) && (hasRole(a, 'action_owner', 'commander') || (isUser(a) && a.id === c.ownerId));
const manager = (a: Actor, c: ActionContext) => ofResponsibleOrg(a, c) && hasRole(a, 'action_owner', 'commander');

/** Who may send each action event and what its payload must hold. */
export const ACTION_RULES: { [T in ActionEvent['type']]: EventRule<ActionContext, Ev<T>> } = {
  ASSIGN: {
    may: manager,
    check: (e, c) =>
      typeof e.ownerId !== 'string' || !e.ownerId
        ? { field: 'ownerId', message: 'ownerId names the person who carries the action out' }
        : e.ownerOrganizationId !== c.organizationId
          ? { field: 'ownerId', message: 'the owner must belong to the responsible organisation' }
          : null,
  },
  // An action whose owner is named (in the decision or by ASSIGN) is started without a separate assignment.
  START: { may: (a, c) => doer(a, c) && c.ownerId !== null, check: (e) => optionalText(e.note, 'note', ACTION_LIMITS.startNote) },
  COMPLETE: { may: doer, check: (e) => text(e.report, 'report', ACTION_LIMITS.report) },
  BLOCK: { may: doer, check: (e) => text(e.reason, 'reason', ACTION_LIMITS.reason) },
  RESUME: { may: doer },
  // The coordinator of any partner may also cancel, e.g. when the case is dismissed at a meeting.
  CANCEL: { may: (a, c) => manager(a, c) || hasRole(a, 'coordinator'), check: (e) => text(e.reason, 'reason', ACTION_LIMITS.reason) },
};

const allowed = ({ context, event }: { context: ActionContext; event: ActionEvent }) => ruleAllows(ACTION_RULES, context, event);

/** An agreed action (insats): assigned to a person of the responsible organisation, carried out, reported done. */
export const actionMachine = setup({
  types: {} as { context: ActionContext; events: ActionEvent; input: { organizationId: string; ownerId?: string | null } },
  guards: { allowed },
  actions: {
    assign: assign({ ownerId: ({ event }) => (event as Ev<'ASSIGN'>).ownerId }),
    start: assign({ startNote: ({ event }) => (event as Ev<'START'>).note?.trim() || null }),
    complete: assign({ report: ({ event }) => (event as Ev<'COMPLETE'>).report.trim() }),
    block: assign({ blockedReason: ({ event }) => (event as Ev<'BLOCK'>).reason.trim() }),
    resume: assign({ blockedReason: () => null }),
    cancel: assign({ cancelReason: ({ event }) => (event as Ev<'CANCEL'>).reason.trim() }),
  },
}).createMachine({
  id: 'action',
  initial: 'planned',
  context: ({ input }) => ({
    organizationId: input.organizationId,
    ownerId: input.ownerId ?? null,
    report: null,
    startNote: null,
    blockedReason: null,
    cancelReason: null,
  }),
  states: {
    planned: {
      on: {
        ASSIGN: { target: 'assigned', guard: 'allowed', actions: 'assign' },
        START: { target: 'in_progress', guard: 'allowed', actions: 'start' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    assigned: {
      on: {
        ASSIGN: { guard: 'allowed', actions: 'assign' },
        START: { target: 'in_progress', guard: 'allowed', actions: 'start' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    in_progress: {
      on: {
        ASSIGN: { guard: 'allowed', actions: 'assign' },
        COMPLETE: { target: 'done', guard: 'allowed', actions: 'complete' },
        BLOCK: { target: 'blocked', guard: 'allowed', actions: 'block' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    blocked: {
      on: {
        ASSIGN: { guard: 'allowed', actions: 'assign' },
        RESUME: { target: 'in_progress', guard: 'allowed', actions: 'resume' },
        CANCEL: { target: 'cancelled', guard: 'allowed', actions: 'cancel' },
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/** The machine's final states (done, cancelled): such an action is closed; SQL gets this list as a parameter. */
export const CLOSED_ACTION_STATES: readonly ActionState[] = finalStates(actionMachine) as ActionState[];

/** Done and cancelled actions are closed; the others still count as open for their case. */
export const isOpenAction = (state: string) => !(CLOSED_ACTION_STATES as readonly string[]).includes(state);
