// Faults: the API process killed with SIGKILL in the middle of a large import and of a burst of case events, and
// PostgreSQL stopped and started under load. The product runs as `npm start` runs it (node scripts/start.mjs, the built
// dist/api) and is used over real HTTP with session cookies; the database is checked directly.
import { Actor, CASE_RULES, CaseEvent, caseMachine, decide } from '@samverka/workflows';
import { createActor } from 'xstate';
import { ApiProcess, freePort, freshDatabase, PgServer, Session, sleep, withClient, OwnServer, startOwnServer } from './support/processes';

/** Figures for the log: what each fault did. */
const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  process.stdout.write(`[faults] ${line}\n`);
};

interface Area {
  id: string;
  name: string;
  places: { id: string; name: string }[];
}
interface Category {
  id: string;
  code: string;
  labelSv: string;
}

async function directory(s: Session): Promise<{ areas: Area[]; categories: Category[]; orgs: Record<string, string> }> {
  const list = (await s.get<{ id: string }[]>('/api/areas')).body;
  const areas = await Promise.all(list.map(async (a) => (await s.get<Area>(`/api/areas/${a.id}`)).body));
  const categories = (await s.get<Category[]>('/api/categories')).body;
  const orgs = Object.fromEntries((await s.get<{ id: string; name: string }[]>('/api/organizations')).body.map((o) => [o.name, o.id]));
  return { areas, categories, orgs };
}

