import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionDto, PlannedActionDto, WorkflowSettings } from '@samverka/contracts';
import { ACTION_MACHINE_VERSION, ActionCaseEvent, ActionContext, actionMachine, caseEventOfAction, caseTakes, isOpenAction, store } from '@samverka/workflows';
import { DataSource, EntityManager } from 'typeorm';
import { createActor } from 'xstate';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { invalid, notFound } from '../common/errors';
import { CaseActions, CaseActionsPort } from '../cases/case-actions.port';
import { CaseTransitions } from '../cases/case-transitions';
import { EstCase } from '../cases/case.entity';
import { User } from '../directory/user.entity';
import { IdempotencyService } from '../idempotency/idempotency';
import { NotificationWriter } from '../notifications/notifications.service';
import { WorkflowSettingsService } from '../settings/settings.service';
import { ACTION_WORKFLOW, allowedFor, CASE_WORKFLOW, restoreOf, Step, WorkflowEvents } from '../workflow/workflow-events';
import { AgreedAction } from './action.entity';
import { actionsRepository } from './actions.repository';
import { todayInSweden } from '../common/swedish-time';
import { overdueActionSql, partnerScope } from '../database/sql-fragments';

export interface ActionFilter {
  organizationId?: string;
  ownerId?: string;
  state?: string;
  overdue?: boolean;
  dueBefore?: string;
  caseId?: string;
}

const DAY_MS = 86_400_000;

/**
 * Agreed actions: listed for the organisations that carry them out, moved only by the action machine. When an
 * action starts, or the last open one of a case is done or cancelled, the case machine is told in the same transaction.
 */
