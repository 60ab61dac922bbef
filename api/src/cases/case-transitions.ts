import { Injectable } from '@nestjs/common';
import { ACTION_MACHINE_VERSION, actionMachine, CASE_MACHINE_VERSION, CASE_RULES, CaseContext, CaseEvent, caseMachine, decide, restore, store } from '@samverka/workflows';
import { EntityManager } from 'typeorm';
import { createActor } from 'xstate';
import { AgreedAction } from '../actions/action.entity';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { CaseHistoryEntry } from './case-history.entity';
import { EstCase } from './case.entity';
import { refusal } from './workflow-errors';

/** Applies case events inside the caller's transaction; shared by case events and the automatic moves that actions cause. */
@Injectable()
export class CaseTransitions {
  constructor(private readonly audit: AuditService) {}

  /** Appends to the case's timeline. */
  async history(m: EntityManager, user: AuthUser | null, caseId: string, actionId: string | null, eventType: string, payload: Record<string, unknown> | null, fromState: string | null, toState: string, version: number): Promise<void> {
    await m.getRepository(CaseHistoryEntry).insert({
      caseId,
      actionId,
      eventType,
      payload,
      fromState,
      toState,
      version,
      actorId: user?.id ?? null,
      actorOrganizationId: user?.organizationId ?? null,
      at: new Date(),
    });
  }

  /**
   * Applies one event to a locked case row (also used for the system's ACTION_STARTED / ACTION_CLOSED, with
   * `user` null). Throws the machine's refusal as an HTTP error.
   */
  async apply(m: EntityManager, user: AuthUser | null, c: EstCase, event: CaseEvent, payload: Record<string, unknown> | null): Promise<void> {
    const snapshot = restore(caseMachine, CASE_MACHINE_VERSION, c.snapshot);
    const d = decide(caseMachine, snapshot, event, CASE_RULES);
    if (!d.ok) throw refusal('CASE', d, event.type, c.state);
    const from = c.state;
    const to = String(d.next.value);
    const next = c.version + 1;
    await m.getRepository(EstCase).update(c.id, { state: to, version: next, snapshot: store(CASE_MACHINE_VERSION, d.next) });
    c.state = to;
    c.version = next;
    c.snapshot = store(CASE_MACHINE_VERSION, d.next);
    await this.history(m, user, c.id, null, event.type, payload, from, to, next);
    await this.audit.record(m, user ?? { id: null, organizationId: null }, {
      action: `case.${event.type.toLowerCase()}`,
      entityType: 'case',
      entityId: c.id,
      before: { state: from, version: next - 1 },
      after: { state: to, version: next, ...(payload ? { payload } : {}) },
    });
    if (event.type === 'AGREE') await this.createAgreedActions(m, user!, c, (d.next.context as CaseContext).proposedActions);
  }

  /** The side effect of a decision: each agreed action becomes an action with its own machine. */
  private async createAgreedActions(m: EntityManager, user: AuthUser, c: EstCase, planned: CaseContext['proposedActions']): Promise<void> {
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM case_actions WHERE case_id = $1', [c.id]);
    for (const [i, p] of planned.entries()) {
      const snapshot = createActor(actionMachine, { input: { organizationId: p.organizationId, ownerId: p.ownerId ?? null } }).getSnapshot();
      const saved = await m.getRepository(AgreedAction).save({
        caseId: c.id,
        number: n + i + 1,
        cause: p.cause.trim(),
        what: p.what.trim(),
        goal: p.goal.trim(),
        organizationId: p.organizationId,
        ownerId: p.ownerId ?? null,
        startDate: p.startDate ?? null,
        dueDate: p.dueDate,
        kind: p.kind,
        term: p.term,
        state: String(snapshot.value),
        version: 1,
        snapshot: store(ACTION_MACHINE_VERSION, snapshot),
      });
      await this.audit.record(m, user, { action: 'action.create', entityType: 'action', entityId: saved.id, after: { caseId: c.id, ...p } });
    }
  }
}
