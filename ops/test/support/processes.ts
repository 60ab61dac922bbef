// The product and its database as real processes for the operations tests: the API through `node scripts/start.mjs`
// (the built dist/api, as `npm start` runs it), a PostgreSQL that can be stopped and started, fresh databases in the
// jest run's embedded PostgreSQL, and signed-in HTTP sessions over real sockets.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export const ROOT = resolve(__dirname, '../../..');
export const DEMO_PASSWORD = 'est-demo-2026';

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export const freePort = () =>
  new Promise<number>((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });

/** Keeps the last `max` characters of a process's output, for the failure message. */
class Tail {
  private text = '';
  constructor(private readonly max = 2_000_000) {}
  add(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.max);
  }
  toString(): string {
    return this.text;
  }
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A fresh database in the jest run's embedded PostgreSQL (TEST_DATABASE_URL); `drop()` removes it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set (jest globalSetup starts the embedded PostgreSQL)');
  const name = `ops_${randomBytes(6).toString('hex')}`;
  await withClient(base, (c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: base.replace(/\/[^/]*$/, `/${name}`),
    drop: () => withClient(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs `fn` with a connected client and closes it afterwards. */
export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A PostgreSQL server (ops/test/support/pg-server.mjs) on a fixed port and data directory that can be stopped and started again. */
export class PgServer {
  private child?: ChildProcess;
  private readonly log = new Tail();

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server (initialising the data directory the first time); resolves when it accepts connections. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, [join(__dirname, 'pg-server.mjs'), this.dataDir, String(this.port)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr.on('data', (c) => this.log.add(c));
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`PostgreSQL did not start within ${timeoutMs} ms:\n${this.log.toString()}`)), timeoutMs);
      child.stdout.on('data', (c: Buffer) => {
        this.log.add(c);
        if (c.toString().includes('ready')) {
          clearTimeout(timer);
          ok();
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`PostgreSQL exited (${code}) while starting:\n${this.log.toString()}`));
      });
    });
  }

  /** The pids of every process of the server: the postmaster (from postmaster.pid) and its children (from /proc). */
  processIds(): number[] {
    const postmaster = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(postmaster) || postmaster <= 0) throw new Error(`no postmaster pid in ${this.dataDir}/postmaster.pid`);
    const children = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  /** The pids frozen by `freeze()`, until `thaw()`. */
  private frozen: number[] = [];

  /**
   * Freezes the server as a hung machine would: SIGSTOP to the postmaster first (so it forks no new process), then to
   * each of its children. The kernel still accepts TCP connections, but nothing answers. Returns the pids stopped.
   */
  async freeze(): Promise<number[]> {
    if (this.frozen.length) throw new Error('the server is already frozen');
    const [postmaster] = this.processIds();
    process.kill(postmaster, 'SIGSTOP');
    this.frozen = [postmaster];
    // A signal is delivered asynchronously, and a child forked just before the postmaster stopped may not be listed
    // yet: stop every process not yet stopped until all are (T), or have exited and wait to be reaped (Z).
    for (let round = 0; round < 500; round++) {
      const running = Object.entries(this.processStates()).filter(([, st]) => st !== 'T' && st !== 't' && st !== 'Z');
      if (running.length === 0) return [...this.frozen];
      for (const [pid] of running) {
        try {
          process.kill(Number(pid), 'SIGSTOP');
          if (!this.frozen.includes(Number(pid))) this.frozen.push(Number(pid));
        } catch {
          /* exited meanwhile */
        }
      }
      await sleep(20);
    }
    throw new Error(`PostgreSQL did not stop: ${JSON.stringify(this.processStates())}`);
  }

  /** Lets every frozen process run again (children first, then the postmaster); safe to call when nothing is frozen. */
  thaw(): void {
    for (const pid of [...this.frozen].reverse()) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        /* gone */
      }
    }
    this.frozen = [];
  }

  /** The state letter (/proc/<pid>/stat: R, S, T for stopped, …) of each of the server's processes. */
  processStates(): Record<number, string> {
    const states: Record<number, string> = {};
    for (const pid of this.processIds()) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        states[pid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      } catch {
        /* gone */
      }
    }
    return states;
  }

  /** Stops the server (fast shutdown: sessions are ended, open transactions rolled back) and waits until it is gone. */
  async stop(): Promise<void> {
    await stopChild(this.child, 'SIGTERM', 30_000);
    this.child = undefined;
  }
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in user of the API over real HTTP: the session cookie on every request, Origin on writes. */
export class Session {
  constructor(
    readonly base: string,
    readonly cookie: string,
  ) {}

