import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AgendaItemDto,
  AgendaItemKind,
  CreateMeetingRequest,
  DecisionKind,
  MeetingDto,
  MeetingRole,
  MeetingState,
  ParticipantInput,
  PlannedActionDto,
  WorkflowSettings,
} from '@samverka/contracts';
import {
  envOf,
  MEETING_MACHINE_VERSION,
  MeetingContext,
  MeetingEvent,
  meetingMachine,
  MeetingRoles,
  MeetingSnapshot,
  requiredApprovers,
  reviseMinutes,
  store,
} from '@samverka/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { createActor } from 'xstate';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { CaseTransitions } from '../cases/case-transitions';
import { casesRepository } from '../cases/cases.repository';
import { EstCase } from '../cases/case.entity';
import { DomainError, invalid, notFound } from '../common/errors';
import { directoryRepository } from '../directory/directory.repository';
import { Organization } from '../directory/organization.entity';
import { User } from '../directory/user.entity';
import { IdempotencyService } from '../idempotency/idempotency';
import { actorOf } from '../workflow/actor';
import { allowedFor, MEETING_WORKFLOW, restoreOf, Step, WorkflowEvents } from '../workflow/workflow-events';
import { Meeting, StoredParticipant } from './meeting.entity';
import { WorkflowSettingsService } from '../settings/settings.service';
import { MeetingEventsService } from './meeting-events.service';
import { MeetingPlans } from './meeting-plans.port';
import { meetingsRepository } from './meetings.repository';

/** Whether the user's organisation takes part in the meeting. */
export const participates = (user: AuthUser, m: { organizationIds: string[] }): boolean => m.organizationIds.includes(user.organizationId);

/** An administrator of an organisation that does not take part: the meeting is seen for administration only. */
export const participantsOnly = (field = 'id') =>
  new DomainError(
    403,
    'MEETING.PARTICIPANTS_ONLY',
    'The meeting’s content (agenda, decisions, minutes, documents, live updates, history) is for its participating organisations',
    field,
  );

/** The roles of a participant list, as the meeting machine takes them. */
export function rolesOf(participants: StoredParticipant[]): MeetingRoles {
  const holder = (role: MeetingRole) => participants.find((p) => p.role === role)?.userId ?? null;
  return {
    chairId: holder('chair'),
    secretaryId: holder('secretary'),
    adjusterIds: participants.filter((p) => p.role === 'adjuster' && p.userId).map((p) => p.userId!),
  };
}

/** Who must approve the minutes, with their approvals so far. */
function approversOf(participants: StoredParticipant[], ctx: MeetingContext, settings: WorkflowSettings): MeetingDto['approvers'] {
  return requiredApprovers(ctx, envOf({ settings })).map((userId) => {
    const p = participants.find((x) => x.userId === userId);
    return {
      userId,
      name: p?.name ?? '',
      role: userId === ctx.chairId ? 'chair' : 'adjuster',
      approvedAt: ctx.approvals.find((a) => a.userId === userId)?.at ?? null,
    };
  });
}

/** The case event a meeting decision sends (the case workflow stays the only authority). */
const CASE_EVENT: Record<Exclude<DecisionKind, 'note'>, 'AGREE' | 'SEND_BACK' | 'ESCALATE'> = { agree: 'AGREE', send_back: 'SEND_BACK', escalate: 'ESCALATE' };

const DECISION_TEXT: Record<DecisionKind, string> = {
  agree: 'De föreslagna åtgärderna beslutades',
  send_back: 'Ärendet återförvisades till analys',
  escalate: 'Ärendet lyftes till chefssamrådet',
  note: 'Antecknades',
};

/** The titles of the agenda Samverka prepares, in the language the coordinator works in; they are editable afterwards. */
const AGENDA_TITLES = {
  sv: {
    picture: 'Lägesbild',
    escalated: 'lyft till chefssamrådet',
    overdue: 'Försenade åtgärder',
    followUp: 'Uppföljning',
    round: 'Laget runt',
    other: 'Övriga frågor',
  },
  en: {
    picture: 'Situational picture',
    escalated: 'escalated to the leadership meeting',
    overdue: 'Overdue actions',
    followUp: 'Follow-up',
    round: 'Round the table',
    other: 'Other business',
  },
} as const;

