#!/usr/bin/env node
// Lighthouse on its own (also part of `npm run bench` as BENCH_ONLY=lighthouse): starts the product (scripts/start.mjs,
// demo data, its own embedded PostgreSQL under bench/results/tmp/lighthouse) from the existing build (`npx nx run-many
// -t build -p api client` first), runs Lighthouse's mobile performance audit on the sign-in page, the overview and the
// Norrby picture (BENCH_LIGHTHOUSE_RUNS each, default 3, median), and merges the figures under BENCH_LABEL (default
// "after") into bench/results/lighthouse.json and lighthouse.md.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lighthouse } from './lib/lighthouse.mjs';
import { Product } from './lib/product.mjs';
import { freePort, log, machineFacts } from './lib/util.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIR, '..');
const RESULTS = join(BENCH_DIR, 'results');
const TMP = join(RESULTS, 'tmp', 'lighthouse');
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
let result;
const load0 = os.loadavg()[0];
try {
  await product.start({ build: false });
  result = await lighthouse(product.base, { log });
} finally {
  await product.stop();
  if (process.env.BENCH_KEEP !== '1') rmSync(product.dataDir, { recursive: true, force: true });
}
const file = join(RESULTS, 'lighthouse.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all[LABEL] = {
  date: new Date().toISOString(),
  commit: process.env.BENCH_COMMIT ?? null,
  machine: machineFacts(),
  loadAverage: { start: load0, end: os.loadavg()[0] },
  ...result,
};
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);

const lines = ['# Lighthouse, mobile performance', '', 'Median of the runs per page; the machine is shared, so its load average is given.', ''];
for (const [label, r] of Object.entries(all)) {
  lines.push(
    `## ${label} (${r.date}, load average ${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)})`,
    '',
    `${r.tool}; ${r.runs} runs per page.`,
    '',
  );
  lines.push('| page | score (runs) | FCP | LCP | TBT | CLS | Speed Index |', '|---|---|---|---|---|---|---|');
  for (const [name, p] of Object.entries(r.pages)) {
    const m = p.median;
    lines.push(`| ${name} | ${m.score} (${p.scores.join(', ')}) | ${m.fcpMs} ms | ${m.lcpMs} ms | ${m.tbtMs} ms | ${m.cls} | ${m.speedIndexMs} ms |`);
  }
  lines.push('');
}
writeFileSync(join(RESULTS, 'lighthouse.md'), `${lines.join('\n')}\n`);
log(`wrote bench/results/lighthouse.json and lighthouse.md (${LABEL})`);
