import type { DataSource, EntityManager } from 'typeorm';
import type { EffectFiguresDto } from '@samverka/contracts';
import { takesPartSql } from '../database/sql-fragments';
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

export interface EffectScopeRow {
  area_id: string;
  place_ids: string[];
  category_ids: string[];
  lats: number[];
  lngs: number[];
}

export interface ActionSpanRow {
  first_started: Date | null;
  last_done: Date | null;
}

/** The case's scope, the same for every viewer: its places, the categories of its reports, and its points (places' and place-less reports' coordinates). */
export const EFFECT_SCOPE_SQL = `
  SELECT c.area_id,
         coalesce((SELECT array_agg(cp.place_id) FROM case_places cp WHERE cp.case_id = c.id), '{}') AS place_ids,
         coalesce((SELECT array_agg(DISTINCT r.category_id) FROM case_reports cr JOIN reports r ON r.id = cr.report_id WHERE cr.case_id = c.id), '{}') AS category_ids,
         coalesce(array_agg(pt.lat) FILTER (WHERE pt.lat IS NOT NULL), '{}') AS lats,
         coalesce(array_agg(pt.lng) FILTER (WHERE pt.lat IS NOT NULL), '{}') AS lngs
  FROM cases c
  LEFT JOIN LATERAL (
    SELECT p.latitude AS lat, p.longitude AS lng FROM case_places cp JOIN places p ON p.id = cp.place_id
    WHERE cp.case_id = c.id AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
    UNION
    SELECT r.latitude, r.longitude FROM case_reports cr JOIN reports r ON r.id = cr.report_id
    WHERE cr.case_id = c.id AND r.place_id IS NULL AND r.latitude IS NOT NULL AND r.longitude IS NOT NULL) pt ON true
  WHERE c.id = $1
  GROUP BY c.id, c.area_id`;

/** When the first of the case's actions was started and the last was done (its workflow history). */
export const ACTION_SPAN_SQL = `
  SELECT min(h.at) FILTER (WHERE h.to_state = 'in_progress') AS first_started, max(h.at) FILTER (WHERE h.to_state = 'done') AS last_done
  FROM case_history h WHERE h.case_id = $1 AND h.action_id IS NOT NULL`;

export const effectCaseRepository = {
  scope: async (db: Db, caseId: string): Promise<EffectScope | null> => {
    const [row] = await db.query<EffectScopeRow[]>(EFFECT_SCOPE_SQL, [caseId]);
    if (!row) return null;
    return { areaId: row.area_id, placeIds: row.place_ids, categoryIds: row.category_ids, points: row.lats.map((lat, i) => ({ lat, lng: row.lngs[i] })) };
  },
  actionSpan: async (db: Db, caseId: string): Promise<ActionSpanRow> => {
    const [row] = await db.query<ActionSpanRow[]>(ACTION_SPAN_SQL, [caseId]);
    return row;
  },
};

/** A frozen evaluation's row (case_effects). */
export interface CaseEffectRow {
  case_id: string;
  case_version: number;
  outcome: string;
  method_version: number;
  weeks: number;
  category_ids: string[];
  figures: EffectFiguresDto | null;
  evaluated_at: Date;
}

/** A register row: the case's last evaluation with its area, title, categories (labels) and actions. */
export interface EffectRegisterRow extends CaseEffectRow {
  title: string;
  area_id: string;
  area_name: string;
  categories: { id: string; sv: string; en: string }[];
  actions: { number: number; what: string; organizationName: string; state: string }[];
}

export interface EffectRegisterQuery {
  /** The viewer's organisation for the partnership scope; null for administrators (every area). */
  viewerOrg: string | null;
  areaId?: string;
  categoryId?: string;
  outcome?: string;
  /** Evaluated from (inclusive) / before (exclusive), instants. */
  from?: Date;
  to?: Date;
}

/** Every case's last evaluation, newest first, within the viewer's partnerships and the filters ($1–$6; null = no filter). */
export const EFFECT_REGISTER_SQL = `
  SELECT e.case_id, e.case_version, e.outcome, e.method_version, e.weeks, e.category_ids, e.figures, e.evaluated_at,
         c.title, c.area_id, a.name AS area_name,
         coalesce((SELECT json_agg(json_build_object('id', k.id, 'sv', k.label_sv, 'en', k.label_en) ORDER BY k.sort_order, k.label_sv)
                   FROM categories k WHERE k.id = ANY(e.category_ids)), '[]') AS categories,
         coalesce((SELECT json_agg(json_build_object('number', x.number, 'what', x.what, 'organizationName', o.name, 'state', x.state) ORDER BY x.number)
                   FROM case_actions x JOIN organizations o ON o.id = x.organization_id WHERE x.case_id = c.id), '[]') AS actions
  FROM (SELECT DISTINCT ON (case_id) * FROM case_effects ORDER BY case_id, case_version DESC) e
  JOIN cases c ON c.id = e.case_id
  JOIN areas a ON a.id = c.area_id
  WHERE ($1::uuid IS NULL OR ${takesPartSql('c.area_id', '$1::uuid')})
    AND ($2::uuid IS NULL OR c.area_id = $2::uuid)
    AND ($3::uuid IS NULL OR $3::uuid = ANY(e.category_ids))
    AND ($4::text IS NULL OR e.outcome = $4::text)
    AND ($5::timestamptz IS NULL OR e.evaluated_at >= $5::timestamptz)
    AND ($6::timestamptz IS NULL OR e.evaluated_at < $6::timestamptz)
  ORDER BY e.evaluated_at DESC, c.title
  LIMIT 5000`;

export const caseEffectsRepository = {
  /** Stores an evaluation's figures; the primary key (case, version) makes a second write of the same evaluation fail. */
  insert: async (
    m: EntityManager,
    row: Pick<CaseEffectRow, 'case_id' | 'case_version' | 'outcome' | 'method_version' | 'weeks' | 'category_ids' | 'figures'>,
  ): Promise<void> => {
    await m.query(
      `INSERT INTO case_effects (case_id, case_version, outcome, method_version, weeks, category_ids, figures) VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::jsonb)`,
      [row.case_id, row.case_version, row.outcome, row.method_version, row.weeks, row.category_ids, row.figures === null ? null : JSON.stringify(row.figures)],
    );
  },
  /** The case's last evaluation, or undefined. */
  latest: async (db: Db, caseId: string): Promise<CaseEffectRow | undefined> => {
    const [row] = await db.query<CaseEffectRow[]>(
      `SELECT case_id, case_version, outcome, method_version, weeks, category_ids, figures, evaluated_at FROM case_effects WHERE case_id = $1 ORDER BY case_version DESC LIMIT 1`,
      [caseId],
    );
    return row;
  },
  register: (db: Db, q: EffectRegisterQuery): Promise<EffectRegisterRow[]> =>
    db.query<EffectRegisterRow[]>(EFFECT_REGISTER_SQL, [q.viewerOrg, q.areaId ?? null, q.categoryId ?? null, q.outcome ?? null, q.from ?? null, q.to ?? null]),
};
