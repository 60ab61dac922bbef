// Small helpers shared by the benchmark scripts: HTTP with keep-alive, statistics, machine facts, process memory.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request on loopback; resolves with status, headers and the body as text (or Buffer with `raw`). */
export function request(method, url, { body, headers = {}, cookie, raw = false, timeout = 600_000 } = {}) {
  return new Promise((ok, fail) => {
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const h = { ...headers };
    if (payload !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    if (payload !== undefined) h['content-length'] = Buffer.byteLength(payload);
    if (cookie) h.cookie = cookie;
    // A write with the session cookie must say it comes from the product itself, as a browser's does.
    if (cookie && method !== 'GET' && method !== 'HEAD' && !h.origin) h.origin = new URL(url).origin;
    const req = http.request(url, { method, headers: h, agent, timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        ok({ status: res.statusCode, headers: res.headers, body: raw ? buf : buf.toString('utf8') });
      });
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', fail);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** JSON request; throws with the body when the status is not the expected one. */
export async function json(method, url, opts = {}, expect = [200, 201, 202]) {
  const res = await request(method, url, opts);
  if (!expect.includes(res.status)) throw new Error(`${method} ${url} answered ${res.status}: ${res.body.slice(0, 500)}`);
  return res.body ? JSON.parse(res.body) : null;
}

/** Signs in and returns the `samverka_session=…` cookie. */
export async function login(base, email, password = 'est-demo-2026') {
  const res = await request('POST', `${base}/api/auth/login`, { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body.slice(0, 200)}`);
  const set = [].concat(res.headers['set-cookie'] ?? []);
  const c = set.map((s) => s.split(';')[0]).find((s) => s.startsWith('samverka_session='));
  if (!c) throw new Error('no samverka_session cookie in the sign-in answer');
  return c;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Summary of a list of durations in ms. */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, min: s[0], p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1], mean };
}

/** Times `fn` `n` times after `warmup` untimed runs; returns the samples in ms. */
export async function timeIt(fn, { n, warmup = 3 }) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return samples;
}

export const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });

/** VmRSS, VmHWM (peak) of a process in bytes, from /proc. */
export function memoryOf(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}

/** Resets the kernel's peak-RSS counter of a process (so VmHWM is the peak from now on); false when not allowed. */
export function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; `stop()` returns {peakRss, hwm, samples}. */
export function sampleMemory(pid, everyMs = 100) {
  const canReset = resetPeak(pid);
  const start = memoryOf(pid);
  let peak = start.rss;
  const t0 = Date.now();
  const series = [];
  const timer = setInterval(() => {
    const m = memoryOf(pid);
    if (m.rss > peak) peak = m.rss;
    series.push([Date.now() - t0, m.rss]);
    // Keep the series small: every second sample once it grows long.
    if (series.length > 400) for (let i = 1; i < series.length; i++) series.splice(i, 1);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const end = memoryOf(pid);
      return {
        startRss: start.rss,
        endRss: end.rss,
        peakRssSampled: Math.max(peak, end.rss),
        // The kernel's own peak since the reset catches spikes between samples.
        peakRss: canReset ? Math.max(end.hwm, peak) : Math.max(peak, end.rss),
        peakSource: canReset ? 'VmHWM since reset (/proc/<pid>/clear_refs)' : 'VmRSS sampled every 100 ms',
        samples: series.length,
        /** [ms since the start, RSS bytes], thinned out. */
        series,
      };
    },
  };
}

export function machineFacts() {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpuModel;
  } catch {
    /* not Linux */
  }
  let kernel = os.release();
  let distro = '';
  try {
    distro = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    /* ignore */
  }
  let npm = '';
  try {
    npm = execFileSync('npm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* ignore */
  }
  return {
    cpuModel,
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${distro || os.type()} (kernel ${kernel}, ${os.arch()})`,
    node: process.version,
    npm,
  };
}

export const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
export const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/** A line on the console with the time since the run started. */
const t0 = Date.now();
export function log(msg) {
  process.stdout.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
}

let clockTicks = 100;
try {
  clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  /* Linux default */
}

function statOf(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks };
}

/** CPU time (user + system, ms) a process has used so far; NaN when it is gone. */
export function cpuOf(pid) {
  try {
    return statOf(pid).cpuMs;
  } catch {
    return NaN;
  }
}

/** CPU time (ms) of a process and all its direct children (the postmaster and its backends). */
export function cpuOfTree(pid) {
  let total = cpuOf(pid);
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const st = statOf(Number(e));
      if (st.ppid === pid) total += st.cpuMs;
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}

/**
 * Times several variants in turns (one round = each variant once, the order rotating), so that the shared machine's
 * background load falls on all of them alike. Returns {name: samples in ms}.
 */
export async function timeInterleaved(variants, { n, warmup = 3 }) {
  const names = Object.keys(variants);
  for (let w = 0; w < warmup; w++) for (const k of names) await variants[k]();
  const out = Object.fromEntries(names.map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(i + j) % names.length];
      const t = process.hrtime.bigint();
      await variants[k]();
      out[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return out;
}