  static async signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${text}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new Session(base, cookie);
  }

  /** One request; a JSON body is sent as JSON, a FormData as multipart. Network failures reject. */
  async request<T = any>(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') headers.origin = this.base;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string, timeoutMs?: number) {
    return this.request<T>('GET', path, undefined, timeoutMs);
  }

  post<T = any>(path: string, body?: unknown, timeoutMs?: number) {
    return this.request<T>('POST', path, body, timeoutMs);
  }
}

/** The product as `npm start` runs it (built, no client), against a given database, on its own port. */
export class ApiProcess {
  private child?: ChildProcess;
  private readonly log = new Tail();
  readonly base: string;
  /** How each run of the process ended, oldest first. */
  readonly exits: { code: number | null; signal: NodeJS.Signals | null }[] = [];

  constructor(
    readonly databaseUrl: string,
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.log.toString();
  }

  /** Starts the process and waits until GET /api/health answers 200; returns the milliseconds it took. */
  async start(timeoutMs = 120_000): Promise<number> {
    if (this.alive) throw new Error('the API is already running');
    const started = Date.now();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SAMVERKA_SKIP_BUILD: '1',
      DATABASE_URL: this.databaseUrl,
      PORT: String(this.port),
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'true',
      DEMO_REPORTS: 'false',
      MAP_TILE_URL: 'none',
      CLIENT_DIR: '/nonexistent',
      ...this.env,
    };
    delete env.NODE_ENV;
    const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout.on('data', (c) => this.log.add(c));
    child.stderr.on('data', (c) => this.log.add(c));
    child.on('exit', (code, signal) => this.exits.push({ code, signal }));
    while (Date.now() - started < timeoutMs) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the API exited (${child.exitCode ?? child.signalCode}) while starting:\n${this.output()}`);
      const status = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(3000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return Date.now() - started;
      await sleep(150);
    }
    throw new Error(`the API did not become healthy within ${timeoutMs} ms:\n${this.output()}`);
  }

  /** Kills the process at once (SIGKILL: no shutdown hooks, open transactions cut off) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process as Ctrl-C does, killing it if it does not stop in time. */
  async stop(): Promise<void> {
    await stopChild(this.child, 'SIGINT', 15_000);
  }
}

/** A PostgreSQL of the test's own (to stop, restart or freeze) with a `samverka` database and one API process on it. */
export interface OwnServer {
  pg: PgServer;
  api: ApiProcess;
  dbUrl: string;
  /** Stops the API and PostgreSQL (thawing a frozen one first) and removes the data directory. */
  stop(): Promise<void>;
}

/** Starts an `OwnServer`; `label` names its data directory, `env` goes to the API process. */
export async function startOwnServer(label: string, env: Record<string, string> = {}, onApiStarted?: (ms: number) => void): Promise<OwnServer> {
  const dir = mkdtempSync(join(tmpdir(), `samverka-${label}-pg-`));
  const pg = new PgServer(dir, await freePort());
  await pg.start();
  await withClient(pg.url, (c) => c.query('CREATE DATABASE samverka'));
  const dbUrl = pg.url.replace(/\/postgres$/, '/samverka');
  const api = new ApiProcess(dbUrl, await freePort(), env);
  const stop = async () => {
    pg.thaw();
    await api.kill();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    onApiStarted?.(await api.start());
  } catch (e) {
    await stop();
    throw e;
  }
  return { pg, api, dbUrl, stop };
}
