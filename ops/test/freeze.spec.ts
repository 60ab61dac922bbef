// A frozen database: every PostgreSQL process stopped with SIGSTOP, as a hung machine, a storage stall or a paused VM
// would. The kernel still accepts TCP connections but nothing answers, so only timers in the API end the wait: the pool's
// acquire timeout, each statement's read timeout (DB_TIMEOUT_MS) and the dropped connection afterwards. The product runs
// as `npm start` runs it (the built dist/api) and is used over real HTTP; the database is checked directly.
import { ApiProcess, PgServer, Session, sleep, withClient, OwnServer, startOwnServer } from './support/processes';

const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  process.stdout.write(`[freeze] ${line}\n`);
};

/** The setting under test, below its default of 10 s so that the test is shorter. */
const DB_TIMEOUT_MS = 5000;
/** How long the test waits for every answer before it lets PostgreSQL run again, whatever happened. */
const CAP_MS = 30_000;

interface Area {
  id: string;
  name: string;
  places: { id: string; name: string }[];
}

describe('freeze: every PostgreSQL process stopped with SIGSTOP', () => {
  let pg: PgServer;
  let api: ApiProcess;
  let dbUrl: string;
  let server: OwnServer | undefined;

  beforeAll(async () => {
    server = await startOwnServer('freeze', { DB_TIMEOUT_MS: String(DB_TIMEOUT_MS) }, (ms) => note(`API started in ${ms} ms`));
    ({ pg, api, dbUrl } = server);
  });
  afterAll(async () => {
    // Never leave a stopped or frozen server behind, also when a test failed half-way.
    await server?.stop();
  });

  it('answers every request with 503 and Retry-After (or completes it) before PostgreSQL runs again, health says 503, and everything recovers without losing an acknowledged write', async () => {
    const reporter = await Session.signIn(api.base, 'rapportor@exempelbostader.se');
    const coordinator = await Session.signIn(api.base, 'samordnare@exempelstad.se');
    const areaList = (await reporter.get<{ id: string; name: string }[]>('/api/areas')).body;
    const area = (await reporter.get<Area>(`/api/areas/${areaList.find((a) => a.name === 'Centrum')!.id}`)).body;
    const categories = (await reporter.get<{ id: string }[]>('/api/categories')).body;
    const pid = api.pid;

    let seq = 0;
    // Letters only (digits could look like a phone number to the personal-data check).
    const token = (n: number) =>
      `frystest ${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + (Math.floor(n / 26) % 26))}${String.fromCharCode(97 + (Math.floor(n / 676) % 26))}`;
    type Answer = {
      kind: 'write' | 'read' | 'health';
      token?: string;
      status: number | 'network';
      code?: string;
      retryAfter: string | null;
      id?: string;
      ms: number;
      at: number;
    };
    const write = async (): Promise<Answer> => {
      const t = token(seq++);
      const started = Date.now();
      const body = {
        areaId: area.id,
        placeId: area.places[seq % area.places.length].id,
        categoryId: categories[seq % categories.length].id,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        assessment: 'medium',
        policeNotified: false,
        description: `Trasig dörr vid entrén, ${t}`,
      };
      try {
        // The client waits far longer than the cap: a request that hangs shows as unanswered, not as a client timeout.
        const r = await reporter.post('/api/reports', body, 120_000);
        return {
          kind: 'write',
          token: t,
          status: r.status,
          code: r.body?.code,
          retryAfter: r.headers.get('retry-after'),
          id: r.body?.id,
          ms: Date.now() - started,
          at: Date.now(),
        };
      } catch {
        return { kind: 'write', token: t, status: 'network', retryAfter: null, ms: Date.now() - started, at: Date.now() };
      }
    };
    const read = async (): Promise<Answer> => {
      const started = Date.now();
      try {
        const r = await coordinator.get(`/api/reports?areaId=${area.id}&pageSize=5`, 120_000);
        return { kind: 'read', status: r.status, code: r.body?.code, retryAfter: r.headers.get('retry-after'), ms: Date.now() - started, at: Date.now() };
      } catch {
        return { kind: 'read', status: 'network', retryAfter: null, ms: Date.now() - started, at: Date.now() };
      }
    };
    const healthCheck = async (): Promise<Answer & { body?: unknown }> => {
      const started = Date.now();
      try {
        const r = await fetch(`${api.base}/api/health`, { signal: AbortSignal.timeout(120_000) });
        return {
          kind: 'health',
          status: r.status,
          body: await r.json().catch(() => null),
          retryAfter: r.headers.get('retry-after'),
          ms: Date.now() - started,
          at: Date.now(),
        };
      } catch {
        return { kind: 'health', status: 'network', retryAfter: null, ms: Date.now() - started, at: Date.now() };
      }
    };

    // Before: writes are stored, and the pool holds several idle connections (the ones that used to hang).
    const before = await Promise.all([...Array.from({ length: 8 }, write), ...Array.from({ length: 8 }, read)]);
    expect(before.map((a) => a.status)).toEqual([...Array(8).fill(201), ...Array(8).fill(200)]);

    const frozenPids = await pg.freeze();
    const frozenAt = Date.now();
    const states = pg.processStates();
    // Stopped, or exited and not yet reaped by the (stopped) postmaster: nothing of PostgreSQL runs.
    expect(Object.values(states).every((s) => s === 'T' || s === 't' || s === 'Z')).toBe(true);
    note(`froze ${frozenPids.length} PostgreSQL processes (postmaster and children): ${JSON.stringify(states)}`);

    // A burst of reads and writes, and health probes, while nothing in PostgreSQL runs: more requests than the pool has
    // connections, so some wait on idle pooled connections, some for new ones and some for a free slot.
    const burst = Promise.all([
      ...Array.from({ length: 15 }, write),
      ...Array.from({ length: 15 }, read),
      ...Array.from({ length: 3 }, healthCheck),
      // One more after the others have taken the pool.
      sleep(1000).then(() => Promise.all([write(), read(), healthCheck()])),
    ]);
    let capTimer: NodeJS.Timeout | undefined;
    const cap = new Promise<null>((ok) => (capTimer = setTimeout(() => ok(null), CAP_MS)));
    const answered = await Promise.race([burst.then((a) => a.flat()), cap]);
    clearTimeout(capTimer);
    const thawedAt = Date.now();
    // Still frozen when the last answer came: no answer could have been PostgreSQL's.
    const stillFrozen = Object.values(pg.processStates()).every((s) => s === 'T');
    pg.thaw();
    note(
      `every answer came ${answered ? `within ${thawedAt - frozenAt} ms` : `NOT within ${CAP_MS} ms`} of the freeze, PostgreSQL still stopped: ${stillFrozen}`,
    );

    // Every request was answered before PostgreSQL was let run again (none waited for it), as 503 with Retry-After.
    expect(answered).not.toBeNull();
    expect(stillFrozen).toBe(true);
    const answers = answered!;
    note(
      `answers during the freeze: ${JSON.stringify(answers.reduce<Record<string, number>>((acc, a) => ((acc[`${a.kind} ${a.status}${a.code ? ` ${a.code}` : ''}`] = (acc[`${a.kind} ${a.status}${a.code ? ` ${a.code}` : ''}`] ?? 0) + 1), acc), {}))}`,
    );
    const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
    note(
      `time to answer (ms, DB_TIMEOUT_MS=${DB_TIMEOUT_MS}): median ${ms[Math.floor(ms.length / 2)]}, max ${ms.at(-1)}; health ${answers
        .filter((a) => a.kind === 'health')
        .map((a) => a.ms)
        .join(', ')}`,
    );
    for (const a of answers.filter((x) => x.kind !== 'health')) {
      expect({ kind: a.kind, status: a.status, code: a.code, retryAfter: a.retryAfter }).toEqual({
        kind: a.kind,
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }
    for (const h of answers.filter((x) => x.kind === 'health')) {
      expect({ status: h.status, body: (h as { body?: unknown }).body, retryAfter: h.retryAfter }).toEqual({
        status: 503,
        body: { status: 'unavailable', database: 'down' },
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    }
    // The API lived through it.
    expect({ alive: api.alive, pid: api.pid, exits: api.exits }).toEqual({ alive: true, pid, exits: [] });

    // After SIGCONT: healthy again by itself, and writes are stored.
    let healthy = 0;
    for (const t0 = Date.now(); !healthy && Date.now() - t0 < 60_000;) {
      const h = await healthCheck();
      if (h.status === 200) healthy = Date.now();
      else await sleep(200);
    }
    expect(healthy).toBeGreaterThan(0);
    note(`healthy again ${healthy - thawedAt} ms after SIGCONT`);
    let after: Answer[] = [];
    for (const t0 = Date.now(); Date.now() - t0 < 60_000;) {
      after = await Promise.all([...Array.from({ length: 8 }, write), ...Array.from({ length: 8 }, read)]);
      if (after.every((a) => a.status === 201 || a.status === 200)) break;
      await sleep(500);
    }
    expect(after.map((a) => a.status)).toEqual([...Array(8).fill(201), ...Array(8).fill(200)]);

    // No acknowledged write is lost; a refused one may have been committed by the resumed server (its COMMIT was
    // already on the wire), and nothing else is there.
    const all = [...before, ...answers, ...after].filter((a) => a.kind === 'write');
    const acked = all.filter((a) => a.status === 201);
    const stored = await withClient(
      dbUrl,
      async (c) => (await c.query(`SELECT id, description FROM reports WHERE description LIKE '%frystest %'`)).rows as { id: string; description: string }[],
    );
    const storedIds = new Set(stored.map((r) => r.id));
    expect(acked.filter((w) => !storedIds.has(w.id!))).toEqual([]);
    const storedTokens = new Set(stored.map((r) => r.description.replace(/^.*, /, '')));
    expect(stored.length).toBe(storedTokens.size);
    expect([...storedTokens].every((t) => all.some((w) => w.token === t))).toBe(true);
    note(`${all.length} writes: ${acked.length} acknowledged and stored, ${stored.length - acked.length} refused during the freeze but committed after it`);

    const verify = await coordinator.get('/api/audit/verify');
    expect(verify.body).toMatchObject({ valid: true });
  });
});
