import { MIGRATIONS } from '@samverka/migrations';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { statementLimitedClient } from './statement-limit';

/**
 * TypeORM options for a PostgreSQL URL; the schema only ever changes through the migrations (never synchronize).
 * With `timeoutMs`, the pool serves requests: waiting for a connection, each statement (client-side, see
 * statement-limit.ts) and the server's statement_timeout and lock_timeout are limited to it. Without it, nothing is
 * limited (migrations and the demo data at start-up).
 */
export function dataSourceOptions(url: string, timeoutMs?: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    applicationName: 'samverka',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension (and no superuser) needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: timeoutMs
      ? { max: 20, connectionTimeoutMillis: timeoutMs, statement_timeout: timeoutMs, lock_timeout: timeoutMs, Client: statementLimitedClient(timeoutMs) }
      : { max: 20, connectionTimeoutMillis: 5000 },
  };
}

const MIGRATION_LOCK = 7_263_001;

export interface OpenDatabaseOptions {
  /** DB_TIMEOUT_MS for the returned data source; none: unlimited. */
  timeoutMs?: number;
  /** Start-up work that may take long (the demo data), run after the migrations on the unlimited connection. */
  prepare?: (ds: DataSource) => Promise<void>;
}

/**
 * Connects and brings the schema up to date; an advisory lock keeps two starting API processes from racing. The
 * migrations (and `prepare`) run on a data source of their own without time limits, which is closed afterwards.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<DataSource> {
  const setup = new DataSource({ ...dataSourceOptions(url), extra: { max: 2, connectionTimeoutMillis: 5000 } });
  await setup.initialize();
  try {
    const runner = setup.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await setup.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
    await options.prepare?.(setup);
  } finally {
    await setup.destroy();
  }
  const ds = new DataSource(dataSourceOptions(url, options.timeoutMs));
  await ds.initialize();
  return ds;
}
