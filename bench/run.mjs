#!/usr/bin/env node
// `npm run bench`: starts the product (scripts/start.mjs, embedded PostgreSQL) on its own data directory with a
// generated data set, runs the benchmarks and writes bench/results/latest.json and latest.md. See bench/README.md.
//   BENCH_QUICK=1       smaller sizes and shorter runs, for a fast check
//   BENCH_ONLY=a,b      run only some benchmarks (client, startup, picture, load, workflow, pdf, flood, import, profile, lighthouse)
//   BENCH_SKIP_BUILD=1  do not run the Nx build first (use dist/ as it is)
//   BENCH_LOG_LEVEL     the product's LOG_LEVEL (default info, the product's default)
//   BENCH_PORT, BENCH_PG_PORT, BENCH_BASELINE_PORT   ports (default: free ones)
//   BENCH_KEEP=1        keep bench/results/tmp (data directory, CSV files) afterwards
import { execFile, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import * as SQL from './lib/api-sql.mjs';
import { createAreas, directory, generateCases, generateReports, lastCompleteWeek } from './lib/data.mjs';
import { bodyFlood } from './lib/flood.mjs';
import { lighthouse } from './lib/lighthouse.mjs';
import { COPY_COLUMNS, uploadCsv, writeImportFiles } from './lib/imports.mjs';
import { BENCH_SESSION_SECRET, Product } from './lib/product.mjs';
import { analyzeProfile } from './lib/profile.mjs';
import { renderMarkdown } from './lib/report.mjs';
import {
  cpuOf,
  cpuOfTree,
  freePort,
  json,
  log,
  login,
  machineFacts,
  mb,
  memoryOf,
  request,
  resetPeak,
  round,
  sampleMemory,
  sleep,
  summarize,
  timeInterleaved,
  timeIt,
} from './lib/util.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const RESULTS = join(BENCH_DIR, 'results');
const TMP = join(RESULTS, 'tmp');
const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wanted = (id) => !ONLY || ONLY.has(id);

const SIZES = QUICK
  ? { reports: 100_000, imports: [10_000, 100_000], loadSeconds: 5, warmupSeconds: 2, workflowSeconds: 5, pictureRuns: 60, startups: 2, pdfRepeat: 2 }
  : { reports: 1_000_000, imports: [100_000, 1_000_000], loadSeconds: 10, warmupSeconds: 3, workflowSeconds: 10, pictureRuns: 150, startups: 3, pdfRepeat: 3 };
const PDF_SIZES = [20, 200, 2000];
const CONNECTIONS = 50;
const WORKFLOW_CLIENTS = 20;

const started = Date.now();
const results = {
  meta: { date: new Date().toISOString(), mode: QUICK ? 'quick' : 'full', sizes: SIZES, only: ONLY ? [...ONLY] : null },
  machine: machineFacts(),
  setup: {},
  benchmarks: {},
  errors: [],
};

let product;
let baseline;
let pool;
const children = new Set();

/** Runs a bench script in a child process and parses the JSON line it prints. */
function runChild(script, cfg, { timeoutMs = 600_000 } = {}) {
  return new Promise((ok, fail) => {
    const child = execFile(
      process.execPath,
      [join(BENCH_DIR, script), JSON.stringify(cfg)],
      { cwd: ROOT, maxBuffer: 64 << 20, timeout: timeoutMs },
      (err, stdout, stderr) => {
        children.delete(child);
        if (err) return fail(new Error(`${script} failed: ${err.message}\n${stderr}`));
        try {
          ok(JSON.parse(stdout.trim().split('\n').pop()));
        } catch (e) {
          fail(new Error(`${script} printed no result: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
        }
      },
    );
    children.add(child);
  });
}

async function shutdown() {
  for (const c of children) c.kill('SIGTERM');
  if (baseline) {
    baseline.kill('SIGINT');
    baseline = null;
  }
  if (pool) {
    const p = pool;
    pool = null;
    await p.end().catch(() => undefined);
  }
  if (product) {
    const s = await product.stop();
    if (s) results.setup.finalStop = s;
  }
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${sig}: stopping the product and the helpers…`);
    results.errors.push({ benchmark: 'run', error: `interrupted by ${sig}` });
    shutdown()
      .then(() => writeResults())
      .finally(() => process.exit(130));
  });
}

async function step(id, name, fn) {
  if (!wanted(id)) return;
  log(`── ${name}`);
  const t0 = Date.now();
  const load0 = os.loadavg()[0];
  try {
    results.benchmarks[id] = await fn();
    results.benchmarks[id].elapsedSeconds = round((Date.now() - t0) / 1000);
    // The machine's 1-minute load average around the benchmark (other work on a shared machine shows here).
    results.benchmarks[id].loadAverage = { start: round(load0, 2), end: round(os.loadavg()[0], 2) };
  } catch (e) {
    log(`${name} FAILED: ${e.stack ?? e}`);
    results.errors.push({ benchmark: id, error: String(e.stack ?? e) });
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────── setup
async function setup() {
  mkdirSync(TMP, { recursive: true });
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const pgPort = Number(process.env.BENCH_PG_PORT) || (await freePort());
  const dataDir = join(TMP, 'data');
  product = new Product({ root: ROOT, dataDir, port, pgPort, logFile: join(TMP, 'product.log'), logLevel: process.env.BENCH_LOG_LEVEL || 'info' });
  // A PostgreSQL left behind by an interrupted run on our data directory is stopped by its PID; then start afresh.
  if (product.killStrayPostgres()) await product.waitNoPostgres();
  rmSync(dataDir, { recursive: true, force: true });
  writeFileSync(product.logFile, '');
  results.setup.ports = { api: port, postgres: pgPort };
  results.setup.logLevel = product.logLevel;

  const build = process.env.BENCH_SKIP_BUILD !== '1';
  log(`starting the product (${build ? 'with' : 'without'} the Nx build) on port ${port}, PostgreSQL on ${pgPort}, data in ${dataDir}`);
  let firstStart;
  try {
    firstStart = await product.start({ build });
  } catch (e) {
    if (!build || !existsSync(join(ROOT, 'dist/api/api/src/main.js'))) throw e;
    // Someone may be editing the sources right now: fall back to the existing build rather than measure nothing.
    log(`the build failed (${e.message}); falling back to the existing dist/`);
    results.setup.buildFailed = true;
    if (product.killStrayPostgres()) await product.waitNoPostgres();
    firstStart = await product.start({ build: false });
  }
  results.setup.firstStartMs = round(firstStart, 0);
  results.setup.built = build && !results.setup.buildFailed;
  pool = product.pool(8);
  const { rows } = await pool.query(
    `SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb, current_setting('max_connections') AS mc, current_setting('work_mem') AS wm, current_setting('synchronous_commit') AS sc`,
  );
  results.machine.postgres = rows[0].v;
  results.machine.postgresSettings = { shared_buffers: rows[0].sb, max_connections: rows[0].mc, work_mem: rows[0].wm, synchronous_commit: rows[0].sc };

  log(`generating the data set: 20 areas, ${SIZES.reports.toLocaleString('en')} reports over five years, cases and actions`);
  const t0 = Date.now();
  const db = await pool.connect();
  try {
    const dir = await directory(db);
    const areas = await createAreas(db, dir);
    const tr = Date.now();
    await generateReports(db, dir, areas, SIZES.reports);
    const reportsMs = Date.now() - tr;
    // The board's area: 80 cases in every state and 40 in execution with five actions each.
    await generateCases(db, dir, areas[0].id, 80, 0);
    await generateCases(db, dir, areas[0].id, 40, 5);
    // The action-plan areas: 20, 200 and 2000 actions, ten per case.
    for (const [i, n] of PDF_SIZES.entries()) await generateCases(db, dir, areas[1 + i].id, n / 10, 10);
    const tv = Date.now();
    await db.query('VACUUM (ANALYZE) reports');
    await db.query('ANALYZE');
    const { rows: c } = await db.query(
      `SELECT (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_actions)::int AS actions, pg_size_pretty(pg_total_relation_size('reports')) AS size`,
    );
    results.setup.data = {
      areas: areas.length,
      ...c[0],
      reportsInsertSeconds: round(reportsMs / 1000),
      vacuumAnalyzeSeconds: round((Date.now() - tv) / 1000),
      totalSeconds: round((Date.now() - t0) / 1000),
    };
    log(`data ready: ${JSON.stringify(results.setup.data)}`);
    return { dir, areas };
  } finally {
    db.release();
  }
}

// ───────────────────────────────────────────────────────────────────────────────────────────────────────── start-up
async function startup() {
  const runs = [];
  for (let i = 0; i < SIZES.startups; i++) {
    await pool.end();
    pool = null;
    const stop = await product.stop();
    const logStart = statSync(product.logFile).size;
    const ms = await product.start({ build: false });
    const logText = readFileSync(product.logFile, 'utf8').slice(logStart);
    const pgMs = Number(/PostgreSQL on port \d+ .* ready in (\d+) ms/.exec(logText)?.[1] ?? NaN);
    runs.push({ startMs: round(ms, 0), postgresReadyMs: pgMs, previousStopMs: stop?.ms ?? null, previousStopClean: stop?.clean ?? null });
    pool = product.pool(8);
    log(
      `start-up ${i + 1}: ${round(ms, 0)} ms to a healthy /api/health (PostgreSQL ${pgMs} ms); the stop before took ${stop?.ms} ms (${stop?.clean ? 'clean' : 'NOT clean'})`,
    );
  }
  const s = summarize(runs.map((r) => r.startMs));
  return { runs, medianMs: s.p50, maxMs: s.max, target: { maxMs: 10_000 }, met: s.max < 10_000 };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────── client bundle
async function clientBundle() {
  const dir = join(ROOT, 'dist/client/browser');
  // dist/ is shared with whoever else builds in this checkout: an `ng build` running elsewhere empties it for a while.
  for (let i = 0; i < 60 && !existsSync(join(dir, 'index.html')); i++) {
    if (i === 0) log('dist/client/browser/index.html is missing (a build elsewhere?); waiting up to 2 minutes');
    await sleep(2000);
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) if (/type="module"/.test(m[0])) files.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) files.add(/href="([^"]+)"/.exec(m[0])[1]);
  const scripts = [...files].map((f) => {
    const buf = readFileSync(join(dir, f));
    return { file: f, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length, gzip6Bytes: gzipSync(buf).length };
  });
  const total = scripts.reduce((s, x) => s + x.gzipBytes, 0);
  const raw = scripts.reduce((s, x) => s + x.bytes, 0);
  // Does the product itself compress what it serves?
  let servedEncoding = null;
  try {
    const r = await request('GET', `${product.base}/${scripts[0].file}`, { headers: { 'accept-encoding': 'gzip, br' }, raw: true });
    servedEncoding = r.headers['content-encoding'] ?? 'identity';
  } catch {
    /* product not running */
  }
  return {
    indexHtml: 'dist/client/browser/index.html',
    builtAt: statSync(join(dir, 'index.html')).mtime.toISOString(),
    scripts,
    totalGzipBytes: total,
    totalRawBytes: raw,
    servedEncoding,
    target: { maxGzipBytes: 400 * 1000 },
    met: total < 400 * 1000,
  };
}

// ───────────────────────────────────────────────────────────────────────────────────────── situational picture
async function picture({ dir, areas }) {
  const area = areas[0];
  const week = lastCompleteWeek();
  const monday = SQL.mondayOf(week);
  const cookie = await login(product.base, 'samordnare@exempelstad.se');
  const url = `${product.base}/api/situation-picture?areaId=${area.id}&week=${week}`;
  const n = SIZES.pictureRuns;
  const { rows: cnt } = await pool.query(
    `SELECT count(*)::int AS n FROM reports WHERE area_id = $1 AND occurred_at >= ($2::date - 77)::timestamp AT TIME ZONE 'Europe/Stockholm' AND occurred_at < ($2::date + 7)::timestamp AT TIME ZONE 'Europe/Stockholm'`,
    [area.id, monday],
  );

  let apiAnswer;
  let hand;
  let handBytes = 0;
  const db = await pool.connect();
  const token = decodeURIComponent(cookie.split('=')[1]);
  const T = await timeInterleaved(
    {
      api: async () => {
        const r = await request('GET', url, { cookie });
        if (r.status !== 200) throw new Error(`situation-picture answered ${r.status}: ${r.body.slice(0, 300)}`);
        apiAnswer = r.body;
      },
      handwritten: async () => {
        hand = (await db.query(SQL.HANDWRITTEN_PICTURE_SQL, [area.id, monday, dir.kommun, week])).rows[0];
        handBytes = JSON.stringify(hand).length;
      },
      // The API's own statements straight through pg, in the same order and parallelism (what the SQL alone costs).
      apiSqlDirect: async () => {
        await pool.query(SQL.SESSION_SQL, [SQL.tokenHash(BENCH_SESSION_SECRET, token), 480]);
        await pool.query(SQL.AREA_SQL, [area.id]);
        await pool.query(SQL.CAN_SEE_SQL, [area.id, dir.kommun]);
        await Promise.all([
          pool.query(SQL.PICTURE_SQL.byCategory, [area.id, monday]),
          pool.query(SQL.PICTURE_SQL.byPlace, [area.id, monday, dir.kommun]),
          pool.query(SQL.PICTURE_SQL.trend, [area.id, monday]),
          pool.query(SQL.PICTURE_SQL.points, [area.id, monday, dir.kommun]),
          pool.query(SQL.LEVEL_SQL.ids, [area.id, week]).then(() => pool.query(SQL.LEVEL_SQL.row, [area.id, week, area.id, week])),
        ]);
      },
      trendApiSql: () => db.query(SQL.PICTURE_SQL.trend, [area.id, monday]),
      trendHand: () => db.query(SQL.HANDWRITTEN_TREND_SQL, [area.id, monday]),
      // Floors: the cheapest requests through the same stack (public health check; signed-in config: the session query only).
      health: () => request('GET', `${product.base}/api/health`),
      config: () => request('GET', `${product.base}/api/config`, { cookie }),
    },
    { n, warmup: 5 },
  );
  const perStatement = {};
  const S = await timeInterleaved(
    Object.fromEntries(
      Object.entries(SQL.PICTURE_SQL).map(([k, sql]) => [
        k,
        () => db.query(sql, [area.id, monday, ...(k === 'byPlace' || k === 'points' ? [dir.kommun] : [])]),
      ]),
    ),
    { n: Math.min(n, 30), warmup: 2 },
  );
  for (const [k, v] of Object.entries(S)) perStatement[k] = summarize(v);
  db.release();
  const api = T.api;
  const handwritten = T.handwritten;
  const apiSqlDirect = T.apiSqlDirect;
  const trendApiSql = T.trendApiSql;
  const trendHand = T.trendHand;
  const health = T.health;
  const config = T.config;

  // Same answer? Compare the API's figures with the hand-written query's.
  const a = JSON.parse(apiAnswer);
  const sameCategories =
    a.byCategory
      .filter((c) => c.count || c.previousAverage)
      .every((c) => {
        const h = hand.by_category.find((x) => x.categoryId === c.categoryId);
        return h && h.cur === c.count && Math.round((h.prev / 4) * 100) / 100 === c.previousAverage;
      }) && hand.by_category.length === a.byCategory.length;
  const trendMap = new Map(hand.trend.map((t) => [t.week, t.count]));
  const sameTrend = a.trend.every((t) => (trendMap.get(t.week) ?? 0) === t.count);
  const samePoints = a.points.length === hand.points.length;
  const samePlaces = a.byPlace.length === hand.by_place.length;

  const explain = {};
  const ex = async (name, sql, params) => {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    explain[name] = rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  await ex('picture: by category (API)', SQL.PICTURE_SQL.byCategory, [area.id, monday]);
  await ex('picture: by place (API)', SQL.PICTURE_SQL.byPlace, [area.id, monday, dir.kommun]);
  await ex('picture: 12-week trend (API)', SQL.PICTURE_SQL.trend, [area.id, monday]);
  await ex('picture: map points (API)', SQL.PICTURE_SQL.points, [area.id, monday, dir.kommun]);
  await ex('picture: whole answer (hand-written)', SQL.HANDWRITTEN_PICTURE_SQL, [area.id, monday, dir.kommun, week]);
  await ex('12-week trend (hand-written)', SQL.HANDWRITTEN_TREND_SQL, [area.id, monday]);

  const sApi = summarize(api);
  const sHand = summarize(handwritten);
  return {
    area: area.name,
    week,
    reportsInTable: results.setup.data?.reports,
    reportsInTwelveWeeks: cnt[0].n,
    apiHttp: sApi,
    apiResponseBytes: Buffer.byteLength(apiAnswer),
    handwrittenSql: sHand,
    handwrittenResultBytes: handBytes,
    apiStatementsDirect: summarize(apiSqlDirect),
    floors: { health: summarize(health), signedInConfig: summarize(config) },
    perStatement,
    trend: { apiSql: summarize(trendApiSql), handwritten: summarize(trendHand) },
    sameAnswer: { categories: sameCategories, trend: sameTrend, points: samePoints, places: samePlaces },
    ratioP50: sApi.p50 / sHand.p50,
    target: { maxMs: 50, maxRatio: 1.5 },
    met: sApi.p50 < 50 && sApi.p50 / sHand.p50 <= 1.5,
    explain,
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────── API under load
async function startBaseline() {
  const port = Number(process.env.BENCH_BASELINE_PORT) || (await freePort());
  baseline = spawn(process.execPath, [join(BENCH_DIR, 'baseline-server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: product.databaseUrl, SESSION_SECRET: BENCH_SESSION_SECRET, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await request('GET', `${base}/api/health`)).status === 200) return base;
    } catch {
      /* starting */
    }
    await sleep(50);
  }
  throw new Error('the baseline server did not start');
}

/** Samples pg_stat_activity every 100 ms: how many of a server's connections are active, idle in a transaction, waiting on a lock. */
async function activitySampler(applicationName) {
  const c = new pg.Client({ connectionString: product.databaseUrl, application_name: 'samverka-bench-sampler' });
  c.on('error', () => undefined);
  await c.connect();
  const totals = {};
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await c.query(
        `SELECT CASE WHEN wait_event_type = 'Lock' THEN 'waiting on ' || wait_event || ' lock' WHEN state = 'active' THEN 'active' ELSE state END AS what, count(*)::int AS n
         FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND state IS NOT NULL GROUP BY 1`,
        [applicationName],
      );
      samples++;
      for (const r of rows) totals[r.what] = (totals[r.what] ?? 0) + r.n;
      await sleep(100);
    }
  })();
  return async () => {
    stopped = true;
    await loop.catch(() => undefined);
    await c.end().catch(() => undefined);
    return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v / Math.max(1, samples), 1)]));
  };
}

/** One autocannon run in a child process, with the CPU the server and PostgreSQL used and what the connections did. */
async function measuredLoad(cfg, serverPid, applicationName) {
  const pgPid = product.postmasterPid();
  const stopSampler = await activitySampler(applicationName);
  const c0 = { server: cpuOf(serverPid), pg: cpuOfTree(pgPid), t: Date.now() };
  const r = await runChild('load.mjs', cfg);
  const c1 = { server: cpuOf(serverPid), pg: cpuOfTree(pgPid), t: Date.now() };
  r.connectionsSampled = await stopSampler();
  const wall = c1.t - c0.t;
  const requests = Math.max(1, r.totalRequests);
  r.cpu = {
    serverCores: round((c1.server - c0.server) / wall, 2),
    postgresCores: round((c1.pg - c0.pg) / wall, 2),
    serverMsPerRequest: round((c1.server - c0.server) / requests, 2),
    postgresMsPerRequest: round((c1.pg - c0.pg) / requests, 2),
  };
  return r;
}

/** Joins the two halves of an A B B A measurement: totals added, rates over the summed time, percentiles averaged. */
function combineHalves([a, b]) {
  const avg = (x, y) => round((x + y) / 2, 1);
  const totalRequests = a.totalRequests + b.totalRequests;
  const seconds = a.durationSeconds + b.durationSeconds;
  const cpu = {};
  for (const k of Object.keys(a.cpu))
    cpu[k] = k.endsWith('PerRequest')
      ? round((a.cpu[k] * a.totalRequests + b.cpu[k] * b.totalRequests) / Math.max(1, totalRequests), 2)
      : avg(a.cpu[k], b.cpu[k]);
  const conns = {};
  for (const k of new Set([...Object.keys(a.connectionsSampled), ...Object.keys(b.connectionsSampled)]))
    conns[k] = avg(a.connectionsSampled[k] ?? 0, b.connectionsSampled[k] ?? 0);
  return {
    requestsPerSecond: totalRequests / seconds,
    totalRequests,
    durationSeconds: seconds,
    latency: Object.fromEntries(Object.keys(a.latency).map((k) => [k, k === 'max' ? Math.max(a.latency.max, b.latency.max) : avg(a.latency[k], b.latency[k])])),
    status2xx: a.status2xx + b.status2xx,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    cpu,
    connectionsSampled: conns,
    halves: [a, b].map((h) => ({ requestsPerSecond: h.requestsPerSecond, latency: h.latency })),
  };
}

async function load({ dir, areas }) {
  const cookie = await login(product.base, 'samordnare@exempelstad.se');
  const week = lastCompleteWeek();
  const bbase = await startBaseline();
  const reportArea = areas[5];
  const { rows: cat } = await pool.query(`SELECT id FROM categories WHERE code = 'klotter'`);
  const body = JSON.stringify({
    areaId: reportArea.id,
    placeId: reportArea.places[0].id,
    categoryId: cat[0].id,
    occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    assessment: 'medium',
    policeNotified: false,
    description: 'Nytt klotter på fasaden mot gården, cirka två meter brett',
  });
  const targets = [
    { id: 'picture', name: 'GET /api/situation-picture', path: `/api/situation-picture?areaId=${areas[0].id}&week=${week}`, method: 'GET', read: true },
    { id: 'board', name: 'GET /api/cases?areaId (board)', path: `/api/cases?areaId=${areas[0].id}`, method: 'GET', read: true },
    { id: 'createReport', name: 'POST /api/reports', path: '/api/reports', method: 'POST', body, read: false },
  ];
  // Check that both servers answer each request correctly before loading them.
  for (const t of targets) {
    for (const b of [product.base, bbase]) {
      const r = await request(t.method, `${b}${t.path}`, { cookie, body: t.body });
      if (r.status !== 200 && r.status !== 201) throw new Error(`${t.name} on ${b} answered ${r.status}: ${r.body.slice(0, 300)}`);
    }
  }
  const servers = [
    ['api', product.base, product.pid, 'samverka'],
    ['baseline', bbase, baseline.pid, 'samverka-bench-baseline'],
  ];
  const { rows: before } = await pool.query('SELECT count(*)::int AS n FROM reports WHERE area_id = $1', [reportArea.id]);
  const out = {};
  for (const t of targets) {
    out[t.id] = { name: t.name };
    // Writes with the session cookie carry the product's Origin, as a browser's do.
    const cfgOf = (b) => ({
      url: `${b}${t.path}`,
      method: t.method,
      headers: { cookie, ...(t.method !== 'GET' ? { origin: new URL(b).origin } : {}), ...(t.body ? { 'content-type': 'application/json' } : {}) },
      body: t.body,
      connections: CONNECTIONS,
    });
    for (const [, b] of servers) await runChild('load.mjs', { ...cfgOf(b), duration: SIZES.warmupSeconds });
    // A B B A: each server gets two halves of its time, so that a drift in the machine's background load hits both alike.
    const halves = { api: [], baseline: [] };
    for (const i of [0, 1, 1, 0]) {
      const [who, b, pid, app] = servers[i];
      halves[who].push(await measuredLoad({ ...cfgOf(b), duration: SIZES.loadSeconds / 2 }, pid, app));
    }
    for (const [who] of servers) {
      const r = combineHalves(halves[who]);
      out[t.id][who] = r;
      log(
        `${t.name} on ${who}: ${round(r.requestsPerSecond)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}; CPU ${r.cpu.serverMsPerRequest} ms/request in the server, ${r.cpu.postgresMsPerRequest} in PostgreSQL; connections ${JSON.stringify(r.connectionsSampled)}`,
      );
    }
    const x = out[t.id];
    x.ratio = x.api.requestsPerSecond / x.baseline.requestsPerSecond;
    // Latency below saturation: the same 50 connections, offered a fixed rate that both servers can sustain.
    if (t.read) {
      x.fixedRate = Math.max(10, Math.floor(Math.min(x.api.requestsPerSecond, x.baseline.requestsPerSecond) * 0.5));
      for (const [who, b, pid, app] of servers) {
        const cfg = { url: `${b}${t.path}`, method: t.method, headers: { cookie }, connections: CONNECTIONS, rate: x.fixedRate, duration: SIZES.loadSeconds };
        const r = await measuredLoad(cfg, pid, app);
        x[`${who}AtFixedRate`] = r;
        log(`${t.name} on ${who} at a fixed ${x.fixedRate} req/s: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
      }
    }
    x.target = t.read ? { minRatio: 0.5, maxP99Ms: 50 } : { minRatio: 0.5 };
    x.met = x.ratio >= 0.5 && (!t.read || x.api.latency.p99 < 50) && x.api.non2xx === 0 && x.api.errors === 0;
  }
  baseline.kill('SIGINT');
  baseline = null;
  const { rows: after } = await pool.query('SELECT count(*)::int AS n FROM reports WHERE area_id = $1', [reportArea.id]);
  out.createReport.rowsAdded = after[0].n - before[0].n;
  const { rows: boardSize } = await pool.query(
    'SELECT count(*)::int AS cases, (SELECT count(*)::int FROM case_actions x JOIN cases c ON c.id = x.case_id WHERE c.area_id = $1) AS actions FROM cases WHERE area_id = $1',
    [areas[0].id],
  );
  out.board.size = boardSize[0];
  const ex = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${SQL.BOARD_SQL}`, [dir.kommun, areas[0].id]);
  out.board.explain = ex.rows.map((r) => r['QUERY PLAN']).join('\n');
  out.connections = CONNECTIONS;
  out.runSeconds = SIZES.loadSeconds;
  return out;
}

// ───────────────────────────────────────────────────────────────────────────────────────────── workflow throughput
async function workflow({ areas }) {
  const cookie = await login(product.base, 'analytiker@exempelstad.se');
  const area = areas[4];
  const ids = [];
  for (let i = 0; i <= WORKFLOW_CLIENTS; i++) {
    const c = await json('POST', `${product.base}/api/cases`, {
      cookie,
      body: { areaId: area.id, title: `Arbetsflöde ${i + 1}`, description: 'Ärende för mätning av arbetsflödet' },
    });
    await json('POST', `${product.base}/api/cases/${c.id}/events`, { cookie, body: { type: 'START_ANALYSIS', version: c.version } });
    ids.push(c.id);
  }
  const versions = async (caseIds) =>
    new Map((await pool.query('SELECT id, version FROM cases WHERE id = ANY($1)', [caseIds])).rows.map((r) => [r.id, r.version]));
  const history = async (caseIds) =>
    (await pool.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = ANY($1) AND event_type = 'SAVE_ANALYSIS'`, [caseIds])).rows[0].n;

  const run = async (caseIds) => {
    const v0 = await versions(caseIds);
    const h0 = await history(caseIds);
    const stopSampler = await activitySampler('samverka');
    const r = await runChild('workflow-client.mjs', {
      base: product.base,
      cookie,
      caseIds,
      clients: WORKFLOW_CLIENTS,
      duration: SIZES.workflowSeconds,
      startVersions: caseIds.map((id) => v0.get(id)),
    });
    r.connectionsSampled = await stopSampler();
    const v1 = await versions(caseIds);
    const h1 = await history(caseIds);
    const versionGain = caseIds.reduce((s, id) => s + (v1.get(id) - v0.get(id)), 0);
    r.check = {
      historyRowsAdded: h1 - h0,
      versionsGained: versionGain,
      acceptedByClients: r.acceptedTotal,
      nothingLost: h1 - h0 === r.acceptedTotal && versionGain === r.acceptedTotal,
    };
    return r;
  };
  const distinct = await run(ids.slice(0, WORKFLOW_CLIENTS));
  log(
    `distinct cases: ${round(distinct.eventsPerSecond)} events/s, 409s ${distinct.conflicts}, other errors ${distinct.otherErrors}, nothing lost: ${distinct.check.nothingLost}`,
  );
  const same = await run([ids[WORKFLOW_CLIENTS]]);
  log(
    `one case, ${WORKFLOW_CLIENTS} clients: ${round(same.eventsPerSecond)} events/s, 409s ${same.conflicts}, other errors ${same.otherErrors}, nothing lost: ${same.check.nothingLost}`,
  );
  return {
    clients: WORKFLOW_CLIENTS,
    runSeconds: SIZES.workflowSeconds,
    distinct,
    same,
    met: distinct.check.nothingLost && same.check.nothingLost && distinct.otherErrors === 0 && same.otherErrors === 0,
  };
}

// ──────────────────────────────────────────────────────────────────────────────────────────────── action-plan PDF
async function pdf({ areas }) {
  const cookie = await login(product.base, 'samordnare@exempelstad.se');
  const day = (d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const out = { api: [], templates: [] };
  let warmed = false;
  for (const [i, n] of PDF_SIZES.entries()) {
    const url = `${product.base}/api/action-plan.pdf?areaId=${areas[1 + i].id}&from=${day(-30)}&to=${day(30)}`;
    if (!warmed) {
      await request('GET', url, { cookie, raw: true });
      warmed = true;
    }
    const before = memoryOf(product.pid).rss;
    const canReset = resetPeak(product.pid);
    let bytes = 0;
    // Meanwhile, how long does the API take to answer its health check? (Rendering runs on the API's event loop.)
    let probing = true;
    const probe = [];
    const prober = (async () => {
      while (probing) {
        const t = process.hrtime.bigint();
        await request('GET', `${product.base}/api/health`);
        probe.push(Number(process.hrtime.bigint() - t) / 1e6);
        await sleep(20);
      }
    })();
    const times = await timeIt(
      async () => {
        const r = await request('GET', url, { cookie, raw: true });
        if (r.status !== 200) throw new Error(`action-plan.pdf answered ${r.status}: ${r.body.toString().slice(0, 300)}`);
        bytes = r.body.length;
      },
      { n: SIZES.pdfRepeat, warmup: 0 },
    );
    probing = false;
    await prober;
    const peak = memoryOf(product.pid).hwm;
    const s = summarize(times);
    const h = summarize(probe);
    out.api.push({
      actions: n,
      ...s,
      bytes,
      rssBefore: before,
      peakRss: canReset ? peak : null,
      peakAboveBefore: canReset ? peak - before : null,
      healthDuringRender: { p50: h.p50, max: h.max, n: h.n },
    });
    log(
      `action plan with ${n} actions via the API: p50 ${round(s.p50, 0)} ms, ${Math.round(bytes / 1024)} kB, API peak RSS ${canReset ? mb(peak) : '?'} MB (before ${mb(before)} MB); /api/health meanwhile up to ${round(h.max, 0)} ms`,
    );
  }
  for (const n of PDF_SIZES) {
    const r = await runChild('pdf-render.mjs', { root: ROOT, actions: n, repeat: SIZES.pdfRepeat });
    const s = summarize(r.times);
    out.templates.push({ actions: n, firstRenderOfProcessMs: r.first, ...s, bytes: r.bytes, rssAfterLoad: r.rssAfterLoad, peakRss: r.peakRss });
    log(
      `action plan with ${n} actions through the templates alone: p50 ${round(s.p50, 0)} ms (the process's first render, 20 actions: ${round(r.first, 0)} ms), peak RSS ${mb(r.peakRss)} MB`,
    );
  }
  const a200 = out.api.find((x) => x.actions === 200);
  out.target = { actions: 200, maxMs: 1000 };
  out.met = a200.p50 < 1000;
  return out;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────── import
/** Least-squares slope of RSS over time after the first 10 % of the import: growth over the import and per 100 000 rows. */
function rssTrend(series, rows) {
  if (!series || series.length < 10) return null;
  const end = series[series.length - 1][0];
  const pts = series.filter(([t]) => t >= end * 0.1);
  const n = pts.length;
  const mt = pts.reduce((a, [t]) => a + t, 0) / n;
  const mr = pts.reduce((a, [, r]) => a + r, 0) / n;
  const slope =
    pts.reduce((a, [t, r]) => a + (t - mt) * (r - mr), 0) /
    Math.max(
      1,
      pts.reduce((a, [t]) => a + (t - mt) ** 2, 0),
    );
  const span = end - pts[0][0];
  return { overImportBytes: slope * span, per100kRowsBytes: (slope * span * 100_000) / (rows * 0.9) };
}

/** Stops and starts the product (SAMVERKA_SKIP_BUILD=1), so that the next measurement begins in a fresh API process. */
async function restartProduct() {
  await pool.end();
  pool = null;
  await product.stop();
  await product.start();
  pool = product.pool(8);
}

async function imports({ dir, areas }) {
  let cookie;
  const { rows: categories } = await pool.query('SELECT id, label_sv FROM categories WHERE active ORDER BY sort_order');
  const tag = `B${Date.now().toString(36)}`;
  const out = { runs: [] };
  for (const n of SIZES.imports) {
    const csvPath = join(TMP, `import-${n}.csv`);
    const copyPath = join(TMP, `import-${n}.copy`);
    const tg = Date.now();
    const files = await writeImportFiles({
      n,
      tag: `${tag}-${n}`,
      areas,
      categories,
      organizationId: dir.kommun,
      reporterId: dir.samordnare,
      csvPath,
      copyPath,
    });
    log(`${n.toLocaleString('en')} rows written (${mb(files.csvBytes)} MB CSV) in ${round((Date.now() - tg) / 1000)} s`);

    // Through the API, in a freshly started API process (so that each import's peak memory is its own, not what an
    // earlier benchmark left for the garbage collector): upload, then poll until done, the process's memory sampled.
    await restartProduct();
    cookie = await login(product.base, 'samordnare@exempelstad.se');
    await pool.query('CHECKPOINT');
    const rssBefore = memoryOf(product.pid).rss;
    const mem = sampleMemory(product.pid, 100);
    const pgPid = product.postmasterPid();
    const cpu0 = { api: cpuOf(product.pid), pg: cpuOfTree(pgPid) };
    const t0 = process.hrtime.bigint();
    const first = await uploadCsv(product.base, cookie, csvPath, `bench-${n}.csv`);
    const uploadedMs = Number(process.hrtime.bigint() - t0) / 1e6;
    let status = first;
    while (status.status === 'running') {
      await sleep(200);
      status = await json('GET', `${product.base}/api/imports/${first.id}`, { cookie });
    }
    const apiMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const m = mem.stop();
    const cpuApi = { nodeMs: cpuOf(product.pid) - cpu0.api, postgresMs: cpuOfTree(pgPid) - cpu0.pg };
    if (status.status !== 'completed' || status.importedRows !== n)
      throw new Error(`import of ${n} rows ended ${status.status}: ${JSON.stringify(status).slice(0, 500)}`);
    const serverMs = new Date(status.finishedAt) - new Date(status.startedAt);

    // The ceiling: PostgreSQL's COPY of the same rows into a scratch table shaped like reports (same indexes).
    await pool.query('DROP TABLE IF EXISTS bench_copy_scratch');
    await pool.query('CREATE TABLE bench_copy_scratch (LIKE reports INCLUDING ALL)');
    await pool.query('CHECKPOINT');
    const db = await pool.connect();
    const c0 = process.hrtime.bigint();
    try {
      await pipeline(createReadStream(copyPath), db.query(copyStreams.from(`COPY bench_copy_scratch (${COPY_COLUMNS}) FROM STDIN`)));
    } finally {
      db.release();
    }
    const copyMs = Number(process.hrtime.bigint() - c0) / 1e6;
    const { rows: copied } = await pool.query('SELECT count(*)::int AS n FROM bench_copy_scratch');
    await pool.query('DROP TABLE bench_copy_scratch');
    if (copied[0].n !== n) throw new Error(`COPY loaded ${copied[0].n} of ${n} rows`);

    // For reference: the same COPY into a scratch table that also has the reports table's five foreign keys, which
    // the API's INSERTs check for every row (area, place, category, organisation, reporter).
    await pool.query('CREATE TABLE bench_copy_scratch (LIKE reports INCLUDING ALL)');
    for (const [col, ref] of [
      ['area_id', 'areas'],
      ['place_id', 'places'],
      ['category_id', 'categories'],
      ['organization_id', 'organizations'],
      ['reporter_id', 'users'],
    ]) {
      await pool.query(`ALTER TABLE bench_copy_scratch ADD FOREIGN KEY (${col}) REFERENCES ${ref}(id)`);
    }
    await pool.query('CHECKPOINT');
    const dbf = await pool.connect();
    const f0 = process.hrtime.bigint();
    try {
      await pipeline(createReadStream(copyPath), dbf.query(copyStreams.from(`COPY bench_copy_scratch (${COPY_COLUMNS}) FROM STDIN`)));
    } finally {
      dbf.release();
    }
    const copyFkMs = Number(process.hrtime.bigint() - f0) / 1e6;
    await pool.query('DROP TABLE bench_copy_scratch');

    const run = {
      rows: n,
      csvBytes: files.csvBytes,
      api: {
        totalMs: round(apiMs, 0),
        uploadMs: round(uploadedMs, 0),
        serverMs,
        rowsPerSecond: n / (apiMs / 1000),
        serverRowsPerSecond: n / (serverMs / 1000),
        nodeCpuMsPer1000Rows: round((cpuApi.nodeMs / n) * 1000, 1),
        postgresCpuMsPer1000Rows: round((cpuApi.postgresMs / n) * 1000, 1),
        nodeCores: round(cpuApi.nodeMs / apiMs, 2),
        postgresCores: round(cpuApi.postgresMs / apiMs, 2),
      },
      copy: { ms: round(copyMs, 0), rowsPerSecond: n / (copyMs / 1000) },
      copyWithForeignKeys: { ms: round(copyFkMs, 0), rowsPerSecond: n / (copyFkMs / 1000) },
      memory: { rssBefore, ...m },
    };
    run.ratio = run.api.rowsPerSecond / run.copy.rowsPerSecond;
    out.runs.push(run);
    log(
      `import of ${n.toLocaleString('en')} rows: API ${round(run.api.rowsPerSecond, 0)} rows/s (${round(apiMs / 1000)} s, upload ${round(uploadedMs / 1000)} s), COPY ${round(run.copy.rowsPerSecond, 0)} rows/s (${round(copyMs / 1000)} s), ratio ${round(run.ratio, 3)}; API RSS ${mb(rssBefore)} → peak ${mb(m.peakRss)} MB`,
    );
    if (process.env.BENCH_KEEP !== '1') {
      rmSync(csvPath, { force: true });
      rmSync(copyPath, { force: true });
    }
  }
  const small = out.runs[0];
  const large = out.runs[out.runs.length - 1];
  for (const r of out.runs) r.memory.trend = rssTrend(r.memory.series, r.rows);
  out.memoryGrowth = {
    fromRows: small.rows,
    toRows: large.rows,
    peakSmall: small.memory.peakRss,
    peakLarge: large.memory.peakRss,
    ratio: large.memory.peakRss / small.memory.peakRss,
  };
  // "Flat": the RSS does not keep growing with the rows read. The garbage collector makes it saw up and down, so the
  // test is the least-squares trend of the RSS over the large import (after its first 10 %, while the heap settles):
  // less than 64 MiB over the whole import.
  // An import of less than 30 s ends while the heap is still growing to its working size: too short to tell.
  out.memoryFlat = large.api.totalMs < 30_000 || !large.memory.trend ? null : large.memory.trend.overImportBytes < 64 * 1048576;
  out.target = { minRatio: 0.25, memoryFlat: true };
  out.met = out.runs.every((r) => r.ratio >= 0.25) && out.memoryFlat !== false;
  return out;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────── profile
/**
 * Where the API's CPU goes: the product restarted under `node --cpu-prof` (still scripts/start.mjs), once for the
 * situational picture under load and once for an import; the samples attributed to packages. Not a benchmark of its
 * own (profiling slows the process): it explains the others.
 */
async function profile({ dir, areas }) {
  const out = {};
  const profDir = join(TMP, 'profiles');
  const session = async (name, work) => {
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    await pool.end();
    pool = null;
    await product.stop();
    await product.start({ nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '500'] });
    pool = product.pool(8);
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const units = await work();
    const toUs = Number(process.hrtime.bigint() / 1000n);
    await pool.end();
    pool = null;
    await product.stop();
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no CPU profile was written');
    const a = analyzeProfile(join(profDir, file), { fromUs: units.fromUs ?? fromUs, toUs });
    delete units.fromUs;
    out[name] = { ...units, busyMs: a.busyMs, socketWritesMs: a.socketWritesMs, byPackage: a.byPackage.slice(0, 14) };
    await product.start();
    pool = product.pool(8);
  };
  await session('picture', async () => {
    const cookie = await login(product.base, 'samordnare@exempelstad.se');
    const url = `${product.base}/api/situation-picture?areaId=${areas[0].id}&week=${lastCompleteWeek()}`;
    const r = await runChild('load.mjs', { url, headers: { cookie }, connections: CONNECTIONS, duration: QUICK ? 5 : 8 });
    return { requests: r.totalRequests, unit: 'request' };
  });
  log(
    `profile of the picture: ${JSON.stringify(out.picture.byPackage.slice(0, 6).map((p) => `${p.name} ${round(p.ms / out.picture.requests, 3)} ms/request`))}`,
  );
  await session('import', async () => {
    const cookie = await login(product.base, 'samordnare@exempelstad.se');
    const { rows: categories } = await pool.query('SELECT id, label_sv FROM categories WHERE active ORDER BY sort_order');
    const n = QUICK ? 20_000 : 100_000;
    const csvPath = join(TMP, 'profile-import.csv');
    const copyPath = join(TMP, 'profile-import.copy');
    await writeImportFiles({
      n,
      tag: `P${Date.now().toString(36)}`,
      areas,
      categories,
      organizationId: dir.kommun,
      reporterId: dir.samordnare,
      csvPath,
      copyPath,
    });
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const first = await uploadCsv(product.base, cookie, csvPath, 'profile.csv');
    let status = first;
    while (status.status === 'running') {
      await sleep(200);
      status = await json('GET', `${product.base}/api/imports/${first.id}`, { cookie });
    }
    rmSync(csvPath, { force: true });
    rmSync(copyPath, { force: true });
    if (status.status !== 'completed') throw new Error(`the profiled import ended ${status.status}`);
    return { rows: n, unit: 'row', fromUs };
  });
  log(
    `profile of the import: ${JSON.stringify(out.import.byPackage.slice(0, 6).map((p) => `${p.name} ${round((p.ms / out.import.rows) * 1000, 1)} ms/1000 rows`))}`,
  );
  return out;
}

// ───────────────────────────────────────────────────────────────────────────────────────────────────────── main
async function main() {
  log(`Samverka benchmarks, ${QUICK ? 'QUICK' : 'full'} mode; results in ${RESULTS}`);
  const ctx = await setup();
  await step('client', 'client initial JavaScript', clientBundle);
  await step('startup', 'start-up on an existing data directory', startup);
  await step('picture', 'situational picture at scale', () => picture(ctx));
  await step('load', 'API under load (autocannon, 50 connections)', () => load(ctx));
  await step('workflow', 'workflow throughput (case events)', () => workflow(ctx));
  await step('pdf', 'action-plan PDF', () => pdf(ctx));
  // Last before the import's restarts: the sign-in flood makes this address wait (the throttle), which ends itself.
  await step('flood', 'body flood: 110 000-property bodies while /api/health is polled', () => bodyFlood(product.base, { log }));
  await step('import', 'CSV import against COPY', () => imports(ctx));
  await step('profile', 'CPU profile of the API (explains the figures above)', () => profile(ctx));
  await step('lighthouse', 'Lighthouse mobile performance: sign-in, overview, picture', () => lighthouse(product.base, { log }));
}

try {
  await main();
} catch (e) {
  log(`FAILED: ${e.stack ?? e}`);
  results.errors.push({ benchmark: 'setup', error: String(e.stack ?? e) });
} finally {
  if (!interrupted) {
    await shutdown();
    if (results.setup.finalStop) log(`product stopped in ${results.setup.finalStop.ms} ms (${results.setup.finalStop.clean ? 'clean' : 'NOT clean'})`);
    writeResults();
    if (process.env.BENCH_KEEP !== '1' && !results.errors.length) rmSync(join(TMP, 'data'), { recursive: true, force: true });
    process.exitCode = results.errors.length ? 1 : 0;
  }
}

function writeResults() {
  results.meta.totalSeconds = round((Date.now() - started) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), renderMarkdown(results));
  log(
    `wrote bench/results/latest.json and latest.md in ${results.meta.totalSeconds} s${results.errors.length ? ` with ${results.errors.length} error(s)` : ''}`,
  );
}
