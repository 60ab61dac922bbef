import type { EntityManager } from 'typeorm';
import { takesPartSql } from '../database/sql-fragments';

/**
 * THE rule for a report's details (free text, place, position, reporter, police notified): they are withheld from
 * other organisations when the report is restricted, or while its flagged text awaits review (`review = 'pending'`).
 * SQL form, for alias `r`; `isWithheld`/`detailsVisibleTo` in reports.service.ts are the same rule for a loaded row.
 */
export const WITHHELD_SQL = `(r.restricted OR r.review IS NOT DISTINCT FROM 'pending')`;

/** One row when organisation `$2` takes part in area `$1`'s partnership, none otherwise. */
export const CAN_SEE_SQL = `SELECT 1 WHERE ${takesPartSql('$1', '$2')}`;
/** Category labels (Swedish) by id, for the CSV export. */
export const CATEGORY_LABELS_SQL = 'SELECT id, label_sv AS label FROM categories';
/** Area names by id, for the CSV export. */
export const AREA_LABELS_SQL = 'SELECT id, name AS label FROM areas';

export interface LabelRow {
  id: string;
  label: string;
}

/** The raw SQL of situation reports (the list itself is built with TypeORM's query builder in reports.service.ts). */
export const reportsRepository = {
  /** Whether `organizationId` takes part in the partnership of area `areaId`. */
  async takesPart(m: EntityManager, areaId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(CAN_SEE_SQL, [areaId, organizationId]);
    return rows.length > 0;
  },
  /** Locks the report's row for the transaction of `m` (a correction, redaction or review waits for another). */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM reports WHERE id = $1 FOR UPDATE', [id]);
  },
  /** Labels by id (categories or areas). */
  async labels(m: EntityManager, sql: typeof CATEGORY_LABELS_SQL | typeof AREA_LABELS_SQL): Promise<Map<string, string>> {
    const rows: LabelRow[] = await m.query(sql);
    return new Map(rows.map((r) => [r.id, r.label]));
  },
};

export interface MyReportRow {
  id: string;
  area_id: string;
  area_name: string;
  category_id: string;
  occurred_at: Date;
  reported_at: Date;
  restricted: boolean;
}

export interface ReportCaseRow {
  report_id: string;
  id: string;
  title: string;
  state: string;
  outcome: string | null;
}

export interface ReportCaseActionRow {
  case_id: string;
  id: string;
  number: number;
  what: string;
  organization_name: string;
  due_date: string;
  state: string;
}

/** The caller's own reports ($1: user id), newest first, at most $2. */
export const MY_REPORTS_SQL = `
  SELECT r.id, r.area_id, a.name AS area_name, r.category_id, r.occurred_at, r.reported_at, r.restricted
  FROM reports r JOIN areas a ON a.id = r.area_id
  WHERE r.reporter_id = $1
  ORDER BY r.reported_at DESC, r.id
  LIMIT $2`;

/**
 * The cases reports $1 (uuid[]) became part of, only those of areas whose partnership organisation $2 takes part in
 * ($3 true: an administrator, every case): a case's title and state, and its evaluation's outcome.
 */
export const REPORT_CASES_SQL = `
  SELECT cr.report_id, c.id, c.title, c.state, c.snapshot->'context'->>'outcome' AS outcome
  FROM case_reports cr JOIN cases c ON c.id = cr.case_id
  WHERE cr.report_id = ANY($1::uuid[]) AND ($3::boolean OR ${takesPartSql('c.area_id', '$2')})
  ORDER BY c.created_at, c.id`;

/** The agreed actions of cases $1 (uuid[]), by number, with the responsible organisation's name. */
export const CASE_ACTIONS_SQL = `
  SELECT ca.case_id, ca.id, ca.number, ca.what, o.name AS organization_name, ca.due_date::text AS due_date, ca.state
  FROM case_actions ca JOIN organizations o ON o.id = ca.organization_id
  WHERE ca.case_id = ANY($1::uuid[])
  ORDER BY ca.number`;

/** What became of reports: the cases they are part of and those cases' actions (the reporter's feedback, issue #15). */
export const reportCasesRepository = {
  mine: (m: EntityManager, userId: string, limit: number): Promise<MyReportRow[]> => m.query(MY_REPORTS_SQL, [userId, limit]),
  cases: (m: EntityManager, reportIds: string[], organizationId: string, all: boolean): Promise<ReportCaseRow[]> =>
    m.query(REPORT_CASES_SQL, [reportIds, organizationId, all]),
  actions: (m: EntityManager, caseIds: string[]): Promise<ReportCaseActionRow[]> => m.query(CASE_ACTIONS_SQL, [caseIds]),
};
