import { Client } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ConfigError, loadConfig } from '../src/common/config';
import { dataSourceOptions } from '../src/database/data-source';
import { liftServerLimits } from '../src/database/statement-limit';
import { freshDatabase, startTestApp, TestApp } from './harness';

/** The audit trail's chain lock (audit.service.ts): every audited change waits for it. */
const CHAIN_LOCK = 7_263_002;

describe('DB_TIMEOUT_MS', () => {
  it('defaults to 10 s and refuses a value out of range, naming the setting', () => {
    expect(loadConfig({}).dbTimeoutMs).toBe(10_000);
    expect(loadConfig({ DB_TIMEOUT_MS: '2500' }).dbTimeoutMs).toBe(2500);
    for (const bad of ['0', '999', '10s', '600001']) {
      expect(() => loadConfig({ DB_TIMEOUT_MS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ DB_TIMEOUT_MS: bad })).toThrow(/DB_TIMEOUT_MS must be an integer between 1000 and 600000/);
    }
  });
});

describe('a statement that outlives the limit', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await freshDatabase();
    // One connection in the pool: whatever runs next runs on it, unless the timed-out one was dropped.
    const options = dataSourceOptions(db.url, 1000) as DataSourceOptions & { extra: Record<string, unknown> };
    ds = new DataSource({ ...options, extra: { ...options.extra, max: 1 } });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('fails as "database unavailable" and its connection is dropped, so the next statement does not queue behind it', async () => {
    const [{ pid: first }] = await ds.query('SELECT pg_backend_pid() AS pid');
    // The server-side limits lifted, so only the client's read timeout can end the wait (as with a frozen server).
    const slow = ds.transaction(async (m) => {
      await liftServerLimits(m);
      await m.query('SELECT pg_sleep(5)');
    });
    await expect(slow).rejects.toMatchObject({ driverError: { code: 'ETIMEDOUT', message: 'Query read timeout' } });
    // Without dropping it, this would wait behind pg_sleep on the same connection and time out as well.
    const [{ pid: next }] = await ds.query('SELECT pg_backend_pid() AS pid');
    expect(next).not.toBe(first);
  });
});

describe('requests and long work with DB_TIMEOUT_MS=1000', () => {
  let t: TestApp;
  let reporter: TestAgent;
  let admin: TestAgent;
  let holder: Client;
  let body: Record<string, unknown>;
  const reportCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM reports'))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ DB_TIMEOUT_MS: '1000' });
    reporter = await t.signIn('rapportor@exempelbostader.se');
    admin = await t.signIn('admin@exempelstad.se');
    const norrby = ((await admin.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!;
    const area = (await admin.get(`/api/areas/${norrby.id}`)).body;
    const [cat] = (await admin.get('/api/categories')).body as { id: string }[];
    body = {
      areaId: area.id,
      placeId: area.places[0].id,
      categoryId: cat.id,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      assessment: 'medium',
      policeNotified: false,
      description: 'Krossad glasruta i entrédörren',
    };
    holder = new Client({ connectionString: t.config.databaseUrl });
    await holder.connect();
  });
  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await holder?.end();
    await t?.stop();
  });

  it('answers a write that waits for a lock longer than the limit with 503 and Retry-After, and stores nothing', async () => {
    const before = await reportCount();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    try {
      const res = await reporter.post('/api/reports').send(body);
      expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: expect.stringMatching(/^\d+$/),
      });
    } finally {
      await holder.query('ROLLBACK');
    }
    expect(await reportCount()).toBe(before);
    expect((await reporter.post('/api/reports').send(body)).status).toBe(201);
  });

  it('lets a retention run wait for the audit trail longer than the limit: long work is not a request', async () => {
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    // Sent now (a supertest request starts when awaited).
    const run = admin.post('/api/retention/run').then((r) => r);
    // Released once the run is certainly waiting for the lock (a state query, not a sleep).
    for (let waiting = 0; !waiting;) {
      [{ n: waiting }] = (
        await holder.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`, [CHAIN_LOCK])
      ).rows;
      if (!waiting) await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 2500));
    await holder.query('ROLLBACK');
    const res = await run;
    expect({ status: res.status, trigger: res.body.trigger }).toEqual({ status: 200, trigger: 'manual' });
  });
});
