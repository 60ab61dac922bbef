import type { DataSource } from 'typeorm';

/**
 * Tables that change on requests that are refused by design and so are not compared: the sign-in throttle records
 * failed sign-ins (that is its job) and sessions record when they were last used.
 */
const NOT_COMPARED = new Set(['login_attempts', 'sessions', 'migrations']);

/** One query that fingerprints every application table: its row count and an md5 over all its rows. */
export async function snapshotQuery(dataSource: DataSource): Promise<string> {
  const tables = (
    await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  )
    .map((r) => r.table_name)
    .filter((t) => !NOT_COMPARED.has(t));
  if (tables.length < 15) throw new Error(`expected the application tables, found ${tables.join(', ')}`);
  return tables
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)
    .join(' UNION ALL ');
}

export type Snapshot = Record<string, string>;

export async function snapshot(dataSource: DataSource, sql: string): Promise<Snapshot> {
  const rows = await dataSource.query<{ t: string; n: number; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose fingerprint differs. */
export function changed(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
