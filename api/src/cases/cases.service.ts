import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionDto, CaseDto, CaseEffectsDto, CaseHistoryDto, CaseState, CaseSummaryDto, CreateCaseRequest } from '@samverka/contracts';
import { CASE_MACHINE_VERSION, CaseContext, caseMachine, CLOSED_ACTION_STATES, evaluationFrom, isOpenAction, store } from '@samverka/workflows';
import { DataSource, EntityManager, In } from 'typeorm';
import { createActor } from 'xstate';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { AppConfig } from '../common/config';
import { invalid, notFound } from '../common/errors';
import { APP_CONFIG } from '../common/tokens';
import { toPlaceDto } from '../directory/mappers';
import { Place } from '../directory/place.entity';
import { User } from '../directory/user.entity';
import { IdempotencyService } from '../idempotency/idempotency';
import { WorkflowSettingsService } from '../settings/settings.service';
import { SituationReport } from '../reports/report.entity';
import { isWithheld, ReportsService } from '../reports/reports.service';
import { allowedFor, CASE_WORKFLOW, restoreOf, WorkflowEvents } from '../workflow/workflow-events';
import { CaseActions } from './case-actions.port';
import { EstCase } from './case.entity';
import { CaseTransitions } from './case-transitions';
import { openActionSql, overdueActionSql, partnerScope } from '../database/sql-fragments';
import { casesRepository } from './cases.repository';
import { DEFAULT_WEEKS } from '../effects/effect-statistics';
import { caseEffectsRepository } from '../effects/effects.repository';
import { computeCaseEffects, evaluationWeeks, toEvaluatedEffects } from '../effects/case-effects';

export interface CaseFilter {
  areaId?: string;
  state?: string;
  organizationId?: string;
  overdue?: boolean;
}

