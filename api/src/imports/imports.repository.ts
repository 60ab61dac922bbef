import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { takesPartSql } from '../database/sql-fragments';
import type { ImportedRow } from './csv-mapping';

type Db = DataSource | EntityManager;

/**
 * Marks running imports that no process runs any more as failed, in one statement. The importing transaction holds
 * the advisory lock of the import's id from before its row exists until it ends, so a lock that can be taken means
 * the process (or its connection) is gone and its rows were rolled back; imports of live processes are left alone.
 */
export const FAIL_ABANDONED_SQL = `UPDATE imports SET status = 'failed', imported_rows = 0, duplicate_rows = 0, finished_at = now(),
         error = 'Interrupted: the server stopped during the import; nothing was imported'
  WHERE status = 'running' AND ($1::uuid IS NULL OR id = $1) AND pg_try_advisory_xact_lock(hashtext(id::text))`;

/** Inserts a batch of rows (one array per column), skipping those whose dedupe key the organisation already has. */
export const INSERT_BATCH_SQL = `INSERT INTO reports (area_id, place_id, latitude, longitude, category_id, occurred_at, assessment, police_notified, description, dedupe_key,
                            organization_id, reporter_id, source, import_id)
       SELECT a, p, la, lo, c, t, asm, pn, d, k, $11, $12, 'import', $13
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[], $5::uuid[], $6::timestamptz[], $7::text[], $8::bool[], $9::text[], $10::text[])
            AS u(a, p, la, lo, c, t, asm, pn, d, k)
       ON CONFLICT (organization_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`;

export interface ImportAreaRow {
  id: string;
  name: string;
}
export interface ImportPlaceRow {
  id: string;
  area_id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}
export interface ImportCategoryRow {
  id: string;
  code: string;
  label_sv: string;
  label_en: string;
}

/** The SQL of CSV imports. */
export const importsRepository = {
  /** Marks abandoned imports failed (all of them, or only `importId`); how many it marked. */
  async failAbandoned(db: Db, importId: string | null): Promise<number> {
    const [, affected]: [unknown[], number] = await db.query(FAIL_ABANDONED_SQL, [importId]);
    return affected;
  },
  /** Takes the import's advisory lock for the transaction of `qr` (before the import's row exists). */
  async lock(qr: QueryRunner, importId: string): Promise<void> {
    await qr.query('SELECT pg_advisory_xact_lock(hashtext($1))', [importId]);
  },
  /** The areas rows may name: all for an administrator, else those of the organisation's partnerships. */
  areas(db: Db, organizationId: string | null): Promise<ImportAreaRow[]> {
    return organizationId === null
      ? db.query('SELECT id, name FROM areas')
      : db.query(`SELECT a.id, a.name FROM areas a WHERE ${takesPartSql('a.id', '$1')}`, [organizationId]);
  },
  /** The areas both organisations take part in (where one may import the other's export). */
  sharedAreas(db: Db, organizationId: string, sourceOrganizationId: string): Promise<ImportAreaRow[]> {
    return db.query(`SELECT a.id, a.name FROM areas a WHERE ${takesPartSql('a.id', '$1')} AND ${takesPartSql('a.id', '$2')}`, [
      organizationId,
      sourceOrganizationId,
    ]);
  },
  /** The organisation's name, or none when it does not exist. */
  async organizationName(db: Db, organizationId: string): Promise<string | null> {
    const rows: { name: string }[] = await db.query('SELECT name FROM organizations WHERE id = $1', [organizationId]);
    return rows[0]?.name ?? null;
  },
  places(db: Db, areaIds: string[]): Promise<ImportPlaceRow[]> {
    return db.query('SELECT id, area_id, name, latitude, longitude FROM places WHERE area_id = ANY($1)', [areaIds]);
  },
  activeCategories(db: Db): Promise<ImportCategoryRow[]> {
    return db.query('SELECT id, code, label_sv, label_en FROM categories WHERE active');
  },
  /** Inserts the rows as reports of the import; how many were new (the others were duplicates). */
  async insertBatch(qr: QueryRunner, rows: ImportedRow[], by: { organizationId: string; userId: string }, importId: string): Promise<number> {
    const col = <T>(f: (r: ImportedRow) => T) => rows.map(f);
    const res: { affected?: number } = await qr.query(
      INSERT_BATCH_SQL,
      [
        col((r) => r.areaId),
        col((r) => r.placeId),
        col((r) => r.latitude),
        col((r) => r.longitude),
        col((r) => r.categoryId),
        col((r) => r.occurredAt.toISOString()),
        col((r) => r.assessment),
        col((r) => r.policeNotified),
        col((r) => r.description),
        col((r) => r.dedupeKey),
        by.organizationId,
        by.userId,
        importId,
      ],
      true,
    );
    return res.affected ?? 0;
  },
};