/**
 * Meetings: the agenda prepared from the data, the meeting run item by item, decisions sent to the cases as case
 * events, statements, minutes and approval. Every change is one transaction with an audit entry and a notification.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly cases: CaseTransitions,
    private readonly events: MeetingEventsService,
    private readonly workflow: WorkflowEvents,
    private readonly plans: MeetingPlans,
    private readonly idem: IdempotencyService,
    private readonly settings: WorkflowSettingsService,
  ) {}

  /** Participating organisations see a meeting in full; administrators of other organisations see it for administration only. */
  private visible(user: AuthUser, m: Meeting): boolean {
    return user.roles.includes('admin') || participates(user, m);
  }

  /**
   * The meeting, if the user may see it. With `details` (changes, documents, live updates) only participating
   * organisations get it: another organisation's administrator is refused with 403 `MEETING.PARTICIPANTS_ONLY`.
   */
  private async load(em: EntityManager, user: AuthUser, id: string, lock = false, details = true): Promise<Meeting> {
    if (lock) await meetingsRepository.lock(em, id);
    const m = await em.getRepository(Meeting).findOneBy({ id });
    if (!m || !this.visible(user, m)) throw notFound('Meeting');
    if (details && !participates(user, m)) throw participantsOnly();
    return m;
  }

  /** Builds the agenda from the data: each area's picture, the cases waiting for a decision, follow-up, the round, other business. */
  async prepareAgenda(em: EntityManager, areaIds: string[], lang: 'sv' | 'en' = 'sv'): Promise<AgendaItemDto[]> {
    const T = AGENDA_TITLES[lang];
    const item = (kind: AgendaItemKind, title: string, extra: Partial<AgendaItemDto> = {}): AgendaItemDto => ({
      id: randomUUID(),
      kind,
      title,
      areaId: null,
      caseId: null,
      actionIds: [],
      decision: null,
      statements: [],
      ...extra,
    });
    const areas = await directoryRepository.areaNames(em, areaIds);
    const waiting = await meetingsRepository.casesAwaitingDecision(em, areaIds);
    const following = await meetingsRepository.casesInFollowUp(em, areaIds);
    const overdue = await meetingsRepository.overdueActions(em, areaIds);
    return [
      ...areas.map((a) => item('picture', `${T.picture}: ${a.name}`, { areaId: a.id })),
      ...waiting.map((c) => item('decision', c.state === 'escalated' ? `${c.title} (${T.escalated})` : c.title, { areaId: c.area_id, caseId: c.id })),
      ...areas
        .filter((a) => overdue.some((o) => o.area_id === a.id))
        .map((a) => item('follow_up', `${T.overdue}: ${a.name}`, { areaId: a.id, actionIds: overdue.filter((o) => o.area_id === a.id).map((o) => o.id) })),
      ...following.map((c) => item('follow_up', `${T.followUp}: ${c.title}`, { areaId: c.area_id, caseId: c.id })),
      item('round', T.round),
      item('other', T.other),
    ];
  }

  async create(user: AuthUser, body: CreateMeetingRequest): Promise<MeetingDto> {
    return this.idem.transaction(async (em) => {
      if (!user.roles.includes('coordinator')) throw new DomainError(403, 'AUTH.FORBIDDEN', 'Meetings are scheduled by coordinators', 'type');
      const areaIds = [...new Set(body.areaIds)];
      const partnered = await meetingsRepository.partnershipAreas(em, areaIds, user.organizationId);
      if (areaIds.length === 0 || partnered.length !== areaIds.length) throw invalid('areaIds', 'areaIds must be areas of your partnership');
      const orgIds = [...new Set([user.organizationId, ...body.organizationIds])];
      const orgs = await em.getRepository(Organization).findBy({ id: In(orgIds) });
      if (orgs.length !== orgIds.length) throw invalid('organizationIds', 'organizationIds names an organisation that does not exist');
      // Participants see the agenda (every area's cases) and the documents: only partners of all the meeting's areas
      // take part, so no organisation learns of cases in an area it does not take part in.
      const inPartnership = await meetingsRepository.partnersOfAll(em, areaIds);
      if (orgIds.some((o) => !inPartnership.includes(o))) {
        throw invalid('organizationIds', 'organizationIds must be partners of every one of the meeting’s areas');
      }
      const participants = await this.checkParticipants(
        em,
        orgIds,
        (body.participants ?? []).map((p) => ({ ...p, present: true })),
      );
      const snapshot = createActor(meetingMachine, {
        input: { organizationIds: orgIds, startsAt: new Date(body.startsAt).toISOString(), ...rolesOf(participants) },
      }).getSnapshot();
      const saved = await em.getRepository(Meeting).save({
        kind: body.kind,
        title: body.title.trim(),
        startsAt: new Date(body.startsAt),
        place: body.place.trim(),
        areaIds,
        organizationIds: orgIds,
        participants,
        agenda: await this.prepareAgenda(em, areaIds, body.lang ?? 'sv'),
        currentItemId: null,
        state: String(snapshot.value),
        version: 1,
        snapshot: store(MEETING_MACHINE_VERSION, snapshot),
        createdById: user.id,
      });
      await this.audit.record(em, user, {
        action: 'meeting.create',
        entityType: 'meeting',
        entityId: saved.id,
        after: { title: saved.title, kind: saved.kind, startsAt: saved.startsAt, areaIds, organizationIds: orgIds, ...rolesOf(participants) },
      });
      return this.get(user, saved.id, em);
    });
  }

  async list(user: AuthUser, f: { state?: string; areaId?: string; from?: string; to?: string } = {}): Promise<MeetingDto[]> {
    const qb = this.db
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where(user.roles.includes('admin') ? 'TRUE' : ':org = ANY(m.organization_ids)', { org: user.organizationId })
      .orderBy('m.starts_at', 'DESC');
    if (f.state) qb.andWhere('m.state = :state', { state: f.state });
    if (f.areaId) qb.andWhere(':area = ANY(m.area_ids)', { area: f.areaId });
    if (f.from) qb.andWhere('m.starts_at >= :from', { from: new Date(f.from) });
    if (f.to) qb.andWhere('m.starts_at < :to', { to: new Date(f.to) });
    const rows = await qb.getMany();
    const settings = await this.settings.current();
    return Promise.all(rows.map((m) => this.toDto(this.db.manager, user, m, settings)));
  }

  /** The meeting as `user` sees it; inside a transaction (`em`) as that transaction has written it. */
  async get(user: AuthUser, id: string, em: EntityManager = this.db.manager): Promise<MeetingDto> {
    return this.toDto(em, user, await this.load(em, user, id, false, false), await this.settings.current(em));
  }

  /** The meeting as this user may see it: in full for participating organisations, for administration only otherwise. */
  private async toDto(em: EntityManager, user: AuthUser, m: Meeting, settings: WorkflowSettings): Promise<MeetingDto> {
    const ctx = restoreOf(MEETING_WORKFLOW, m).context as MeetingContext;
    const details = participates(user, m);
    const [areas, orgs, approver] = await Promise.all([
      directoryRepository.areaNames(em, m.areaIds),
      directoryRepository.organizationNames(em, m.organizationIds),
      ctx.approvedBy && details ? em.getRepository(User).findOneBy({ id: ctx.approvedBy }) : Promise.resolve(null),
    ]);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    return {
      id: m.id,
      kind: m.kind,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      place: m.place,
      areas,
      organizations: orgs,
      participants: m.participants.map((p) => ({
        ...p,
        userId: p.userId ?? null,
        role: p.role ?? null,
        organizationName: orgName.get(p.organizationId) ?? '',
      })),
      state: m.state as MeetingState,
      version: m.version,
      agenda: details ? m.agenda : [],
      currentItemId: details ? m.currentItemId : null,
      approvedBy: approver ? { id: approver.id, name: approver.name } : null,
      approvedAt: details ? ctx.approvedAt : null,
      approvers: details ? approversOf(m.participants, ctx, settings) : [],
      planFingerprint: details ? m.planFingerprint : null,
      revision: m.revision,
      previousVersionId: m.previousVersionId,
      allowedEvents: details ? allowedFor(MEETING_WORKFLOW, m, user, settings) : [],
      detailsVisible: details,
    };
  }

  /**
   * The one way a meeting changes (`WorkflowEvents.send`): lock, version check, the machine's decision on `event`,
   * the change itself, then version + 1, an audit entry and a notification to everyone who has the meeting open.
   */
  private async change(
    user: AuthUser,
    id: string,
    version: number,
    event: MeetingEvent['type'],
    payload: Record<string, unknown>,
    apply: (em: EntityManager, m: Meeting) => Promise<void> | void,
  ): Promise<MeetingDto> {
    return this.idem.transaction(async (em) => {
      await this.workflow.send(em, user, MEETING_WORKFLOW, event, payload, { load: () => this.load(em, user, id, true), version }, (m) => ({
        store: async (s: Step<MeetingContext>) => {
          m.state = s.to;
          m.snapshot = s.snapshot;
          await apply(em, m);
          m.version = s.version;
          await em.getRepository(Meeting).save(m);
        },
        audit: (s: Step<MeetingContext>) => ({ before: { state: s.from, version: s.version - 1 }, after: { state: m.state, version: m.version, ...payload } }),
        after: () => this.events.publish(em, { meetingId: id, version: m.version, change: event, currentItemId: m.currentItemId }),
      }));
      return this.get(user, id, em);
    });
  }

  /** START, SET_CURRENT, END, APPROVE (which records the plan's fingerprint), CANCEL. */
  sendEvent(user: AuthUser, id: string, type: string, version: number, payload: Record<string, unknown>): Promise<MeetingDto> {
    if (!['START', 'SET_CURRENT', 'END', 'APPROVE', 'CANCEL'].includes(type)) {
      throw new DomainError(409, 'MEETING.TRANSITION_NOT_ALLOWED', `${type} is not a meeting event here`, 'type');
    }
    return this.change(user, id, version, type as MeetingEvent['type'], payload, async (em, m) => {
      if (type === 'SET_CURRENT') {
        if (!m.agenda.some((i) => i.id === payload.itemId)) throw invalid('itemId', 'itemId is not an item of the agenda');
        m.currentItemId = payload.itemId as string;
      }
      if (type === 'START') m.currentItemId = m.agenda[0]?.id ?? null;
      if (type === 'END') m.currentItemId = null;
      // The plan's fingerprint is recorded when the justering is complete.
      if (type === 'APPROVE' && m.state === 'approved') m.planFingerprint = await this.plans.fingerprint(user, m);
    });
  }

  /** Reorders, adds and removes agenda items before the meeting; kept items keep their content. */
  updateAgenda(
    user: AuthUser,
    id: string,
    version: number,
    items: { id?: string; kind: AgendaItemKind; title: string; caseId?: string | null; areaId?: string | null }[],
  ): Promise<MeetingDto> {
    return this.change(user, id, version, 'UPDATE_AGENDA', {}, async (em, m) => {
      const old = new Map(m.agenda.map((i) => [i.id, i]));
      const caseIds = items.map((i) => i.caseId).filter((c): c is string => !!c);
      if (caseIds.length) {
        const found = await em.getRepository(EstCase).findBy({ id: In(caseIds) });
        const bad = items.findIndex((i) => i.caseId && !found.some((c) => c.id === i.caseId && m.areaIds.includes(c.areaId)));
        if (bad >= 0) throw invalid(`items[${bad}].caseId`, 'caseId must be a case in the meeting’s areas');
      }
      m.agenda = items.map((i, n) => {
        if (i.id && !old.has(i.id)) throw invalid(`items[${n}].id`, 'id is not an item of this agenda');
        const kept = i.id ? old.get(i.id)! : undefined;
        return {
          id: kept?.id ?? randomUUID(),
          kind: i.kind,
          title: i.title.trim(),
          areaId: i.areaId ?? kept?.areaId ?? null,
          caseId: i.caseId ?? kept?.caseId ?? null,
          actionIds: kept?.actionIds ?? [],
          decision: kept?.decision ?? null,
          statements: kept?.statements ?? [],
        };
      });
    });
  }

  /** Records the decision on an item; for a case it sends the matching case event in the same transaction. */
  recordDecision(
    user: AuthUser,
    id: string,
    itemId: string,
    version: number,
    body: { kind: DecisionKind; note: string; actions?: PlannedActionDto[] },
  ): Promise<MeetingDto> {
    return this.change(user, id, version, 'RECORD', { itemId, decision: body.kind }, async (em, m) => {
      const item = m.agenda.find((i) => i.id === itemId);
      if (!item) throw notFound('Agenda item', 'itemId');
      let caseState: string | null = null;
      if (body.kind !== 'note') {
        if (!item.caseId) throw invalid('kind', 'only an item about a case can agree, send back or escalate');
        await casesRepository.lock(em, item.caseId);
        const c = await em.getRepository(EstCase).findOneByOrFail({ id: item.caseId });
        const type = CASE_EVENT[body.kind];
        const payload: Record<string, unknown> = type === 'AGREE' ? (body.actions ? { actions: body.actions } : {}) : { note: body.note };
        await this.cases.apply(em, user, c, { ...payload, type, actor: actorOf(user), now: new Date().toISOString(), inMeeting: true } as never, {
          ...payload,
          meetingId: m.id,
        });
        caseState = c.state;
      }
      item.decision = { kind: body.kind, note: body.note.trim() || DECISION_TEXT[body.kind], caseState, by: user.name, at: new Date().toISOString() };
      m.agenda = [...m.agenda];
    });
  }

  /** Records an organisation's round-the-table statement on an item. */
  recordStatement(user: AuthUser, id: string, itemId: string, version: number, body: { organizationId: string; text: string }): Promise<MeetingDto> {
    return this.change(user, id, version, 'RECORD', { itemId, statementBy: body.organizationId }, async (em, m) => {
      const item = m.agenda.find((i) => i.id === itemId);
      if (!item) throw notFound('Agenda item', 'itemId');
      if (!m.organizationIds.includes(body.organizationId)) throw invalid('organizationId', 'organizationId must be a participating organisation');
      const organizationName = (await directoryRepository.organizationName(em, body.organizationId)) ?? '';
      item.statements = [
        ...item.statements.filter((s) => s.organizationId !== body.organizationId),
        { organizationId: body.organizationId, organizationName, text: body.text.trim() },
      ];
      m.agenda = [...m.agenda];
    });
  }

  /** Records who is invited (before the meeting) or who attended (during it and in the minutes draft). */
  async recordAttendance(user: AuthUser, id: string, version: number, participants: (ParticipantInput & { present: boolean })[]): Promise<MeetingDto> {
    const orgIds = (await this.db.getRepository(Meeting).findOneBy({ id }))?.organizationIds ?? [];
    const checked = await this.checkParticipants(this.db.manager, orgIds, participants);
    // The roles are input to the meeting's rules (who approves the minutes); the machine refuses changing them during the justering.
    return this.change(user, id, version, 'SET_ATTENDANCE', { attendance: participants.length, ...rolesOf(checked) }, (_em, m) => {
      m.participants = checked;
    });
  }

  /**
   * Participants are people of the participating organisations (`userId`: an active user of `organizationId`, named as
   * in the directory) or guests by name; roles are held by people, one chair and one secretary at most.
   */
  private async checkParticipants(
    em: EntityManager,
    orgIds: string[],
    participants: (ParticipantInput & { present: boolean })[],
  ): Promise<StoredParticipant[]> {
    const userIds = participants.map((p) => p.userId).filter((u): u is string => !!u);
    const users = userIds.length ? await em.getRepository(User).findBy({ id: In(userIds) }) : [];
    const seen = new Set<string>();
    const out = participants.map((p, i): StoredParticipant => {
      if (!orgIds.includes(p.organizationId)) throw invalid(`participants[${i}].organizationId`, 'a participant must belong to a participating organisation');
      if (!p.userId) {
        if (p.role) throw invalid(`participants[${i}].role`, 'a role is held by a person with an account (a guest has none)');
        return { name: p.name.trim(), organizationId: p.organizationId, present: p.present, userId: null, role: null };
      }
      const u = users.find((x) => x.id === p.userId);
      if (!u || !u.active || u.organizationId !== p.organizationId)
        throw invalid(`participants[${i}].userId`, 'userId must be an active user of the participant’s organisation');
      if (seen.has(u.id)) throw invalid(`participants[${i}].userId`, 'a person is listed once');
      seen.add(u.id);
      return { name: u.name, organizationId: p.organizationId, present: p.present, userId: u.id, role: p.role ?? null };
    });
    for (const role of ['chair', 'secretary'] as const) {
      const holders = out.map((p, i) => (p.role === role ? i : -1)).filter((i) => i >= 0);
      if (holders.length > 1) throw invalid(`participants[${holders[1]}].role`, `a meeting has one ${role}`);
    }
    return out;
  }

  /** A change to approved minutes: a new revision in draft that refers to the approved one, which stays locked. */
  async revise(user: AuthUser, id: string): Promise<MeetingDto> {
    return this.idem.transaction(async (em) => {
      const m = await this.load(em, user, id, true);
      const revision = reviseMinutes(restoreOf(MEETING_WORKFLOW, m) as MeetingSnapshot, actorOf(user));
      if (!revision.ok && revision.reason === 'not_approved')
        throw new DomainError(409, 'MEETING.NOT_APPROVED', 'Only approved minutes are revised; change the draft directly', 'type');
      if (!revision.ok) throw new DomainError(403, 'MEETING.EVENT_FORBIDDEN', 'Only the meeting’s coordinator revises its minutes', 'type');
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = m;
      const copy = await em.getRepository(Meeting).save({
        ...rest,
        state: String(revision.draft.value),
        version: 1,
        snapshot: store(MEETING_MACHINE_VERSION, revision.draft),
        planFingerprint: null,
        revision: m.revision + 1,
        previousVersionId: m.id,
        createdById: user.id,
      });
      await this.audit.record(em, user, {
        action: 'meeting.revise',
        entityType: 'meeting',
        entityId: copy.id,
        after: { previousVersionId: m.id, revision: copy.revision },
      });
      return this.get(user, copy.id, em);
    });
  }

  /** The meeting row for documents and live updates (participating organisations only). */
  async forDocuments(user: AuthUser, id: string): Promise<Meeting> {
    return this.load(this.db.manager, user, id);
  }
}
