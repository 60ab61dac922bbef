import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** The sign-in throttle's table, `login_attempts`: failures per key (`email:…` or `ip:…`), shared by every API process. */
export const loginAttemptsRepository = {
  /** When each of `keys` that must wait now may try again (failures older than `forgetAfterSeconds` are forgotten). */
  async blockedUntil(db: Db, keys: string[], forgetAfterSeconds: number): Promise<Date[]> {
    const rows: { blocked_until: Date }[] = await db.query(
      `SELECT blocked_until FROM login_attempts WHERE key = ANY($1) AND blocked_until > now() AND last_failure_at > now() - make_interval(secs => $2)`,
      [keys, forgetAfterSeconds],
    );
    return rows.map((r) => r.blocked_until);
  },
  /** Counts one failure of `key` atomically (starting again from 1 after `forgetAfterSeconds`); the failures so far. */
  async countFailure(db: Db, key: string, forgetAfterSeconds: number): Promise<number> {
    const [row]: { failures: number }[] = await db.query(
      `INSERT INTO login_attempts (key, failures, last_failure_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN login_attempts.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE login_attempts.failures + 1 END,
                                         last_failure_at = now()
         RETURNING failures`,
      [key, forgetAfterSeconds],
    );
    return row.failures;
  },
  /** Makes `key` wait `seconds` from now. */
  async block(db: Db, key: string, seconds: number): Promise<void> {
    await db.query(`UPDATE login_attempts SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1`, [key, seconds]);
  },
};
