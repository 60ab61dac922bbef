// The "why" paragraphs of latest.md: what each run's own measurements (CPU per request, what the database connections
// were doing, plans, profiles) say about a figure, especially a missed target. Written from the numbers of the run;
// the mechanisms named (the audit chain's lock, the row lock before the version check, the batch loop of the import)
// are what the code in api/src does, found while building these benchmarks.
const f1 = (x) => (x == null || !Number.isFinite(x) ? '?' : x >= 100 ? Math.round(x).toLocaleString('en') : (Math.round(x * 10) / 10).toString());
const f2 = (x) => (x == null || !Number.isFinite(x) ? '?' : (Math.round(x * 100) / 100).toString());
const pc = (x) => `${Math.round(x * 100)} %`;
const mib = (b) => `${Math.round(b / 1048576)} MiB`;
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x >= 10 ? Math.round(x) : x.toFixed(1)} ms`);

/** The top packages of a profile, as "a 0.7 ms, b 0.3 ms, …" per unit. */
function topPackages(prof, per, unitLabel, k = 6) {
  if (!prof) return null;
  const units = prof.requests ?? prof.rows;
  const scale = prof.rows ? 1000 : 1;
  return (
    prof.byPackage
      .slice(0, k)
      .map((p) => `${p.name} ${f2((p.ms / units) * scale)} ms`)
      .join(', ') + ` ${unitLabel}`
  );
}

export function analyze(R) {
  const B = R.benchmarks;
  const cores = R.machine.cores;
  const notes = {};
  const busy = (b) => b?.loadAverage && Math.max(b.loadAverage.start, b.loadAverage.end) > cores;
  const machineNote = (b, alternating = true) =>
    busy(b)
      ? `The machine was busy with other work while this ran (1-minute load average ${b.loadAverage.start} → ${b.loadAverage.end} on ${cores} cores), so every process here got only part of a core: absolute figures are low and noisy${alternating ? ', which is why the two sides of each comparison are measured in alternating turns' : ''}.`
      : null;

  // 1 ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  if (B.load) {
    const L = B.load;
    const n = [];
    const m = machineNote(L);
    if (m) n.push(m);
    for (const k of ['picture', 'board']) {
      const x = L[k];
      if (!x?.api) continue;
      const a = x.api.cpu;
      const b = x.baseline.cpu;
      const active = x.api.connectionsSampled?.active ?? 0;
      let s = `**${x.name}: ${pc(x.ratio)} of the baseline's throughput.** Both servers run the same statements; what differs is the work around them in the API's single Node.js process: ${f2(a.serverMsPerRequest)} ms of CPU per request against ${f2(b.serverMsPerRequest)} ms in the baseline (${f1(a.serverMsPerRequest / b.serverMsPerRequest)}×). The database was not the limit: on average ${active} of the API's 20 pooled connections were busy. `;
      if (k === 'picture') {
        s +=
          "The request also needs 11 statements in four dependent round trips (session; area; partnership; then the four figures and the level in parallel, the level itself in two, because TypeORM's findOne with a relation first selects the DISTINCT key and then the row) where one statement gives the whole answer (benchmark 3).";
        if (B.profile?.picture)
          s += ` A CPU profile of the API under this load (section 7) puts the time in ${topPackages(B.profile.picture, 'request', 'per request (profiled, so slower than unprofiled)')}: TypeORM's query building and entity mapping (the area and level lookups, a QueryRunner per \`DataSource.query\`), garbage collection, Express/Nest routing and the async hooks behind the request-scoped logger.`;
      } else {
        s +=
          "The board is one statement through TypeORM's query builder (`getRawMany`) plus the session; the extra CPU is the query builder, routing, validation of the query string, logging and the mapping of every row's dates.";
      }
      n.push(s);
    }
    const p = L.picture;
    if (p?.api) {
      const f = p.apiAtFixedRate;
      n.push(
        `**p99 < 50 ms at 50 connections is out of reach for any server on this machine.** With 50 connections that each send the next request as soon as the answer arrives, the mean latency is 50 / throughput (Little's law): a p99 under 50 ms needs well over 1 000 requests/s, and the bare baseline itself reached ${f1(p.baseline.requestsPerSecond)} req/s (p99 ${p.baseline.latency.p99} ms) on the situational picture and ${f1(L.board.baseline.requestsPerSecond)} req/s (p99 ${L.board.baseline.latency.p99} ms) on the board, with the load generator, the API and PostgreSQL sharing ${cores} cores.` +
          (f
            ? ` Below saturation, offered ${p.fixedRate} req/s, the API's picture answered with p50 ${f.latency.p50} ms and p99 ${f.latency.p99} ms (baseline: ${p.baselineAtFixedRate.latency.p50} / ${p.baselineAtFixedRate.latency.p99} ms); the board at ${L.board.fixedRate} req/s: ${L.board.apiAtFixedRate.latency.p50} / ${L.board.apiAtFixedRate.latency.p99} ms (baseline ${L.board.baselineAtFixedRate.latency.p50} / ${L.board.baselineAtFixedRate.latency.p99} ms).`
            : ''),
      );
    }
    const w = L.createReport;
    if (w?.api) {
      const waitA = w.api.connectionsSampled?.['waiting on advisory lock'] ?? 0;
      const waitB = w.baseline.connectionsSampled?.['waiting on advisory lock'] ?? 0;
      const idleTx = w.api.connectionsSampled?.['idle in transaction'] ?? 0;
      if (waitA >= 5) {
        n.push(
          `**POST /api/reports: ${pc(w.ratio)} of the baseline, and both are bound by one lock.** On average ${waitA} of the API's 20 connections (${waitB} of the baseline's) were waiting on an advisory lock: \`AuditService.record\` takes \`pg_advisory_xact_lock(7263002)\` so that one transaction at a time extends the audit trail's hash chain, and holds it until the transaction commits. After taking it the API still reads the last hash, inserts the entry and commits — three more round trips, with the Node event loop's delays between them while it serves other requests (on average ${idleTx} connections were idle in a transaction, waiting for the API to send their next statement). Every write of the product (reports, case events, directory changes, imports) queues on this single lock, so write throughput is one over the time the lock is held, however many cores there are. ` +
            `The API also spends ${f2(w.api.cpu.serverMsPerRequest)} ms of CPU per request against ${f2(w.baseline.cpu.serverMsPerRequest)} ms, which lengthens exactly that time. ` +
            'Fix (api/src/audit/audit.service.ts): shorten the critical section to a single statement taken as late as possible — lock, read the previous hash and insert in one `INSERT … SELECT` that computes the hash in SQL (`sha256()` is built in), or append entries without the lock in sequence order and link the chain afterwards (the verifier checks it in id order either way).',
        );
      } else {
        n.push(
          `**POST /api/reports: ${pc(w.ratio)} of the baseline.** The API spends ${f2(w.api.cpu.serverMsPerRequest)} ms of CPU per request against ${f2(w.baseline.cpu.serverMsPerRequest)} ms for the same statements; the database connections: ${Object.entries(
            w.api.connectionsSampled ?? {},
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}.`,
        );
      }
    }
    notes.load = n;
  }

  // 2 ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  if (B.import) {
    const I = B.import;
    const n = [];
    const m = machineNote(I, false);
    if (m) n.push(m);
    const big = I.runs[I.runs.length - 1];
    const a = big.api;
    const fk = big.copyWithForeignKeys;
    let s =
      `**Throughput: ${I.runs.map((r) => `${pc(r.ratio)} of COPY at ${r.rows.toLocaleString('en')} rows`).join(', ')}.** Per 1 000 rows the import used ${a.nodeCpuMsPer1000Rows} ms of CPU in the API process and ${a.postgresCpuMsPer1000Rows} ms in PostgreSQL, and took ${f1(a.totalMs / (big.rows / 1000))} ms of wall time: ` +
      'the import parses a batch of 2 000 rows, then waits for its INSERT and for a progress UPDATE before it reads on, so Node and PostgreSQL take turns instead of working at the same time (the wall time is about the sum of the two). ';
    const imp = B.profile?.import;
    const tzShare = imp?.byPackage.find((p) => p.name === '@date-fns/tz')?.share ?? 0;
    if (imp) {
      s += `In Node (section 7): ${topPackages(imp, 'row', 'per 1 000 rows (profiled)')}. `;
      if (tzShare > 0.15)
        s += `${imp.byPackage[0].name === '@date-fns/tz' ? 'The largest single cost' : 'A large cost'} (${pc(tzShare)}) is the conversion of local Swedish times in \`parseTime\` (api/src/imports/csv-mapping.ts, \`TZDate\` of @date-fns/tz). `;
    }
    if (fk)
      s += `In PostgreSQL: each row's five foreign keys (area, place, category, organisation, reporter) are checked — the same COPY with those foreign keys managed ${f1(fk.rowsPerSecond)} rows/s against ${f1(big.copy.rowsPerSecond)} without — and the unique dedupe index is probed by ON CONFLICT. `;
    s += `Fixes in api/src/imports: keep two batches in flight (parse the next while the INSERT of the last runs)${tzShare > 0.15 ? '; convert local times more cheaply (the UTC offset is the same all day except on the two days a year the clocks change, so one conversion per local day is enough, not one per hour or row)' : ''}; write the progress every second or so rather than after every batch; load each batch with COPY into a temporary table and \`INSERT … SELECT … ON CONFLICT DO NOTHING\` from it.`;
    n.push(s);
    const small = I.runs[0];
    const grow = (r) => Math.max(0, r.memory.peakRss - r.memory.rssBefore);
    const series = big.memory.series ?? [];
    let shape = '';
    if (series.length > 8) {
      const at = (q) => series[Math.min(series.length - 1, Math.floor(q * (series.length - 1)))][1];
      shape = ` During the ${big.rows.toLocaleString('en')}-row import the RSS went ${[0, 0.25, 0.5, 0.75, 1].map((q) => mib(at(q))).join(' → ')} (at 0, 25, 50, 75 and 100 % of its time).`;
    }
    const tr = big.memory.trend;
    n.push(
      `**Memory: ${I.memoryFlat === null ? 'this import is too short to tell' : I.memoryFlat ? 'flat' : 'not flat'}.** In a freshly started API process the peak RSS rose ${mib(grow(small))} above the RSS before the import for ${small.rows.toLocaleString('en')} rows and ${mib(grow(big))} for ${big.rows.toLocaleString('en')} rows (${f1(big.rows / small.rows)}× the rows, ${f1(grow(big) / Math.max(1, grow(small)))}× the growth).${shape}` +
        (tr
          ? ` The least-squares trend of the RSS over the larger import (after its first 10 %) is ${tr.overImportBytes >= 0 ? '+' : '−'}${mib(Math.abs(tr.overImportBytes))} in all, ${tr.per100kRowsBytes >= 0 ? '+' : '−'}${mib(Math.abs(tr.per100kRowsBytes))} per 100 000 rows. `
          : ' ') +
        (I.memoryFlat === null
          ? "An import this short ends while the V8 heap is still growing to its working size (the first 10–20 s), so its trend says nothing yet; the full run's 1 000 000-row import shows whether the RSS levels off."
          : I.memoryFlat
            ? 'The file is streamed (multer writes it to disk, csv-parse reads it back) and each batch is released after its INSERT: the RSS climbs while the V8 heap grows to its working size in the first seconds, then saws up and down with the garbage collector without growing with the rows read; the peak is that working size, not a function of the file.'
            : "The RSS keeps growing with the rows read: something holds on to every row or batch (look at what the import keeps between batches: the rejected list, the transaction's query results, the progress object)."),
    );
    notes.import = n;
  }

  // 3 ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  if (B.picture) {
    const P = B.picture;
    const n = [];
    const m = machineNote(P);
    if (m) n.push(m);
    const framework = P.apiHttp.p50 - P.apiStatementsDirect.p50;
    const plan = Object.entries(P.explain ?? {}).find(([k]) => k.includes('hand-written') && k.includes('whole'))?.[1] ?? '';
    const heap = Number(/Heap Blocks: exact=(\d+)/.exec(plan)?.[1] ?? 0);
    const trendRatio = P.trend.apiSql.p50 / P.trend.handwritten.p50;
    const costliest = Object.entries(P.perStatement).sort((a, b) => b[1].p50 - a[1].p50)[0][0];
    n.push(
      `**${P.met ? 'Met' : 'Missed'}: the API answers in ${ms(P.apiHttp.p50)} (p50), ${f2(P.ratioP50)}× the hand-written statement's ${ms(P.handwrittenSql.p50)}.** The API's own statements run straight through pg take ${ms(P.apiStatementsDirect.p50)}; the rest, about ${ms(Math.max(0, framework))}, is HTTP, Nest, the session check and building the ${f1(P.apiResponseBytes / 1000)} kB answer (the cheapest signed-in request, GET /api/config, takes ${ms(P.floors.signedInConfig.p50)}). ` +
        `The SQL is sound at this scale: every statement is a range scan of \`ix_reports_area_time\` over the area's ${P.reportsInTwelveWeeks.toLocaleString('en')} reports of the twelve weeks (see the plans), not a scan of the ${(P.reportsInTable ?? 0).toLocaleString('en')} rows. ` +
        (trendRatio > 1.5
          ? `The 12-week trend statement takes ${ms(P.perStatement.trend.p50)} alone${costliest === 'trend' ? ', the most of the four' : ''}: it converts every row's time to Swedish time (\`AT TIME ZONE\`, \`date_trunc\`, \`to_char\`) to find its week; the hand-written trend puts rows in weeks with \`width_bucket()\` over the 13 precomputed Monday boundaries and formats only the twelve labels (${ms(P.trend.handwritten.p50)}, ${f2(trendRatio)}× faster). `
          : `The costliest of the API's statements alone is “${costliest}” (${ms(P.perStatement[costliest].p50)}). `) +
        'What the hand-written statement saves beyond that is round trips: one statement and one scan of the twelve weeks instead of 11 statements in four dependent steps. ' +
        (heap
          ? `The figures read ${heap.toLocaleString('en')} heap pages for those rows (the areas' reports interleave in time order, so an area's rows lie a few to a page); an index \`(area_id, occurred_at) INCLUDE (category_id, place_id)\` would make the figures index-only, which matters most when the table is not in memory.`
          : ''),
    );
    notes.picture = n;
  }

  // 4 ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  if (B.pdf) {
    const D = B.pdf;
    const n = [];
    const m = machineNote(D, false);
    if (m) n.push(m);
    const a200 = D.api.find((x) => x.actions === 200);
    const a2000 = D.api.find((x) => x.actions === 2000);
    let s = `**200 actions: ${ms(a200.p50)} (target < 1 s: ${a200.p50 < 1000 ? 'met' : 'missed'}).** `;
    if (a2000) {
      s +=
        `2 000 actions take ${ms(a2000.p50)} and ${mib(Math.max(0, a2000.peakAboveBefore ?? 0))} more memory in the API process: pdfmake lays out the whole table in memory before writing it. ` +
        (a2000.healthDuringRender.max > 0.5 * a2000.p50
          ? `The rendering runs on the API's event loop, so while it lasts the API answers nothing else: its health check took up to ${ms(a2000.healthDuringRender.max)} during the 2 000-action plans (${ms(a200.healthDuringRender.max)} during the 200-action ones). ` +
            "Fix (api/src/plans): render in a worker thread (or a small pool), so that a large plan does not stall every other user; and bound a plan's size or paginate by case."
          : `Meanwhile the API kept answering: its health check took at most ${ms(a2000.healthDuringRender.max)}.`);
    }
    n.push(s);
    notes.pdf = n;
  }

  // 5 ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    const n = [];
    if (B.startup)
      n.push(
        `Start-up is ${B.startup.met ? 'well within' : 'over'} the target: the embedded PostgreSQL is ready in about ${ms(Math.max(...B.startup.runs.map((r) => r.postgresReadyMs).filter(Number.isFinite)))} at most; the rest is loading the compiled API, the migration check and Nest's start, which do not depend on the number of reports.`,
      );
    if (B.client)
      n.push(
        `The initial JavaScript is ${(B.client.totalGzipBytes / 1000).toFixed(0)} kB gzipped, ${B.client.met ? 'under' : 'over'} the 400 kB target.` +
          (B.client.servedEncoding === 'identity'
            ? ` But the product serves it uncompressed (${(B.client.totalRawBytes / 1000).toFixed(0)} kB): the API sends static files without \`Content-Encoding\` even when the browser accepts gzip. Deployments without a compressing reverse proxy would want compression in the API (e.g. the \`compression\` middleware for the static client, or precompressed \`.gz\`/\`.br\` files from the Angular build served with express-static-gzip).`
            : ''),
      );
    notes.startup = n;
  }

  // 6 ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  if (B.workflow) {
    const W = B.workflow;
    const n = [];
    const m = machineNote(W, false);
    if (m) n.push(m);
    const wait = W.distinct.connectionsSampled?.['waiting on advisory lock'];
    const sc = W.same.connectionsSampled ?? {};
    const rowWait = (sc['waiting on tuple lock'] ?? 0) + (sc['waiting on transactionid lock'] ?? 0);
    n.push(
      `**Nothing was lost:** in both runs the history rows added and the versions gained equal the accepted events. ` +
        ((wait ?? 0) >= 5
          ? `On distinct cases the rate (${f1(W.distinct.eventsPerSecond)} events/s) is bounded by the same audit-chain lock as POST /api/reports (${wait} of the 20 connections waiting on it on average): every accepted event appends an audit entry. `
          : `On distinct cases: ${f1(W.distinct.eventsPerSecond)} events/s. `) +
        `On one case, ${f1(W.same.conflicts / Math.max(1, W.same.acceptedTotal))} requests were turned away with 409 per accepted event` +
        (rowWait >= 5
          ? `: a stale request still takes the case row's lock (\`SELECT … FOR UPDATE\` in CasesService.loadVisible) before it compares versions, so the losers queue behind the winner's transaction and then fail (on average ${f1(rowWait)} of the 20 connections were waiting on the row's lock). Checking the version before taking the row lock (or \`UPDATE … WHERE version = $n\`) would let stale requests fail at once. `
          : '. ') +
        "Each accepted event then reads the whole case back for its answer (CasesService.get: the case with its reports, places and actions), about a third of the request's statements.",
    );
    notes.workflow = n;
  }
  notes.findings = findings(R);
  return notes;
}

