#!/usr/bin/env node
// The body-flood benchmark on its own (also part of `npm run bench` as BENCH_ONLY=flood): starts the product
// (scripts/start.mjs, demo data, its own embedded PostgreSQL under bench/results/tmp/flood) from the existing dist/api
// (`npx nx run api:build` first), floods it with 1 MB bodies of 110 000 properties while /api/health is polled, and
// merges the figures under BENCH_LABEL (default "after") into bench/results/body-flood.json and body-flood.md.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyFlood } from './lib/flood.mjs';
import { Product } from './lib/product.mjs';
import { freePort, log, machineFacts } from './lib/util.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const RESULTS = join(BENCH_DIR, 'results');
const TMP = join(RESULTS, 'tmp', 'flood');
const LABEL = process.env.BENCH_LABEL || 'after';

mkdirSync(TMP, { recursive: true });
const product = new Product({
  root: ROOT,
  dataDir: join(TMP, 'data'),
  port: Number(process.env.BENCH_PORT) || (await freePort()),
  pgPort: await freePort(),
  logFile: join(TMP, 'product.log'),
  logLevel: 'warn',
});
if (product.killStrayPostgres()) await product.waitNoPostgres();
rmSync(product.dataDir, { recursive: true, force: true });
// The API's own event-loop delay, sampled inside its process by a preloaded probe.
const eldFile = join(TMP, 'event-loop-delay.jsonl');
rmSync(eldFile, { force: true });
process.env.BENCH_ELD_FILE = eldFile;
let result;
try {
  await product.start({ build: false, nodeArgs: ['--require', join(BENCH_DIR, 'lib/eld-probe.cjs')] });
  result = await bodyFlood(product.base, { log, eldFile });
} finally {
  await product.stop();
  if (process.env.BENCH_KEEP !== '1') rmSync(product.dataDir, { recursive: true, force: true });
}
const file = join(RESULTS, 'body-flood.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all[LABEL] = { date: new Date().toISOString(), commit: process.env.BENCH_COMMIT ?? null, machine: machineFacts(), ...result };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);

const ms = (x) => (x == null ? '–' : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const row = (label, r, phase) => {
  const f = r[phase];
  return `| ${label} | ${phase === 'anonymousSignIn' ? 'POST /api/auth/login, no session' : 'POST /api/reports, signed in'} | ${f.sent} in ${f.seconds.toFixed(1)} s | ${Object.entries(
    f.byStatus,
  )
    .map(([k, v]) => `${v} × ${k}`)
    .join(
      ', ',
    )} | ${ms(f.answerMs.p50)} / ${ms(f.answerMs.max)} | ${f.answerBytes.max} B | ${ms(f.health.p50)} / ${ms(f.health.max)} (${f.health.n} polls, ${f.health.failures.length} failed) | ${f.eventLoopDelay ? ms(f.eventLoopDelay.maxMs) : '–'} |`;
};
const md = [
  '# Body flood: 1 MB JSON bodies of 110 000 properties while /api/health is polled',
  '',
  'Written by `node bench/body-flood.mjs` (`BENCH_LABEL=before|after`; see bench/README.md). Four bodies at a time, 8',
  'rounds (stopped after 90 s), from one address on loopback; /api/health polled every 20 ms meanwhile. The health',
  "check's latency (seen from the benchmark's process) and the API's own event-loop delay (perf_hooks'",
  'monitorEventLoopDelay in the API process, `lib/eld-probe.cjs`) show how long the loop was held. "before" is the',
  'API without the body bounds (the commit before them).',
  '',
  '| Build | Flood | Bodies | Answers | Answer time p50 / max | Largest answer | Health p50 / max | API event-loop delay, max |',
  '|---|---|---|---|---|---|---|---|',
  ...Object.entries(all).flatMap(([label, r]) => [row(label, r, 'anonymousSignIn'), row(label, r, 'signedInReports')]),
  '',
  ...Object.entries(all).map(
    ([label, r]) =>
      `- ${label}: ${r.date}, health at rest p50 ${ms(r.idleHealth.p50)}, max ${ms(r.idleHealth.max)}, event-loop delay at rest max ${r.idleEventLoopDelay ? ms(r.idleEventLoopDelay.maxMs) : '–'}; load average at start ${r.machine.loadAverageAtStart.join(' ')}; ${r.machine.cores} cores, ${r.machine.cpuModel}, Node ${r.machine.node}`,
  ),
  '',
];
writeFileSync(join(RESULTS, 'body-flood.md'), md.join('\n'));
log(`wrote bench/results/body-flood.json and body-flood.md (${LABEL})`);
