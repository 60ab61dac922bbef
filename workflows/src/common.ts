import { DEFAULT_WORKFLOW_SETTINGS, type Role, type TextLimit, type WorkflowSettings } from '@samverka/contracts';
import { AnyMachineSnapshot, AnyStateMachine, getNextTransitions, transition } from 'xstate';

/** Who sends an event: a user (roles, organisation) or the system itself (automatic moves). */
export type Actor = { kind: 'user'; id: string; roles: Role[]; organizationId: string } | { kind: 'system' };

/** What every event carries besides its own payload: who sends it and when (ISO 8601). */
export interface EventBase {
  actor: Actor;
  now: string;
  /** The installation's settings the rules take as input (added by the API; the defaults when absent). */
  settings?: WorkflowSettings;
  /** Sent by a chefssamråd's decision (added by the API, never taken from a request). */
  inMeeting?: boolean;
}

/** What the rules know besides the actor and the record: the time, the installation's settings and where the event comes from. */
export interface WorkflowEnv {
  now: string;
  settings: WorkflowSettings;
  inMeeting: boolean;
}

/** The environment of an event (defaults for what it does not carry). */
export const envOf = (e: Partial<EventBase>): WorkflowEnv => ({
  now: e.now ?? new Date().toISOString(),
  settings: e.settings ?? DEFAULT_WORKFLOW_SETTINGS,
  inMeeting: e.inMeeting === true,
});

/** A payload problem: the field at fault and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The rule of one event type: who may send it, and what its payload must hold. */
export interface EventRule<C, E> {
  /** Whether this actor may send the event on this record. */
  may: (actor: Actor, context: C, env: WorkflowEnv) => boolean;
  /** Sent by the system only (automatic moves), never shown as a button. */
  systemOnly?: boolean;
  /** The first problem with the payload, or null. */
  check?: (event: E, context: C, env: WorkflowEnv) => FieldProblem | null;
}

export const isUser = (a: Actor): a is Extract<Actor, { kind: 'user' }> => a.kind === 'user';
export const hasRole = (a: Actor, ...roles: Role[]) => isUser(a) && roles.some((r) => a.roles.includes(r));
export const isSystem = (a: Actor) => a.kind === 'system';

/** A required text within its limit (from contracts/). */
export const text = (v: unknown, field: string, { min, max }: TextLimit): FieldProblem | null =>
  typeof v !== 'string' || v.trim().length < min
    ? { field, message: `${field} is required` }
    : v.length > max
      ? { field, message: `${field} must be at most ${max} characters` }
      : null;

/** An optional text within its maximum (absent, null or empty is fine). */
export const optionalText = (v: unknown, field: string, { max }: TextLimit): FieldProblem | null =>
  v == null
    ? null
    : typeof v !== 'string'
      ? { field, message: `${field} must be text` }
      : v.length > max
        ? { field, message: `${field} must be at most ${max} characters` }
        : null;

/** Today's date in Sweden (YYYY-MM-DD) at the instant `iso`. */
export const swedishDate = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** Whether a rule allows an event now (the machines' `allowed` guard). */
export function ruleAllows<C>(rules: RuleTable<C>, context: C, event: EventBase & { type: string }): boolean {
  const rule = rules[event.type];
  const env = envOf(event);
  return !!rule && rule.may(event.actor, context, env) && (rule.check?.(event, context, env) ?? null) === null;
}

export const isoDate = (v: unknown): boolean =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A machine's rules by event type (each rule typed by its own event). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RuleTable<C> = { [type: string]: EventRule<C, any> };

/** An event without the actor and time the API adds (distributes over the event union). */
export type EventPayload<E> = E extends unknown ? Omit<E, keyof EventBase> : never;

/** The outcome of asking a machine whether an event may happen now. */
export type Decision<S> =
  | { ok: true; next: S }
  | { ok: false; reason: 'not_accepted'; accepted: string[] }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid'; problem: FieldProblem };

/** Event types the current state has a transition for (whatever the guards would say). */
export function eventsOfState(snapshot: AnyMachineSnapshot): string[] {
  return [...new Set((getNextTransitions(snapshot) as { eventType: string }[]).map((t) => t.eventType))].filter((t) => !t.startsWith('xstate.'));
}

/**
 * Asks the machine about an event and explains a refusal: not accepted in this state (409), not this actor's to
 * send (403), or a payload problem (422). The rules come from the same table the machine's guards use.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- E ties the event to the snapshot's machine at call sites
export function decide<C, E extends { type: string } & EventBase, S extends AnyMachineSnapshot>(
  machine: AnyStateMachine,
  snapshot: S,
  event: E,
  rules: RuleTable<C>,
): Decision<S> {
  const context = snapshot.context as C;
  const accepted = eventsOfState(snapshot);
  if (!accepted.includes(event.type)) return { ok: false, reason: 'not_accepted', accepted: allowedEvents(snapshot, event.actor, rules, envOf(event)) };
  const rule = rules[event.type];
  const env = envOf(event);
  if (!rule || !rule.may(event.actor, context, env)) return { ok: false, reason: 'forbidden' };
  const problem = rule.check?.(event, context, env) ?? null;
  if (problem) return { ok: false, reason: 'invalid', problem };
  const [next] = transition(machine, snapshot, event as never);
  return { ok: true, next: next as S };
}

/** The event types this actor may send now (what the client shows as buttons). */
export function allowedEvents<C>(snapshot: AnyMachineSnapshot, actor: Actor, rules: RuleTable<C>, env: WorkflowEnv = envOf({})): string[] {
  return eventsOfState(snapshot).filter((t) => rules[t] !== undefined && !rules[t].systemOnly && rules[t].may(actor, snapshot.context as C, env));
}
