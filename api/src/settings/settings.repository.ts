import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** A row of `installation_settings`. */
export interface SettingRow {
  key: string;
  value: string;
}

/** The SQL of the installation's workflow settings (keys `workflow.*` of `installation_settings`). */
export const settingsRepository = {
  /** The stored settings whose key starts with `prefix`. */
  async withPrefix(db: Db, prefix: string): Promise<SettingRow[]> {
    return db.query(`SELECT key, value FROM installation_settings WHERE key LIKE $1 || '%' ORDER BY key`, [prefix]);
  },
  /** Stores one setting (inserted or replaced). */
  async upsert(db: Db, key: string, value: string): Promise<void> {
    await db.query(
      `INSERT INTO installation_settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, value],
    );
  },
  /** One writer of the workflow settings at a time (transaction-scoped advisory lock). */
  async lock(db: Db): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [7_263_017]);
  },
};
