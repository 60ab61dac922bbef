import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PICTURE_SOURCES,
  type AreaLevelDto,
  type FigureRow,
  type PictureSource,
  type SetAreaLevelRequest,
  type SituationPictureDto,
  type WalkFindingsPictureDto,
} from '@samverka/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { notFound } from '../common/errors';
import { Area } from '../directory/area.entity';
import { AreaLevelEntry } from './area-level.entity';
import { ReportsService } from './reports.service';
import { situationPictureRepository } from './situation-picture.repository';
import { isoWeekOf, mondayOf, shiftWeek } from './weeks';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A week's count against the average of the four weeks before it. */
export function figure(count: number, previousFourWeeks: number): FigureRow {
  const previousAverage = round2(previousFourWeeks / 4);
  return { count, previousAverage, change: round2(count - previousAverage) };
}

const toLevelDto = (l: AreaLevelEntry): AreaLevelDto => ({
  areaId: l.areaId,
  week: l.week,
  level: l.level,
  rationale: l.rationale,
  setBy: { id: l.setBy.id, name: l.setBy.name },
  setAt: l.setAt.toISOString(),
});

/**
 * The weekly situational picture of an area, computed in PostgreSQL: counts by category and place against the
 * previous four weeks, the 12-week trend, hotspots and map points. Restricted reports count in every figure;
 * only their details (the map point, and the place: by place they count under "no place") are kept from other organisations.
 */
@Injectable()
export class SituationPictureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  private async area(user: AuthUser, areaId: string): Promise<Area> {
    const area = await this.db.getRepository(Area).findOneBy({ id: areaId });
    if (!area || !(await this.reports.canSeeArea(user, areaId))) throw notFound('Area', 'areaId');
    return area;
  }

  /**
   * `shared`: the picture as every partner may see it, for documents all of them receive (the joint action plan):
   * every restricted report then counts under "no place" and has no map point, whoever asks, so the document and its
   * fingerprint are the same for all organisations.
   */
  async picture(
    user: AuthUser,
    areaId: string,
    week?: string,
    opts: { shared?: boolean; sources?: readonly PictureSource[] } = {},
  ): Promise<SituationPictureDto> {
    const area = await this.area(user, areaId);
    const viewer = opts.shared ? null : user.organizationId;
    const wk = week ?? isoWeekOf(new Date());
    const monday = mondayOf(wk);
    const sources = PICTURE_SOURCES.filter((s) => (opts.sources?.length ? opts.sources.includes(s) : true));
    const withReports = sources.includes('reports');
    const [byCategory, byPlace, trend, points, level, walkFindings] = await Promise.all([
      withReports ? situationPictureRepository.byCategory(this.db, areaId, monday) : [],
      withReports ? situationPictureRepository.byPlace(this.db, areaId, monday, viewer) : [],
      withReports ? situationPictureRepository.trend(this.db, areaId, monday) : [],
      withReports ? situationPictureRepository.points(this.db, areaId, monday, viewer) : [],
      this.db.getRepository(AreaLevelEntry).findOne({ where: { areaId, week: wk }, relations: { setBy: true } }),
      sources.includes('walks') ? this.walkFindings(areaId, monday, viewer) : null,
    ]);
    const trendMap = new Map<string, number>(trend.map((t) => [t.week, t.n]));
    const cur = byCategory.reduce((s, c) => s + c.cur, 0);
    const prev = byCategory.reduce((s, c) => s + c.prev, 0);
    const places = byPlace.map((p) => ({
      placeId: p.id,
      name: p.name,
      latitude: p.latitude,
      longitude: p.longitude,
      ...figure(p.cur, p.prev),
    }));
    return {
      area: { id: area.id, name: area.name },
      week: wk,
      from: monday,
      to: new Date(new Date(`${monday}T12:00:00Z`).getTime() + 6 * 86_400_000).toISOString().slice(0, 10),
      total: figure(cur, prev),
      byCategory: byCategory.map((c) => ({
        categoryId: c.id,
        code: c.code,
        labelSv: c.label_sv,
        labelEn: c.label_en,
        ...figure(c.cur, c.prev),
      })),
      byPlace: places,
      trend: Array.from({ length: 12 }, (_, i) => {
        const w = shiftWeek(wk, i - 11);
        return { week: w, count: trendMap.get(w) ?? 0 };
      }),
      hotspots: places
        .filter((p): p is typeof p & { placeId: string; name: string } => p.placeId !== null && p.count > 0)
        .slice(0, 5)
        .map((p) => ({ placeId: p.placeId, name: p.name, count: p.count })),
      points: points.map((p) => ({
        id: p.id,
        latitude: p.lat,
        longitude: p.lng,
        categoryId: p.category_id,
        assessment: p.assessment,
      })),
      level: level ? toLevelDto(level) : null,
      sources,
      walkFindings,
    };
  }

  /** Safety-walk findings as their own source: the week's count, the map layer and the places found again and again. */
  private async walkFindings(areaId: string, monday: string, viewer: string | null): Promise<WalkFindingsPictureDto> {
    const [total, points, repeated] = await Promise.all([
      situationPictureRepository.walkTotal(this.db, areaId, monday),
      situationPictureRepository.walkPoints(this.db, areaId, monday, viewer),
      situationPictureRepository.repeatedPlaces(this.db, areaId, monday, viewer),
    ]);
    return {
      total: figure(total.cur, total.prev),
      points: points.map((p) => ({
        id: p.id,
        walkId: p.walk_id,
        latitude: p.lat,
        longitude: p.lng,
        severity: p.severity,
        recordedAt: new Date(p.recorded_at).toISOString(),
      })),
      repeatedPlaces: repeated.map((r) => ({
        placeId: r.place_id,
        name: r.name,
        latitude: r.lat,
        longitude: r.lng,
        walkCount: r.walk_count,
        findingCount: r.finding_count,
        lastRecordedAt: new Date(r.last_recorded_at).toISOString(),
      })),
    };
  }

  /** The area's levels, newest week first. */
  async levels(user: AuthUser, areaId: string): Promise<AreaLevelDto[]> {
    await this.area(user, areaId);
    const rows = await this.db.getRepository(AreaLevelEntry).find({ where: { areaId }, relations: { setBy: true }, order: { week: 'DESC' } });
    return rows.map(toLevelDto);
  }

  /** Sets (or changes) an area's level for a week; the earlier value stays in the audit trail. */
  async setLevel(user: AuthUser, areaId: string, week: string, body: SetAreaLevelRequest): Promise<AreaLevelDto> {
    await this.area(user, areaId);
    mondayOf(week);
    return this.db.transaction(async (m: EntityManager) => {
      await situationPictureRepository.lockArea(m, areaId);
      const repo = m.getRepository(AreaLevelEntry);
      const existing = await repo.findOne({ where: { areaId, week }, relations: { setBy: true } });
      await repo.save({ areaId, week, level: body.level, rationale: body.rationale.trim(), setById: user.id, setAt: new Date() });
      const saved = toLevelDto((await repo.findOne({ where: { areaId, week }, relations: { setBy: true } }))!);
      await this.audit.record(m, user, {
        action: 'area_level.set',
        entityType: 'area_level',
        entityId: `${areaId}:${week}`,
        before: existing ? toLevelDto(existing) : null,
        after: saved,
      });
      return saved;
    });
  }
}
