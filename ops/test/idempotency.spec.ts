// Idempotency under a real outage: PostgreSQL is stopped in the middle of a burst of creates (reports) and workflow
// events (case analyses), each sent with its own Idempotency-Key, while one writer's network drops answers. Every
// request answered 2xx must be stored; every one answered 503 or cut off at the socket is sent again with its key
// once PostgreSQL is back, and must then be stored exactly once – also the ones stored before their answer was lost.
import { randomUUID } from 'node:crypto';
import { ApiProcess, PgServer, Session, sleep, withClient, OwnServer, startOwnServer } from './support/processes';

const note = (line: string) => process.stdout.write(`[idempotency] ${line}\n`);

interface Answer {
  status: number | 'network';
  body?: any;
  replayed?: boolean;
}

/** A POST as the browser client sends it: same origin, with the Idempotency-Key of the submission. */
async function keyedPost(s: Session, path: string, body: unknown, key: string, dropAnswerAfterMs?: number): Promise<Answer> {
  try {
    const res = await fetch(`${s.base}${path}`, {
      method: 'POST',
      headers: { cookie: s.cookie, origin: s.base, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      // A flaky network: the connection is cut while the API works on the request, so its answer is lost.
      signal: AbortSignal.timeout(dropAnswerAfterMs ?? 15_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, replayed: res.headers.get('idempotent-replayed') === 'true' };
  } catch {
    return { status: 'network' };
  }
}

describe('idempotency: PostgreSQL stopped mid-burst of keyed creates', () => {
  let pg: PgServer;
  let api: ApiProcess;
  let dbUrl: string;
  let server: OwnServer | undefined;
  let stopLoad = false;

  beforeAll(async () => {
    server = await startOwnServer('idem', {}, (ms) => note(`API started in ${ms} ms`));
    ({ pg, api, dbUrl } = server);
  });
  afterAll(async () => {
    stopLoad = true;
    // Never leave a stopped or frozen server behind, also when a test failed half-way.
    await server?.stop();
  });

  it('stores every 2xx, and every 503 or lost answer retried with its key exactly once', async () => {
    const reporter = await Session.signIn(api.base, 'rapportor@exempelbostader.se');
    const analyst = await Session.signIn(api.base, 'analytiker@exempelstad.se');
    const areas = (await reporter.get<{ id: string; name: string }[]>('/api/areas')).body;
    const centrum = areas.find((a) => a.name === 'Centrum')!;
    const categories = (await reporter.get<{ id: string }[]>('/api/categories')).body;

    // Cases in analysis, one per event writer.
    const cases: { id: string; version: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await analyst.post('/api/cases', {
        areaId: centrum.id,
        title: `Ärende under avbrott ${i + 1}`,
        description: 'Belastning medan databasen startas om',
      });
      const started = await analyst.post(`/api/cases/${c.body.id}/events`, { type: 'START_ANALYSIS', version: c.body.version });
      expect(started.status).toBe(200);
      cases.push({ id: c.body.id, version: started.body.version });
    }

    interface Sent {
      kind: 'report' | 'event';
      key: string;
      path: string;
      body: unknown;
      marker: string;
      first: Answer;
      final?: Answer;
      attempts: number;
    }
    const sent: Sent[] = [];
    let seq = 0;
    // Markers of letters only (digits could look like a phone number to the personal-data check).
    const marker = (n: number) => {
      let s = '';
      do {
        s = String.fromCharCode(97 + (n % 26)) + s;
        n = Math.floor(n / 26);
      } while (n > 0);
      return `nyckeltest ${s}`;
    };

    const reportWriter = async (dropAnswers = false) => {
      while (!stopLoad) {
        const m = marker(seq++);
        const body = {
          areaId: centrum.id,
          categoryId: categories[seq % categories.length].id,
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          assessment: 'low',
          policeNotified: false,
          description: `Skräp vid entrén, ${m}`,
        };
        const s: Sent = { kind: 'report', key: randomUUID(), path: '/api/reports', body, marker: m, first: { status: 'network' }, attempts: 1 };
        s.first = await keyedPost(reporter, s.path, body, s.key, dropAnswers ? 2 + (seq % 25) : undefined);
        sent.push(s);
        if (s.first.status !== 201) await sleep(100);
      }
    };
    // A case's events go one after the other: an event whose answer was lost is retried (same key, same version)
    // before the next one is sent, as the client does when the user presses "try again".
    const eventWriter = async (c: { id: string; version: number }) => {
      while (!stopLoad) {
        const m = marker(seq++);
        const body = { type: 'SAVE_ANALYSIS', version: c.version, analysis: `Analys under avbrottet, ${m}` };
        const s: Sent = { kind: 'event', key: randomUUID(), path: `/api/cases/${c.id}/events`, body, marker: m, first: { status: 'network' }, attempts: 1 };
        s.first = await keyedPost(analyst, s.path, body, s.key);
        sent.push(s);
        let answer = s.first;
        while (answer.status !== 200 && !stopLoad) {
          await sleep(200);
          answer = await keyedPost(analyst, s.path, body, s.key);
          s.attempts++;
        }
        if (answer.status === 200) {
          s.final = answer;
          c.version = answer.body.version;
        }
      }
    };
    const load = [reportWriter(), reportWriter(), reportWriter(true), ...cases.map(eventWriter)];

    await sleep(4000);
    await pg.stop();
    await sleep(3000);
    await pg.start();
    const back = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - back < 30_000) {
      healthy =
        (await fetch(`${api.base}/api/health`).then(
          (r) => r.status,
          () => 0,
        )) === 200;
      if (!healthy) await sleep(100);
    }
    expect(healthy).toBe(true);
    await sleep(1500);
    stopLoad = true;
    await Promise.all(load);

    // Every request without a 2xx is sent again with its key until it gets one (the database is back).
    for (const s of sent.filter((x) => !x.final && x.first.status !== 201 && x.first.status !== 200)) {
      let answer: Answer = { status: 'network' };
      for (let i = 0; i < 20 && answer.status !== 201 && answer.status !== 200; i++) {
        answer = await keyedPost(s.kind === 'report' ? reporter : analyst, s.path, s.body, s.key);
        s.attempts++;
        if (answer.status !== 201 && answer.status !== 200) await sleep(250);
      }
      s.final = answer;
    }
    for (const s of sent) s.final ??= s.first;

    const tally = (xs: Answer[]) => xs.reduce<Record<string, number>>((acc, a) => ((acc[String(a.status)] = (acc[String(a.status)] ?? 0) + 1), acc), {});
    const retried = sent.filter((s) => s.attempts > 1);
    note(
      `${sent.length} keyed requests (${sent.filter((s) => s.kind === 'report').length} reports, ${sent.filter((s) => s.kind === 'event').length} case events); first answers ${JSON.stringify(tally(sent.map((s) => s.first)))}`,
    );
    note(
      `${retried.length} retried with their key (${retried.filter((s) => s.first.status === 503).length} after a 503, ${retried.filter((s) => s.first.status === 'network').length} after a lost answer): final answers ${JSON.stringify(tally(retried.map((s) => s.final!)))}, ${retried.filter((s) => s.final!.replayed).length} of them replays of a create stored before its answer was lost`,
    );

    // The outage happened and was noticed (503s), and some answers were lost after their create was stored.
    expect(retried.filter((s) => s.first.status === 503).length).toBeGreaterThan(0);
    expect(retried.filter((s) => s.final!.replayed).length).toBeGreaterThan(0);
    // In the end every request has its 2xx.
    expect(
      sent
        .filter((s) => s.final!.status !== (s.kind === 'report' ? 201 : 200))
        .map((s) => ({ kind: s.kind, first: s.first.status, final: s.final!.status, body: s.final!.body })),
    ).toEqual([]);

    const reports = await withClient(
      dbUrl,
      async (c) => (await c.query(`SELECT id, description FROM reports WHERE description LIKE '%nyckeltest %'`)).rows as { id: string; description: string }[],
    );
    const byMarker = new Map<string, string[]>();
    for (const r of reports) {
      const m = r.description.replace(/^.*, /, '');
      byMarker.set(m, [...(byMarker.get(m) ?? []), r.id]);
    }
    // Every report: stored exactly once, and the answer (first or retried) names the stored row.
    const reportSends = sent.filter((s) => s.kind === 'report');
    expect(
      reportSends
        .filter((s) => (byMarker.get(s.marker) ?? []).length !== 1)
        .map((s) => ({ marker: s.marker, stored: byMarker.get(s.marker)?.length ?? 0, first: s.first.status })),
    ).toEqual([]);
    expect(reportSends.filter((s) => byMarker.get(s.marker)![0] !== s.final!.body.id)).toEqual([]);
    expect(reports.length).toBe(reportSends.length);

    // Every case event: in the history exactly once; the versions count the events with no gap or double.
    for (const c of cases) {
      const history = await withClient(
        dbUrl,
        async (db) =>
          (
            await db.query(
              `SELECT payload->>'analysis' AS analysis, version FROM case_history WHERE case_id = $1 AND event_type = 'SAVE_ANALYSIS' ORDER BY version`,
              [c.id],
            )
          ).rows as { analysis: string; version: number }[],
      );
      const mine = sent.filter((s) => s.kind === 'event' && s.path.includes(c.id));
      expect(history.map((h) => h.analysis.replace(/^.*, /, ''))).toEqual(mine.map((s) => s.marker));
      expect(history.map((h) => h.version)).toEqual(mine.map((_, i) => 3 + i));
    }

    // One stored answer per key, and the audit trail is whole.
    const keys = await withClient(dbUrl, async (c) => (await c.query('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0].n as number);
    expect(keys).toBe(sent.length);
    const verify = await analyst.get('/api/audit/verify');
    expect(verify.body).toMatchObject({ valid: true });
    expect(api.alive).toBe(true);
  });
});