@Injectable()
export class ActionsService implements CaseActionsPort, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly transitions: CaseTransitions,
    private readonly caseActions: CaseActions,
    private readonly workflow: WorkflowEvents,
    private readonly idem: IdempotencyService,
    private readonly settings: WorkflowSettingsService,
    private readonly notifications: NotificationWriter,
  ) {}

  /** Cases list and create their actions through this service. */
  onModuleInit(): void {
    this.caseActions.provide(this);
  }

  private toDto(a: AgreedAction, user: AuthUser, settings: WorkflowSettings): ActionDto {
    const ctx = restoreOf(ACTION_WORKFLOW, a).context as ActionContext;
    const today = todayInSweden();
    const overdue = isOpenAction(a.state) && a.dueDate < today;
    return {
      id: a.id,
      caseId: a.caseId,
      caseTitle: a.estCase.title,
      areaId: a.estCase.areaId,
      areaName: a.estCase.area.name,
      number: a.number,
      cause: a.cause,
      what: a.what,
      goal: a.goal,
      organization: { id: a.organization.id, name: a.organization.name },
      owner: a.owner ? { id: a.owner.id, name: a.owner.name } : null,
      startDate: a.startDate,
      dueDate: a.dueDate,
      kind: a.kind,
      term: a.term,
      followUp: a.followUp,
      followUpDate: a.followUpDate,
      state: a.state as ActionDto['state'],
      version: a.version,
      daysOverdue: overdue ? Math.round((new Date(`${today}T12:00:00Z`).getTime() - new Date(`${a.dueDate}T12:00:00Z`).getTime()) / DAY_MS) : 0,
      report: ctx.report,
      startNote: ctx.startNote ?? null,
      blockedReason: ctx.blockedReason,
      cancelReason: ctx.cancelReason,
      allowedEvents: allowedFor(ACTION_WORKFLOW, a, user, settings),
    };
  }

  /** The actions `user` sees (partnership scope; administrators all), with case, area, organisation and owner, by due date. */
  private visible(m: EntityManager, user: AuthUser) {
    const qb = m
      .getRepository(AgreedAction)
      .createQueryBuilder('x')
      .innerJoinAndSelect('x.estCase', 'c')
      .innerJoinAndSelect('c.area', 'a')
      .innerJoinAndSelect('x.organization', 'o')
      .leftJoinAndSelect('x.owner', 'u')
      .orderBy('x.dueDate', 'ASC')
      .addOrderBy('x.number', 'ASC');
    if (!user.roles.includes('admin')) {
      qb.andWhere(...partnerScope('c.area_id', user.organizationId));
    }
    return qb;
  }

  async list(user: AuthUser, f: ActionFilter, m: EntityManager = this.db.manager): Promise<ActionDto[]> {
    const qb = this.visible(m, user);
    if (f.caseId) qb.andWhere('x.caseId = :caseId', { caseId: f.caseId });
    if (f.organizationId) qb.andWhere('x.organizationId = :org', { org: f.organizationId });
    if (f.ownerId) qb.andWhere('x.ownerId = :owner', { owner: f.ownerId });
    if (f.state) qb.andWhere('x.state = :state', { state: f.state });
    if (f.dueBefore) qb.andWhere('x.dueDate < :dueBefore', { dueBefore: f.dueBefore });
    if (f.overdue) qb.andWhere(overdueActionSql('x'));
    const settings = await this.settings.current(m);
    return (await qb.getMany()).map((a) => this.toDto(a, user, settings));
  }

  listForCase(user: AuthUser, caseId: string, m: EntityManager = this.db.manager): Promise<ActionDto[]> {
    return this.list(user, { caseId }, m).then((rows) => rows.sort((a, b) => a.number - b.number));
  }

  async get(user: AuthUser, id: string, m: EntityManager = this.db.manager): Promise<ActionDto> {
    const a = await this.visible(m, user).andWhere('x.id = :id', { id }).getOne();
    if (!a) throw notFound('Action');
    return this.toDto(a, user, await this.settings.current(m));
  }

  /** The side effect of a case's decision: each agreed action becomes an action with its own machine. */
  async createAgreed(m: EntityManager, user: AuthUser, caseId: string, planned: PlannedActionDto[]): Promise<void> {
    const n = await actionsRepository.countOf(m, caseId);
    for (const [i, p] of planned.entries()) {
      const snapshot = createActor(actionMachine, { input: { organizationId: p.organizationId, ownerId: p.ownerId ?? null } }).getSnapshot();
      const saved = await m.getRepository(AgreedAction).save({
        caseId,
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
        followUp: p.followUp?.trim() || null,
        followUpDate: p.followUpDate ?? null,
        state: String(snapshot.value),
        version: 1,
        snapshot: store(ACTION_MACHINE_VERSION, snapshot),
      });
      await this.audit.record(m, user, { action: 'action.create', entityType: 'action', entityId: saved.id, after: { caseId, ...p } });
      await this.notifyAssigned(m, user, caseId, saved.number, saved.dueDate, saved.organizationId, saved.ownerId);
    }
  }

  /**
   * In the transaction of the assignment: the owner is told (unless they assigned it to themselves); an action of an
   * organisation without an owner is told to the organisation's action owners.
   */
  private async notifyAssigned(
    m: EntityManager,
    user: AuthUser,
    caseId: string,
    number: number,
    dueDate: string,
    organizationId: string,
    ownerId: string | null,
  ): Promise<void> {
    const params = { number, dueDate };
    const link = `/cases/${caseId}`;
    if (ownerId) await this.notifications.notify(m, [ownerId], 'action_assigned', link, params, user.id);
    else
      await this.notifications.notify(m, await this.notifications.usersOf(m, organizationId, ['action_owner']), 'action_assigned_org', link, params, user.id);
  }

  /** Sends an event to an action's machine, and tells its case when the action starts or the last one closes. */
  async send(user: AuthUser, id: string, type: string, version: number, payload: Record<string, unknown>): Promise<ActionDto> {
    return this.idem.transaction(async (m) => {
      await this.workflow.send(
        m,
        user,
        ACTION_WORKFLOW,
        type,
        payload,
        {
          load: async () => {
            // Lock order: case before action, as case events do.
            if (!(await actionsRepository.lockWithCase(m, id))) throw notFound('Action');
            const a = await this.visible(m, user).andWhere('x.id = :id', { id }).getOne();
            if (!a) throw notFound('Action');
            return a;
          },
          version,
          prepare: async () => {
            if (type !== 'ASSIGN') return;
            const ownerId = payload.ownerId;
            const owner =
              typeof ownerId === 'string' && /^[0-9a-f-]{36}$/i.test(ownerId) ? await m.getRepository(User).findOneBy({ id: ownerId, active: true }) : null;
            if (!owner) throw invalid('ownerId', 'ownerId must be an active user');
            return { ownerOrganizationId: owner.organizationId };
          },
        },
        (a) => ({
          store: (s: Step<ActionContext>) =>
            m
              .getRepository(AgreedAction)
              .update(id, { state: s.to, version: s.version, snapshot: s.snapshot, ownerId: s.context.ownerId })
              .then(() => undefined),
          history: (s: Step<ActionContext>) => this.transitions.history(m, user, a.caseId, id, type, payload, s.from, s.to, s.version),
          audit: (s: Step<ActionContext>) => ({
            before: { state: s.from, ownerId: a.ownerId, version: a.version },
            after: { state: s.to, ownerId: s.context.ownerId, version: s.version, payload },
          }),
          after: async (s: Step<ActionContext>) => {
            if (type === 'ASSIGN') await this.notifyAssigned(m, user, a.caseId, a.number, a.dueDate, a.organizationId, s.context.ownerId);
            await this.tellCase(m, a.caseId, s.to);
          },
        }),
      );
      return this.get(user, id, m);
    });
  }

  /**
   * The automatic moves of the case (to execution when an action starts, to follow-up when none is open any more):
   * the workflows say which system event the action's new state means and whether the case takes it now.
   */
  private async tellCase(m: EntityManager, caseId: string, actionState: string): Promise<void> {
    const type = caseEventOfAction(actionState);
    if (!type) return;
    const c = await m.getRepository(EstCase).findOneByOrFail({ id: caseId });
    const system = { actor: { kind: 'system' } as const, now: new Date().toISOString() };
    const event: ActionCaseEvent =
      type === 'ACTION_STARTED' ? { ...system, type } : { ...system, type, openActions: await actionsRepository.openCountOf(m, caseId) };
    if (!caseTakes(restoreOf(CASE_WORKFLOW, c), event)) return;
    await this.transitions.apply(m, null, c, event, event.type === 'ACTION_CLOSED' ? { openActions: event.openActions } : null);
  }
}
