import { Client } from 'pg';
import request from 'supertest';
import type { EntitySubscriberInterface } from 'typeorm';
import { ImportsService } from '../src/imports/imports.service';
import { MATRIX, type Call, type Entry, type Fixtures, type Principal } from './authz-matrix';
import { buildFixtures } from './authz/fixtures';
import { startTestApp, TestApp } from './harness';

/** Every create (and workflow event) that honours an Idempotency-Key. */
const IDEMPOTENT = [
  'POST /api/reports',
  'POST /api/reports/import',
  'POST /api/reports/{id}/redactions',
  'POST /api/cases',
  'POST /api/cases/{id}/events',
  'POST /api/actions/{id}/events',
  'POST /api/meetings',
  'POST /api/meetings/{id}/events',
  'POST /api/meetings/{id}/decisions',
  'POST /api/meetings/{id}/items/{itemId}/statements',
  'POST /api/meetings/{id}/revisions',
  'POST /api/organizations',
  'POST /api/areas',
  'POST /api/areas/{id}/places',
  'POST /api/categories',
  'POST /api/walks',
  'POST /api/walks/{id}/events',
  'POST /api/walks/{id}/findings',
  'POST /api/walks/{id}/findings/{findingId}/photos',
  'POST /api/walk-checklists',
  'POST /api/areas/{id}/activities',
];

/** POSTs that do not take a key, and why. */
const NOT_IDEMPOTENT: Record<string, string> = {
  'POST /api/auth/login': 'signs in; creates nothing a retry could duplicate',
  'POST /api/auth/logout': 'ends a session; repeating it changes nothing',
  'POST /api/auth/logout-all': 'ends sessions; repeating it changes nothing',
  'POST /api/invitations': 'the answer holds the single-use link, which must not be kept; a retry makes a new link and withdraws the earlier one',
  'POST /api/invitations/accept/{token}': 'public and single-use: a retry is a 410 INVITATION.ACCEPTED and creates nothing',
  'POST /api/users': 'the body holds a password, whose hash must not be kept; a retry is a 409 USER.EMAIL_TAKEN',
  'POST /api/reports/{id}/review': 'confirms once: a second confirmation is a 409 REPORT.NOT_PENDING and changes nothing',
  'POST /api/retention/run': 'applying retention twice changes nothing the first run did not',
};

/** The matrix's first successful call of each idempotent endpoint, and who makes it. */
const targets = IDEMPOTENT.map((name) => {
  const entry = MATRIX.find((e) => `${e.method} ${e.path}` === name);
  if (!entry) throw new Error(`${name} is not in the matrix`);
  const variant = entry.variants.find((v) => Object.values(v.expect).some((s) => s < 300))!;
  const who = (Object.entries(variant.expect) as [Principal, number][]).find(([p, s]) => s < 300 && p !== 'anonymous')![0];
  return { name, entry, variant, who, status: variant.expect[who] };
});

