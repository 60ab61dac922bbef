#!/usr/bin/env node
// `npm run restore -- <file>`: restores a backup written by `npm run backup` into an EMPTY Samverka database
// (DATABASE_URL, created if missing, or the embedded PostgreSQL of DATA_DIR, initialised if new).
// All in one transaction: the migrations the backup was taken at, the rows (parents first, foreign keys checked),
// the sequences, the checks (row counts, the audit trail's hash chain, the file's SHA-256), then any newer
// migrations of this code. On any failure everything is rolled back and the database stays as empty as it was.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import {
  FORMAT_VERSION,
  MAGIC,
  SCHEMA_TABLES,
  SEEDED_BY_MIGRATIONS,
  SESSION_SETTINGS,
  copyParse,
  fmtBytes,
  fmtInt,
  ident,
  lines,
  loadCompiledApi,
  migrationNames,
  verifyAuditChain,
} from './lib/backup-format.mjs';
import { UserError, openTarget } from './lib/database.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATION_LOCK = 7_263_001; // the API's (api/src/database/data-source.ts): no API migrates meanwhile
const BATCH_ROWS = 2000;
const BATCH_BYTES = 4 * 1024 * 1024;
const log = (s) => process.stdout.write(`${s}\n`);

function usage() {
  log(`Usage: npm run restore -- <backup file>

Restores a backup written by \`npm run backup\` into an empty database: DATABASE_URL if set (created if missing),
otherwise the embedded PostgreSQL in DATA_DIR (default .data; initialised if new). Stop Samverka first.`);
}

/** Reads the file line by line (gunzip), hashing what it reads so that the trailer's SHA-256 can be checked. */
function openBackup(file) {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on('error', (e) => gunzip.destroy(e));
  const stream = source.pipe(gunzip);
  const hash = createHash('sha256');
  const it = lines(stream)[Symbol.asyncIterator]();
  let lineNo = 0;
  const next = async (what) => {
    let r;
    try {
      r = await it.next();
    } catch (e) {
      throw new UserError(
        `The backup file is damaged (${e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message) ? 'it ends too early' : e.message}) near line ${lineNo}.`,
      );
    }
    if (r.done) throw new UserError(`The backup file ends too early (expected ${what} at line ${lineNo + 1}): it is truncated.`);
    lineNo++;
    return r.value;
  };
  return {
    /** The next line, counted into the SHA-256. */
    next: async (what) => {
      const line = await next(what);
      hash.update(`${line}\n`);
      return line;
    },
    /** The trailer line (not part of the SHA-256). */
    trailer: async () => next('the end of the backup'),
    digest: () => hash.digest('hex'),
    atEnd: async () => {
      try {
        return (await it.next()).done;
      } catch (e) {
        throw new UserError(`The backup file is damaged after its last table (${e.message}).`);
      }
    },
    lineNo: () => lineNo,
  };
}

