import { Injectable } from '@nestjs/common';
import { CaseContext, CaseEvent } from '@samverka/workflows';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';
import { CASE_WORKFLOW, Step, WorkflowEvents } from '../workflow/workflow-events';
import { freezeEvaluationEffects, evaluationWeeks } from '../effects/case-effects';
import { CaseActions } from './case-actions.port';
import { CaseHistoryEntry } from './case-history.entity';
import { EstCase } from './case.entity';

/** Applies case events inside the caller's transaction; shared by case events, meeting decisions and the automatic moves that actions cause. */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly workflow: WorkflowEvents,
    private readonly actions: CaseActions,
  ) {}

  /** Appends to the case's timeline. */
  async history(
    m: EntityManager,
    user: AuthUser | null,
    caseId: string,
    actionId: string | null,
    eventType: string,
    payload: Record<string, unknown> | null,
    fromState: string | null,
    toState: string,
    version: number,
  ): Promise<void> {
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

  /** What storing a case event does: the row, the timeline, the audit entry and, on AGREE, the actions. */
  hooks(m: EntityManager, user: AuthUser | null, c: EstCase, payload: Record<string, unknown> | null) {
    return {
      store: async (s: Step<CaseContext>) => {
        await m.getRepository(EstCase).update(c.id, { state: s.to, version: s.version, snapshot: s.snapshot });
        c.state = s.to;
        c.version = s.version;
        c.snapshot = s.snapshot;
      },
      history: (s: Step<CaseContext>) => this.history(m, user, c.id, null, s.type, payload, s.from, s.to, s.version),
      audit: (s: Step<CaseContext>) => ({
        before: { state: s.from, version: s.version - 1 },
        after: { state: s.to, version: s.version, ...(payload ? { payload } : {}) },
      }),
      after: async (s: Step<CaseContext>) => {
        // Under the decision rule `commanders` an AGREE may only record one organisation's consent (the case stays proposed).
        if (s.type === 'AGREE' && s.to === 'agreed') await this.actions.createAgreed(m, user!, c.id, s.context.proposedActions);
        // The evaluation's effect figures are computed now and stored with it, frozen (issue #16).
        if (s.type === 'EVALUATE' && s.context.outcome)
          await freezeEvaluationEffects(m, c.id, s.version, s.context.outcome, evaluationWeeks(payload?.effectWeeks));
      },
    };
  }

  /**
   * Applies one event to a locked case row (also used for the system's ACTION_STARTED / ACTION_CLOSED, with
   * `user` null). Throws the machine's refusal as an HTTP error.
   */
  async apply(m: EntityManager, user: AuthUser | null, c: EstCase, event: CaseEvent, payload: Record<string, unknown> | null): Promise<void> {
    await this.workflow.apply(m, user, CASE_WORKFLOW, c, event, this.hooks(m, user, c, payload));
  }
}
