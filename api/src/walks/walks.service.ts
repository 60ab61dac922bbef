import { Injectable } from '@nestjs/common';
import { WorkflowSettingsService } from '../settings/settings.service';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MAX_ACTIONS_PER_CASE,
  findPersonalData,
  PARTICIPANT_GROUPS,
  WALK_MAX,
  WALK_USER_EVENTS,
  type ActionState,
  type CaseState,
  type ChecklistAnswersRequest,
  type CreateFindingRequest,
  type CreateWalkRequest,
  type FindingDto,
  type FindingSettlementDto,
  type FindingSeverity,
  type ParticipantCounts,
  type PhotoDto,
  type PlannedActionDto,
  type RouteLineString,
  type SettleFindingRequest,
  type UpdateFindingRequest,
  type UpdateWalkRequest,
  type WalkDto,
  type WalkState,
  type WalkSummaryDto,
} from '@samverka/contracts';
import { CASE_MACHINE_VERSION, caseMachine, isoDate, store, WALK_MACHINE_VERSION, WalkContext, walkMachine } from '@samverka/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { createActor } from 'xstate';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { CaseTransitions } from '../cases/case-transitions';
import { EstCase } from '../cases/case.entity';
import { DomainError, invalid, notFound } from '../common/errors';
import { swedishDate } from '../common/swedish-time';
import { Category } from '../directory/category.entity';
import { Place } from '../directory/place.entity';
import { IdempotencyService } from '../idempotency/idempotency';
import { actorOf } from '../workflow/actor';
import { allowedFor, CASE_WORKFLOW, restoreOf, Step, StepHooks, WALK_WORKFLOW, WorkflowEvents } from '../workflow/workflow-events';
import { PhotoProcessor, PhotoStorage } from './photos';
import { StoredSettlement, Walk, WalkChecklistTemplate, WalkFinding, WalkPhoto } from './walk.entity';
import { FindingRow, walksRepository as repo } from './walks.repository';

/** A recorded time may lie this far in the future (phone clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Sweden with a margin, for positions and routes. */
const SWEDEN = { minLat: 55, maxLat: 69.2, minLon: 10.5, maxLon: 24.5 };

const inSweden = (lat: number, lon: number) => lat >= SWEDEN.minLat && lat <= SWEDEN.maxLat && lon >= SWEDEN.minLon && lon <= SWEDEN.maxLon;

/** Checks a route: a GeoJSON LineString of 2–WALK_MAX.routePoints [longitude, latitude] pairs in Sweden. */
export function checkRoute(route: unknown): RouteLineString | null {
  if (route === null || route === undefined) return null;
  const r = route as { type?: unknown; coordinates?: unknown };
  if (r.type !== 'LineString') throw invalid('route.type', 'route must be a GeoJSON LineString (type "LineString")');
  if (!Array.isArray(r.coordinates) || r.coordinates.length < 2 || r.coordinates.length > WALK_MAX.routePoints) {
    throw invalid('route.coordinates', `route.coordinates must hold 2–${WALK_MAX.routePoints} positions`);
  }
  const keys = Object.keys(r).filter((k) => k !== 'type' && k !== 'coordinates');
  if (keys.length) throw invalid(`route.${keys[0]}`, `route.${keys[0]} should not exist`);
  const isPair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
  const coordinates = (r.coordinates as unknown[]).map((p, i) => {
    if (!isPair(p) || !inSweden(p[1], p[0])) {
      throw invalid(`route.coordinates[${i}]`, `route.coordinates[${i}] must be [longitude, latitude] in Sweden`);
    }
    return [p[0], p[1]] as [number, number];
  });
  return { type: 'LineString', coordinates };
}

/** Checks the participant counts: known groups, whole numbers 0–WALK_MAX.participantsPerGroup. */
export function checkCounts(counts: unknown): ParticipantCounts {
  if (counts === undefined || counts === null) return {};
  const out: ParticipantCounts = {};
  for (const [k, v] of Object.entries(counts as Record<string, unknown>)) {
    if (!(PARTICIPANT_GROUPS as readonly string[]).includes(k))
      throw invalid(`participantCounts.${k}`, `participantCounts.${k}: the groups are ${PARTICIPANT_GROUPS.join(', ')}`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > WALK_MAX.participantsPerGroup) {
      throw invalid(`participantCounts.${k}`, `participantCounts.${k} must be a whole number 0–${WALK_MAX.participantsPerGroup}`);
    }
    if (v > 0) out[k as keyof ParticipantCounts] = v;
  }
  return out;
}

const photoDto = (walkId: string, p: { id: string; finding_id: string; width: number; height: number; bytes: number; created_at: Date }): PhotoDto => ({
  id: p.id,
  findingId: p.finding_id,
  width: p.width,
  height: p.height,
  bytes: p.bytes,
  createdAt: new Date(p.created_at).toISOString(),
  url: `/api/walks/${walkId}/photos/${p.id}`,
  thumbnailUrl: `/api/walks/${walkId}/photos/${p.id}/thumbnail`,
});

