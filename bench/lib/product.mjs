// Starts and stops the product exactly as `npm start` does (node scripts/start.mjs), on the benchmark's own data
// directory and ports, and gives the benchmarks a pg connection to the same embedded PostgreSQL.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { log, request, sleep } from './util.mjs';

export const BENCH_SESSION_SECRET = 'samverka-benchmark-session-secret-0123456789';

export class Product {
  /**
   * @param {object} o root, dataDir (absolute), port, pgPort, logFile, logLevel
   */
  constructor(o) {
    Object.assign(this, o);
    this.base = `http://127.0.0.1:${o.port}`;
    this.child = null;
  }

  env(extra = {}) {
    const env = { ...process.env };
    // The benchmark always runs on its own embedded PostgreSQL, in demo mode.
    for (const k of ['DATABASE_URL', 'NODE_ENV', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'CLIENT_DIR', 'COOKIE_SECURE']) delete env[k];
    return {
      ...env,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      PG_PORT: String(this.pgPort),
      DEMO_MODE: 'true',
      DEMO_REPORTS: 'false',
      LOG_LEVEL: this.logLevel,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      MAP_TILE_URL: 'none',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      ...extra,
    };
  }

  /** Spawns start.mjs and resolves when /api/health answers 200; returns the milliseconds from spawn to healthy. */
  async start({ build = false, timeoutMs = 300_000, nodeArgs = [] } = {}) {
    if (this.child) throw new Error('the product is already running');
    const out = openSync(this.logFile, 'a');
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, join(this.root, 'scripts/start.mjs')], {
      cwd: this.root,
      env: this.env(build ? {} : { SAMVERKA_SKIP_BUILD: '1' }),
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    this.child = child;
    this.exit = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
    let exited = null;
    void this.exit.then((e) => (exited = e));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) {
        this.child = null;
        throw new Error(`the product exited during start-up (${JSON.stringify(exited)}); see ${this.logFile}`);
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`the product was not healthy within ${timeoutMs / 1000} s; see ${this.logFile}`);
      }
      try {
        const res = await request('GET', `${this.base}/api/health`, { timeout: 2000 });
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      await sleep(25);
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    this.pid = child.pid;
    return ms;
  }

  /** SIGINT (as Ctrl-C): the launcher closes the API, then stops PostgreSQL. Returns {ms, code, signal, clean}. */
  async stop(timeoutMs = 45_000) {
    const child = this.child;
    if (!child) return null;
    const t0 = Date.now();
    child.kill('SIGINT');
    let timer;
    const res = await Promise.race([this.exit, new Promise((ok) => (timer = setTimeout(() => ok(null), timeoutMs)))]);
    clearTimeout(timer);
    this.child = null;
    if (!res) {
      log(`the product did not stop within ${timeoutMs / 1000} s; killing process ${child.pid} and its PostgreSQL`);
      child.kill('SIGKILL');
      this.killStrayPostgres();
      return { ms: Date.now() - t0, code: null, signal: 'SIGKILL', clean: false };
    }
    // PostgreSQL must be down too (the launcher waits for it).
    const stray = this.postmasterPid();
    return { ms: Date.now() - t0, ...res, clean: res.code === 0 && !stray };
  }

  /** The PID of a PostgreSQL still running on the benchmark's data directory, if any. */
  postmasterPid() {
    const f = join(this.dataDir, 'pg', 'postmaster.pid');
    if (!existsSync(f)) return null;
    const pid = Number(readFileSync(f, 'utf8').split('\n')[0]);
    if (!pid) return null;
    try {
      process.kill(pid, 0);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmd.includes('postgres') && cmd.includes(this.dataDir) ? pid : null;
    } catch {
      return null;
    }
  }

  /** Stops a PostgreSQL left running on our data directory by an interrupted earlier run (by its PID, nothing else). */
  killStrayPostgres() {
    const pid = this.postmasterPid();
    if (!pid) return false;
    try {
      process.kill(pid, 'SIGINT'); // fast shutdown
    } catch {
      /* gone */
    }
    return true;
  }

  async waitNoPostgres(timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.postmasterPid() && Date.now() < deadline) await sleep(100);
  }

  get databaseUrl() {
    const password = readFileSync(join(this.dataDir, 'pg-password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.pgPort}/samverka`;
  }

  /** A pg pool on the product's database (for generating data, the SQL baselines and checks). */
  pool(max = 4) {
    const pool = new pg.Pool({ connectionString: this.databaseUrl, max, application_name: 'samverka-bench' });
    // An idle connection ends when the product stops PostgreSQL; that is expected, not a crash.
    pool.on('error', () => undefined);
    return pool;
  }
}
