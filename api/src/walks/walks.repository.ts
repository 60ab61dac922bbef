import type { EntityManager } from 'typeorm';
import { AREA_PARTNER_IDS_SQL, overdueActionSql, SWEDISH_TODAY_SQL, takesPartSql } from '../database/sql-fragments';

/** One walk of a list, with its area, planning organisation and number of findings. */
export interface WalkListRow {
  id: string;
  area_id: string;
  area_name: string;
  title: string;
  starts_at: Date;
  state: string;
  version: number;
  restricted: boolean;
  organization_id: string;
  organization_name: string;
  invited_organization_ids: string[];
  finding_count: number;
}

/** A finding with the names it is shown with. */
export interface FindingRow {
  id: string;
  walk_id: string;
  latitude: number | null;
  longitude: number | null;
  place_id: string | null;
  place_name: string | null;
  checklist_item_key: string | null;
  category_id: string | null;
  description: string;
  severity: string;
  responsible_organization_id: string | null;
  responsible_organization_name: string | null;
  recorded_at: Date;
  recorded_by_id: string;
  recorded_by_name: string;
  organization_name: string;
  settlement: Record<string, unknown> | null;
}

export interface PhotoRow {
  id: string;
  finding_id: string;
  width: number;
  height: number;
  bytes: number;
  storage_key: string;
  created_at: Date;
}

/** An action that a finding became: its state and whether it is overdue (Swedish today). */
export interface SettledActionRow {
  id: string;
  number: number;
  state: string;
  due_date: string;
  days_overdue: number;
}

export interface CaseLabelRow {
  id: string;
  title: string;
  state: string;
  area_id: string;
}

export interface NameRow {
  id: string;
  name: string;
}

const LIST_SQL = `
  SELECT w.id, w.area_id, a.name AS area_name, w.title, w.starts_at, w.state, w.version, w.restricted,
         w.organization_id, o.name AS organization_name, w.invited_organization_ids,
         (SELECT count(*)::int FROM walk_findings f WHERE f.walk_id = w.id) AS finding_count
  FROM walks w JOIN areas a ON a.id = w.area_id JOIN organizations o ON o.id = w.organization_id
  WHERE ($1::uuid IS NULL OR ${takesPartSql('w.area_id', '$1::uuid')})
    AND ($2::uuid IS NULL OR w.area_id = $2::uuid)
    AND ($3::text IS NULL OR w.state = $3::text)
  ORDER BY w.starts_at DESC
  LIMIT 500`;

const FINDINGS_SQL = `
  SELECT f.id, f.walk_id, f.latitude, f.longitude, f.place_id, p.name AS place_name, f.checklist_item_key, f.category_id,
         f.description, f.severity, f.responsible_organization_id, ro.name AS responsible_organization_name,
         f.recorded_at, f.recorded_by_id, u.name AS recorded_by_name, o.name AS organization_name, f.settlement
  FROM walk_findings f
  LEFT JOIN places p ON p.id = f.place_id
  LEFT JOIN organizations ro ON ro.id = f.responsible_organization_id
  JOIN users u ON u.id = f.recorded_by_id
  JOIN organizations o ON o.id = f.organization_id
  WHERE f.walk_id = $1
  ORDER BY f.recorded_at, f.id`;

/** The raw SQL of safety walks. */
export const walksRepository = {
  /** Walks of the areas organisation `viewerOrg` takes part in (null: every area, for administrators). */
  list(m: EntityManager, viewerOrg: string | null, areaId: string | null, state: string | null): Promise<WalkListRow[]> {
    return m.query(LIST_SQL, [viewerOrg, areaId, state]);
  },
  async takesPart(m: EntityManager, areaId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 WHERE ${takesPartSql('$1::uuid', '$2::uuid')}`, [areaId, organizationId]);
    return rows.length > 0;
  },
  async partnerIds(m: EntityManager, areaId: string): Promise<string[]> {
    const rows: { organization_id: string }[] = await m.query(AREA_PARTNER_IDS_SQL, [areaId]);
    return rows.map((r) => r.organization_id);
  },
  /** Locks the walk's row for the transaction of `m`. */
  async lock(m: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM walks WHERE id = $1 FOR UPDATE', [id]);
    return rows.length > 0;
  },
  findings(m: EntityManager, walkId: string): Promise<FindingRow[]> {
    return m.query(FINDINGS_SQL, [walkId]);
  },
  photos(m: EntityManager, walkId: string): Promise<PhotoRow[]> {
    return m.query('SELECT id, finding_id, width, height, bytes, storage_key, created_at FROM walk_photos WHERE walk_id = $1 ORDER BY created_at, id', [
      walkId,
    ]);
  },
  async photoCount(m: EntityManager, findingId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM walk_photos WHERE finding_id = $1', [findingId]);
    return row.n;
  },
  async findingCount(m: EntityManager, walkId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM walk_findings WHERE walk_id = $1', [walkId]);
    return row.n;
  },
  async unsettledCount(m: EntityManager, walkId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM walk_findings WHERE walk_id = $1 AND settlement IS NULL', [walkId]);
    return row.n;
  },
  /** The actions of the walk's case that findings became (by number), with their state and days overdue (Swedish today). */
  settledActions(m: EntityManager, caseId: string | null, numbers: number[]): Promise<SettledActionRow[]> {
    if (!caseId || !numbers.length) return Promise.resolve([]);
    return m.query(
      `SELECT x.id, x.number, x.state, x.due_date::text AS due_date,
              CASE WHEN ${overdueActionSql('x')} THEN (${SWEDISH_TODAY_SQL} - x.due_date) ELSE 0 END::int AS days_overdue
       FROM case_actions x WHERE x.case_id = $1 AND x.number = ANY($2::int[])`,
      [caseId, numbers],
    );
  },
  cases(m: EntityManager, ids: string[]): Promise<CaseLabelRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.query('SELECT id, title, state, area_id FROM cases WHERE id = ANY($1::uuid[])', [ids]);
  },
  organizations(m: EntityManager, ids: string[]): Promise<NameRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.query('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
  },
  categoryLabels(m: EntityManager): Promise<{ id: string; label_sv: string; label_en: string }[]> {
    return m.query('SELECT id, label_sv, label_en FROM categories');
  },
  /** Active users of an organisation with this id (an action's owner). */
  async isActiveUserOf(m: EntityManager, userId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM users WHERE id = $1 AND organization_id = $2 AND active', [userId, organizationId]);
    return rows.length > 0;
  },
};
