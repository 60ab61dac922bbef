import type { DataSource, EntityManager } from 'typeorm';
import { takesPartSql } from '../database/sql-fragments';
import { Place } from './place.entity';

type Db = DataSource | EntityManager;

/** An area, organisation or user by id with its name. */
export interface NamedRow {
  id: string;
  name: string;
}

/** The directory's raw SQL, and the names other features show (everything else goes through TypeORM's repositories). */
export const directoryRepository = {
  /** Whether organisation `organizationId` takes part in area `areaId`'s partnership. */
  async isPartner(m: EntityManager, areaId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM area_partners WHERE area_id = $1 AND organization_id = $2', [areaId, organizationId]);
    return rows.length > 0;
  },
  /** How many places each of the areas has (areas without places are absent). */
  async placeCounts(db: Db, areaIds: string[]): Promise<Map<string, number>> {
    const rows: { area_id: string; n: string }[] = await db.query('SELECT area_id, count(*) AS n FROM places WHERE area_id = ANY($1) GROUP BY area_id', [
      areaIds,
    ]);
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
    const rows: unknown[] = await db.query(`SELECT 1 FROM area_partners a WHERE a.organization_id = $1 AND ${takesPartSql('a.area_id', '$2')} LIMIT 1`, [
      organizationId,
      otherId,
    ]);
    return rows.length > 0;
  },
  /** The organisations that share the partnership of at least one area with `organizationId` (itself included when it takes part anywhere). */
  async partnerOrganizationIds(db: Db, organizationId: string): Promise<string[]> {
    const rows: { organization_id: string }[] = await db.query(
      'SELECT DISTINCT b.organization_id FROM area_partners a JOIN area_partners b ON b.area_id = a.area_id WHERE a.organization_id = $1',
      [organizationId],
    );
    return rows.map((r) => r.organization_id);
  },
  /** The active users of an organisation, by name. */
  activeMembers(db: Db, organizationId: string): Promise<{ id: string; name: string }[]> {
    return db.query('SELECT id, name FROM users WHERE organization_id = $1 AND active ORDER BY name', [organizationId]);
  },
  /** The areas of `ids` with their names, by name. */
  areaNames(db: Db, ids: string[]): Promise<NamedRow[]> {
    return db.query('SELECT id, name FROM areas WHERE id = ANY($1) ORDER BY name', [ids]);
  },
  /** The organisations of `ids` with their names, by name. */
  organizationNames(db: Db, ids: string[]): Promise<NamedRow[]> {
    return db.query('SELECT id, name FROM organizations WHERE id = ANY($1) ORDER BY name', [ids]);
  },
  /** The area with its name, if it exists. */
  async area(db: Db, id: string): Promise<NamedRow | undefined> {
    const [row]: NamedRow[] = await db.query('SELECT id, name FROM areas WHERE id = $1', [id]);
    return row;
  },
  /** The organisation's name, if it exists. */
  async organizationName(db: Db, id: string): Promise<string | undefined> {
    const [row]: { name: string }[] = await db.query('SELECT name FROM organizations WHERE id = $1', [id]);
    return row?.name;
  },
  /** The user's name, if the user exists. */
  async userName(db: Db, id: string): Promise<string | undefined> {
    const [row]: { name: string }[] = await db.query('SELECT name FROM users WHERE id = $1', [id]);
    return row?.name;
  },
  /** The names of the organisations in the area's partnership, by name. */
  async partnerNames(db: Db, areaId: string): Promise<string[]> {
    const rows: { name: string }[] = await db.query(
      'SELECT o.name FROM area_partners ap JOIN organizations o ON o.id = ap.organization_id WHERE ap.area_id = $1 ORDER BY o.name',
      [areaId],
    );
    return rows.map((r) => r.name);
  },
  /**
   * Deletes the place unless reports refer to it (their foreign key refuses): false then, and the transaction of
   * `m` goes on (the failed statement is rolled back to a savepoint).
   */
  async deletePlaceIfUnused(m: EntityManager, id: string): Promise<boolean> {
    await m.query('SAVEPOINT delete_place');
    try {
      await m.getRepository(Place).delete(id);
      return true;
    } catch (e) {
      // Reports refer to places ON DELETE RESTRICT (23001), other rows with a plain foreign key (23503).
      if (!['23001', '23503'].includes((e as { driverError?: { code?: string } }).driverError?.code ?? '')) throw e;
      await m.query('ROLLBACK TO SAVEPOINT delete_place');
      return false;
    }
  },
};
