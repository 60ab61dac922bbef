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