const TEXTS = [
  'Krossad ruta i busskuren',
  'Klotter på väggen vid entrén',
  'Ungdomar samlas och kastar flaskor',
  'Nedskräpning vid återvinningen',
  'Trasig belysning i gångtunneln',
  'Stökigt vid torget sent på kvällen',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** A police export of `n` incidents (`;`, Swedish headers): every row valid and with its own id. */
function incidentCsv(n: number, tag: string, areas: Area[], categories: Category[]): Buffer {
  const lines = ['Händelse-id;Tidpunkt;Område;Plats;Kategori;Beskrivning'];
  for (let i = 0; i < n; i++) {
    const area = areas[i % areas.length];
    const place = area.places[(i * 7) % area.places.length];
    const cat = categories[(i * 5 + (i >> 4)) % categories.length];
    // Daytime in 2025, away from the hours the clocks change.
    const time = `2025-${pad(1 + (i % 12))}-${pad(1 + ((i >> 4) % 28))} ${pad(8 + (i % 11))}:${pad((i * 7) % 60)}`;
    lines.push(`${tag}-${i};${time};${area.name};${place.name};${cat.labelSv};${TEXTS[i % TEXTS.length]}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

describe('faults: the API killed with SIGKILL mid-write', () => {
  let db: { url: string; drop: () => Promise<void> };
  let api: ApiProcess;
  let second: ApiProcess | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
    api = new ApiProcess(db.url, await freePort());
    note(`API started in ${await api.start()} ms`);
  });
  afterAll(async () => {
    await api?.kill();
    await second?.kill();
    await db?.drop();
  });

  const sql = <T = any>(text: string, params: unknown[] = []) => withClient(db.url, async (c) => (await c.query(text, params)).rows as T[]);

  it('leaves a large import killed mid-way absent and marked failed (not running) after the restart; the same file imports afterwards', async () => {
    const coordinator = await Session.signIn(api.base, 'samordnare@exempelstad.se');
    const { areas, categories } = await directory(coordinator);
    // A second API process on the same database, as behind a load balancer: it must leave the first one's import alone.
    second = new ApiProcess(db.url, await freePort());
    const secondStarting = second.start();
    const ROWS = 50_000;
    const csv = incidentCsv(ROWS, 'KILL', areas, categories);
    note(`import: second API process started in ${await secondStarting} ms`);
    const upload = () => {
      const form = new FormData();
      form.append('mode', 'all_or_nothing');
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'polisen-export.csv');
      return coordinator.post('/api/reports/import', form, 120_000);
    };
    const started = await upload();
    expect(started.status).toBe(202);
    const importId: string = started.body.id;

    // Wait until the import has read (and inserted, in its open transaction) a few batches, then kill the process.
    let seen: { status: string; rowsRead: number; importedRows: number } = started.body;
    const deadline = Date.now() + 60_000;
    while (seen.status === 'running' && seen.rowsRead < ROWS / 5 && Date.now() < deadline) {
      await sleep(50);
      seen = (await coordinator.get(`/api/imports/${importId}`)).body;
    }
    expect({ status: seen.status, reading: seen.rowsRead > 0 }).toEqual({ status: 'running', reading: true });
    // Asked through the other process (which checks whether a running import's process is gone), it is still running.
    const viaSecond = await new Session(second.base, coordinator.cookie).get(`/api/imports/${importId}`);
    expect(viaSecond.body).toMatchObject({ status: 'running' });
    await api.kill();
    note(`import: killed after ${seen.rowsRead} of ${ROWS} rows read (${seen.importedRows} inserted in its open transaction)`);

    // The crash leaves the row as it was; the rows inserted so far were never committed.
    const [left] = await sql(`SELECT status FROM imports WHERE id = $1`, [importId]);
    expect(left.status).toBe('running');
    expect((await sql(`SELECT count(*)::int AS n FROM reports WHERE import_id = $1`, [importId]))[0].n).toBe(0);

    note(`import: API restarted in ${await api.start()} ms`);
    // The session survives the restart (sessions live in PostgreSQL).
    const after = await coordinator.get(`/api/imports/${importId}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(after.body.error).toMatch(/interrupted/i);
    const [{ n: kept }] = await sql(`SELECT count(*)::int AS n FROM reports WHERE import_id = $1`, [importId]);
    // All or nothing: no rows of a failed import, all of a completed one.
    expect(kept).toBe(after.body.status === 'completed' ? ROWS : 0);
    expect(await sql(`SELECT id FROM imports WHERE status = 'running'`)).toEqual([]);
    note(`import: after the restart status ${after.body.status} ("${after.body.error}"), ${kept} of its reports in the database`);
    await second.stop();
    expect(second.exits).toEqual([{ code: 0, signal: null }]);

    // The same file again imports completely (nothing of the killed import counts as a duplicate).
    const again = await upload();
    expect(again.status).toBe(202);
    const t0 = Date.now();
    let done = again.body;
    while (done.status === 'running' && Date.now() - t0 < 150_000) {
      await sleep(250);
      done = (await coordinator.get(`/api/imports/${again.body.id}`)).body;
    }
    expect(done).toMatchObject({ status: 'completed', rowsRead: ROWS, importedRows: ROWS, duplicateRows: 0, rejectedCount: 0 });
    expect((await sql(`SELECT count(*)::int AS n FROM reports WHERE import_id = $1`, [again.body.id]))[0].n).toBe(ROWS);
    note(`import: the same file imported afterwards, ${done.importedRows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  it('keeps every case consistent when killed during a burst of case events: the state is what replaying its history gives, every acknowledged event is in it', async () => {
    const [analyst, police] = await Promise.all(['analytiker@exempelstad.se', 'polischef@exempelstad.se'].map((e) => Session.signIn(api.base, e)));
    const { areas, orgs } = await directory(analyst);
    const norrby = areas.find((a) => a.name === 'Norrby')!;
    const CASES = 20;
    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = await analyst.post('/api/cases', {
        areaId: norrby.id,
        title: `Samlingar vid plats ${String.fromCharCode(65 + i)}`,
        description: 'Återkommande samlingar kvällstid',
      });
      expect(c.status).toBe(201);
      const started = await analyst.post(`/api/cases/${c.body.id}/events`, { type: 'START_ANALYSIS', version: 1 });
      expect(started.status).toBe(200);
      caseIds.push(c.body.id);
    }
    const plan = {
      cause: 'Trasig belysning och dörr som inte går i lås',
      what: 'Ny belysning och passagesystem',
      goal: 'Inga samlingar efter kl 22',
      organizationId: orgs['Exempelbostäder AB'],
      dueDate: '2027-06-30',
      kind: 'one_off',
      term: 'short',
    };
    // analysis → analysis → proposed → analysis → …, sent by the analyst and the police commander.
    const cycle: [Session, Record<string, unknown>][] = [
      [analyst, { type: 'SAVE_ANALYSIS', analysis: 'Ungdomar samlas fredag och lördag kväll, belysningen är trasig.' }],
      [analyst, { type: 'PROPOSE', actions: [plan] }],
      [police, { type: 'SEND_BACK', note: 'Behöver mer underlag från polisen' }],
    ];

    const acked: { caseId: string; type: string; version: number }[] = [];
    const statuses: Record<string, number> = {};
    let inFlight = 0;
    let stop = false;
    // One worker per case; each event is sent twice at once with the same version: exactly one may win.
    const worker = async (caseId: string) => {
      let version = 2;
      for (let step = 0; !stop; step++) {
        const [agent, body] = cycle[step % cycle.length];
        const send = async () => {
          inFlight++;
          try {
            return await agent.post(`/api/cases/${caseId}/events`, { ...body, version }, 20_000);
          } finally {
            inFlight--;
          }
        };
        const results = await Promise.allSettled([send(), send()]);
        let won = false;
        for (const r of results) {
          const key = r.status === 'fulfilled' ? String(r.value.status) : 'network error';
          statuses[key] = (statuses[key] ?? 0) + 1;
          if (r.status === 'fulfilled' && r.value.status === 200) {
            acked.push({ caseId, type: String(body.type), version: r.value.body.version });
            version = r.value.body.version;
            won = true;
          }
        }
        if (!won) return;
      }
    };
    const burstStarted = Date.now();
    const workers = caseIds.map(worker);
    while (acked.length < 150 && Date.now() - burstStarted < 60_000) await sleep(10);
    const inFlightAtKill = inFlight;
    await api.kill();
    stop = true;
    await Promise.all(workers);
    // Answers that arrived while the signal was on its way count as acknowledged too.
    const ackedAtKill = acked.length;
    note(
      `case burst: killed after ${((Date.now() - burstStarted) / 1000).toFixed(1)} s with ${ackedAtKill} events acknowledged over ${CASES} cases, ${inFlightAtKill} requests in flight; answers ${JSON.stringify(statuses)}`,
    );
    expect(ackedAtKill).toBeGreaterThanOrEqual(150);
    // Before the kill, of two identical events one won and the other was refused as stale: never both.
    const pairs = new Map<string, number>();
    for (const a of acked) pairs.set(`${a.caseId}:${a.version}`, (pairs.get(`${a.caseId}:${a.version}`) ?? 0) + 1);
    expect([...pairs.values()].every((n) => n === 1)).toBe(true);

    note(`case burst: API restarted in ${await api.start()} ms`);
    const users = new Map(
      (
        await sql<{ id: string; roles: Extract<Actor, { kind: 'user' }>['roles']; organization_id: string }>('SELECT id, roles, organization_id FROM users')
      ).map((u) => [u.id, u]),
    );
    let historyRows = 0;
    let extra = 0;
    for (const caseId of caseIds) {
      const [c] = await sql<{ state: string; version: number; snapshot: { value: string; context: Record<string, unknown> } }>(
        'SELECT state, version, snapshot FROM cases WHERE id = $1',
        [caseId],
      );
      const history = (
        await analyst.get<
          {
            eventType: string;
            payload: Record<string, unknown> | null;
            fromState: string | null;
            toState: string;
            version: number;
            actor: { id: string } | null;
            at: string;
          }[]
        >(`/api/cases/${caseId}/history`)
      ).body;
      historyRows += history.length;
      // The chain: created at version 1, each row one version on from where the previous one ended.
      expect(history[0]).toMatchObject({ eventType: 'CREATED', fromState: null, toState: 'reported', version: 1 });
      history.forEach((h, i) => {
        expect(h.version).toBe(i + 1);
        if (i > 0) expect(h.fromState).toBe(history[i - 1].toState);
      });
      expect({ state: c.state, version: c.version, snapshot: c.snapshot.value }).toEqual({
        state: history.at(-1)!.toState,
        version: history.length,
        snapshot: c.state,
      });

      // Replaying the history through the case machine gives the stored state and context.
      let snap = createActor(caseMachine, {
        input: { partnerIds: c.snapshot.context.partnerIds as string[], reopenDays: c.snapshot.context.reopenDays as number },
      }).getSnapshot();
      for (const h of history.slice(1)) {
        const u = users.get(h.actor!.id)!;
        const actor: Actor = { kind: 'user', id: u.id, roles: u.roles, organizationId: u.organization_id };
        const d = decide(caseMachine, snap, { ...(h.payload ?? {}), type: h.eventType, actor, now: h.at } as CaseEvent, CASE_RULES);
        expect(d.ok).toBe(true);
        if (d.ok) snap = d.next;
        expect(String(snap.value)).toBe(h.toState);
      }
      expect(String(snap.value)).toBe(c.state);
      expect(JSON.parse(JSON.stringify(snap.context))).toEqual(c.snapshot.context);

      // Every event acknowledged before the kill is in the history; the audit trail has one entry per history row.
      const mine = acked.filter((a) => a.caseId === caseId);
      for (const a of mine) expect(history.find((h) => h.version === a.version)?.eventType).toBe(a.type);
      extra += history.length - 2 - mine.length;
      const [{ n: audits }] = await sql(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = 'case' AND entity_id = $1`, [caseId]);
      expect(audits).toBe(history.length);

      // And the case takes events again.
      const next = cycle[(c.version - 2) % cycle.length];
      const res = await next[0].post(`/api/cases/${caseId}/events`, { ...next[1], version: c.version });
      expect({ status: res.status, version: res.body.version }).toEqual({ status: 200, version: c.version + 1 });
    }
    const verify = await analyst.get('/api/audit/verify');
    expect(verify.body).toMatchObject({ valid: true });
    note(
      `case burst: after the restart ${historyRows} history rows over ${CASES} cases, all ${ackedAtKill} acknowledged events present, ${extra} committed but unacknowledged (cut off in flight); audit trail valid (${verify.body.entries} entries)`,
    );
  });
});

