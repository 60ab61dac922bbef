import {
  ACTION_LIMITS,
  CASE_LIMITS,
  type CaseState,
  CASE_OUTCOMES,
  DISMISSAL_REASONS,
  MAX_ACTIONS_PER_CASE,
  type CaseEventPayloads,
  type CaseEventType,
  type CaseOutcome,
  type DismissalReason,
  type PlannedActionDto,
} from '@samverka/contracts';
import { assign, setup } from 'xstate';
import {
  Actor,
  envOf,
  EventBase,
  EventRule,
  FieldProblem,
  hasRole,
  isoDate,
  isSystem,
  isUser,
  optionalText,
  ruleAllows,
  swedishDate,
  text,
  WorkflowEnv,
} from './common';
import { SnapshotMigrations, statesTaking } from './persistence';

/** Bumped whenever the machine changes shape; stored with every snapshot (see CASE_SNAPSHOT_MIGRATIONS). */
export const CASE_MACHINE_VERSION = 2;

/** How a stored case snapshot of version n becomes one of version n + 1 (`restore` applies them). */
export const CASE_SNAPSHOT_MIGRATIONS: SnapshotMigrations = {
  // 2: the responsible organisations' consents (decision rule `commanders`) and when follow-up began (no minimum for older cases).
  1: (s) => ({ ...s, machineVersion: 2, context: { ...s.context, consents: [], followUpSince: null } }),
};

/** An action as proposed and, once agreed, created: Brå's action-plan columns (the API's contract). */
export type PlannedAction = PlannedActionDto;

export interface CaseContext {
  /** The organisations of the area's partnership when the case was opened (decisions must stay inside it). */
  partnerIds: string[];
  analysis: string | null;
  proposedActions: PlannedAction[];
  /** How many agreed actions are not yet done or cancelled (kept up to date by the API's ACTION_* events). */
  openActions: number;
  closedAt: string | null;
  /** Days after closing during which the case can be reopened. */
  reopenDays: number;
  outcome: CaseOutcome | null;
  dismissal: { reason: DismissalReason; duplicateOfCaseId: string | null } | null;
  /** Under the decision rule `commanders`: the responsible organisations whose commander has agreed to the proposal. */
  consents: string[];
  /** When the last action closed (follow-up began): the minimum time before evaluation counts from here. */
  followUpSince: string | null;
}

/** The events users send, as the contract defines their payloads (`{type, …payload}`). */
type UserCaseEvent = {
  [T in CaseEventType]: { type: T } & (CaseEventPayloads[T] extends Record<string, never> ? unknown : CaseEventPayloads[T]);
}[CaseEventType];

export type CaseEvent = EventBase & (UserCaseEvent | { type: 'ACTION_STARTED' } | { type: 'ACTION_CLOSED'; openActions: number });

type Ev<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

const inPartnership = (a: Actor, c: CaseContext) => isUser(a) && c.partnerIds.includes(a.organizationId);
const analystOrCoordinator = (a: Actor, c: CaseContext) => inPartnership(a, c) && hasRole(a, 'analyst', 'coordinator');
const decider = (a: Actor, c: CaseContext) => inPartnership(a, c) && hasRole(a, 'commander', 'coordinator');

/** The organisations responsible for the proposed actions. */
export const responsibleOrganizations = (c: Pick<CaseContext, 'proposedActions'>): string[] => [...new Set(c.proposedActions.map((a) => a.organizationId))];

/**
 * Who may agree the actions, by the installation's decision rule: a chefssamråd always (its decision is recorded by a
 * coordinator or commander); outside one, under `coordinator` a coordinator or commander of a partner, under
 * `meeting` nobody, under `commanders` a commander of a responsible organisation that has not agreed yet.
 */
export function mayAgree(a: Actor, c: CaseContext, env: WorkflowEnv): boolean {
  if (!decider(a, c)) return false;
  if (env.inMeeting) return true;
  switch (env.settings.decisionRule) {
    case 'coordinator':
      return true;
    case 'meeting':
      return false;
    case 'commanders':
      return isUser(a) && hasRole(a, 'commander') && responsibleOrganizations(c).includes(a.organizationId) && !c.consents.includes(a.organizationId);
  }
}

