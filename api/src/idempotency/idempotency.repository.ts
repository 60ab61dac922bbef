import type { EntityManager } from 'typeorm';

/** What is stored of a key: the request it was used for and, once that committed, the answer. */
export interface IdempotencyKeyRow {
  request_hash: string;
  response: unknown;
}

/** The SQL of `idempotency_keys`, always inside the create's own transaction (`m`). */
export const idempotencyRepository = {
  /**
   * Takes the key for the request `requestHash`, or replaces an entry older than `ttl` (an SQL interval); waits while
   * another transaction holds the same key. False when the key is taken by an entry that is still valid.
   */
  async claim(m: EntityManager, userId: string, key: string, requestHash: string, ttl: string): Promise<boolean> {
    const claimed: unknown[] = await m.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = NULL, response = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - $4::interval
       RETURNING 1`,
      [userId, key, requestHash, ttl],
    );
    return claimed.length > 0;
  },
  /** The entry of a key that is taken. */
  async find(m: EntityManager, userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
    const [row]: IdempotencyKeyRow[] = await m.query('SELECT request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2', [userId, key]);
    return row;
  },
  /** Stores the answer of the claimed key (`json`, so that a replay keeps the key order). */
  async complete(m: EntityManager, userId: string, key: string, status: number, body: unknown): Promise<void> {
    await m.query('UPDATE idempotency_keys SET status = $3, response = $4::json WHERE user_id = $1 AND key = $2', [
      userId,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  },
};