describe('faults: PostgreSQL stopped and started under load', () => {
  let pg: PgServer;
  let api: ApiProcess;
  let dbUrl: string;
  let server: OwnServer | undefined;
  /** Ends the load loops (also when a test fails half-way, so that nothing keeps jest alive). */
  let stopLoad = false;

  beforeAll(async () => {
    server = await startOwnServer('faults', {}, (ms) => note(`PG restart: API started in ${ms} ms`));
    ({ pg, api, dbUrl } = server);
  });
  afterAll(async () => {
    stopLoad = true;
    // Never leave a stopped or frozen server behind, also when a test failed half-way.
    await server?.stop();
  });

  it('answers 503 while the database is down, recovers by itself when it is back, and loses no acknowledged write', async () => {
    const reporter = await Session.signIn(api.base, 'rapportor@exempelbostader.se');
    const coordinator = await Session.signIn(api.base, 'samordnare@exempelstad.se');
    const { areas, categories } = await directory(reporter);
    const area = areas.find((a) => a.name === 'Centrum')!;
    const pid = api.pid;

    type Phase = 'before' | 'stopping' | 'down' | 'starting' | 'after';
    let phase: Phase = 'before';
    /** The phase a request ran in, or `a>b` for one that was still under way when the phase changed. */
    const during = (startedIn: Phase) => (startedIn === phase ? startedIn : `${startedIn}>${phase}`);
    const writes: { token: string; phase: string; status: number | 'network'; code?: string; retryAfter?: string | null; id?: string; at: number }[] = [];
    const reads: { phase: string; status: number | 'network'; code?: string }[] = [];
    const health: { phase: string; status: number | 'network'; body?: unknown; at: number }[] = [];
    let seq = 0;
    // A token of letters only (digits could look like a phone number to the personal-data check).
    const token = (n: number) => {
      let s = '';
      do {
        s = String.fromCharCode(97 + (n % 26)) + s;
        n = Math.floor(n / 26);
      } while (n > 0);
      return `lasttest ${s}`;
    };

    const writer = async () => {
      while (!stopLoad) {
        const t = token(seq++);
        const p = phase;
        const body = {
          areaId: area.id,
          placeId: area.places[seq % area.places.length].id,
          categoryId: categories[seq % categories.length].id,
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          assessment: 'medium',
          policeNotified: false,
          description: `Stökigt vid entrén, ${t}`,
        };
        try {
          const r = await reporter.post('/api/reports', body, 15_000);
          writes.push({
            token: t,
            phase: during(p),
            status: r.status,
            code: r.body?.code,
            retryAfter: r.headers.get('retry-after'),
            id: r.body?.id,
            at: Date.now(),
          });
          if (r.status >= 300) await sleep(100);
        } catch {
          writes.push({ token: t, phase: during(p), status: 'network', at: Date.now() });
          await sleep(100);
        }
      }
    };
    const reader = async () => {
      while (!stopLoad) {
        const p = phase;
        try {
          const r = await reporter.get(`/api/reports?areaId=${area.id}&pageSize=5`, 15_000);
          reads.push({ phase: during(p), status: r.status, code: r.body?.code });
          if (r.status >= 300) await sleep(100);
        } catch {
          reads.push({ phase: during(p), status: 'network' });
          await sleep(100);
        }
      }
    };
    const prober = async () => {
      while (!stopLoad) {
        const p = phase;
        try {
          const r = await fetch(`${api.base}/api/health`, { signal: AbortSignal.timeout(10_000) });
          const body = await r.json().catch(() => null);
          health.push({ phase: during(p), status: r.status, body, at: Date.now() });
        } catch {
          health.push({ phase: during(p), status: 'network', at: Date.now() });
        }
        await sleep(100);
      }
    };
    const load = [writer(), writer(), writer(), reader(), prober()];

    await sleep(3000);
    phase = 'stopping';
    const stopAt = Date.now();
    await pg.stop();
    phase = 'down';
    note(`PG restart: PostgreSQL stopped in ${Date.now() - stopAt} ms`);
    await sleep(5000);
    // The API lives through the outage (if not, how it ended and its last words).
    expect({ alive: api.alive, exits: api.exits, log: api.alive ? '' : api.output().slice(-4000) }).toEqual({ alive: true, exits: [], log: '' });
    phase = 'starting';
    await pg.start();
    const pgBack = Date.now();
    phase = 'after';
    let healthyAt = 0;
    while (!healthyAt && Date.now() - pgBack < 30_000) {
      const h = health.filter((x) => x.at >= pgBack && x.status === 200);
      if (h.length) healthyAt = h[0].at;
      else await sleep(50);
    }
    let writableAt = 0;
    while (!writableAt && Date.now() - pgBack < 30_000) {
      const w = writes.filter((x) => x.at >= pgBack && x.status === 201);
      if (w.length) writableAt = w[0].at;
      else await sleep(50);
    }
    await sleep(3000);
    stopLoad = true;
    await Promise.all(load);

    const tally = (xs: { phase: string; status: number | 'network'; code?: string }[], p: string) =>
      xs
        .filter((x) => x.phase === p)
        .reduce<Record<string, number>>((acc, x) => {
          const k = `${x.status}${x.code && x.status !== 200 && x.status !== 201 ? ` ${x.code}` : ''}`;
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {});
    for (const p of [...new Set([...writes, ...reads, ...health].map((x) => x.phase))]) {
      note(
        `PG restart: ${p}: writes ${JSON.stringify(tally(writes, p))}, reads ${JSON.stringify(tally(reads, p))}, health ${JSON.stringify(tally(health, p))}`,
      );
    }
    note(
      `PG restart: health 200 again ${healthyAt ? healthyAt - pgBack : 'never'} ms and the first write stored ${writableAt ? writableAt - pgBack : 'never'} ms after PostgreSQL was back`,
    );

    // The API process lived through it: same process, never exited.
    expect({ alive: api.alive, pid: api.pid, exits: api.exits }).toEqual({ alive: true, pid, exits: [] });
    // Before: everything worked.
    expect(writes.filter((w) => w.phase === 'before').every((w) => w.status === 201)).toBe(true);
    expect(health.filter((h) => h.phase === 'before').every((h) => h.status === 200)).toBe(true);
    // While down: health says so with 503; requests are refused with 503 and a code and Retry-After, never 2xx or 500.
    const downHealth = health.filter((h) => h.phase === 'down');
    expect(downHealth.length).toBeGreaterThan(5);
    for (const h of downHealth) expect({ status: h.status, body: h.body }).toEqual({ status: 503, body: { status: 'unavailable', database: 'down' } });
    const downWrites = writes.filter((w) => w.phase === 'down');
    expect(downWrites.length).toBeGreaterThan(5);
    for (const w of downWrites)
      expect({ status: w.status, code: w.code, retryAfter: !!w.retryAfter }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: true });
    for (const r of reads.filter((x) => x.phase === 'down')) expect({ status: r.status, code: r.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    // Nothing answered 500 or failed at the socket at any time.
    const failures = [...writes, ...reads, ...health].filter((x) => x.status === 'network' || x.status === 500);
    const errorsLogged = () =>
      api
        .output()
        .split('\n')
        .filter((l) => l.includes('"level":50') && l.includes('ApiExceptionFilter'));
    expect({ failures, errorsLogged: failures.length ? errorsLogged() : [] }).toEqual({ failures: [], errorsLogged: [] });
    // It recovered by itself, quickly, and stayed up.
    expect(healthyAt).toBeGreaterThan(0);
    expect(healthyAt - pgBack).toBeLessThan(10_000);
    expect(writableAt).toBeGreaterThan(0);
    const settled = writes.filter((w) => w.at > writableAt + 1000);
    expect(settled.length).toBeGreaterThan(5);
    expect(settled.every((w) => w.status === 201)).toBe(true);

    // Every write answered 2xx is in the database; of the others, only those cut off while the server stopped may be.
    const acked = writes.filter((w) => w.status === 201);
    const stored = await withClient(
      dbUrl,
      async (c) => (await c.query(`SELECT id, description FROM reports WHERE description LIKE '%lasttest %'`)).rows as { id: string; description: string }[],
    );
    const storedIds = new Set(stored.map((r) => r.id));
    expect(acked.filter((w) => !storedIds.has(w.id!))).toEqual([]);
    const storedTokens = new Set(stored.map((r) => r.description.replace(/^.*, /, '')));
    const refusedButStored = writes.filter((w) => w.status !== 201 && storedTokens.has(w.token));
    expect(refusedButStored.filter((w) => !w.phase.includes('stopping'))).toEqual([]);
    expect(stored.length).toBe(acked.length + refusedButStored.length);
    note(
      `PG restart: ${writes.length} writes (${acked.length} acknowledged, all stored; ${refusedButStored.length} refused but stored, cut off in flight), ${reads.length} reads, ${health.length} health probes`,
    );

    const verify = await coordinator.get('/api/audit/verify');
    expect(verify.body).toMatchObject({ valid: true });

    // The live-update connection (LISTEN for meeting changes) is back too.
    const listening = () =>
      withClient(
        pg.url,
        async (c) =>
          (await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'samverka-listen' AND datname = 'samverka'`)).rows[0]
            .n as number,
      );
    let listeners = await listening();
    for (const t0 = Date.now(); listeners === 0 && Date.now() - t0 < 10_000; listeners = await listening()) await sleep(200);
    expect(listeners).toBe(1);
  });
});
