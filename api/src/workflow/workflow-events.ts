import { Injectable } from '@nestjs/common';
import {
  ACTION_MACHINE_VERSION,
  ACTION_RULES,
  ACTION_SNAPSHOT_MIGRATIONS,
  ActionContext,
  actionMachine,
  allowedEvents,
  CASE_MACHINE_VERSION,
  CASE_RULES,
  CASE_SNAPSHOT_MIGRATIONS,
  CaseContext,
  caseMachine,
  decide,
  envOf,
  EventBase,
  MEETING_MACHINE_VERSION,
  MEETING_RULES,
  MEETING_SNAPSHOT_MIGRATIONS,
  MeetingContext,
  meetingMachine,
  restore,
  RuleTable,
  SnapshotMigrations,
  store,
  StoredSnapshot,
  WALK_MACHINE_VERSION,
  WALK_RULES,
  WALK_SNAPSHOT_MIGRATIONS,
  WalkContext,
  walkMachine,
} from '@samverka/workflows';
import type { WorkflowSettings } from '@samverka/contracts';
import { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { WorkflowSettingsService } from '../settings/settings.service';
import { actorOf } from './actor';
import { refusal, staleVersion, WorkflowEntity } from './workflow-errors';

/** A machine as the API runs it: its rules, the version stored with snapshots and the migrations of older ones. */
export interface Workflow<C> {
  /** Prefix of the error codes (`CASE.STALE_VERSION`); lower-cased, the audit entry's entity type. */
  entity: WorkflowEntity;
  machine: AnyStateMachine;
  version: number;
  rules: RuleTable<C>;
  migrations: SnapshotMigrations;
}

export const CASE_WORKFLOW: Workflow<CaseContext> = {
  entity: 'CASE',
  machine: caseMachine,
  version: CASE_MACHINE_VERSION,
  rules: CASE_RULES,
  migrations: CASE_SNAPSHOT_MIGRATIONS,
};
export const ACTION_WORKFLOW: Workflow<ActionContext> = {
  entity: 'ACTION',
  machine: actionMachine,
  version: ACTION_MACHINE_VERSION,
  rules: ACTION_RULES,
  migrations: ACTION_SNAPSHOT_MIGRATIONS,
};
export const MEETING_WORKFLOW: Workflow<MeetingContext> = {
  entity: 'MEETING',
  machine: meetingMachine,
  version: MEETING_MACHINE_VERSION,
  rules: MEETING_RULES,
  migrations: MEETING_SNAPSHOT_MIGRATIONS,
};
export const WALK_WORKFLOW: Workflow<WalkContext> = {
  entity: 'WALK',
  machine: walkMachine,
  version: WALK_MACHINE_VERSION,
  rules: WALK_RULES,
  migrations: WALK_SNAPSHOT_MIGRATIONS,
};

/** What a row moved by a workflow keeps: its state, its version and the machine's snapshot. */
export interface WorkflowRecord {
  id: string;
  state: string;
  version: number;
  snapshot: StoredSnapshot;
}

/** The stored snapshot restored into the current machine (older machine versions migrated first). */
export function restoreOf<C>(w: Workflow<C>, record: Pick<WorkflowRecord, 'snapshot'>): AnyMachineSnapshot {
  return restore(w.machine, w.version, record.snapshot, w.migrations);
}

/** The events this user may send to the record now under the installation's settings (the client's buttons). */
export function allowedFor<C>(w: Workflow<C>, record: Pick<WorkflowRecord, 'snapshot'>, user: AuthUser, settings: WorkflowSettings): string[] {
  return allowedEvents(restoreOf(w, record), actorOf(user), w.rules, envOf({ settings }));
}

/** An accepted event: where the record was and is, its new version and snapshot, and the machine's new context. */
export interface Step<C> {
  type: string;
  from: string;
  to: string;
  version: number;
  snapshot: StoredSnapshot;
  context: C;
}

/** What differs between the records a workflow moves; everything else is `WorkflowEvents.apply`. */
export interface StepHooks<C> {
  /** Stores the new state, version and snapshot (and what the row keeps of the context). */
  store: (step: Step<C>) => Promise<void>;
  /** Appends to the record's timeline (cases and their actions have one). */
  history?: (step: Step<C>) => Promise<void>;
  /** The `before` and `after` of the audit entry. */
  audit: (step: Step<C>) => { before: object; after: object };
  /** Side effects and notifications, in the same transaction, after the audit entry. */
  after?: (step: Step<C>) => Promise<void>;
}

/** How `send` finds the record: `load` locks and reads it (404 if the user may not see it). */
export interface SendOptions<R extends WorkflowRecord> {
  load: () => Promise<R>;
  /** The version the client read; another one is a 409 `<ENTITY>.STALE_VERSION`. */
  version: number;
  /** Checks against the database that the machine cannot make, after the version check; returns event fields to add. */
  prepare?: (record: R) => Promise<Record<string, unknown> | undefined>;
}

/**
 * The one way a workflow event is applied, inside the caller's transaction: (lock and version check in `send`) the
 * machine's decision (a refusal is a 409, 403 or 422), the new snapshot with version + 1, the history and audit
 * entries, then side effects and notifications.
 */
@Injectable()
export class WorkflowEvents {
  constructor(
    private readonly audit: AuditService,
    private readonly settings: WorkflowSettingsService,
  ) {}

  /** A user's event: locks the record, compares the version the client read, then `apply`. */
  async send<R extends WorkflowRecord, C>(
    m: EntityManager,
    user: AuthUser,
    w: Workflow<C>,
    type: string,
    payload: Record<string, unknown>,
    options: SendOptions<R>,
    hooks: (record: R) => StepHooks<C>,
  ): Promise<Step<C>> {
    const record = await options.load();
    if (options.version !== record.version) throw staleVersion(w.entity, record.version);
    const extra = (await options.prepare?.(record)) ?? {};
    const event = { ...payload, ...extra, type, actor: actorOf(user), now: new Date().toISOString() };
    return this.apply(m, user, w, record, event, hooks(record));
  }

  /**
   * Applies one event to a record the caller has locked; `user` null for the system's own events (e.g. the case's
   * ACTION_CLOSED). Throws the machine's refusal as an HTTP error.
   */
  async apply<C>(
    m: EntityManager,
    user: AuthUser | null,
    w: Workflow<C>,
    record: WorkflowRecord,
    event: EventBase & { type: string },
    hooks: StepHooks<C>,
  ): Promise<Step<C>> {
    // The installation's settings are input to the rules; they come from the database, never from the request.
    event = { ...event, settings: await this.settings.current(m) };
    const d = decide(w.machine, restoreOf(w, record), event, w.rules);
    if (!d.ok) throw refusal(w.entity, d, event.type, record.state);
    const step: Step<C> = {
      type: event.type,
      from: record.state,
      to: String(d.next.value),
      version: record.version + 1,
      snapshot: store(w.version, d.next),
      context: d.next.context as C,
    };
    await hooks.store(step);
    await hooks.history?.(step);
    const entityType = w.entity.toLowerCase();
    await this.audit.record(m, user ?? { id: null, organizationId: null }, {
      action: `${entityType}.${event.type.toLowerCase()}`,
      entityType,
      entityId: record.id,
      ...hooks.audit(step),
    });
    await hooks.after?.(step);
    return step;
  }
}