/** Whether an AGREE completes the decision (always, except under `commanders` while other responsible organisations have not agreed). */
const completesDecision = (e: CaseEvent, c: CaseContext, env: WorkflowEnv): boolean => {
  if (env.inMeeting || env.settings.decisionRule !== 'commanders') return true;
  const agreed = new Set([...c.consents, isUser(e.actor) ? e.actor.organizationId : '']);
  return responsibleOrganizations(c).every((o) => agreed.has(o));
};

const DAY = 86_400_000;

/** When a case in follow-up may be evaluated without a reason (null: no minimum, e.g. a case from before the rule). */
export function evaluationFrom(c: Pick<CaseContext, 'followUpSince'>, minDays: number): string | null {
  return c.followUpSince && minDays > 0 ? new Date(new Date(c.followUpSince).getTime() + minDays * DAY).toISOString() : null;
}

/** Checks a list of actions for a proposal or decision; `field` names the first bad one (e.g. actions[0].dueDate). */
export function checkActions(actions: unknown, c: CaseContext, now?: string): FieldProblem | null {
  const today = now ? swedishDate(now) : null;
  if (!Array.isArray(actions) || actions.length === 0) return { field: 'actions', message: 'at least one action is needed' };
  if (actions.length > MAX_ACTIONS_PER_CASE) return { field: 'actions', message: `at most ${MAX_ACTIONS_PER_CASE} actions per case` };
  for (const [i, a] of (actions as PlannedAction[]).entries()) {
    const f = (name: string) => `actions[${i}].${name}`;
    if (typeof a !== 'object' || a === null) return { field: `actions[${i}]`, message: 'an action must be an object' };
    const problem =
      text(a.cause, f('cause'), ACTION_LIMITS.cause) ?? text(a.what, f('what'), ACTION_LIMITS.what) ?? text(a.goal, f('goal'), ACTION_LIMITS.goal);
    if (problem) return problem;
    if (typeof a.organizationId !== 'string' || !c.partnerIds.includes(a.organizationId)) {
      return { field: f('organizationId'), message: 'the responsible organisation must be in the area’s partnership' };
    }
    if (!isoDate(a.dueDate)) return { field: f('dueDate'), message: 'a due date (YYYY-MM-DD) is needed' };
    if (today && a.dueDate < today) return { field: f('dueDate'), message: `the due date ${a.dueDate} has passed; choose today or a later date` };
    const followUp = optionalText(a.followUp, f('followUp'), ACTION_LIMITS.followUp);
    if (followUp) return followUp;
    if (a.followUpDate != null && !isoDate(a.followUpDate)) return { field: f('followUpDate'), message: 'the follow-up date must be a date (YYYY-MM-DD)' };
    if (a.startDate != null && (!isoDate(a.startDate) || a.startDate > a.dueDate))
      return { field: f('startDate'), message: 'the start date must be a date on or before the due date' };
    if (a.kind !== 'one_off' && a.kind !== 'ordinary') return { field: f('kind'), message: 'kind must be one_off or ordinary' };
    if (a.term !== 'short' && a.term !== 'long') return { field: f('term'), message: 'term must be short or long' };
  }
  return null;
}

const DAY_MS = 86_400_000;