/** Short list of what the figures point at in api/, for the top of the report. */
function findings(R) {
  const B = R.benchmarks;
  const out = [];
  const w = B.load?.createReport;
  const lockWait = Math.max(
    w?.api?.connectionsSampled?.['waiting on advisory lock'] ?? 0,
    B.workflow?.distinct?.connectionsSampled?.['waiting on advisory lock'] ?? 0,
  );
  if (lockWait >= 5)
    out.push(
      `**Every write waits for one lock** (1, 6): the audit trail's chain lock (\`pg_advisory_xact_lock\` in AuditService.record) is held from the audit entry to COMMIT, across three round trips; ${f1(lockWait)} of 20 connections waited on it on average. Write throughput of the whole product is bounded by it.`,
    );
  const heavy = ['picture', 'board'].map((k) => B.load?.[k]).filter((x) => x?.api && x.ratio < 0.75);
  if (heavy.length) {
    out.push(
      `**Reads cost ${heavy.map((x) => `${f1(x.api.cpu.serverMsPerRequest / x.baseline.cpu.serverMsPerRequest)}× (${x.name.replace(/^GET /, '')})`).join(' and ')} the CPU of the same SQL in a bare Node server** (1, 7): TypeORM's query building and entity mapping, garbage collection, routing, the request-scoped logger; the database pool was mostly idle, so the single API process is the bottleneck.`,
    );
  }
  if (B.picture && B.picture.ratioP50 > 1.5) {
    const tr = B.picture.trend.apiSql.p50 / B.picture.trend.handwritten.p50;
    out.push(
      `**The situational picture takes 11 statements in four dependent round trips** (3): ${f2(B.picture.ratioP50)}× one hand-written statement${tr > 1.5 ? `; its 12-week trend converts every row's time zone (${f2(tr)}× a \`width_bucket()\` over precomputed week boundaries)` : ''}.`,
    );
  }
  if (B.import && B.import.runs.some((r) => r.ratio < 0.25)) {
    const top = B.profile?.import?.byPackage?.[0];
    out.push(
      `**The import does not overlap parsing and inserting** (2, 7): each 2 000-row batch waits for its INSERT and a progress UPDATE${top ? `; in Node the largest cost is ${top.name} (${pc(top.share)})` : ''}.`,
    );
  }
  const pdf2000 = B.pdf?.api?.find((a) => a.actions === 2000);
  if (pdf2000?.healthDuringRender?.max > 1000)
    out.push(
      `**A large action plan blocks the API** (4): rendering runs on the event loop; /api/health took up to ${ms(pdf2000.healthDuringRender.max)} while a 2 000-action plan rendered.`,
    );
  const sc = B.workflow?.same?.connectionsSampled ?? {};
  if ((sc['waiting on tuple lock'] ?? 0) + (sc['waiting on transactionid lock'] ?? 0) >= 5)
    out.push('**Stale case events queue for the row lock before they are refused** (6): `SELECT … FOR UPDATE` comes before the version check.');
  if (B.client?.servedEncoding === 'identity')
    out.push(
      `**The client is served uncompressed** (5): ${(B.client.totalRawBytes / 1000).toFixed(0)} kB of initial JavaScript instead of ${(B.client.totalGzipBytes / 1000).toFixed(0)} kB without a compressing proxy.`,
    );
  return out;
}
