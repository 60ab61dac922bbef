import type { DataSource, EntityManager } from 'typeorm';
import { takesPartSql } from '../database/sql-fragments';

type Db = DataSource | EntityManager;

/** The directory's raw SQL (everything else in the directory goes through TypeORM's repositories). */
export const directoryRepository = {
  /** Whether organisation `organizationId` takes part in area `areaId`'s partnership. */
  async isPartner(m: EntityManager, areaId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM area_partners WHERE area_id = $1 AND organization_id = $2', [areaId, organizationId]);
    return rows.length > 0;
  },
  /** How many places each of the areas has (areas without places are absent). */
  async placeCounts(db: Db, areaIds: string[]): Promise<Map<string, number>> {
    const rows: { area_id: string; n: string }[] = await db.query('SELECT area_id, count(*) AS n FROM places WHERE area_id = ANY($1) GROUP BY area_id', [areaIds]);
    return new Map(rows.map((c) => [c.area_id, Number(c.n)]));
  },
  /** Locks the area's row for the transaction of `m`. */
  async lockArea(m: EntityManager, areaId: string): Promise<void> {
    await m.query('SELECT 1 FROM areas WHERE id = $1 FOR UPDATE', [areaId]);
  },
  /** The sort order after the last category's. */
  async nextCategorySortOrder(m: EntityManager): Promise<number> {
    const [row]: { n: number | string }[] = await m.query('SELECT coalesce(max(sort_order), 0) + 10 AS n FROM categories');
    return Number(row.n);
  },
  /** Whether two organisations take part in the partnership of at least one common area. */
  async sharePartnership(db: Db, organizationId: string, otherId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM area_partners a WHERE a.organization_id = $1 AND ${takesPartSql('a.area_id', '$2')} LIMIT 1`, [organizationId, otherId]);
    return rows.length > 0;
  },
  /** The active users of an organisation, by name. */
  activeMembers(db: Db, organizationId: string): Promise<{ id: string; name: string }[]> {
    return db.query('SELECT id, name FROM users WHERE organization_id = $1 AND active ORDER BY name', [organizationId]);
  },
};