describe('Idempotency-Key on creates', () => {
  let t: TestApp;
  let f: Fixtures & { cookies: Record<Principal, string | null> };

  beforeAll(async () => {
    t = await startTestApp();
    f = await buildFixtures(t);
  });
  afterAll(() => t?.stop());

  /** One call as a principal, as a browser of the product makes it (same origin), with an optional key. */
  const perform = async (entry: Pick<Entry, 'method'>, call: Call, who: Principal, key?: string) => {
    const agent = request(t.app.getHttpServer());
    let req = entry.method === 'GET' ? agent.get(call.path) : agent.post(call.path);
    req = req.set('Sec-Fetch-Site', 'same-origin');
    if (f.cookies[who]) req = req.set('Cookie', f.cookies[who]);
    if (key !== undefined) req = req.set('Idempotency-Key', key);
    if (call.file) {
      for (const [k, val] of Object.entries(call.file.fields ?? {})) req = req.field(k, val);
      req = req.attach(call.file.field, Buffer.from(call.file.content, call.file.encoding ?? 'utf8'), call.file.filename);
    } else if (call.body !== undefined) req = req.send(call.body);
    return req;
  };
  const count = async (table: string): Promise<number> => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const newKey = () => `k-${crypto.randomUUID()}`;
  // Letters only: digits could look like a phone number to the personal-data check.
  const letters = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => String.fromCharCode(97 + (b % 26))).join('');
  const reportBody = () => ({
    areaId: f.ids.centrum,
    categoryId: f.ids.categoryId,
    occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
    assessment: 'low',
    policeNotified: false,
    description: `Nedskräpning ${letters()}`,
  });
  const reports = targets.find((x) => x.name === 'POST /api/reports')!;

  it('every POST of the API either takes an Idempotency-Key or is listed with the reason it does not', () => {
    const posts = MATRIX.filter((e) => e.method === 'POST').map((e) => `${e.method} ${e.path}`);
    expect(posts.filter((p) => !IDEMPOTENT.includes(p) && !NOT_IDEMPOTENT[p])).toEqual([]);
  });

  it.each(targets.map((x) => [x.name, x] as const))(
    '%s: a retry with the same key and body gets the first answer again and stores nothing more',
    async (_n, x) => {
      const call = await x.variant.call(f, x.who);
      const key = newKey();
      const first = await perform(x.entry, call, x.who, key);
      expect(first.status).toBe(x.status);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      await t.app.get(ImportsService).idle(); // an import goes on in the background
      const audit = await count('audit_entries');
      const again = await perform(x.entry, call, x.who, key);
      expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
      expect(again.text).toBe(first.text);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await count('audit_entries')).toBe(audit);
      expect(await t.dataSource.query('SELECT status FROM idempotency_keys WHERE key = $1', [key])).toEqual([{ status: x.status }]);
    },
  );

  it('the same key with another body is a 422 naming the header, and stores nothing', async () => {
    const key = newKey();
    const first = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    expect({ status: first.status, body: first.body }).toMatchObject({ status: 201 });
    const [n, audit] = [await count('reports'), await count('audit_entries')];
    const other = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', field: 'Idempotency-Key' });
    // … also on another endpoint.
    const elsewhere = await perform(
      { method: 'POST' },
      { path: '/api/cases', body: { areaId: f.ids.centrum, title: 'Nytt ärende', description: 'Samma nyckel' } },
      'reporter',
      key,
    );
    expect(elsewhere.status).toBe(403); // the reporter may not open cases: access is checked before the key
    const analystCase = await perform(
      { method: 'POST' },
      { path: '/api/cases', body: { areaId: f.ids.centrum, title: 'Nytt ärende', description: 'Samma nyckel' } },
      'analyst',
      key,
    );
    expect({ status: analystCase.status, body: analystCase.body }).toMatchObject({ status: 201 }); // keys are per user
    expect(await count('reports')).toBe(n);
    expect(await count('audit_entries')).toBe(audit + 1);
  });

  it('keys of another user do not collide: each gets their own report', async () => {
    const key = newKey();
    const a = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    const b = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'analyst', key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['with a space', 'a b'],
    ['with a tab', 'a\tb'],
    ['longer than 255 characters', 'x'.repeat(256)],
    ['not ASCII', 'nyckel-å'],
  ])('a key %s is a 422 naming the header, and nothing is stored', async (_n, key) => {
    const n = await count('reports');
    const res = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.INVALID_KEY', field: 'Idempotency-Key' });
    expect(await count('reports')).toBe(n);
  });

  it('without a key nothing changes: the same report sent twice is stored twice', async () => {
    const body = reportBody();
    const n = await count('reports');
    const keys = await count('idempotency_keys');
    const [a, b] = [
      await perform(reports.entry, { path: '/api/reports', body }, 'reporter'),
      await perform(reports.entry, { path: '/api/reports', body }, 'reporter'),
    ];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await count('reports')).toBe(n + 2);
    expect(await count('idempotency_keys')).toBe(keys);
  });

  it('the same body in another key order is the same request', async () => {
    const key = newKey();
    const body = reportBody();
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    const a = await perform(reports.entry, { path: '/api/reports', body }, 'reporter', key);
    const b = await perform(reports.entry, { path: '/api/reports', body: reversed }, 'reporter', key);
    expect([a.status, b.status, b.body.id]).toEqual([201, 201, a.body.id]);
  });

  it('a failed create stores no answer: the retry with the same key is processed afresh', async () => {
    const key = newKey();
    const bad = await perform(
      reports.entry,
      { path: '/api/reports', body: { ...reportBody(), categoryId: '00000000-0000-4000-8000-000000000000' } },
      'reporter',
      key,
    );
    expect(bad.status).toBe(422);
    expect(await count("idempotency_keys WHERE key = '" + key + "'")).toBe(0);
    const good = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    expect(good.status).toBe(201);
  });

  it('concurrent requests with the same key: the second waits for the first and gets its answer; one report', async () => {
    const key = newKey();
    const body = reportBody();
    const n = await count('reports');
    const answers = await Promise.all([1, 2, 3].map(() => perform(reports.entry, { path: '/api/reports', body }, 'reporter', key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(await count('reports')).toBe(n + 1);
  });

  it('a key is kept 24 hours: an older one is a new request, and retention removes it', async () => {
    const key = newKey();
    const a = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const b = await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    const old = newKey();
    await perform(reports.entry, { path: '/api/reports', body: reportBody() }, 'reporter', old);
    await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [old]);
    expect((await perform({ method: 'POST' }, { path: '/api/retention/run' }, 'admin')).status).toBe(200);
    expect(await t.dataSource.query('SELECT key FROM idempotency_keys WHERE key = ANY($1)', [[key, old]])).toEqual([{ key }]);
  });

  /**
   * PostgreSQL goes away right after a create commits (the database refuses connections and every connection to it
   * is ended): the answer must come from what the transaction wrote, so the client is told 2xx, not 503 for a stored
   * create.
   */
  describe('the database goes away right after the commit', () => {
    let admin: Client;
    let armed = false;
    const dbName = () => (t.dataSource.options as { url: string }).url.replace(/^.*\//, '');
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: async () => {
        if (!armed) return;
        armed = false;
        await admin.query(`ALTER DATABASE ${dbName()} ALLOW_CONNECTIONS false`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName()]);
      },
    };
    beforeAll(async () => {
      admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      t.dataSource.subscribers.push(subscriber);
    });
    afterAll(async () => {
      t.dataSource.subscribers.splice(t.dataSource.subscribers.indexOf(subscriber), 1);
      await admin.end();
    });

    it.each(targets.filter((x) => x.name !== 'POST /api/reports/import').map((x) => [x.name, x] as const))(
      '%s answers 2xx with what it stored',
      async (_n, x) => {
        const call = await x.variant.call(f, x.who);
        armed = true;
        let res;
        try {
          res = await perform(x.entry, call, x.who, newKey());
        } finally {
          armed = false;
          await admin.query(`ALTER DATABASE ${dbName()} ALLOW_CONNECTIONS true`);
        }
        expect(res.status).toBe(x.status);
        // What it answered is what is stored.
        if (res.body.version !== undefined) {
          const path =
            x.name.startsWith('POST /api/walks') && x.name.split('/').length <= 5
              ? `/api/walks/${res.body.id}`
              : x.name.startsWith('POST /api/meetings')
                ? `/api/meetings/${res.body.id}`
                : x.name.startsWith('POST /api/actions')
                  ? `/api/actions/${res.body.id}`
                  : x.name.startsWith('POST /api/cases')
                    ? `/api/cases/${res.body.id}`
                    : null;
          if (path) {
            // The pool drops the connections that were ended as it finds them: the first reads may be 503s.
            let stored = await perform({ method: 'GET' }, { path }, x.who);
            for (let i = 0; i < 20 && stored.status !== 200; i++) stored = await perform({ method: 'GET' }, { path }, x.who);
            expect(stored.body.version).toBe(res.body.version);
          }
        }
      },
    );
  });
});
