import type { DataSource, EntityManager } from 'typeorm';
import { inSwedishTimeSql, swedishMidnightSql } from '../database/sql-fragments';
import { WITHHELD_SQL } from './reports.repository';

/** Week bounds in Swedish local time, as timestamptz: the week of Monday `$2`, the four weeks before it, twelve weeks of trend. */
const BOUNDS = `WITH b AS (SELECT ${swedishMidnightSql('$2::date')} AS wk_start,
                                      ${swedishMidnightSql('$2::date + 7')} AS wk_end,
                                      ${swedishMidnightSql('$2::date - 28')} AS prev_start,
                                      ${swedishMidnightSql('$2::date - 77')} AS trend_start)`;

/**
 * The situational picture's four statements. Parameters: `$1` area, `$2` the week's Monday (YYYY-MM-DD), `$3` the viewing
 * organisation (null: the shared view, in which every withheld report counts under "no place" and has no map point).
 */
export const PICTURE_SQL = {
  /** [areaId, monday] */
  byCategory: `${BOUNDS}
         SELECT c.id, c.code, c.label_sv, c.label_en, x.cur::int, x.prev::int FROM (
           SELECT r.category_id, count(*) FILTER (WHERE r.occurred_at >= b.wk_start) AS cur,
                  count(*) FILTER (WHERE r.occurred_at < b.wk_start) AS prev
           FROM reports r, b WHERE r.area_id = $1 AND r.occurred_at >= b.prev_start AND r.occurred_at < b.wk_end
           GROUP BY r.category_id) x JOIN categories c ON c.id = x.category_id
         ORDER BY x.cur DESC, c.sort_order`,
  /** [areaId, monday, viewerOrg]: another organisation's withheld report counts under "no place" (its place is one of its details). */
  byPlace: `${BOUNDS}
         SELECT p.id, p.name, p.latitude, p.longitude, x.cur::int, x.prev::int FROM (
           SELECT CASE WHEN ${WITHHELD_SQL} AND ($3::uuid IS NULL OR r.organization_id <> $3) THEN NULL ELSE r.place_id END AS place_id,
                  count(*) FILTER (WHERE r.occurred_at >= b.wk_start) AS cur,
                  count(*) FILTER (WHERE r.occurred_at < b.wk_start) AS prev
           FROM reports r, b WHERE r.area_id = $1 AND r.occurred_at >= b.prev_start AND r.occurred_at < b.wk_end
           GROUP BY 1) x LEFT JOIN places p ON p.id = x.place_id
         ORDER BY x.cur DESC, p.name NULLS LAST`,
  /** [areaId, monday] */
  trend: `${BOUNDS}
         SELECT to_char(date_trunc('week', ${inSwedishTimeSql('r.occurred_at')}), 'IYYY-"W"IW') AS week, count(*)::int AS n
         FROM reports r, b WHERE r.area_id = $1 AND r.occurred_at >= b.trend_start AND r.occurred_at < b.wk_end
         GROUP BY 1`,
  /** [areaId, monday, viewerOrg] */
  points: `${BOUNDS}
         SELECT r.id, coalesce(r.latitude, p.latitude) AS lat, coalesce(r.longitude, p.longitude) AS lng, r.category_id, r.assessment
         FROM reports r CROSS JOIN b LEFT JOIN places p ON p.id = r.place_id
         WHERE r.area_id = $1 AND r.occurred_at >= b.wk_start AND r.occurred_at < b.wk_end
           AND coalesce(r.latitude, p.latitude) IS NOT NULL AND (NOT ${WITHHELD_SQL} OR r.organization_id = $3)
         ORDER BY r.occurred_at`,
} as const;

/** A walk's details (positions, places of its findings) are seen by all, or for a restricted walk by its planning and invited organisations (`$3`). */
const WALK_VISIBLE_SQL = `(NOT w.restricted OR w.organization_id = $3::uuid OR $3::uuid = ANY(w.invited_organization_ids))`;

/**
 * Safety-walk findings as the picture's own source. Parameters as PICTURE_SQL: `$1` area, `$2` Monday, `$3` viewing
 * organisation (null: the shared view, which shows no restricted walk's details).
 */
