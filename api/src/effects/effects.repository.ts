import type { DataSource, EntityManager } from 'typeorm';
import { BUFFER_INNER_M, BUFFER_OUTER_M, EffectCounts, EffectWindows } from './effect-statistics';

/**
 * Counts for the effect figures (effect-statistics.ts), all in SQL. A report's position is its own coordinates, else its
 * named place's. Treatment: one of the case's places, or within BUFFER_INNER_M of one of its points. Buffer: not
 * treatment, within BUFFER_OUTER_M of a point. Comparison: the rest of the area. Only the chosen categories (all when
 * none are given). Restricted reports are counted like any other: only numbers leave this query, never a detail.
 *
 * Parameters: $1 area, $2 place ids, $3 category ids, $4 point latitudes, $5 point longitudes, $6–$9 the before and
 * after windows (from inclusive, to exclusive), $10 inner radius, $11 outer radius (metres).
 */
export const EFFECT_COUNTS_SQL = `
  WITH pts AS (SELECT * FROM unnest($4::float8[], $5::float8[]) AS t(lat, lng)),
  r AS (
    SELECT CASE WHEN r.occurred_at >= $6 AND r.occurred_at < $7 THEN 'before' ELSE 'after' END AS period,
           r.place_id = ANY($2::uuid[]) AS in_place,
           (SELECT min(2 * 6371008.8 * asin(least(1, sqrt(
                     power(sin(radians(pts.lat - coalesce(r.latitude, p.latitude)) / 2), 2)
                   + cos(radians(pts.lat)) * cos(radians(coalesce(r.latitude, p.latitude)))
                     * power(sin(radians(pts.lng - coalesce(r.longitude, p.longitude)) / 2), 2)))))
            FROM pts) AS dist
    FROM reports r LEFT JOIN places p ON p.id = r.place_id
    WHERE r.area_id = $1
      AND (cardinality($3::uuid[]) = 0 OR r.category_id = ANY($3::uuid[]))
      AND ((r.occurred_at >= $6 AND r.occurred_at < $7) OR (r.occurred_at >= $8 AND r.occurred_at < $9)))
  SELECT CASE WHEN coalesce(in_place, false) OR dist < $10 THEN 'treatment' WHEN dist <= $11 THEN 'buffer' ELSE 'comparison' END AS zone,
         period, count(*)::int AS n
  FROM r GROUP BY 1, 2`;

export interface EffectCountRow {
  zone: 'treatment' | 'buffer' | 'comparison';
  period: 'before' | 'after';
  n: number;
}

export interface EffectScope {
  areaId: string;
  placeIds: string[];
  categoryIds: string[];
  points: { lat: number; lng: number }[];
}

type Db = DataSource | EntityManager;

export const effectsRepository = {
  countRows: (db: Db, scope: EffectScope, w: EffectWindows): Promise<EffectCountRow[]> =>
    db.query(EFFECT_COUNTS_SQL, [
      scope.areaId,
      scope.placeIds,
      scope.categoryIds,
      scope.points.map((x) => x.lat),
      scope.points.map((x) => x.lng),
      w.before.from,
      w.before.to,
      w.after.from,
      w.after.to,
      BUFFER_INNER_M,
      BUFFER_OUTER_M,
    ]),
  /** The six counts, zeros where nothing was reported. */
  counts: async (db: Db, scope: EffectScope, w: EffectWindows): Promise<EffectCounts> => {
    const c: EffectCounts = { treatment: { before: 0, after: 0 }, buffer: { before: 0, after: 0 }, comparison: { before: 0, after: 0 } };
    for (const row of await effectsRepository.countRows(db, scope, w)) c[row.zone][row.period] = row.n;
    return c;
  },
};