/**
 * Safety walks: planned by organisers, walked by the participants (findings, photos, answers per stop), settled into
 * actions of one case per walk, followed up. Every change is one transaction through the walk machine
 * (`WorkflowEvents`) with its audit entry; a restricted walk's details are seen only by the planning and invited
 * organisations.
 */
@Injectable()
export class WalksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly workflow: WorkflowEvents,
    private readonly idem: IdempotencyService,
    private readonly cases: CaseTransitions,
    private readonly storage: PhotoStorage,
    private readonly processor: PhotoProcessor,
    private readonly settings: WorkflowSettingsService,
  ) {}

  // ---- visibility ----------------------------------------------------------------------------------------------

  private async canSeeArea(m: EntityManager, user: AuthUser, areaId: string): Promise<boolean> {
    return user.roles.includes('admin') || repo.takesPart(m, areaId, user.organizationId);
  }

  /** A restricted walk's details are seen by its planning and invited organisations only. */
  detailsVisible(w: Pick<Walk, 'restricted' | 'organizationId' | 'invitedOrganizationIds'>, user: AuthUser): boolean {
    return !w.restricted || w.organizationId === user.organizationId || w.invitedOrganizationIds.includes(user.organizationId);
  }

  /** The walk if the caller sees its area (404 otherwise); `lock` takes the row lock first. */
  private async load(m: EntityManager, user: AuthUser, id: string, lock = false): Promise<Walk> {
    if (lock && !(await repo.lock(m, id))) throw notFound('Walk');
    const w = await m.getRepository(Walk).findOne({ where: { id }, relations: { area: true, organization: true } });
    if (!w || !(await this.canSeeArea(m, user, w.areaId))) throw notFound('Walk');
    return w;
  }

  /** The walk if the caller also sees its details (photos, PDFs); 404 otherwise, as for a restricted report. */
  async loadDetails(user: AuthUser, id: string, m: EntityManager = this.db.manager): Promise<Walk> {
    const w = await this.load(m, user, id);
    if (!this.detailsVisible(w, user)) throw notFound('Walk');
    return w;
  }

  // ---- planning ------------------------------------------------------------------------------------------------

  /** Who organises and who takes part, as the walk machine keeps them. */
  private async orgs(
    m: EntityManager,
    areaId: string,
    planningOrg: string,
    invited: string[],
    restricted: boolean,
  ): Promise<{ organizerOrgIds: string[]; participantOrgIds: string[] }> {
    const partners = await repo.partnerIds(m, areaId);
    const bad = invited.findIndex((o) => !partners.includes(o));
    if (bad >= 0) throw invalid('invitedOrganizationIds', `invitedOrganizationIds[${bad}] is not an organisation of the area's partnership`);
    const participantOrgIds = [...new Set([planningOrg, ...invited])];
    return { organizerOrgIds: restricted ? partners.filter((p) => participantOrgIds.includes(p)) : partners, participantOrgIds };
  }

  private async template(m: EntityManager, id: string): Promise<WalkChecklistTemplate> {
    const t = await m.getRepository(WalkChecklistTemplate).findOneBy({ id });
    if (!t || !t.active) throw invalid('checklistTemplateId', 'checklistTemplateId is not an active checklist');
    return t;
  }

  async create(user: AuthUser, body: CreateWalkRequest): Promise<WalkDto> {
    return this.idem.transaction(async (m) => {
      if (!(await repo.takesPart(m, body.areaId, user.organizationId))) throw invalid('areaId', 'areaId is not an area of your partnership');
      const route = checkRoute(body.route);
      const participantCounts = checkCounts(body.participantCounts);
      const invited = [...new Set(body.invitedOrganizationIds)];
      const restricted = body.restricted === true;
      const input = await this.orgs(m, body.areaId, user.organizationId, invited, restricted);
      const t = await this.template(m, body.checklistTemplateId);
      const snapshot = createActor(walkMachine, { input }).getSnapshot();
      const repoW = m.getRepository(Walk);
      const saved = await repoW.save(
        repoW.create({
          areaId: body.areaId,
          organizationId: user.organizationId,
          title: body.title.trim(),
          startsAt: new Date(body.startsAt),
          meetingPoint: body.meetingPoint.trim(),
          route,
          invitedOrganizationIds: invited,
          participantCounts,
          checklistTemplateId: t.id,
          checklist: t.items,
          stops: [],
          restricted,
          state: String(snapshot.value),
          version: 1,
          snapshot: store(WALK_MACHINE_VERSION, snapshot),
          caseId: null,
          createdById: user.id,
        }),
      );
      await this.audit.record(m, user, {
        action: 'walk.create',
        entityType: 'walk',
        entityId: saved.id,
        after: {
          areaId: saved.areaId,
          title: saved.title,
          startsAt: saved.startsAt.toISOString(),
          invitedOrganizationIds: invited,
          participantCounts,
          restricted,
          routePoints: route?.coordinates.length ?? 0,
          checklistTemplateId: t.id,
          state: saved.state,
        },
      });
      return this.get(user, saved.id, m);
    });
  }

  async update(user: AuthUser, id: string, body: UpdateWalkRequest): Promise<WalkDto> {
    return this.db.transaction(async (m) => {
      const current = await this.load(m, user, id, true);
      const route = body.route !== undefined ? checkRoute(body.route) : undefined;
      const participantCounts = body.participantCounts !== undefined ? checkCounts(body.participantCounts) : undefined;
      const invited = body.invitedOrganizationIds !== undefined ? [...new Set(body.invitedOrganizationIds)] : current.invitedOrganizationIds;
      const restricted = body.restricted ?? current.restricted;
      const orgs = await this.orgs(m, current.areaId, current.organizationId, invited, restricted);
      const t =
        body.checklistTemplateId !== undefined && body.checklistTemplateId !== current.checklistTemplateId
          ? await this.template(m, body.checklistTemplateId)
          : null;
      const changes: Partial<Walk> = {
        ...(body.title !== undefined ? { title: body.title.trim() } : {}),
        ...(body.startsAt !== undefined ? { startsAt: new Date(body.startsAt) } : {}),
        ...(body.meetingPoint !== undefined ? { meetingPoint: body.meetingPoint.trim() } : {}),
        ...(route !== undefined ? { route } : {}),
        ...(participantCounts !== undefined ? { participantCounts } : {}),
        ...(body.invitedOrganizationIds !== undefined ? { invitedOrganizationIds: invited } : {}),
        ...(body.restricted !== undefined ? { restricted } : {}),
        ...(t ? { checklistTemplateId: t.id, checklist: t.items } : {}),
      };
      await this.workflow.send(m, user, WALK_WORKFLOW, 'EDIT', orgs, { load: () => Promise.resolve(current), version: body.version }, (w) =>
        this.hooks(m, w, changes, () => ({
          before: {
            version: w.version,
            ...Object.fromEntries(Object.keys(changes).map((k) => [k, this.auditValue(k, (w as unknown as Record<string, unknown>)[k])])),
          },
          after: { ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, this.auditValue(k, v)])) },
        })),
      );
      return this.get(user, id, m);
    });
  }

  /** What the audit keeps of a changed column: the route as its number of points. */
  private auditValue(key: string, value: unknown): unknown {
    if (key === 'route') return (value as RouteLineString | null)?.coordinates.length ?? 0;
    if (key === 'checklist') return (value as unknown[]).length;
    return value instanceof Date ? value.toISOString() : value;
  }

  /** The hooks of a walk event: the row (with `changes`), the audit entry and side effects. */
  private hooks(
    m: EntityManager,
    w: Walk,
    changes: Partial<Walk>,
    audit: (s: Step<WalkContext>) => { before: object; after: object },
    after?: (s: Step<WalkContext>) => Promise<void>,
  ): StepHooks<WalkContext> {
    return {
      store: async (s) => {
        await m.getRepository(Walk).update(w.id, { ...changes, state: s.to, version: s.version, snapshot: s.snapshot });
        Object.assign(w, changes, { state: s.to, version: s.version, snapshot: s.snapshot });
      },
      audit: (s) => {
        const a = audit(s);
        return { before: { state: s.from, ...a.before }, after: { state: s.to, version: s.version, ...a.after } };
      },
      after,
    };
  }

  /** An event without a version check (findings and answers from several phones at once): the row lock orders them. */
  private async record(m: EntityManager, user: AuthUser, w: Walk, type: 'RECORD' | 'AMEND' | 'SETTLE', changes: Partial<Walk>, audit: object): Promise<void> {
    await this.workflow.apply(
      m,
      user,
      WALK_WORKFLOW,
      w,
      { type, actor: actorOf(user), now: new Date().toISOString() },
      this.hooks(m, w, changes, () => ({ before: {}, after: audit })),
    );
  }

  async list(user: AuthUser, q: { areaId?: string; state?: string }): Promise<WalkSummaryDto[]> {
    const rows = await repo.list(this.db.manager, user.roles.includes('admin') ? null : user.organizationId, q.areaId ?? null, q.state ?? null);
    return rows.map((r) => ({
      id: r.id,
      areaId: r.area_id,
      areaName: r.area_name,
      title: r.title,
      startsAt: new Date(r.starts_at).toISOString(),
      state: r.state as WalkState,
      version: r.version,
      restricted: r.restricted,
      detailsVisible: this.detailsVisible(
        { restricted: r.restricted, organizationId: r.organization_id, invitedOrganizationIds: r.invited_organization_ids },
        user,
      ),
      findingCount: r.finding_count,
      organization: { id: r.organization_id, name: r.organization_name },
    }));
  }

  /** The walk as `user` sees it; inside a transaction (`m`) as that transaction has written it. */
  async get(user: AuthUser, id: string, m: EntityManager = this.db.manager): Promise<WalkDto> {
    const w = await this.load(m, user, id);
    const visible = this.detailsVisible(w, user);
    const allowed = allowedFor(WALK_WORKFLOW, w, user, await this.settings.current(m));
    const findings = visible ? await this.findingDtos(m, user, w, allowed) : [];
    const invited = await repo.organizations(m, w.invitedOrganizationIds);
    const ctx = restoreOf(WALK_WORKFLOW, w).context as WalkContext;
    return {
      id: w.id,
      areaId: w.areaId,
      areaName: w.area.name,
      title: w.title,
      startsAt: w.startsAt.toISOString(),
      state: w.state as WalkState,
      version: w.version,
      restricted: w.restricted,
      detailsVisible: visible,
      findingCount: visible ? findings.length : await repo.findingCount(m, w.id),
      organization: { id: w.organization.id, name: w.organization.name },
      meetingPoint: visible ? w.meetingPoint : null,
      route: visible ? w.route : null,
      invitedOrganizations: invited.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      participantCounts: w.participantCounts,
      checklistTemplateId: w.checklistTemplateId,
      checklist: w.checklist,
      stops: visible ? [...w.stops].sort((a, b) => a.stop - b.stop) : [],
      findings,
      caseId: w.caseId,
      cancelReason: ctx.cancelReason,
      followUpNote: visible ? ctx.followUpNote : null,
      allowedEvents: visible ? allowed.filter((t) => (WALK_USER_EVENTS as readonly string[]).includes(t)) : [],
      canRecord: visible && allowed.includes('RECORD'),
      canSettle: visible && allowed.includes('SETTLE'),
    };
  }

  /** The walk's findings with photos and settlements (for callers who see the details). */
  async findingDtos(m: EntityManager, user: AuthUser, w: Walk, allowed: string[]): Promise<FindingDto[]> {
    const [rows, photos] = await Promise.all([repo.findings(m, w.id), repo.photos(m, w.id)]);
    const settlements = rows.map((r) => r.settlement as StoredSettlement | null);
    const numbers = settlements.flatMap((s) => (s?.outcome === 'action' && s.actionNumber != null ? [s.actionNumber] : []));
    const caseIds = settlements.flatMap((s) => (s?.outcome === 'case' ? [s.caseId] : []));
    const orgIds = settlements.flatMap((s) => (s?.outcome === 'action' ? [s.organizationId] : []));
    const [actions, cases, orgs] = await Promise.all([
      repo.settledActions(m, w.caseId, numbers),
      repo.cases(m, caseIds),
      repo.organizations(m, [...new Set(orgIds)]),
    ]);
    const amend = allowed.includes('AMEND');
    return rows.map((r, i) =>
      this.findingDto(
        w,
        r,
        photos.filter((p) => p.finding_id === r.id).map((p) => photoDto(w.id, p)),
        settlements[i],
        { actions, cases, orgs },
        amend && r.recorded_by_id === user.id,
      ),
    );
  }

  private findingDto(
    w: Walk,
    r: FindingRow,
    photos: PhotoDto[],
    s: StoredSettlement | null,
    refs: {
      actions: { number: number; id: string; state: string; days_overdue: number }[];
      cases: { id: string; title: string; state: string }[];
      orgs: { id: string; name: string }[];
    },
    editable: boolean,
  ): FindingDto {
    let settlement: FindingSettlementDto | null = null;
    if (s?.outcome === 'action') {
      const a = s.actionNumber != null ? refs.actions.find((x) => x.number === s.actionNumber) : undefined;
      settlement = {
        outcome: 'action',
        cause: s.cause,
        what: s.what,
        goal: s.goal,
        organizationId: s.organizationId,
        organizationName: refs.orgs.find((o) => o.id === s.organizationId)?.name ?? '',
        ownerId: s.ownerId,
        dueDate: s.dueDate,
        followUp: s.followUp,
        actionId: a?.id ?? null,
        actionState: (a?.state as ActionState) ?? null,
        daysOverdue: a?.days_overdue ?? 0,
      };
    } else if (s?.outcome === 'case') {
      const c = refs.cases.find((x) => x.id === s.caseId);
      settlement = { outcome: 'case', caseId: s.caseId, caseTitle: c?.title ?? '', caseState: (c?.state ?? 'reported') as CaseState };
    } else if (s?.outcome === 'noted') {
      settlement = { outcome: 'noted', reason: s.reason };
    }
    return {
      id: r.id,
      walkId: w.id,
      latitude: r.latitude,
      longitude: r.longitude,
      placeId: r.place_id,
      placeName: r.place_name,
      checklistItemKey: r.checklist_item_key,
      categoryId: r.category_id,
      description: r.description,
      severity: r.severity as FindingSeverity,
      responsibleOrganization: r.responsible_organization_id ? { id: r.responsible_organization_id, name: r.responsible_organization_name ?? '' } : null,
      recordedAt: new Date(r.recorded_at).toISOString(),
      recordedBy: { id: r.recorded_by_id, name: r.recorded_by_name, organizationName: r.organization_name },
      photos,
      settlement,
      editable,
    };
  }

  // ---- events --------------------------------------------------------------------------------------------------

  async sendEvent(user: AuthUser, id: string, type: string, version: number, payload: Record<string, unknown>): Promise<WalkDto> {
    if (!(WALK_USER_EVENTS as readonly string[]).includes(type)) throw invalid('type', `type must be one of ${WALK_USER_EVENTS.join(', ')}`);
    return this.idem.transaction(async (m) => {
      let walk: Walk | null = null;
      await this.workflow.send(
        m,
        user,
        WALK_WORKFLOW,
        type,
        payload,
        {
          load: async () => (walk = await this.load(m, user, id, true)),
          version,
          prepare: async (w) => (type === 'COMPLETE_SETTLEMENT' ? { unsettledFindings: await repo.unsettledCount(m, w.id) } : {}),
        },
        (w) =>
          this.hooks(
            m,
            w,
            {},
            () => ({
              before: {},
              after:
                type === 'FOLLOW_UP' || type === 'CANCEL'
                  ? { noteLength: (typeof payload.note === 'string' ? payload.note : typeof payload.reason === 'string' ? payload.reason : '').length }
                  : {},
            }),
            async (s) => {
              if (s.type === 'COMPLETE_SETTLEMENT') await this.agreeActions(m, user, walk!);
            },
          ),
      );
      return this.get(user, id, m);
    });
  }

  /**
   * The end of the settlement: findings settled as actions become the actions of the walk's case (one case per walk,
   * opened now and moved START_ANALYSIS → PROPOSE → AGREE through the case machine; AGREE only if the caller may decide,
   * otherwise the case waits, proposed, for the operational group); findings joined to cases are noted on those cases.
   */
  private async agreeActions(m: EntityManager, user: AuthUser, w: Walk): Promise<void> {
    const findings = await m.getRepository(WalkFinding).find({ where: { walkId: w.id }, order: { recordedAt: 'ASC', id: 'ASC' } });
    for (const f of findings) {
      if (f.settlement?.outcome !== 'case') continue;
      const c = await m.getRepository(EstCase).findOneBy({ id: f.settlement.caseId });
      if (c) await this.cases.history(m, user, c.id, null, 'WALK_FINDING', { walkId: w.id, findingId: f.id }, c.state, c.state, c.version);
    }
    const toAct = findings.filter((f) => f.settlement?.outcome === 'action');
    if (!toAct.length) return;
    if (toAct.length > MAX_ACTIONS_PER_CASE)
      throw new DomainError(
        422,
        'WALK.TOO_MANY_ACTIONS',
        `a walk settles at most ${MAX_ACTIONS_PER_CASE} findings as actions (one case holds that many)`,
        'findings',
      );
    const partnerIds = await repo.partnerIds(m, w.areaId);
    const planned: PlannedActionDto[] = toAct.map((f) => {
      const s = f.settlement as Extract<StoredSettlement, { outcome: 'action' }>;
      return {
        cause: s.cause,
        what: s.what,
        goal: s.goal,
        organizationId: s.organizationId,
        ownerId: s.ownerId,
        dueDate: s.dueDate,
        kind: 'one_off',
        term: 'short',
      };
    });
    const day = swedishDate(w.startsAt);
    const snapshot = createActor(caseMachine, { input: { partnerIds } }).getSnapshot();
    const casesRepo = m.getRepository(EstCase);
    // A restricted walk's places are among its details: its case (seen by every partner) does not name them.
    const placeIds = w.restricted ? [] : [...new Set(toAct.map((f) => f.placeId).filter((p): p is string => !!p))];
    const places = placeIds.length ? await m.getRepository(Place).findBy({ id: In(placeIds) }) : [];
    const c = await casesRepo.save(
      casesRepo.create({
        areaId: w.areaId,
        title: `Trygghetsvandring ${day}: ${w.title}`.slice(0, 200),
        description: `Fynd från trygghetsvandringen ${day} som blev insatser (${toAct.length}).`,
        state: String(snapshot.value),
        version: 1,
        snapshot: store(CASE_MACHINE_VERSION, snapshot),
        createdById: user.id,
        createdByOrganizationId: user.organizationId,
        reports: [],
        places,
      }),
    );
    await this.cases.history(m, user, c.id, null, 'CREATED', { title: c.title, walkId: w.id, placeIds }, null, c.state, 1);
    await this.audit.record(m, user, {
      action: 'case.create',
      entityType: 'case',
      entityId: c.id,
      after: { title: c.title, areaId: c.areaId, state: c.state, walkId: w.id, placeIds },
    });
    const now = new Date().toISOString();
    const actor = actorOf(user);
    await this.cases.apply(m, user, c, { type: 'START_ANALYSIS', actor, now }, null);
    const analysis = `Trygghetsvandringen ${day} fann ${findings.length} fynd; ${toAct.length} åtgärdas som insatser.`;
    await this.cases.apply(m, user, c, { type: 'PROPOSE', actions: planned, analysis, actor, now }, { actions: planned, analysis });
    if (allowedFor(CASE_WORKFLOW, c, user, await this.settings.current(m)).includes('AGREE'))
      await this.cases.apply(m, user, c, { type: 'AGREE', actor, now }, {});
    await m.getRepository(Walk).update(w.id, { caseId: c.id });
    w.caseId = c.id;
    for (const [i, f] of toAct.entries()) {
      await m
        .getRepository(WalkFinding)
        .update(f.id, { settlement: { ...(f.settlement as Extract<StoredSettlement, { outcome: 'action' }>), actionNumber: i + 1 } });
    }
  }

  // ---- recording -----------------------------------------------------------------------------------------------

  /** Replaces one stop's checklist answers (participants, while in progress or recorded). */
  async answer(user: AuthUser, id: string, body: ChecklistAnswersRequest): Promise<WalkDto> {
    return this.db.transaction(async (m) => {
      const w = await this.load(m, user, id, true);
      if (!this.detailsVisible(w, user)) throw notFound('Walk');
      const keys = new Set(w.checklist.map((i) => i.key));
      const bad = body.answers.findIndex((a) => !keys.has(a.itemKey));
      if (bad >= 0) throw invalid(`answers[${bad}].itemKey`, `answers[${bad}].itemKey is not an item of the walk's checklist`);
      const dup = body.answers.findIndex((a, i) => body.answers.findIndex((b) => b.itemKey === a.itemKey) !== i);
      if (dup >= 0) throw invalid(`answers[${dup}].itemKey`, `answers[${dup}].itemKey is answered twice`);
      const stop = {
        stop: body.stop,
        label: body.label.trim(),
        answers: body.answers.map((a) => ({ itemKey: a.itemKey, answer: a.answer, comment: a.comment?.trim() || null })),
      };
      const stops = [...w.stops.filter((s) => s.stop !== body.stop), stop].sort((a, b) => a.stop - b.stop);
      await this.record(m, user, w, 'RECORD', { stops }, { change: 'answers', stop: body.stop, answers: body.answers.length });
      return this.get(user, id, m);
    });
  }

  /** Checks a finding's content against the walk (place in its area, checklist item, category, organisation, personal data). */
  private async checkFinding(m: EntityManager, w: Walk, f: CreateFindingRequest): Promise<{ responsibleOrganizationId: string | null; flagged: boolean }> {
    if ((f.latitude == null) !== (f.longitude == null)) throw invalid(f.latitude == null ? 'latitude' : 'longitude', 'latitude and longitude go together');
    if (f.latitude != null && f.longitude != null && !inSweden(f.latitude, f.longitude)) throw invalid('latitude', 'the position must be in Sweden');
    if (f.latitude == null && !f.placeId) throw invalid('latitude', 'give the position (latitude, longitude) or a place (placeId)');
    let place: Place | null = null;
    if (f.placeId) {
      place = await m.getRepository(Place).findOneBy({ id: f.placeId });
      if (!place || place.areaId !== w.areaId) throw invalid('placeId', "placeId is not a place in the walk's area");
    }
    if (!f.checklistItemKey && !f.categoryId) throw invalid('checklistItemKey', 'give the checklist item (checklistItemKey) or a category (categoryId)');
    if (f.checklistItemKey && !w.checklist.some((i) => i.key === f.checklistItemKey))
      throw invalid('checklistItemKey', "checklistItemKey is not an item of the walk's checklist");
    if (f.categoryId && !(await m.getRepository(Category).existsBy({ id: f.categoryId, active: true })))
      throw invalid('categoryId', 'categoryId is not an active category');
    const partners = await repo.partnerIds(m, w.areaId);
    const responsible = f.responsibleOrganizationId !== undefined ? f.responsibleOrganizationId : (place?.responsibleOrganizationId ?? null);
    if (responsible && !partners.includes(responsible)) {
      if (f.responsibleOrganizationId) throw invalid('responsibleOrganizationId', "responsibleOrganizationId is not an organisation of the area's partnership");
    }
    if (f.recordedAt && new Date(f.recordedAt).getTime() > Date.now() + CLOCK_SKEW_MS) throw invalid('recordedAt', 'recordedAt cannot be in the future');
    const hits = findPersonalData(f.description);
    if (hits.length > 0 && !f.confirmNoPersonalData) {
      throw new DomainError(
        422,
        'REPORT.PERSONAL_DATA',
        'description seems to contain personal data (a personal identity number, phone number or e-mail address); findings are about places and situations',
        'description',
        { hits },
      );
    }
    return { responsibleOrganizationId: responsible && partners.includes(responsible) ? responsible : null, flagged: hits.length > 0 };
  }

  /** What the audit trail keeps of a finding: no free text or coordinates (as for reports). */
  private findingAudit(
    f: Pick<WalkFinding, 'id' | 'placeId' | 'checklistItemKey' | 'categoryId' | 'severity' | 'responsibleOrganizationId' | 'description' | 'latitude'>,
  ) {
    return {
      findingId: f.id,
      placeId: f.placeId,
      checklistItemKey: f.checklistItemKey,
      categoryId: f.categoryId,
      severity: f.severity,
      responsibleOrganizationId: f.responsibleOrganizationId,
      descriptionLength: f.description.length,
      hasCoordinates: f.latitude != null,
    };
  }

  /** Records a finding; with an Idempotency-Key a finding resent from a phone's offline queue is stored once. */
  async addFinding(user: AuthUser, walkId: string, body: CreateFindingRequest): Promise<FindingDto> {
    return this.idem.transaction(async (m) => {
      const w = await this.load(m, user, walkId, true);
      if (!this.detailsVisible(w, user)) throw notFound('Walk');
      if ((await repo.findingCount(m, w.id)) >= WALK_MAX.findingsPerWalk) throw invalid('walk', `a walk holds at most ${WALK_MAX.findingsPerWalk} findings`);
      const checked = await this.checkFinding(m, w, body);
      const f = m.getRepository(WalkFinding).create({
        id: randomUUID(),
        walkId: w.id,
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        placeId: body.placeId ?? null,
        checklistItemKey: body.checklistItemKey ?? null,
        categoryId: body.categoryId ?? null,
        description: body.description.trim(),
        severity: body.severity,
        responsibleOrganizationId: checked.responsibleOrganizationId,
        recordedAt: body.recordedAt ? new Date(body.recordedAt) : new Date(),
        recordedById: user.id,
        organizationId: user.organizationId,
        personalDataConfirmed: checked.flagged && body.confirmNoPersonalData === true,
        settlement: null,
      });
      // The machine decides first (RECORD: a participant, in progress or recorded), then the finding is stored.
      await this.record(m, user, w, 'RECORD', {}, { change: 'finding.add', ...this.findingAudit(f) });
      await m.getRepository(WalkFinding).insert(f);
      return this.findingOf(m, user, w, f.id);
    });
  }

  private async findingOf(m: EntityManager, user: AuthUser, w: Walk, findingId: string): Promise<FindingDto> {
    const all = await this.findingDtos(m, user, w, allowedFor(WALK_WORKFLOW, w, user, await this.settings.current(m)));
    const f = all.find((x) => x.id === findingId);
    if (!f) throw notFound('Finding', 'findingId');
    return f;
  }

  /** The finding of this walk, for a change by its recorder (403 for another's). */
  private async ownFinding(m: EntityManager, user: AuthUser, w: Walk, findingId: string): Promise<WalkFinding> {
    const f = await m.getRepository(WalkFinding).findOneBy({ id: findingId, walkId: w.id });
    if (!f) throw notFound('Finding', 'findingId');
    if (f.recordedById !== user.id)
      throw new DomainError(403, 'WALK.NOT_YOUR_FINDING', 'Only the person who recorded a finding changes or deletes it', 'findingId');
    return f;
  }

  async updateFinding(user: AuthUser, walkId: string, findingId: string, body: UpdateFindingRequest): Promise<FindingDto> {
    return this.db.transaction(async (m) => {
      const w = await this.load(m, user, walkId, true);
      if (!this.detailsVisible(w, user)) throw notFound('Walk');
      const f = await this.ownFinding(m, user, w, findingId);
      const merged: CreateFindingRequest = {
        latitude: body.latitude !== undefined ? body.latitude : f.latitude,
        longitude: body.longitude !== undefined ? body.longitude : f.longitude,
        placeId: body.placeId !== undefined ? body.placeId : f.placeId,
        checklistItemKey: body.checklistItemKey !== undefined ? body.checklistItemKey : f.checklistItemKey,
        categoryId: body.categoryId !== undefined ? body.categoryId : f.categoryId,
        description: body.description ?? f.description,
        severity: body.severity ?? f.severity,
        responsibleOrganizationId: body.responsibleOrganizationId !== undefined ? body.responsibleOrganizationId : f.responsibleOrganizationId,
        confirmNoPersonalData: body.confirmNoPersonalData ?? f.personalDataConfirmed,
        recordedAt: body.recordedAt,
      };
      const checked = await this.checkFinding(m, w, merged);
      const changes: Partial<WalkFinding> = {
        latitude: merged.latitude ?? null,
        longitude: merged.longitude ?? null,
        placeId: merged.placeId ?? null,
        checklistItemKey: merged.checklistItemKey ?? null,
        categoryId: merged.categoryId ?? null,
        description: merged.description.trim(),
        severity: merged.severity,
        responsibleOrganizationId: checked.responsibleOrganizationId,
        personalDataConfirmed: checked.flagged && merged.confirmNoPersonalData === true,
        ...(body.recordedAt ? { recordedAt: new Date(body.recordedAt) } : {}),
      };
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- findingAudit reads plain columns only, no methods
      await this.record(m, user, w, 'AMEND', {}, { change: 'finding.update', before: this.findingAudit(f), ...this.findingAudit({ ...f, ...changes }) });
      await m.getRepository(WalkFinding).update(f.id, changes);
      return this.findingOf(m, user, w, f.id);
    });
  }

  async deleteFinding(user: AuthUser, walkId: string, findingId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const w = await this.load(m, user, walkId, true);
      if (!this.detailsVisible(w, user)) throw notFound('Walk');
      const f = await this.ownFinding(m, user, w, findingId);
      const photos = await m.getRepository(WalkPhoto).findBy({ findingId: f.id });
      await this.record(m, user, w, 'AMEND', {}, { change: 'finding.delete', ...this.findingAudit(f), photos: photos.length });
      await m.getRepository(WalkFinding).delete(f.id);
      await this.storage.delete(
        m,
        photos.map((p) => p.storageKey),
      );
    });
  }

  // ---- photos --------------------------------------------------------------------------------------------------

  /**
   * Stores a photo of a finding: checked against the walk first, then decoded and re-encoded without metadata
   * (outside the transaction: CPU work), then stored with its row and the walk's RECORD event in one transaction.
   */
  async addPhoto(user: AuthUser, walkId: string, findingId: string, file: { name: string; bytes: Buffer }, confirmNoFaces: boolean): Promise<PhotoDto> {
    const w0 = await this.load(this.db.manager, user, walkId);
    if (!this.detailsVisible(w0, user)) throw notFound('Walk');
    if (!(await this.db.getRepository(WalkFinding).existsBy({ id: findingId, walkId }))) throw notFound('Finding', 'findingId');
    if (!confirmNoFaces)
      throw invalid('confirmNoFaces', `${file.name}: confirm that the photo shows no recognisable faces or licence plates (confirmNoFaces=true)`);
    const processed = await this.processor.process(file.name, file.bytes);
    return this.idem.transaction(async (m) => {
      const w = await this.load(m, user, walkId, true);
      if ((await repo.photoCount(m, findingId)) >= WALK_MAX.photosPerFinding)
        throw invalid('photo', `${file.name}: a finding has at most ${WALK_MAX.photosPerFinding} photos`, 'PHOTO.TOO_MANY');
      const id = randomUUID();
      await this.record(
        m,
        user,
        w,
        'RECORD',
        {},
        { change: 'photo.add', findingId, photoId: id, bytes: processed.image.length, width: processed.width, height: processed.height },
      );
      const storageKey = await this.storage.put(m, processed);
      const row = m
        .getRepository(WalkPhoto)
        .create({ id, findingId, walkId, width: processed.width, height: processed.height, bytes: processed.image.length, storageKey, uploadedById: user.id });
      await m.getRepository(WalkPhoto).insert(row);
      return photoDto(walkId, { id, finding_id: findingId, width: row.width, height: row.height, bytes: row.bytes, created_at: new Date() });
    });
  }

  /** A photo's bytes, for callers who see the walk's details. */
  async photo(user: AuthUser, walkId: string, photoId: string, variant: 'image' | 'thumbnail'): Promise<Buffer> {
    await this.loadDetails(user, walkId);
    const p = await this.db.getRepository(WalkPhoto).findOneBy({ id: photoId, walkId });
    const bytes = p ? await this.storage.get(this.db.manager, p.storageKey, variant) : null;
    if (!bytes) throw notFound('Photo', 'photoId');
    return bytes;
  }

  // ---- settlement ----------------------------------------------------------------------------------------------

  /** Settles one finding (organisers, while the walk is recorded): an action to agree, an existing case, or noted. */
  async settle(user: AuthUser, walkId: string, findingId: string, body: SettleFindingRequest): Promise<FindingDto> {
    return this.db.transaction(async (m) => {
      const w = await this.load(m, user, walkId, true);
      if (!this.detailsVisible(w, user)) throw notFound('Walk');
      const f = await m.getRepository(WalkFinding).findOneBy({ id: findingId, walkId: w.id });
      if (!f) throw notFound('Finding', 'findingId');
      let settlement: StoredSettlement;
      if (body.outcome === 'action') {
        const a = body.action!;
        if (f.settlement?.outcome !== 'action') {
          const all = await m.getRepository(WalkFinding).find({ where: { walkId: w.id }, select: { id: true, settlement: true } });
          if (all.filter((o) => o.settlement?.outcome === 'action').length >= MAX_ACTIONS_PER_CASE)
            throw new DomainError(
              422,
              'WALK.TOO_MANY_ACTIONS',
              `a walk settles at most ${MAX_ACTIONS_PER_CASE} findings as actions (one case holds that many)`,
              'outcome',
            );
        }
        const partners = await repo.partnerIds(m, w.areaId);
        if (!partners.includes(a.organizationId))
          throw invalid('action.organizationId', "action.organizationId must be an organisation of the area's partnership");
        if (a.ownerId && !(await repo.isActiveUserOf(m, a.ownerId, a.organizationId)))
          throw invalid('action.ownerId', 'the owner must be an active user of the responsible organisation');
        if (!isoDate(a.dueDate)) throw invalid('action.dueDate', 'action.dueDate must be a date (YYYY-MM-DD)');
        settlement = {
          outcome: 'action',
          cause: a.cause.trim(),
          what: a.what.trim(),
          goal: a.goal.trim(),
          organizationId: a.organizationId,
          ownerId: a.ownerId ?? null,
          dueDate: a.dueDate,
          followUp: a.followUp?.trim() || null,
          actionNumber: null,
        };
      } else if (body.outcome === 'case') {
        const c = await m.getRepository(EstCase).findOneBy({ id: body.caseId! });
        if (!c || c.areaId !== w.areaId || c.state === 'dismissed') throw invalid('caseId', "caseId must be an open case of the walk's area");
        settlement = { outcome: 'case', caseId: c.id };
      } else {
        settlement = { outcome: 'noted', reason: body.reason!.trim() };
      }
      await this.record(
        m,
        user,
        w,
        'SETTLE',
        {},
        {
          change: 'finding.settle',
          findingId: f.id,
          outcome: settlement.outcome,
          ...(settlement.outcome === 'case' ? { caseId: settlement.caseId } : {}),
          ...(settlement.outcome === 'action' ? { organizationId: settlement.organizationId, dueDate: settlement.dueDate } : {}),
        },
      );
      await m.getRepository(WalkFinding).update(f.id, { settlement });
      return this.findingOf(m, user, w, f.id);
    });
  }
}
