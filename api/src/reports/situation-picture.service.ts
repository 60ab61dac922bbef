import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AreaLevelDto, FigureRow, SetAreaLevelRequest, SituationPictureDto } from '@samverka/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { notFound } from '../common/errors';
import { Area } from '../directory/area.entity';
import { AreaLevelEntry } from './area-level.entity';
import { ReportsService, WITHHELD_SQL } from './reports.service';
import { isoWeekOf, mondayOf, shiftWeek, TIME_ZONE } from './weeks';

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
  async picture(user: AuthUser, areaId: string, week?: string, opts: { shared?: boolean } = {}): Promise<SituationPictureDto> {
    const area = await this.area(user, areaId);
    const viewer = opts.shared ? null : user.organizationId;
    const wk = week ?? isoWeekOf(new Date());
    const monday = mondayOf(wk);
    // Week bounds in Swedish local time, as timestamptz.
    const bounds = `WITH b AS (SELECT ($2::date)::timestamp AT TIME ZONE '${TIME_ZONE}' AS wk_start,
                                      ($2::date + 7)::timestamp AT TIME ZONE '${TIME_ZONE}' AS wk_end,
                                      ($2::date - 28)::timestamp AT TIME ZONE '${TIME_ZONE}' AS prev_start,
                                      ($2::date - 77)::timestamp AT TIME ZONE '${TIME_ZONE}' AS trend_start)`;
    const [byCategory, byPlace, trend, points, level] = await Promise.all([
      this.db.query(
        `${bounds}
         SELECT c.id, c.code, c.label_sv, c.label_en, x.cur::int, x.prev::int FROM (
           SELECT r.category_id, count(*) FILTER (WHERE r.occurred_at >= b.wk_start) AS cur,
                  count(*) FILTER (WHERE r.occurred_at < b.wk_start) AS prev
           FROM reports r, b WHERE r.area_id = $1 AND r.occurred_at >= b.prev_start AND r.occurred_at < b.wk_end
           GROUP BY r.category_id) x JOIN categories c ON c.id = x.category_id
         ORDER BY x.cur DESC, c.sort_order`,
        [areaId, monday],
      ),
      this.db.query(
        `${bounds}
         SELECT p.id, p.name, p.latitude, p.longitude, x.cur::int, x.prev::int FROM (
           SELECT CASE WHEN ${WITHHELD_SQL} AND ($3::uuid IS NULL OR r.organization_id <> $3) THEN NULL ELSE r.place_id END AS place_id,
                  count(*) FILTER (WHERE r.occurred_at >= b.wk_start) AS cur,
                  count(*) FILTER (WHERE r.occurred_at < b.wk_start) AS prev
           FROM reports r, b WHERE r.area_id = $1 AND r.occurred_at >= b.prev_start AND r.occurred_at < b.wk_end
           GROUP BY 1) x LEFT JOIN places p ON p.id = x.place_id
         ORDER BY x.cur DESC, p.name NULLS LAST`,
        // Another organisation's restricted report (or one awaiting review) counts under "no place": its place is one of its details.
        [areaId, monday, viewer],
      ),
      this.db.query(
        `${bounds}
         SELECT to_char(date_trunc('week', r.occurred_at AT TIME ZONE '${TIME_ZONE}'), 'IYYY-"W"IW') AS week, count(*)::int AS n
         FROM reports r, b WHERE r.area_id = $1 AND r.occurred_at >= b.trend_start AND r.occurred_at < b.wk_end
         GROUP BY 1`,
        [areaId, monday],
      ),
      this.db.query(
        `${bounds}
         SELECT r.id, coalesce(r.latitude, p.latitude) AS lat, coalesce(r.longitude, p.longitude) AS lng, r.category_id, r.assessment
         FROM reports r CROSS JOIN b LEFT JOIN places p ON p.id = r.place_id
         WHERE r.area_id = $1 AND r.occurred_at >= b.wk_start AND r.occurred_at < b.wk_end
           AND coalesce(r.latitude, p.latitude) IS NOT NULL AND (NOT ${WITHHELD_SQL} OR r.organization_id = $3)
         ORDER BY r.occurred_at`,
        [areaId, monday, viewer],
      ),
      this.db.getRepository(AreaLevelEntry).findOne({ where: { areaId, week: wk }, relations: { setBy: true } }),
    ]);
    const trendMap = new Map<string, number>(trend.map((t: { week: string; n: number }) => [t.week, t.n]));
    const cur = byCategory.reduce((s: number, c: { cur: number }) => s + c.cur, 0);
    const prev = byCategory.reduce((s: number, c: { prev: number }) => s + c.prev, 0);
    const places = byPlace.map((p: { id: string | null; name: string | null; latitude: number | null; longitude: number | null; cur: number; prev: number }) => ({
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
      byCategory: byCategory.map((c: { id: string; code: string; label_sv: string; label_en: string; cur: number; prev: number }) => ({
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
        .filter((p: { placeId: string | null; count: number }) => p.placeId && p.count > 0)
        .slice(0, 5)
        .map((p: { placeId: string; name: string; count: number }) => ({ placeId: p.placeId, name: p.name, count: p.count })),
      points: points.map((p: { id: string; lat: number; lng: number; category_id: string; assessment: 'low' | 'medium' | 'high' }) => ({
        id: p.id,
        latitude: p.lat,
        longitude: p.lng,
        categoryId: p.category_id,
        assessment: p.assessment,
      })),
      level: level ? toLevelDto(level) : null,
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
      await m.query('SELECT 1 FROM areas WHERE id = $1 FOR UPDATE', [areaId]);
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