/** Who may send each case event, and what its payload must hold. The machine's guards and the API use only this. */
export const CASE_RULES: { [T in CaseEvent['type']]: EventRule<CaseContext, Ev<T>> } = {
  START_ANALYSIS: { may: analystOrCoordinator },
  SAVE_ANALYSIS: { may: analystOrCoordinator, check: (e) => text(e.analysis, 'analysis', CASE_LIMITS.analysis) },
  PROPOSE: {
    may: analystOrCoordinator,
    check: (e, c) =>
      (e.analysis !== undefined
        ? text(e.analysis, 'analysis', CASE_LIMITS.analysis)
        : c.analysis
          ? null
          : { field: 'analysis', message: 'write the analysis before proposing actions' }) ?? checkActions(e.actions, c, e.now),
  },
  SEND_BACK: { may: decider, check: (e) => text(e.note, 'note', CASE_LIMITS.note) },
  ESCALATE: { may: decider, check: (e) => text(e.note, 'note', CASE_LIMITS.note) },
  AGREE: {
    may: mayAgree,
    check: (e, c, env) =>
      e.actions !== undefined && !env.inMeeting && env.settings.decisionRule === 'commanders'
        ? { field: 'actions', message: 'each responsible organisation agrees to the proposal as it stands; send it back to change the actions' }
        : checkActions(e.actions ?? c.proposedActions, c, e.now),
  },
  ACTION_STARTED: { may: isSystem, systemOnly: true },
  ACTION_CLOSED: {
    may: isSystem,
    systemOnly: true,
    check: (e) => (Number.isInteger(e.openActions) && e.openActions >= 0 ? null : { field: 'openActions', message: 'openActions must be a count' }),
  },
  EVALUATE: {
    may: analystOrCoordinator,
    check: (e, c, env) => {
      if (!(CASE_OUTCOMES as readonly string[]).includes(e.outcome))
        return { field: 'outcome', message: 'outcome must be effective, not_effective or escalate' };
      const problem = text(e.note, 'note', CASE_LIMITS.evaluationNote);
      if (problem) return problem;
      const from = evaluationFrom(c, env.settings.evaluationMinDays);
      if (from && env.now < from && e.earlyReason == null) {
        return {
          field: 'earlyReason',
          message: `the actions have ${env.settings.evaluationMinDays} days to work (until ${swedishDate(from)}); give earlyReason to evaluate earlier`,
        };
      }
      return e.earlyReason == null ? null : text(e.earlyReason, 'earlyReason', CASE_LIMITS.earlyReason);
    },
  },
  DISMISS: {
    may: analystOrCoordinator,
    check: (e) =>
      !(DISMISSAL_REASONS as readonly string[]).includes(e.reason)
        ? { field: 'reason', message: 'reason must be no_action or duplicate' }
        : e.reason === 'duplicate' && (typeof e.duplicateOfCaseId !== 'string' || !e.duplicateOfCaseId)
          ? { field: 'duplicateOfCaseId', message: 'name the case this one duplicates' }
          : text(e.note, 'note', CASE_LIMITS.note),
  },
  REOPEN: {
    may: analystOrCoordinator,
    check: (e, c) =>
      c.closedAt && new Date(e.now).getTime() - new Date(c.closedAt).getTime() > c.reopenDays * DAY_MS
        ? { field: 'type', message: `a case can only be reopened within ${c.reopenDays} days of closing` }
        : text(e.note, 'note', CASE_LIMITS.note),
  },
};

const allowed = ({ context, event }: { context: CaseContext; event: CaseEvent }) => ruleAllows(CASE_RULES, context, event);

/**
 * The case (ärende): a problem in a place that needs joint work, from the report to its analysis, the agreed
 * actions, their execution and the follow-up, until it is solved, sent back to analysis or escalated.
 */
