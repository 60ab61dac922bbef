import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

type Db = DataSource | EntityManager;

/** The number of rows an UPDATE or DELETE changed: pg answers [rows, rowCount] through TypeORM's query(). */
export const changedRows = (res: unknown): number => (Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0);

/**
 * The statements of a retention run. Each batch statement takes `$1` the cut-off and `$2` the batch size, and skips
 * rows locked by a request (SKIP LOCKED: a report being corrected right now is left for the next batch or run).
 */
export const RETENTION_SQL = {
  /** Cut-offs computed once, by PostgreSQL (calendar arithmetic on ISO 8601 intervals): one period per record type. */
  cutoffs: `SELECT now() - $1::interval AS "reportDetails", now() - $2::interval AS sessions, now() - $3::interval AS "loginAttempts", now() - $4::interval AS "importErrors"`,
  reportDetails: `WITH due AS (
           SELECT id FROM reports WHERE redacted_at IS NULL AND occurred_at < $1
           ORDER BY occurred_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE reports r SET description = '', latitude = NULL, longitude = NULL, reporter_id = NULL,
                occurred_at = date_trunc('hour', r.occurred_at), redacted_at = now(),
                -- With the text gone there is nothing left to review, and a redaction's note is free text too.
                review = NULL, text_redaction_note = NULL
         FROM due WHERE r.id = due.id`,
  /**
   * A walk finding's photos (their rows and their bytes in walk_photo_data, the PostgreSQL photo storage), counted
   * from when the finding was recorded. Photos kept elsewhere (a future object storage) would be deleted by it too.
   */
  walkPhotos: `WITH due AS (
           SELECT p.id FROM walk_photos p JOIN walk_findings f ON f.id = p.finding_id
           WHERE f.recorded_at < $1 ORDER BY f.recorded_at, p.id LIMIT $2 FOR UPDATE OF p SKIP LOCKED),
         gone AS (DELETE FROM walk_photos p USING due WHERE p.id = due.id RETURNING p.storage_key),
         bytes AS (DELETE FROM walk_photo_data d USING gone WHERE gone.storage_key = 'pg:' || d.id::text RETURNING d.id)
         SELECT (SELECT count(*) FROM gone)::int AS n, (SELECT count(*) FROM bytes)::int AS bytes`,
  /** A walk finding's free text; the finding, its position, place, category, severity and settlement stay. */
  walkFindingDetails: `WITH due AS (
           SELECT id FROM walk_findings WHERE description <> '' AND recorded_at < $1
           ORDER BY recorded_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE walk_findings f SET description = '' FROM due WHERE f.id = due.id`,
  /** A session ends when it expires, or when it has been idle too long (`$3` minutes); signed-out sessions are already gone. */
  sessions: `DELETE FROM sessions WHERE id IN (
           SELECT id FROM sessions WHERE least(expires_at, last_seen_at + make_interval(mins => $3)) < $1
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  loginAttempts: `DELETE FROM login_attempts WHERE key IN (
           SELECT key FROM login_attempts WHERE last_failure_at < $1 AND (blocked_until IS NULL OR blocked_until < now())
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
  importErrors: `UPDATE imports SET rejected = '[]'::jsonb WHERE id IN (
           SELECT id FROM imports WHERE status <> 'running' AND finished_at < $1 AND rejected <> '[]'::jsonb
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
} as const;

export interface CutoffRow {
  reportDetails: Date | null;
  sessions: Date | null;
  loginAttempts: Date | null;
  importErrors: Date | null;
}

/** The SQL of retention runs and of the installation's retention schedule. */
export const retentionRepository = {
  /** Takes the session-level lock that makes one run at a time; false when another run holds it. */
  async tryLock(qr: QueryRunner, lock: number): Promise<boolean> {
    const [{ locked }] = (await qr.query('SELECT pg_try_advisory_lock($1) AS locked', [lock])) as { locked: boolean }[];
    return locked;
  },
  async unlock(qr: QueryRunner, lock: number): Promise<void> {
    await qr.query('SELECT pg_advisory_unlock($1)', [lock]);
  },
  async cutoffs(db: Db, periods: [string | null, string | null, string | null, string | null]): Promise<CutoffRow> {
    const [row]: CutoffRow[] = await db.query(RETENTION_SQL.cutoffs, periods);
    return row;
  },
  /** Runs one batch statement; how many rows it changed (or, for a statement that SELECTs `n`, that number). */
  async batch(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const res: unknown = await m.query(sql, params);
    if (Array.isArray(res) && res.length === 1 && typeof (res[0] as { n?: unknown })?.n === 'number') return (res[0] as { n: number }).n;
    return changedRows(res);
  },
  /** Deletes the Idempotency-Key answers older than `ttl` (an interval); how many. */
  async removeExpiredIdempotencyKeys(db: Db, ttl: string): Promise<number> {
    return changedRows(await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval`, [ttl]));
  },
  /** The audit entry of the latest run. */
  async lastRunEntry(db: Db, action: string): Promise<{ id: string; after: unknown } | undefined> {
    const [row]: { id: string; after: unknown }[] = await db.query(`SELECT id, after FROM audit_entries WHERE action = $1 ORDER BY id DESC LIMIT 1`, [action]);
    return row;
  },

  /** The installation's stored setting `key`, if any. */
  async setting(m: Db, key: string): Promise<{ value: string; updated_at: Date } | undefined> {
    const [row]: { value: string; updated_at: Date }[] = await m.query(`SELECT value, updated_at FROM installation_settings WHERE key = $1`, [key]);
    return row;
  },
  /** Waits for the transaction-level lock `lock` (one writer of the schedule at a time). */
  async lockForTransaction(m: EntityManager, lock: number): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [lock]);
  },
  async insertSetting(m: EntityManager, key: string, value: string): Promise<void> {
    await m.query(`INSERT INTO installation_settings (key, value) VALUES ($1, $2)`, [key, value]);
  },
  async upsertSetting(m: EntityManager, key: string, value: string): Promise<void> {
    await m.query(
      `INSERT INTO installation_settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  },
  /** Whether the relation `name` (schema-qualified) exists. */
  async relationExists(m: EntityManager, name: string): Promise<boolean> {
    const [{ installed }]: { installed: boolean }[] = await m.query(`SELECT to_regclass($1) IS NOT NULL AS installed`, [name]);
    return installed;
  },
  /** Writes pg-boss's schedule row of `queue` (in `schema`), when the queue exists and the row differs. */
  async writeJobSchedule(m: EntityManager, schema: string, queue: string, cron: string, timeZone: string, options: string): Promise<void> {
    await m.query(
      `INSERT INTO ${schema}.schedule (name, cron, timezone, data, options)
       SELECT $1, $2, $3, '{}'::jsonb, $4::jsonb WHERE EXISTS (SELECT 1 FROM ${schema}.queue WHERE name = $1)
       ON CONFLICT (name) DO UPDATE SET cron = EXCLUDED.cron, timezone = EXCLUDED.timezone, data = EXCLUDED.data, options = EXCLUDED.options, updated_on = now()
       WHERE (${schema}.schedule.cron, ${schema}.schedule.timezone, ${schema}.schedule.options) IS DISTINCT FROM (EXCLUDED.cron, EXCLUDED.timezone, EXCLUDED.options)`,
      [queue, cron, timeZone, options],
    );
  },
};
