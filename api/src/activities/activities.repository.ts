import type { EntityManager } from 'typeorm';
import { inSwedishTimeSql, takesPartSql } from '../database/sql-fragments';
import { WITHHELD_SQL } from '../reports/reports.repository';

type Db = Pick<EntityManager, 'query'>;

export interface GridRow {
  weekday: number;
  hour: number;
  reports: number;
}
export interface PlaceCountRow {
  id: string;
  name: string;
  reports: number;
}
export interface NamedRow {
  id: string;
  name: string;
}
export interface CaseTitleRow {
  id: string;
  title: string;
  area_id: string;
}

/** The SQL of the activity register and its gap overlay. */
export const activitiesRepository = {
  async takesPart(db: Db, areaId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 WHERE ${takesPartSql('$1', '$2')}`, [areaId, organizationId]);
    return rows.length > 0;
  },
  /** The reports of area `$1` from `$2` to `$3` (exclusive) by Swedish weekday (ISO) and hour: counts only. */
  reportGrid(db: Db, areaId: string, from: Date, to: Date): Promise<GridRow[]> {
    const local = inSwedishTimeSql('r.occurred_at');
    return db.query(
      `SELECT EXTRACT(ISODOW FROM ${local})::int AS weekday, EXTRACT(HOUR FROM ${local})::int AS hour, count(*)::int AS reports
         FROM reports r WHERE r.area_id = $1 AND r.occurred_at >= $2 AND r.occurred_at < $3 GROUP BY 1, 2`,
      [areaId, from, to],
    );
  },
  /**
   * The places of area `$1` with their reports from `$2` to `$3`; another organisation's restricted (or withheld)
   * report never tells its place, so it is not counted at one (viewer `$4`; null: as every partner sees it).
   */
  placeCounts(db: Db, areaId: string, from: Date, to: Date, viewerOrg: string | null): Promise<PlaceCountRow[]> {
    return db.query(
      `SELECT p.id, p.name, count(r.id)::int AS reports
         FROM places p
         LEFT JOIN reports r ON r.place_id = p.id AND r.occurred_at >= $2 AND r.occurred_at < $3
                            AND (NOT ${WITHHELD_SQL} OR r.organization_id IS NOT DISTINCT FROM $4::uuid)
        WHERE p.area_id = $1
        GROUP BY p.id, p.name
        ORDER BY reports DESC, p.name`,
      [areaId, from, to, viewerOrg],
    );
  },
  /** The places of `ids` that lie in area `areaId`. */
  placesIn(db: Db, areaId: string, ids: string[]): Promise<NamedRow[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : db.query('SELECT id, name FROM places WHERE area_id = $1 AND id = ANY($2::uuid[]) ORDER BY name', [areaId, ids]);
  },
  /** The cases of `ids` with their titles and areas. */
  cases(db: Db, ids: string[]): Promise<CaseTitleRow[]> {
    return ids.length === 0 ? Promise.resolve([]) : db.query('SELECT id, title, area_id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY title', [ids]);
  },
  /** Place names by id (for the list). */
  placeNames(db: Db, ids: string[]): Promise<NamedRow[]> {
    return ids.length === 0 ? Promise.resolve([]) : db.query('SELECT id, name FROM places WHERE id = ANY($1::uuid[])', [ids]);
  },
};