export const caseMachine = setup({
  types: {} as { context: CaseContext; events: CaseEvent; input: { partnerIds: string[]; reopenDays?: number } },
  guards: {
    allowed,
    allowedAndEffective: (a) => allowed(a) && (a.event as Ev<'EVALUATE'>).outcome === 'effective',
    allowedAndNotEffective: (a) => allowed(a) && (a.event as Ev<'EVALUATE'>).outcome === 'not_effective',
    allowedAndEscalate: (a) => allowed(a) && (a.event as Ev<'EVALUATE'>).outcome === 'escalate',
    allSettled: (a) => allowed(a) && (a.event as Ev<'ACTION_CLOSED'>).openActions === 0,
    allowedAndComplete: (a) => allowed(a) && completesDecision(a.event, a.context, envOf(a.event)),
  },
  actions: {
    saveAnalysis: assign({ analysis: ({ event }) => (event as Ev<'SAVE_ANALYSIS'>).analysis.trim() }),
    propose: assign(({ event, context }) => {
      const e = event as Ev<'PROPOSE'>;
      return { proposedActions: e.actions, analysis: e.analysis?.trim() ?? context.analysis, consents: [] };
    }),
    agree: assign(({ event, context }) => {
      const actions = (event as Ev<'AGREE'>).actions ?? context.proposedActions;
      return { proposedActions: actions, openActions: actions.length, consents: [] };
    }),
    consent: assign({ consents: ({ event, context }) => [...context.consents, ...(isUser(event.actor) ? [event.actor.organizationId] : [])] }),
    beginFollowUp: assign({ followUpSince: ({ event }) => event.now }),
    countOpen: assign({ openActions: ({ event }) => (event as Ev<'ACTION_CLOSED'>).openActions }),
    evaluate: assign({ outcome: ({ event }) => (event as Ev<'EVALUATE'>).outcome }),
    close: assign({ closedAt: ({ event }) => event.now }),
    reopen: assign({ closedAt: () => null, outcome: () => null, followUpSince: () => null }),
    dismiss: assign({
      dismissal: ({ event }) => {
        const e = event as Ev<'DISMISS'>;
        return { reason: e.reason, duplicateOfCaseId: e.reason === 'duplicate' ? (e.duplicateOfCaseId ?? null) : null };
      },
    }),
  },
}).createMachine({
  id: 'case',
  initial: 'reported',
  context: ({ input }) => ({
    partnerIds: input.partnerIds,
    analysis: null,
    proposedActions: [],
    openActions: 0,
    closedAt: null,
    reopenDays: input.reopenDays ?? 90,
    outcome: null,
    dismissal: null,
    consents: [],
    followUpSince: null,
  }),
  states: {
    reported: {
      on: {
        START_ANALYSIS: { target: 'analysis', guard: 'allowed' },
        DISMISS: { target: 'dismissed', guard: 'allowed', actions: 'dismiss' },
      },
    },
    analysis: {
      on: {
        SAVE_ANALYSIS: { guard: 'allowed', actions: 'saveAnalysis' },
        PROPOSE: { target: 'proposed', guard: 'allowed', actions: 'propose' },
        DISMISS: { target: 'dismissed', guard: 'allowed', actions: 'dismiss' },
      },
    },
    proposed: {
      on: {
        AGREE: [
          { target: 'agreed', guard: 'allowedAndComplete', actions: 'agree' },
          { guard: 'allowed', actions: 'consent' },
        ],
        SEND_BACK: { target: 'analysis', guard: 'allowed' },
        ESCALATE: { target: 'escalated', guard: 'allowed' },
        DISMISS: { target: 'dismissed', guard: 'allowed', actions: 'dismiss' },
      },
    },
    escalated: {
      on: {
        AGREE: [
          { target: 'agreed', guard: 'allowedAndComplete', actions: 'agree' },
          { guard: 'allowed', actions: 'consent' },
        ],
        SEND_BACK: { target: 'analysis', guard: 'allowed' },
      },
    },
    agreed: {
      on: {
        ACTION_STARTED: { target: 'execution', guard: 'allowed' },
        ACTION_CLOSED: [
          { target: 'follow_up', guard: 'allSettled', actions: ['countOpen', 'beginFollowUp'] },
          { guard: 'allowed', actions: 'countOpen' },
        ],
      },
    },
    execution: {
      on: {
        ACTION_STARTED: { guard: 'allowed' },
        ACTION_CLOSED: [
          { target: 'follow_up', guard: 'allSettled', actions: ['countOpen', 'beginFollowUp'] },
          { guard: 'allowed', actions: 'countOpen' },
        ],
      },
    },
    follow_up: {
      on: {
        EVALUATE: [
          { target: 'closed', guard: 'allowedAndEffective', actions: ['evaluate', 'close'] },
          { target: 'analysis', guard: 'allowedAndNotEffective', actions: 'evaluate' },
          { target: 'escalated', guard: 'allowedAndEscalate', actions: 'evaluate' },
        ],
      },
    },
    closed: {
      on: { REOPEN: { target: 'analysis', guard: 'allowed', actions: 'reopen' } },
    },
    dismissed: { type: 'final' },
  },
});

/** The states in which a meeting decides on the case (it takes AGREE): a meeting's agenda gets an item for each such case. */
export const CASE_STATES_AWAITING_DECISION: readonly CaseState[] = statesTaking(caseMachine, 'AGREE') as CaseState[];

/** The states in which the case's effect is evaluated (it takes EVALUATE): a meeting's agenda follows each such case up. */
export const CASE_STATES_IN_FOLLOW_UP: readonly CaseState[] = statesTaking(caseMachine, 'EVALUATE') as CaseState[];
