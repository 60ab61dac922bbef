// Lighthouse (mobile, performance only) on the sign-in page, the overview and a situational picture, in Debian's
// Chromium. Lighthouse is no dependency of the product: it is taken from LIGHTHOUSE_BIN, else run through
// `npx --yes lighthouse@12.8.2` (downloaded once into npm's cache). Signed-in pages get the session cookie as a header.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, request } from './util.mjs';

export const LIGHTHOUSE_VERSION = '12.8.2';

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err = (err + c).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code}: ${err}`))));
  });
}

/** One Lighthouse run of `url`: the performance score (0–100) and its main metrics in ms. */
async function audit(url, cookie, dir) {
  const out = join(dir, `lh-${Date.now()}.json`);
  const args = [
    url,
    '--only-categories=performance',
    '--form-factor=mobile',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const env = { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
  if (process.env.LIGHTHOUSE_BIN) await run(process.execPath, [process.env.LIGHTHOUSE_BIN, ...args], env);
  else await run('npx', ['--yes', `lighthouse@${LIGHTHOUSE_VERSION}`, ...args], env);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  if (r.runtimeError) throw new Error(`lighthouse: ${r.runtimeError.message}`);
  const ms = (id) => Math.round(r.audits[id]?.numericValue ?? NaN);
  return {
    score: Math.round(r.categories.performance.score * 100),
    fcpMs: ms('first-contentful-paint'),
    lcpMs: ms('largest-contentful-paint'),
    tbtMs: ms('total-blocking-time'),
    cls: Math.round((r.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
    speedIndexMs: ms('speed-index'),
  };
}

/** Runs each page `runs` times (median by score) against the product at `base`; `log` reports progress. */
export async function lighthouse(base, { log = () => undefined, runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 3 } = {}) {
  const cookie = await login(base, 'samordnare@exempelstad.se');
  const areas = JSON.parse((await request('GET', `${base}/api/areas`, { cookie })).body);
  const norrby = areas.find((a) => a.name === 'Norrby') ?? areas[0];
  const pages = [
    { name: 'login', url: `${base}/login`, cookie: null },
    { name: 'overview', url: `${base}/overview`, cookie },
    { name: 'picture', url: `${base}/areas/${norrby.id}/picture`, cookie },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'samverka-lighthouse-'));
  const result = { tool: `lighthouse ${LIGHTHOUSE_VERSION}, mobile preset (simulated slow 4G, 4× CPU slowdown)`, runs, pages: {} };
  try {
    for (const page of pages) {
      const all = [];
      for (let i = 0; i < runs; i++) {
        all.push(await audit(page.url, page.cookie, dir));
        log(`lighthouse ${page.name} run ${i + 1}/${runs}: ${all.at(-1).score}`);
      }
      all.sort((a, b) => a.score - b.score);
      result.pages[page.name] = { median: all[Math.floor(all.length / 2)], scores: all.map((r) => r.score) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