/**
 * Cases: opened from reports or places, moved only by the case machine (`decide`), every accepted event one
 * transaction with the new snapshot (version + 1), a history entry, an audit entry and its side effects.
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
    private readonly actions: CaseActions,
    private readonly transitions: CaseTransitions,
    private readonly workflow: WorkflowEvents,
    private readonly idem: IdempotencyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: WorkflowSettingsService,
  ) {}

  private visibleCondition(user: AuthUser): [string, Record<string, unknown>] {
    return user.roles.includes('admin') ? ['TRUE', {}] : partnerScope('c.area_id', user.organizationId);
  }

  /** Opens a case; the answer is built in the transaction that stores it (nothing is re-read after commit). */
  async create(user: AuthUser, body: CreateCaseRequest): Promise<CaseDto> {
    return this.idem.transaction(async (m) => {
      if (!(await this.reports.canSeeArea(user, body.areaId, m))) throw invalid('areaId', 'areaId is not an area of your partnership');
      const reportIds = [...new Set(body.reportIds ?? [])];
      const reports = reportIds.length ? await m.getRepository(SituationReport).findBy({ id: In(reportIds) }) : [];
      if (reports.length !== reportIds.length || reports.some((r) => r.areaId !== body.areaId))
        throw invalid('reportIds', 'reportIds must be reports of the chosen area');
      // The places of the reports become the case's, which every partner sees: never those of restricted reports or reports awaiting review
      // (the place is one of their details; name it in placeIds to share it on purpose).
      const placeIds = [
        ...new Set([
          ...(body.placeIds ?? []),
          ...reports
            .filter((r) => !isWithheld(r))
            .map((r) => r.placeId)
            .filter((p): p is string => !!p),
        ]),
      ];
      const places = placeIds.length ? await m.getRepository(Place).findBy({ id: In(placeIds) }) : [];
      if (places.length !== placeIds.length || places.some((p) => p.areaId !== body.areaId))
        throw invalid('placeIds', 'placeIds must be places in the chosen area');
      const partnerIds = await casesRepository.partnerIds(m, body.areaId);
      const snapshot = createActor(caseMachine, { input: { partnerIds, reopenDays: this.config.caseReopenDays } }).getSnapshot();
      const repo = m.getRepository(EstCase);
      const saved = await repo.save(
        repo.create({
          areaId: body.areaId,
          title: body.title.trim(),
          description: body.description.trim(),
          state: String(snapshot.value),
          version: 1,
          snapshot: store(CASE_MACHINE_VERSION, snapshot),
          createdById: user.id,
          createdByOrganizationId: user.organizationId,
          reports,
          places,
        }),
      );
      await this.transitions.history(m, user, saved.id, null, 'CREATED', { title: saved.title, reportIds, placeIds }, null, saved.state, 1);
      await this.audit.record(m, user, {
        action: 'case.create',
        entityType: 'case',
        entityId: saved.id,
        after: { title: saved.title, areaId: saved.areaId, state: saved.state, reportIds, placeIds },
      });
      return this.get(user, saved.id, m);
    });
  }

  async list(user: AuthUser, f: CaseFilter): Promise<CaseSummaryDto[]> {
    const [cond, params] = this.visibleCondition(user);
    const qb = this.db
      .createQueryBuilder()
      .select([
        'c.id AS id',
        'c.area_id AS "areaId"',
        'a.name AS "areaName"',
        'c.title AS title',
        'c.state AS state',
        'c.version AS version',
        'c.created_at AS "createdAt"',
        'c.updated_at AS "updatedAt"',
      ])
      .addSelect('count(x.id)::int', 'actionCount')
      .addSelect(`count(x.id) FILTER (WHERE ${openActionSql('x')})::int`, 'openActionCount')
      .addSelect(`count(x.id) FILTER (WHERE ${overdueActionSql('x')})::int`, 'overdueActionCount')
      .from(EstCase, 'c')
      .innerJoin('areas', 'a', 'a.id = c.area_id')
      .leftJoin('case_actions', 'x', 'x.case_id = c.id')
      .where(cond, params)
      .groupBy('c.id')
      .addGroupBy('a.name')
      .orderBy('c.updated_at', 'DESC')
      .setParameter('closedActionStates', CLOSED_ACTION_STATES);
    if (f.areaId) qb.andWhere('c.area_id = :areaId', { areaId: f.areaId });
    if (f.state) qb.andWhere('c.state = :state', { state: f.state });
    if (f.organizationId) qb.andWhere('EXISTS (SELECT 1 FROM case_actions y WHERE y.case_id = c.id AND y.organization_id = :org)', { org: f.organizationId });
    if (f.overdue) qb.having(`count(x.id) FILTER (WHERE ${overdueActionSql('x')}) > 0`);
    const rows = await qb.getRawMany<Omit<CaseSummaryDto, 'state' | 'createdAt' | 'updatedAt'> & { state: string; createdAt: Date; updatedAt: Date }>();
    return rows.map((r) => ({
      ...r,
      state: r.state as CaseState,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    }));
  }

  private async loadVisible(m: EntityManager, user: AuthUser, id: string, lock = false): Promise<EstCase> {
    if (lock) await casesRepository.lock(m, id);
    const c = await m.getRepository(EstCase).findOne({ where: { id }, relations: { area: true } });
    if (!c || !(await this.reports.canSeeArea(user, c.areaId, m))) throw notFound('Case');
    return c;
  }

  /** The case as `user` sees it; inside a transaction (`m`) as that transaction has written it. */
  async get(user: AuthUser, id: string, m: EntityManager = this.db.manager): Promise<CaseDto> {
    const c = await this.loadVisible(m, user, id);
    const full = await m.getRepository(EstCase).findOneOrFail({
      where: { id },
      relations: { reports: { place: true, organization: true, reporter: true }, places: true },
    });
    const ctx = restoreOf(CASE_WORKFLOW, c).context as CaseContext;
    const actions: ActionDto[] = await this.actions.listForCase(user, id, m);
    const open = actions.filter((a) => isOpenAction(a.state));
    const settings = await this.settings.current(m);
    const evaluated = await caseEffectsRepository.latest(m, id);
    return {
      id: c.id,
      areaId: c.areaId,
      areaName: c.area.name,
      title: c.title,
      description: c.description,
      state: c.state as CaseState,
      version: c.version,
      actionCount: actions.length,
      openActionCount: open.length,
      overdueActionCount: open.filter((a) => a.daysOverdue > 0).length,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      analysis: ctx.analysis,
      proposedActions: ctx.proposedActions,
      outcome: ctx.outcome,
      dismissal: ctx.dismissal,
      closedAt: ctx.closedAt,
      reports: full.reports.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()).map((r) => this.reports.toDto(r, user)),
      places: full.places.map(toPlaceDto),
      actions,
      allowedEvents: allowedFor(CASE_WORKFLOW, c, user, settings),
      decisionRule: settings.decisionRule,
      agreedByOrganizationIds: ctx.consents ?? [],
      evaluationFrom: c.state === 'follow_up' ? evaluationFrom(ctx, settings.evaluationMinDays) : null,
      evaluatedEffects: evaluated ? toEvaluatedEffects(evaluated) : null,
    };
  }

  /** Sends an event to the case machine: version check, decision, new snapshot, history, audit and side effects in one transaction. */
  async send(user: AuthUser, id: string, type: string, version: number, payload: Record<string, unknown>): Promise<CaseDto> {
    return this.idem.transaction(async (m) => {
      await this.workflow.send(
        m,
        user,
        CASE_WORKFLOW,
        type,
        payload,
        {
          load: () => this.loadVisible(m, user, id, true),
          version,
          prepare: async () => {
            if (type === 'EVALUATE') evaluationWeeks(payload.effectWeeks);
            if (type === 'AGREE' && Array.isArray(payload.actions))
              await this.checkOwners(m, payload.actions as { ownerId?: string | null; organizationId?: string }[]);
            return undefined;
          },
        },
        (c) => this.transitions.hooks(m, user, c, payload),
      );
      return this.get(user, id, m);
    });
  }

  /** Owners named in a decision must be active users of the action's responsible organisation. */
  private async checkOwners(m: EntityManager, actions: { ownerId?: string | null; organizationId?: string }[]): Promise<void> {
    for (const [i, a] of actions.entries()) {
      if (a?.ownerId == null) continue;
      const owner = typeof a.ownerId === 'string' && /^[0-9a-f-]{36}$/i.test(a.ownerId) ? await m.getRepository(User).findOneBy({ id: a.ownerId }) : null;
      if (!owner || !owner.active || owner.organizationId !== a.organizationId)
        throw invalid(`actions[${i}].ownerId`, 'the owner must be an active user of the responsible organisation');
    }
  }

  async historyOf(user: AuthUser, id: string): Promise<CaseHistoryDto[]> {
    await this.loadVisible(this.db.manager, user, id);
    const rows = await casesRepository.history(this.db, id);
    return rows.map((r) => ({
      id: String(r.id),
      actionId: r.action_id,
      eventType: r.event_type,
      payload: r.payload,
      fromState: r.from_state,
      toState: r.to_state,
      version: r.version,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '', organizationName: r.org_name ?? '' } : null,
      at: new Date(r.at).toISOString(),
    }));
  }

  /**
   * The case's before/after figures over `weeks` weeks (effect-statistics.ts), computed from every report of the area:
   * restricted reports count, but only numbers leave. Null figures until an action has been started and one done.
   */
  async effects(user: AuthUser, id: string, weeks: number = DEFAULT_WEEKS): Promise<CaseEffectsDto> {
    await this.loadVisible(this.db.manager, user, id);
    return { caseId: id, figures: (await computeCaseEffects(this.db, id, weeks)).figures };
  }
}
