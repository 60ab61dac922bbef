import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findPersonalData, type ActivityDto, type ActivityGapCell, type ActivityGapsDto, type IsoWeekday, type OrganizationDto } from '@samverka/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { conflict, DomainError, invalid, notFound } from '../common/errors';
import { swedishDate } from '../common/swedish-time';
import { Area } from '../directory/area.entity';
import { Organization } from '../directory/organization.entity';
import { IdempotencyService } from '../idempotency/idempotency';
import { ActivityBody, UpdateActivityBody } from './activities.dto';
import { activitiesRepository } from './activities.repository';
import { activeDuring, presenceCells } from './activity-hours';
import { Activity } from './activity.entity';

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);
const orgDto = (o: Organization): OrganizationDto => ({ id: o.id, name: o.name, type: o.type });

/**
 * "Vem gör vad": each partner keeps its own activities and projects in an area; everyone in the area's partnership
 * sees them. Administrators see every area and may correct any entry. The gap overlay lays the hour × weekday
 * pattern of the area's reports over the hours the activities are there.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  /** The area, when the user may see it (404 otherwise, as if it did not exist). */
  private async area(m: EntityManager, user: AuthUser, areaId: string): Promise<Area> {
    const area = await m.getRepository(Area).findOneBy({ id: areaId });
    if (!area) throw notFound('Area');
    if (!user.roles.includes('admin') && !(await activitiesRepository.takesPart(m, areaId, user.organizationId))) throw notFound('Area');
    return area;
  }

  private mayEdit(user: AuthUser, a: Activity): boolean {
    return user.roles.includes('admin') || a.organizationId === user.organizationId;
  }

  private async toDtos(m: EntityManager, user: AuthUser, rows: Activity[]): Promise<ActivityDto[]> {
    const places = new Map((await activitiesRepository.placeNames(m, [...new Set(rows.flatMap((r) => r.placeIds))])).map((p) => [p.id, p.name]));
    const cases = new Map((await activitiesRepository.cases(m, [...new Set(rows.flatMap((r) => r.caseIds))])).map((c) => [c.id, c.title]));
    return rows.map((a) => ({
      id: a.id,
      areaId: a.areaId,
      organization: orgDto(a.organization),
      title: a.title,
      description: a.description,
      targetGroup: a.targetGroup,
      places: a.placeIds.filter((id) => places.has(id)).map((id) => ({ id, name: places.get(id)! })),
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      weekdays: [...a.weekdays].sort((x, y) => x - y) as IsoWeekday[],
      startTime: hhmm(a.startTime),
      endTime: hhmm(a.endTime),
      contactOrganization: a.contactOrganization ? orgDto(a.contactOrganization) : null,
      fundingEndsOn: a.fundingEndsOn,
      cases: a.caseIds.filter((id) => cases.has(id)).map((id) => ({ id, title: cases.get(id)! })),
      mayEdit: this.mayEdit(user, a),
      version: a.version,
      updatedAt: a.updatedAt.toISOString(),
    }));
  }

  private load(m: EntityManager, where: Partial<Pick<Activity, 'id' | 'areaId'>>): Promise<Activity[]> {
    return m.getRepository(Activity).find({ where, relations: { organization: true, contactOrganization: true }, order: { startsOn: 'DESC', title: 'ASC' } });
  }

  async list(user: AuthUser, areaId: string): Promise<ActivityDto[]> {
    await this.area(this.db.manager, user, areaId);
    return this.toDtos(this.db.manager, user, await this.load(this.db.manager, { areaId }));
  }

  /** Checks what refers to other records, the period, the hours and the personal-data rule; throws 422 naming the field. */
  private async check(m: EntityManager, areaId: string, a: Activity, confirmNoPersonalData: boolean | undefined): Promise<void> {
    if (a.endsOn && a.endsOn < a.startsOn) throw invalid('endsOn', 'endsOn cannot be before startsOn');
    if ((a.startTime === null) !== (a.endTime === null)) throw invalid(a.startTime ? 'endTime' : 'startTime', 'give both startTime and endTime, or neither');
    if (a.startTime && a.weekdays.length === 0) throw invalid('weekdays', 'hours need the weekdays they apply to');
    const places = await activitiesRepository.placesIn(m, areaId, a.placeIds);
    if (places.length !== a.placeIds.length) throw invalid('placeIds', 'placeIds must name places of this area');
    if (a.contactOrganizationId && !(await activitiesRepository.takesPart(m, areaId, a.contactOrganizationId))) {
      throw invalid('contactOrganizationId', "contactOrganizationId is not an organisation of the area's partnership");
    }
    const cases = await activitiesRepository.cases(m, a.caseIds);
    if (cases.length !== a.caseIds.length || cases.some((c) => c.area_id !== areaId)) throw invalid('caseIds', 'caseIds must name cases of this area');
    for (const field of ['title', 'description', 'targetGroup'] as const) {
      const hits = findPersonalData(a[field] ?? '');
      if (hits.length > 0 && !confirmNoPersonalData) {
        throw new DomainError(
          422,
          'REPORT.PERSONAL_DATA',
          `${field} seems to contain personal data (a personal identity number, phone number or e-mail address); the register is about what is done, not about people`,
          field,
          { hits },
        );
      }
    }
    a.personalDataConfirmed = confirmNoPersonalData === true;
  }

  private apply(a: Activity, body: Partial<ActivityBody>): void {
    if (body.title !== undefined) a.title = body.title;
    if (body.description !== undefined) a.description = body.description || null;
    if (body.targetGroup !== undefined) a.targetGroup = body.targetGroup || null;
    if (body.placeIds !== undefined) a.placeIds = body.placeIds;
    if (body.startsOn !== undefined) a.startsOn = body.startsOn;
    if (body.endsOn !== undefined) a.endsOn = body.endsOn;
    if (body.weekdays !== undefined) a.weekdays = body.weekdays;
    if (body.startTime !== undefined) a.startTime = body.startTime;
    if (body.endTime !== undefined) a.endTime = body.endTime;
    if (body.contactOrganizationId !== undefined) a.contactOrganizationId = body.contactOrganizationId;
    if (body.fundingEndsOn !== undefined) a.fundingEndsOn = body.fundingEndsOn;
    if (body.caseIds !== undefined) a.caseIds = body.caseIds;
  }

  /** A partner's new entry, for the caller's own organisation, which must take part in the area. */
  create(user: AuthUser, areaId: string, body: ActivityBody): Promise<ActivityDto> {
    return this.idem.transaction(async (m) => {
      await this.area(m, user, areaId);
      if (!(await activitiesRepository.takesPart(m, areaId, user.organizationId))) {
        throw new DomainError(403, 'ACTIVITY.NOT_PARTNER', "Only the area's partners keep activities in its register");
      }
      const repo = m.getRepository(Activity);
      const a = repo.create({
        areaId,
        organizationId: user.organizationId,
        placeIds: [],
        weekdays: [],
        caseIds: [],
        description: null,
        targetGroup: null,
        endsOn: null,
        startTime: null,
        endTime: null,
        contactOrganizationId: null,
        fundingEndsOn: null,
        createdById: user.id,
        version: 1,
      });
      this.apply(a, body);
      await this.check(m, areaId, a, body.confirmNoPersonalData);
      const saved = await repo.save(a);
      const [dto] = await this.toDtos(m, user, await this.load(m, { id: saved.id }));
      await this.audit.record(m, user, { action: 'activity.create', entityType: 'activity', entityId: saved.id, after: { ...dto } });
      return dto;
    });
  }

  private async editable(m: EntityManager, user: AuthUser, areaId: string, id: string): Promise<Activity> {
    await this.area(m, user, areaId);
    const a = await m.getRepository(Activity).findOne({ where: { id, areaId }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw notFound('Activity');
    if (!this.mayEdit(user, a))
      throw new DomainError(403, 'ACTIVITY.OTHER_ORGANIZATION', 'Each partner keeps its own entries; ask the organisation that runs it');
    return a;
  }

  update(user: AuthUser, areaId: string, id: string, body: UpdateActivityBody): Promise<ActivityDto> {
    return this.db.transaction(async (m) => {
      const a = await this.editable(m, user, areaId, id);
      if (a.version !== body.version)
        throw conflict('ACTIVITY.VERSION_CONFLICT', 'Someone changed this entry in the meantime; reload and try again', 'version');
      const [before] = await this.toDtos(m, user, await this.load(m, { id }));
      this.apply(a, body);
      await this.check(m, areaId, a, body.confirmNoPersonalData ?? (a.personalDataConfirmed || undefined));
      a.version += 1;
      await m.getRepository(Activity).save(a);
      const [after] = await this.toDtos(m, user, await this.load(m, { id }));
      await this.audit.record(m, user, { action: 'activity.update', entityType: 'activity', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  async remove(user: AuthUser, areaId: string, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const a = await this.editable(m, user, areaId, id);
      const [before] = await this.toDtos(m, user, await this.load(m, { id }));
      await m.getRepository(Activity).delete(a.id);
      await this.audit.record(m, user, { action: 'activity.delete', entityType: 'activity', entityId: id, before: { ...before } });
    });
  }

  /** The reports of the last `weeks` weeks by weekday and hour against the activities' presence, and places by reports. */
  async gaps(user: AuthUser, areaId: string, weeks = 12): Promise<ActivityGapsDto> {
    await this.area(this.db.manager, user, areaId);
    const to = new Date();
    const from = new Date(to.getTime() - weeks * 7 * 86_400_000);
    const [grid, placeRows, activities] = await Promise.all([
      activitiesRepository.reportGrid(this.db, areaId, from, to),
      activitiesRepository.placeCounts(this.db, areaId, from, to, user.organizationId),
      this.db.getRepository(Activity).findBy({ areaId }),
    ]);
    const active = activities.filter((a) => activeDuring(a, swedishDate(from), swedishDate(to)));
    const presence = new Array<number>(168).fill(0);
    for (const a of active) for (const c of presenceCells(a)) presence[c] += 1;
    const reports = new Array<number>(168).fill(0);
    for (const r of grid) reports[(r.weekday - 1) * 24 + r.hour] = r.reports;
    const cells: ActivityGapCell[] = reports.map((n, i) => ({
      weekday: (Math.floor(i / 24) + 1) as IsoWeekday,
      hour: i % 24,
      reports: n,
      activities: presence[i],
    }));
    const gaps = cells
      .filter((c) => c.reports > 0 && c.activities === 0)
      .sort((a, b) => b.reports - a.reports || a.weekday - b.weekday || a.hour - b.hour)
      .slice(0, 10);
    const wholeArea = active.filter((a) => a.placeIds.length === 0).length;
    const places = placeRows.map((p) => ({ ...p, activities: wholeArea + active.filter((a) => a.placeIds.includes(p.id)).length }));
    return { areaId, weeks, from: from.toISOString(), to: to.toISOString(), cells, gaps, places };
  }
}