function parseJson(line, what, lineNo) {
  try {
    return JSON.parse(line);
  } catch {
    throw new UserError(`The backup file is damaged: ${what} expected at line ${lineNo}.`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return usage();
  if (args.length !== 1) throw new UserError('Give the backup file to restore: npm run restore -- <file>');
  const file = resolve(process.cwd(), args[0]);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file} does not exist.`);
  const started = Date.now();

  // The header first: nothing is touched before the file and the code agree.
  const backup = openBackup(file);
  const magic = await backup.next('the first line');
  if (!magic.startsWith(`${MAGIC} `)) throw new UserError(`${file} is not a Samverka backup.`);
  if (Number(magic.slice(MAGIC.length + 1)) !== FORMAT_VERSION)
    throw new UserError(`${file} has backup format ${magic.slice(MAGIC.length + 1)}; this Samverka reads format ${FORMAT_VERSION}.`);
  const { header } = parseJson(await backup.next('the header'), 'the header', 2);
  if (!header?.tables || !header?.migrations) throw new UserError('The backup file is damaged: its header is incomplete.');

  const { MIGRATIONS, entryHash, typeorm } = loadCompiledApi(root);
  const code = migrationNames(MIGRATIONS);
  const mismatch = header.migrations.findIndex((m, i) => code[i] !== m);
  if (mismatch >= 0) {
    throw new UserError(
      `This backup does not fit this version of Samverka: its migration ${header.migrations[mismatch]} ` +
        (code.includes(header.migrations[mismatch])
          ? `is number ${mismatch + 1} there but not here`
          : 'is unknown here (a backup of a newer or different Samverka?)') +
        `. Restore it with the Samverka version that wrote it (${header.samverkaVersion}) or a newer one.`,
    );
  }
  const newer = code.length - header.migrations.length;
  log(
    `Samverka restore of ${file} (written ${header.createdAt} by Samverka ${header.samverkaVersion} from PostgreSQL ${header.server?.version}, ` +
      `${header.tables.length} tables, ${fmtInt(header.tables.reduce((s, t) => s + t.rows, 0))} rows)`,
  );

  const target = await openTarget({ root, create: true });
  const ds = new typeorm.DataSource({
    type: 'postgres',
    url: target.url,
    migrations: MIGRATIONS,
    applicationName: 'samverka-restore',
    logging: false,
    extra: { max: 1 },
  });
  let qr;
  try {
    await ds.initialize();
    const allMigrations = ds.migrations;
    qr = ds.createQueryRunner();
    await qr.connect();
    for (const s of SESSION_SETTINGS) await qr.query(s);
    await qr.startTransaction();
    await qr.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    log(`Samverka: restoring into ${target.where}`);

    // Only into an empty database: no rows anywhere but in the reference data the migrations insert themselves.
    const existing = (
      await qr.query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
      )
    ).map((r) => r.name);
    const nonEmpty = [];
    for (const t of existing.filter((t) => !SCHEMA_TABLES.includes(t) && !SEEDED_BY_MIGRATIONS.includes(t))) {
      const [{ n }] = await qr.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${ident(t)} LIMIT 1000) x`);
      if (n > 0) nonEmpty.push(`${t} (${n === 1000 ? '1000 or more' : n} rows)`);
    }
    if (nonEmpty.length) {
      throw new UserError(`The target database is not empty: ${nonEmpty.join(', ')}. Restore only into an empty database; nothing was changed.`);
    }

    if (existing.includes('migrations')) {
      const applied = (await qr.query('SELECT name FROM migrations ORDER BY id')).map((r) => r.name);
      if (applied.some((m, i) => header.migrations[i] !== m)) {
        throw new UserError(
          `The target database already has a schema (${applied.length} migrations) that is newer than or different from the backup's; restore into a new database (createdb, or an empty DATA_DIR).`,
        );
      }
    }

    // The schema as it was when the backup was taken.
    ds.migrations = allMigrations.slice(0, header.migrations.length);
    const executor = new typeorm.MigrationExecutor(ds, qr);
    executor.transaction = 'all'; // inside our transaction (it is active, so the executor neither begins nor commits)
    const ran = await executor.executePendingMigrations();
    log(`Samverka: schema at the backup's migration ${header.migrations[header.migrations.length - 1]} (${ran.length} applied now)`);

    // The tables must be exactly what the backup describes.
    for (const t of header.tables) {
      const cols = await qr.query(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
        [ident(t.name)],
      );
      const want = JSON.stringify(t.columns.map((c) => [c.name, c.type]).sort());
      if (JSON.stringify(cols.map((c) => [c.name, c.type]).sort()) !== want) {
        throw new UserError(
          `The table ${t.name} ${cols.length ? 'has other columns here than in the backup' : 'does not exist at this schema version'}; the backup does not fit the migrations it names.`,
        );
      }
    }

    // Triggers (the audit trail's append-only one above all) stay out of the load and come back before the commit.
    const triggers = await qr.query(
      `SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND n.nspname = current_schema() AND c.relname = ANY($1)`,
      [header.tables.map((t) => t.name)],
    );
    for (const tr of triggers) await qr.query(`ALTER TABLE ${ident(tr.table)} DISABLE TRIGGER ${ident(tr.name)}`);
    if (triggers.length) log(`Samverka: triggers off during the load: ${triggers.map((tr) => `${tr.table}.${tr.name}`).join(', ')}`);
    // The reference rows the migrations inserted give way to the backup's own (children first).
    for (const t of [...header.tables].reverse()) if (SEEDED_BY_MIGRATIONS.includes(t.name)) await qr.query(`DELETE FROM ${ident(t.name)}`);

    // The rows, table by table in file order (parents first), in batches.
    const width = Math.max(...header.tables.map((t) => t.name.length));
    let total = 0;
    for (const t of header.tables) {
      const tableStart = Date.now();
      const section = parseJson(await backup.next(`the table ${t.name}`), `the start of table ${t.name}`, backup.lineNo());
      if (section.table !== t.name)
        throw new UserError(`The backup file is damaged: table ${t.name} expected at line ${backup.lineNo()}, found ${section.table}.`);
      const columns = section.columns;
      const types = columns.map((c) => t.columns.find((x) => x.name === c)?.type);
      if (types.some((x) => !x)) throw new UserError(`The backup file is damaged: the columns of ${t.name} do not match its header.`);
      const insert =
        `INSERT INTO ${ident(t.name)} (${columns.map(ident).join(', ')}) OVERRIDING SYSTEM VALUE ` +
        `SELECT ${types.map((type, i) => `u.c${i}::${type}`).join(', ')} FROM unnest(${types.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${types.map((_, i) => `c${i}`).join(', ')})`;
      let batch = columns.map(() => []);
      let batchRows = 0;
      let batchBytes = 0;
      let n = 0;
      let lastProgress = Date.now();
      const flush = async () => {
        if (!batchRows) return;
        await qr.query(insert, batch);
        batch = columns.map(() => []);
        batchRows = 0;
        batchBytes = 0;
      };
      for (;;) {
        const line = await backup.next(`a row of ${t.name}`);
        if (line === '\\.') break;
        const values = copyParse(line);
        if (values.length !== columns.length)
          throw new UserError(`The backup file is damaged: line ${backup.lineNo()} (${t.name}) has ${values.length} values instead of ${columns.length}.`);
        for (let i = 0; i < values.length; i++) batch[i].push(values[i]);
        n++;
        batchRows++;
        batchBytes += line.length;
        if (batchRows >= BATCH_ROWS || batchBytes >= BATCH_BYTES) {
          await flush();
          if (Date.now() - lastProgress > 5000) {
            lastProgress = Date.now();
            log(`  ${t.name.padEnd(width)} ${fmtInt(n).padStart(10)} of ${fmtInt(t.rows)} rows…`);
          }
        }
      }
      await flush();
      if (n !== t.rows || n !== section.rows) throw new UserError(`The backup file is damaged: ${t.name} has ${n} rows, its header says ${t.rows}.`);
      total += n;
      log(`  ${t.name.padEnd(width)} ${fmtInt(n).padStart(10)} rows  ${Date.now() - tableStart} ms`);
    }
    const digest = backup.digest();
    const end = parseJson(await backup.trailer(), 'the end of the backup', backup.lineNo());
    if (!end.end || end.sha256 !== digest) throw new UserError('The backup file is damaged: its SHA-256 does not match its content.');
    if (end.rows !== total || end.tables !== header.tables.length) throw new UserError('The backup file is damaged: its trailer does not match its content.');
    if (!(await backup.atEnd())) throw new UserError('The backup file is damaged: there is data after its end.');

    for (const tr of triggers) await qr.query(`ALTER TABLE ${ident(tr.table)} ENABLE TRIGGER ${ident(tr.name)}`);
    for (const s of header.sequences ?? []) {
      await qr.query(`SELECT setval(pg_get_serial_sequence($1, $2), $3::bigint, $4)`, [ident(s.table), s.column, s.lastValue, s.isCalled]);
    }

    // The checks, before anything is committed.
    const problems = [];
    for (const t of header.tables) {
      const [{ n }] = await qr.query(`SELECT count(*)::bigint AS n FROM ${ident(t.name)}`);
      if (Number(n) !== t.rows) problems.push(`${t.name}: ${n} rows instead of ${t.rows}`);
    }
    let auditText = 'absent';
    if (header.audit) {
      const audit = await verifyAuditChain((sql, params) => qr.query(sql, params), entryHash);
      const same =
        audit.entries === header.audit.entries &&
        audit.valid === header.audit.valid &&
        (!audit.valid || audit.head === header.audit.head) &&
        (audit.valid || audit.firstBrokenAt === header.audit.firstBrokenAt);
      if (!same) problems.push(`the audit trail does not verify as in the backup (${JSON.stringify(audit)} vs ${JSON.stringify(header.audit)})`);
      auditText = audit.valid
        ? `${fmtInt(audit.entries)} entries, hash chain verified, head ${audit.head.slice(0, 12)}…`
        : `BROKEN at entry ${audit.firstBrokenAt}, as in the backup`;
    }
    if (problems.length) throw new UserError(`The restored data does not match the backup: ${problems.join('; ')}.`);
    log(`Samverka: checked: row counts of all ${header.tables.length} tables, file SHA-256, audit trail ${auditText}`);

    if (newer > 0) {
      ds.migrations = allMigrations;
      const more = await executor.executePendingMigrations();
      log(`Samverka: applied ${more.length} newer migration(s): ${more.map((m) => m.name).join(', ')}`);
    }
    await qr.commitTransaction();
    log(
      `Samverka: restore complete: ${header.tables.length} tables, ${fmtInt(total)} rows from ${fmtBytes(statSync(file).size)} ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s. Sessions are not restored: everyone signs in again.`,
    );
  } catch (e) {
    if (qr?.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    if (qr) log('Samverka: nothing was restored (the transaction was rolled back).');
    throw e;
  } finally {
    await qr?.release().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    await target.release();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`Samverka: restore failed: ${e instanceof UserError ? e.message : (e?.stack ?? e)}\n`);
    process.exit(1);
  },
);
