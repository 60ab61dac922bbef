// The Samverka backup file, shared by scripts/backup.mjs and scripts/restore.mjs.
//
// One gzip stream of UTF-8 lines:
//   SAMVERKA-BACKUP 1                       the magic line and the format version
//   {"header": …}                           one JSON line: versions, migrations, tables with columns and row counts,
//                                           sequences, the audit chain's head
//   {"table":"organizations","columns":[…],"rows":5}
//   <the rows in PostgreSQL's COPY text format: tab-separated, \N for NULL, backslash escapes>
//   \.
//   … one such section per table, parents before children (foreign keys) …
//   {"end":true,"tables":17,"rows":12345,"sha256":"…"}   SHA-256 over every byte before this line
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export const MAGIC = 'SAMVERKA-BACKUP';
export const FORMAT_VERSION = 1;

/** Tables whose rows are never backed up: transient state that a restored installation does not need. */
export const TRANSIENT_TABLES = {
  sessions: 'sign-in sessions (everyone signs in again after a restore)',
  login_attempts: 'sign-in throttling counters',
};
/** Tables that are not data: the schema comes from the migrations, whose list the header records. */
export const SCHEMA_TABLES = ['migrations', 'typeorm_metadata'];
/** Schemas other than the application's that are never backed up. */
export const SKIPPED_SCHEMAS = { pgboss: 'the pg-boss job queue (jobs, schedules and its own state)' };
/** Tables the migrations fill themselves (reference data); a database holding only these rows counts as empty. */
export const SEEDED_BY_MIGRATIONS = ['categories', 'walk_checklist_templates'];

/** Session settings under which the text form of every value is unambiguous (as pg_dump sets them). */
export const SESSION_SETTINGS = [
  `SET DateStyle = 'ISO, YMD'`,
  `SET IntervalStyle = 'postgres'`,
  `SET TimeZone = 'UTC'`,
  `SET extra_float_digits = 3`,
  `SET bytea_output = 'hex'`,
  `SET client_encoding = 'UTF8'`,
  `SET standard_conforming_strings = on`,
];

/** A value (the type's text output, or null) in COPY text format. */
export function copyEscape(v) {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

const SIMPLE = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One COPY text line back into its values (strings or null); accepts every escape PostgreSQL's COPY accepts. */
export function copyParse(line) {
  return line.split('\t').map((field) => {
    if (field === '\\N') return null;
    if (!field.includes('\\')) return field;
    return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/gs, (_, e) => {
      if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
      if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
      return SIMPLE[e] ?? e;
    });
  });
}

/** The lines of a stream of bytes, split on \n only (COPY escapes every other line break). */
export async function* lines(stream) {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    rest += decoder.write(chunk);
    let i;
    let start = 0;
    while ((i = rest.indexOf('\n', start)) >= 0) {
      yield rest.slice(start, i);
      start = i + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest; // a last line without its newline: only a damaged file ends like this
}

/** Quotes an identifier for SQL. */
export const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;

/**
 * The compiled API (dist/api), for the migrations and the audit trail's hash. Builds it first (Nx, cached) as
 * `npm start` does, unless SAMVERKA_SKIP_BUILD=1 or `onlyIfMissing` and it exists.
 */
export function loadCompiledApi(root, { onlyIfMissing = false } = {}) {
  const require = createRequire(join(root, 'package.json'));
  const index = join(root, 'dist/api/migrations/src/index.js');
  const skip = process.env.SAMVERKA_SKIP_BUILD === '1' || (onlyIfMissing && existsSync(index));
  if (!skip) {
    process.stdout.write('Samverka: checking the build of the API…\n');
    const res = spawnSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'run', 'api:build', '--outputStyle=static'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    if (res.status !== 0) throw new Error('the build of the API failed (run `npx nx run api:build` to see why)');
  }
  if (!existsSync(index)) throw new Error(`${index} is missing: build the API first (npm run build)`);
  require('tsconfig-paths').register({ baseUrl: join(root, 'dist/api'), paths: { '@samverka/*': ['*/src/index.js'] } });
  const { MIGRATIONS } = require(index);
  const { entryHash } = require(join(root, 'dist/api/api/src/audit/audit.service.js'));
  return { MIGRATIONS, entryHash, typeorm: require('typeorm') };
}

/** The migration names of the code, oldest first. */
export const migrationNames = (MIGRATIONS) => MIGRATIONS.map((M) => new M().name ?? M.name);

export const GENESIS = '0'.repeat(64);

/**
 * Recomputes the audit trail's hash chain as GET /api/audit/verify does (AuditReader.verify), with the API's own
 * entryHash; `query(sql, params)` returns rows with pg's usual types (timestamptz as Date, jsonb parsed).
 */
export async function verifyAuditChain(query, entryHash, batch = 5000) {
  let prev = GENESIS;
  let entries = 0;
  let lastId = '0';
  for (;;) {
    const rows = await query(
      `SELECT id, at, actor_id, actor_organization_id, action, entity_type, entity_id, before, after, prev_hash, hash
       FROM audit_entries WHERE id > $1 ORDER BY id LIMIT ${batch}`,
      [lastId],
    );
    for (const r of rows) {
      entries++;
      const e = {
        at: r.at,
        actorId: r.actor_id,
        actorOrganizationId: r.actor_organization_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      };
      if (r.prev_hash !== prev || entryHash(prev, e) !== r.hash) return { valid: false, entries, firstBrokenAt: String(r.id), head: prev };
      prev = r.hash;
    }
    if (rows.length < batch) return { valid: true, entries, head: prev };
    lastId = String(rows[rows.length - 1].id);
  }
}

export const fmtBytes = (n) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
export const fmtInt = (n) => n.toLocaleString('en-US').replace(/,/g, ' ');