export const WALK_PICTURE_SQL = {
  /** [areaId, monday]: findings recorded this week and in the four weeks before (every walk counts). */
  total: `${BOUNDS}
         SELECT count(*) FILTER (WHERE f.recorded_at >= b.wk_start)::int AS cur, count(*) FILTER (WHERE f.recorded_at < b.wk_start)::int AS prev
         FROM walk_findings f JOIN walks w ON w.id = f.walk_id CROSS JOIN b
         WHERE w.area_id = $1 AND f.recorded_at >= b.prev_start AND f.recorded_at < b.wk_end`,
  /** [areaId, monday, viewerOrg]: the map layer, findings of the 12 weeks ending with this week. */
  points: `${BOUNDS}
         SELECT f.id, f.walk_id, coalesce(f.latitude, p.latitude) AS lat, coalesce(f.longitude, p.longitude) AS lng, f.severity, f.recorded_at
         FROM walk_findings f JOIN walks w ON w.id = f.walk_id CROSS JOIN b LEFT JOIN places p ON p.id = f.place_id
         WHERE w.area_id = $1 AND f.recorded_at >= b.trend_start AND f.recorded_at < b.wk_end
           AND coalesce(f.latitude, p.latitude) IS NOT NULL AND ${WALK_VISIBLE_SQL}
         ORDER BY f.recorded_at, f.id`,
  /**
   * [areaId, monday, viewerOrg]: places with findings of two or more walks up to the end of the week – a named place,
   * or for findings with a position only a cell of about 50 × 50 m (0.0005° latitude × 0.001° longitude).
   */
  repeated: `${BOUNDS}
         SELECT g.place_id, p.name, coalesce(p.latitude, g.lat) AS lat, coalesce(p.longitude, g.lng) AS lng,
                g.walks::int AS walk_count, g.findings::int AS finding_count, g.last AS last_recorded_at
         FROM (
           SELECT f.place_id,
                  CASE WHEN f.place_id IS NULL THEN round(f.latitude / 0.0005)::text || ':' || round(f.longitude / 0.001)::text END AS cell,
                  avg(f.latitude) AS lat, avg(f.longitude) AS lng,
                  count(DISTINCT f.walk_id) AS walks, count(*) AS findings, max(f.recorded_at) AS last
           FROM walk_findings f JOIN walks w ON w.id = f.walk_id CROSS JOIN b
           WHERE w.area_id = $1 AND f.recorded_at < b.wk_end AND (f.place_id IS NOT NULL OR f.latitude IS NOT NULL) AND ${WALK_VISIBLE_SQL}
           GROUP BY 1, 2 HAVING count(DISTINCT f.walk_id) >= 2) g
         LEFT JOIN places p ON p.id = g.place_id
         WHERE coalesce(p.latitude, g.lat) IS NOT NULL
         ORDER BY g.walks DESC, g.findings DESC, p.name NULLS LAST, 3, 4
         LIMIT 20`,
} as const;

export interface WalkTotalRow {
  cur: number;
  prev: number;
}
export interface WalkPointRow {
  id: string;
  walk_id: string;
  lat: number;
  lng: number;
  severity: 'low' | 'medium' | 'high';
  recorded_at: Date;
}
export interface RepeatedPlaceRow {
  place_id: string | null;
  name: string | null;
  lat: number;
  lng: number;
  walk_count: number;
  finding_count: number;
  last_recorded_at: Date;
}

export interface CategoryFigureRow {
  id: string;
  code: string;
  label_sv: string;
  label_en: string;
  cur: number;
  prev: number;
}
export interface PlaceFigureRow {
  id: string | null;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  cur: number;
  prev: number;
}
export interface TrendRow {
  week: string;
  n: number;
}
export interface PointRow {
  id: string;
  lat: number;
  lng: number;
  category_id: string;
  assessment: 'low' | 'medium' | 'high';
}

type Db = DataSource | EntityManager;

/** The situational picture's queries, each with its row type. */
export const situationPictureRepository = {
  byCategory: (db: Db, areaId: string, monday: string): Promise<CategoryFigureRow[]> => db.query(PICTURE_SQL.byCategory, [areaId, monday]),
  byPlace: (db: Db, areaId: string, monday: string, viewer: string | null): Promise<PlaceFigureRow[]> =>
    db.query(PICTURE_SQL.byPlace, [areaId, monday, viewer]),
  trend: (db: Db, areaId: string, monday: string): Promise<TrendRow[]> => db.query(PICTURE_SQL.trend, [areaId, monday]),
  points: (db: Db, areaId: string, monday: string, viewer: string | null): Promise<PointRow[]> => db.query(PICTURE_SQL.points, [areaId, monday, viewer]),
  walkTotal: async (db: Db, areaId: string, monday: string): Promise<WalkTotalRow> =>
    (await db.query<WalkTotalRow[]>(WALK_PICTURE_SQL.total, [areaId, monday]))[0] ?? { cur: 0, prev: 0 },
  walkPoints: (db: Db, areaId: string, monday: string, viewer: string | null): Promise<WalkPointRow[]> =>
    db.query(WALK_PICTURE_SQL.points, [areaId, monday, viewer]),
  repeatedPlaces: (db: Db, areaId: string, monday: string, viewer: string | null): Promise<RepeatedPlaceRow[]> =>
    db.query(WALK_PICTURE_SQL.repeated, [areaId, monday, viewer]),
  /** Locks the area's row, so that two level changes of one area follow each other. */
  lockArea: async (m: EntityManager, areaId: string): Promise<void> => {
    await m.query('SELECT 1 FROM areas WHERE id = $1 FOR UPDATE', [areaId]);
  },
};
