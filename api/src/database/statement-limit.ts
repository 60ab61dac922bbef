import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * How long one statement may take before the API gives up on it (DB_TIMEOUT_MS). A frozen PostgreSQL (stopped,
 * swapped out, behind a dead network path) accepts TCP but never answers; only a timer in this process ends the wait.
 *
 * The limit is scoped, not global:
 * - request-serving work (everything by default) gets it, client-side (a read timeout per statement, after which the
 *   connection is destroyed) and server-side (`statement_timeout`, `lock_timeout` of the pool's sessions);
 * - long, legitimate work runs inside `withoutStatementLimit()` (no client-side timer) and lifts the server-side limits
 *   for its own transactions with `liftServerLimits()` (`SET LOCAL`): the CSV import's one transaction, retention's
 *   batches. Migrations and the demo data run on a separate connection without limits at start-up; pg-boss, the
 *   LISTEN connection and the backup script have connections of their own.
 */
const scope = new AsyncLocalStorage<{ limitMs: number | null }>();

/** Runs `fn` (and everything it starts) without the client-side statement limit. */
export function withoutStatementLimit<T>(fn: () => Promise<T>): Promise<T> {
  return scope.run({ limitMs: null }, fn);
}

/** Runs `fn` with a limit of its own (e.g. the health check, which must answer fast whatever the setting). */
export function withStatementLimit<T>(limitMs: number, fn: () => Promise<T>): Promise<T> {
  return scope.run({ limitMs }, fn);
}

/** Lifts the server-side statement and lock timeouts for the rest of the current transaction of `target`. */
export async function liftServerLimits(target: EntityManager | QueryRunner): Promise<void> {
  await target.query('SET LOCAL statement_timeout = 0');
  await target.query('SET LOCAL lock_timeout = 0');
}

/** The message node-postgres gives a statement whose answer did not come in time. */
export const READ_TIMEOUT_MESSAGE = 'Query read timeout';

type QueryArgs = [config: unknown, values?: unknown, callback?: unknown];

/**
 * A node-postgres Client class whose statements time out after `defaultLimitMs` (or the scope's limit). node-postgres
 * answers a timed-out statement with an error but keeps the connection, with the statement still outstanding on it;
 * returned to the pool, the next user's statements would queue behind it. So a timed-out client is ended at once
 * (its socket destroyed), and the pool, seeing it ending, drops it instead of reusing it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/use-unknown-in-catch-callback-variable --
   wraps pg's overloaded, untyped Client.query and passes its arguments and results through unchanged */
export function statementLimitedClient(defaultLimitMs: number): typeof Client {
  return class StatementLimitedClient extends Client {
    query(...args: QueryArgs): any {
      const [config, values, callback] = args;
      const limitMs = scope.getStore() ? scope.getStore()!.limitMs : defaultLimitMs;
      // Submittables (cursors, streams) and unlimited work go through unchanged.
      if (limitMs === null || config == null || typeof (config as { submit?: unknown }).submit === 'function') return (super.query as any)(...args);
      const withLimit = typeof config === 'string' ? { text: config, query_timeout: limitMs } : { query_timeout: limitMs, ...config };
      const cb = typeof values === 'function' ? values : typeof callback === 'function' ? callback : undefined;
      const vals = typeof values === 'function' ? undefined : values;
      if (cb) {
        return (super.query as any)(withLimit, vals, (err: Error | null, res: unknown) => {
          if (err) this.dropAfterTimeout(err);
          (cb as (e: Error | null, r: unknown) => void)(err, res);
        });
      }
      return ((super.query as any)(withLimit, vals) as Promise<unknown>).catch((err: Error) => {
        this.dropAfterTimeout(err);
        throw err;
      });
    }

    private dropAfterTimeout(err: Error): void {
      if (err?.message !== READ_TIMEOUT_MESSAGE) return;
      // Marks the error as a database that cannot be reached (503), and ends the connection: the statement is still
      // outstanding on it, so it must never serve anyone again.
      (err as Error & { code?: string }).code = 'ETIMEDOUT';
      this.end().catch(() => undefined);
    }
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/use-unknown-in-catch-callback-variable */
