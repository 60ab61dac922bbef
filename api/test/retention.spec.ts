import { Logger } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { ConfigError, loadConfig } from '../src/common/config';
import { DEMO_PASSWORD } from '../src/demo/demo-data';
import { createApp, RunningApp } from '../src/main';
import { RetentionJobs } from '../src/retention/retention.jobs';
import { SAME_ORIGIN, startTestApp, TestApp } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 25_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('retention settings', () => {
  const base = { LOG_LEVEL: 'silent' };

  it('default to three years for report details, 30 days for sessions and sign-in throttling, 90 days for import errors, daily at 03:15', () => {
    expect(loadConfig(base).retention).toEqual({ schedule: '15 3 * * *', reportDetails: 'P3Y', sessions: 'P30D', loginAttempts: 'P30D', importErrors: 'P90D' });
    expect(loadConfig(base).backgroundJobs).toBe(true);
  });

  it('take ISO 8601 periods, a number of days or never', () => {
    const c = loadConfig({
      ...base,
      RETENTION_REPORT_DETAILS: 'p18m',
      RETENTION_SESSIONS: '7',
      RETENTION_LOGIN_ATTEMPTS: 'never',
      RETENTION_IMPORT_ERRORS: 'P1Y6M',
    });
    expect(c.retention).toMatchObject({ reportDetails: 'P18M', sessions: 'P7D', loginAttempts: null, importErrors: 'P1Y6M' });
  });

  it.each([
    ['RETENTION_REPORT_DETAILS', '3 years', /RETENTION_REPORT_DETAILS must be an ISO 8601 period/],
    ['RETENTION_REPORT_DETAILS', 'P7D', /RETENTION_REPORT_DETAILS must be at least 30 days/],
    ['RETENTION_SESSIONS', 'P0D', /RETENTION_SESSIONS must be at least 1 day/],
    ['RETENTION_IMPORT_ERRORS', 'P3', /RETENTION_IMPORT_ERRORS must be an ISO 8601 period/],
    ['RETENTION_SCHEDULE', 'every night', /RETENTION_SCHEDULE must be a cron expression/],
    ['RETENTION_SCHEDULE', '61 3 * * *', /RETENTION_SCHEDULE is not a valid cron expression/],
    ['BACKGROUND_JOBS', 'maybe', /BACKGROUND_JOBS must be true or false/],
  ])('refuse %s=%s with one line naming the setting', (key, value, message) => {
    expect(() => loadConfig({ ...base, [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [key]: value })).toThrow(message);
  });
});

describe('retention (gallring) with two API processes', () => {
  let a: TestApp;
  let b: RunningApp;
  let admin: TestAgent;
  let coordinator: TestAgent;
  let reporterAgent: TestAgent;
  let area: { id: string; places: { id: string; name: string }[] };
  let cats: Record<string, string>;
  let orgId: string;
  let reporterId: string;
  const old: string[] = [];
  const young: string[] = [];
  const OLD_TEXT = 'Gammal fritext som ska gallras';
  const YOUNG_TEXT = 'Ny fritext som ska finnas kvar';
  // Weeks more than three years back: 2022-W10 (7–13 March) and 2022-W11 (14–20 March), Stockholm time.
  const OLD_WEEKS = ['2022-W10', '2022-W11'];

  const q = (sql: string, params: unknown[] = []) => a.dataSource.query(sql, params);
  const picture = async (week: string) => {
    const res = await admin.get(`/api/situation-picture?areaId=${area.id}&week=${week}`);
    expect(res.status).toBe(200);
    const { points, ...figures } = res.body;
    return { figures, points: points.length as number };
  };
  const auditRuns = async () => (await q(`SELECT id, after FROM audit_entries WHERE action = 'retention.applied' ORDER BY id`)) as { id: string; after: any }[];

  beforeAll(async () => {
    a = await startTestApp({ BACKGROUND_JOBS: 'true' });
    // A second API process on the same database, its job queue running too.
    b = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl! });
    admin = await a.signIn('admin@exempelstad.se');
    coordinator = await a.signIn('samordnare@exempelstad.se');
    reporterAgent = request.agent(b.app.getHttpServer()).set(SAME_ORIGIN);
    expect((await reporterAgent.post('/api/auth/login').send({ email: 'rapportor@exempelbostader.se', password: DEMO_PASSWORD })).status).toBe(200);

    const norrby = ((await admin.get('/api/areas')).body as { id: string; name: string }[]).find((x) => x.name === 'Norrby')!;
    area = (await admin.get(`/api/areas/${norrby.id}`)).body;
    cats = Object.fromEntries(((await admin.get('/api/categories')).body as { id: string; code: string }[]).map((c) => [c.code, c.id]));
    [{ id: orgId }] = await q(`SELECT id FROM organizations WHERE name = 'Exempelbostäder AB'`);
    [{ id: reporterId }] = await q(`SELECT id FROM users WHERE email = 'rapportor@exempelbostader.se'`);
    const [p0, p1] = area.places;
    const insert = async (at: string, code: string, placeId: string | null, lat: number | null, text: string, restricted = false) => {
      const [{ id }] = await q(
        `INSERT INTO reports (area_id, place_id, latitude, longitude, category_id, occurred_at, assessment, police_notified, description, organization_id, reporter_id, restricted)
         VALUES ($1, $2, $3, $4, $5, $6, 'high', true, $7, $8, $9, $10) RETURNING id`,
        [area.id, placeId, lat, lat === null ? null : 17.9, cats[code], at, text, orgId, reporterId, restricted],
      );
      return id as string;
    };
    // Old: seven reports in two weeks, including the edges of a week in local time and one with coordinates only.
    old.push(
      await insert('2022-03-07T00:10:00+01:00', 'skadegorelse', p0.id, 59.33, OLD_TEXT), // Monday 00:10, first hour of W10
      await insert('2022-03-08T19:37:00+01:00', 'skadegorelse', p0.id, null, OLD_TEXT),
      await insert('2022-03-09T22:05:00+01:00', 'nedskrapning', p1.id, 59.34, OLD_TEXT, true),
      await insert('2022-03-13T23:59:00+01:00', 'klotter', p1.id, null, OLD_TEXT), // Sunday 23:59, last minute of W10
      await insert('2022-03-15T03:30:00+01:00', 'skadegorelse', null, 59.35, OLD_TEXT), // coordinates, no named place
      await insert('2022-03-16T12:45:00+01:00', 'nedskrapning', p0.id, null, OLD_TEXT),
      await insert('2022-03-20T18:00:00+01:00', 'skadegorelse', p1.id, null, OLD_TEXT),
    );
    young.push(
      await insert(new Date(Date.now() - 365 * 86_400_000).toISOString(), 'skadegorelse', p0.id, 59.33, YOUNG_TEXT),
      await insert(new Date(Date.now() - 2 * 86_400_000).toISOString(), 'klotter', p1.id, null, YOUNG_TEXT),
    );
    // Sessions, sign-in throttling and an import: one of each older and one younger than their periods.
    const [{ id: adminId }] = await q(`SELECT id FROM users WHERE email = 'admin@exempelstad.se'`);
    await q(
      `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES
      ('old-expired', $1, now() - interval '60 days', now() - interval '59 days', now() - interval '53 days'),
      ('old-idle', $1, now() - interval '40 days', now() - interval '40 days', now() + interval '1 day'),
      ('recent-expired', $1, now() - interval '10 days', now() - interval '9 days', now() - interval '3 days')`,
      [adminId],
    );
    await q(
      `INSERT INTO login_attempts (key, failures, last_failure_at) VALUES ('email:old@example.se', 3, now() - interval '31 days'), ('email:recent@example.se', 2, now() - interval '1 day')`,
    );
    await q(
      `INSERT INTO imports (organization_id, user_id, filename, mode, status, rejected, started_at, finished_at) VALUES
      ($1, $2, 'old.csv', 'valid_only', 'completed', '[{"line": 3, "field": "place", "reason": "unknown place \\"Ladan\\""}]', now() - interval '100 days', now() - interval '100 days'),
      ($1, $2, 'recent.csv', 'valid_only', 'completed', '[{"line": 4, "field": "area", "reason": "unknown area \\"X\\""}]', now() - interval '10 days', now() - interval '10 days')`,
      [orgId, reporterId],
    );
  });

  afterAll(async () => {
    await b?.close();
    await a?.stop();
  });

  it('schedules the daily run once, in Stockholm time, however many processes start', async () => {
    const schedules = await q(`SELECT name, cron, timezone, options FROM pgboss.schedule`);
    expect(schedules).toEqual([
      {
        name: 'retention',
        cron: '15 3 * * *',
        timezone: 'Europe/Stockholm',
        options: expect.objectContaining({ singletonKey: 'daily', singletonSeconds: 3600 }),
      },
    ]);
    expect(await q(`SELECT policy FROM pgboss.queue WHERE name = 'retention'`)).toEqual([{ policy: 'stately' }]);
  });

  it('new report audit entries carry no free text or coordinates', async () => {
    const res = await reporterAgent.post('/api/reports').send({
      areaId: area.id,
      placeId: area.places[0].id,
      latitude: 59.331,
      longitude: 17.91,
      categoryId: cats.klotter,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      assessment: 'low',
      policeNotified: false,
      description: 'Klotter på elskåpet vid cykelbanan',
    });
    expect(res.status).toBe(201);
    young.push(res.body.id);
    const [e] = await q(`SELECT after FROM audit_entries WHERE entity_id = $1`, [res.body.id]);
    expect(e.after).toMatchObject({ descriptionLength: 'Klotter på elskåpet vid cykelbanan'.length, hasCoordinates: true, categoryId: cats.klotter });
    expect(JSON.stringify(e.after)).not.toMatch(/elskåpet|59\.331|17\.91/);
  });

  it('runs exactly once when both processes send the job, removes old details, keeps the picture, and records one audit entry', async () => {
    const before = { w10: await picture(OLD_WEEKS[0]), w11: await picture(OLD_WEEKS[1]) };
    expect(before.w10.figures.total.count).toBe(4);
    expect(before.w11.figures.total.count).toBe(3);
    const youngBefore = await q(`SELECT * FROM reports WHERE id = ANY($1) ORDER BY id`, [young]);

    // Both processes send the job at the same moment, as two clocks would; batches of two to exercise batching.
    const ids = await Promise.all([a.app.get(RetentionJobs).enqueue({ batchSize: 2 }, 'test-1'), b.app.get(RetentionJobs).enqueue({ batchSize: 2 }, 'test-1')]);
    expect(ids.filter(Boolean)).toHaveLength(1);
    const [run] = await waitFor('the retention run', async () => {
      const runs = await auditRuns();
      return runs.length > 0 && runs;
    });
    await sleep(5000); // longer than two polling intervals of both workers: no second run appears
    const runs = await auditRuns();
    expect(runs).toHaveLength(1);
    const [job] = await q(
      `SELECT state, output FROM pgboss.job WHERE name = 'retention' UNION ALL SELECT state, output FROM pgboss.archive WHERE name = 'retention'`,
    );
    expect(job.state).toBe('completed');

    expect(run.after).toMatchObject({
      trigger: 'schedule',
      interrupted: false,
      periods: { reportDetails: 'P3Y', sessions: 'P30D', loginAttempts: 'P30D', importErrors: 'P90D' },
      counts: { reportDetails: old.length, sessions: 2, loginAttempts: 1, importErrors: 1 },
    });
    const cutoff = new Date(run.after.cutoffs.reportDetails).getTime();
    expect(Math.abs(cutoff - (Date.now() - 3 * 365.25 * 86_400_000))).toBeLessThan(3 * 86_400_000);
    // The audit entry names counts, periods and cut-offs only.
    expect(JSON.stringify(run.after)).not.toMatch(/fritext|example\.se|Ladan/);

    // In the database: old details gone, figures kept; young reports untouched.
    const oldRows = await q(
      `SELECT description, latitude, longitude, reporter_id, place_id, category_id, area_id, organization_id, assessment, police_notified, restricted, redacted_at, occurred_at FROM reports WHERE id = ANY($1)`,
      [old],
    );
    expect(oldRows).toHaveLength(old.length);
    for (const r of oldRows) {
      expect(r).toMatchObject({
        description: '',
        latitude: null,
        longitude: null,
        reporter_id: null,
        area_id: area.id,
        organization_id: orgId,
        assessment: 'high',
        police_notified: true,
      });
      expect(r.redacted_at).not.toBeNull();
      expect(new Date(r.occurred_at).getUTCMinutes()).toBe(0);
    }
    expect(oldRows.filter((r: { place_id: string | null }) => r.place_id).length).toBe(6);
    expect(await q(`SELECT * FROM reports WHERE id = ANY($1) ORDER BY id`, [young])).toEqual(youngBefore);

    // The situational picture of those weeks is unchanged (map points remain where a named place gives the position).
    const after = { w10: await picture(OLD_WEEKS[0]), w11: await picture(OLD_WEEKS[1]) };
    expect(after.w10.figures).toEqual(before.w10.figures);
    expect(after.w11.figures).toEqual(before.w11.figures);
    expect(after.w10.points).toBe(before.w10.points);

    // Sessions, throttling and import errors.
    expect(
      (await q(`SELECT token_hash FROM sessions WHERE token_hash IN ('old-expired', 'old-idle', 'recent-expired')`)).map(
        (r: { token_hash: string }) => r.token_hash,
      ),
    ).toEqual(['recent-expired']);
    expect((await q(`SELECT key FROM login_attempts ORDER BY key`)).map((r: { key: string }) => r.key)).toEqual(['email:recent@example.se']);
    expect(await q(`SELECT filename, jsonb_array_length(rejected) AS n FROM imports ORDER BY filename`)).toEqual([
      { filename: 'old.csv', n: 0 },
      { filename: 'recent.csv', n: 1 },
    ]);
    // The signed-in users' own sessions are current and stay.
    expect((await admin.get('/api/retention')).status).toBe(200);
  });

  it('shows a removed report as removed through the API, and refuses to correct it', async () => {
    const coordinatorOwn = await (async () => {
      const agent = request.agent(a.app.getHttpServer()).set(SAME_ORIGIN);
      // The reporting organisation's own view (restricted details visible to it).
      expect((await agent.post('/api/auth/login').send({ email: 'sakerhetschef@exempelbostader.se', password: DEMO_PASSWORD })).status).toBe(200);
      return agent;
    })();
    const res = await coordinatorOwn.get(`/api/reports/${old[1]}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: null,
      latitude: null,
      longitude: null,
      reporter: null,
      placeId: area.places[0].id,
      categoryId: cats.skadegorelse,
      assessment: 'high',
      detailsVisible: true,
    });
    expect(res.body.redactedAt).toEqual(expect.any(String));
    const youngRes = await coordinatorOwn.get(`/api/reports/${young[0]}`);
    expect(youngRes.body).toMatchObject({ description: YOUNG_TEXT, redactedAt: null, reporter: { id: reporterId } });
    const patch = await reporterAgent.patch(`/api/reports/${old[1]}`).send({ description: 'ny text' });
    expect([patch.status, patch.body.code]).toEqual([409, 'REPORT.REDACTED']);
    const csv = await admin.get(`/api/reports/export.csv?areaId=${area.id}&from=2022-03-01T00:00:00Z&to=2022-04-01T00:00:00Z`);
    expect(csv.text).toContain('(gallrad)');
    expect(csv.text).not.toContain(OLD_TEXT);
  });

  it('changes nothing on a second run, which is recorded with zero counts', async () => {
    const snapshot = async () => q(`SELECT id, description, latitude, reporter_id, occurred_at, redacted_at FROM reports ORDER BY id`);
    const before = await snapshot();
    expect(await b.app.get(RetentionJobs).enqueue({}, 'test-2')).toEqual(expect.any(String));
    const runs = await waitFor('the second run', async () => {
      const r = await auditRuns();
      return r.length === 2 && r;
    });
    expect(runs[1].after.counts).toEqual({ reportDetails: 0, walkPhotos: 0, walkFindingDetails: 0, sessions: 0, loginAttempts: 0, importErrors: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('shows the settings and the last run to administrators and coordinators only', async () => {
    const res = await coordinator.get('/api/retention');
    expect(res.status).toBe(200);
    expect(res.body.schedule).toEqual({
      cron: '15 3 * * *',
      timeZone: 'Europe/Stockholm',
      stored: true,
      updatedAt: expect.any(String),
      configuredInThisProcess: '15 3 * * *',
      differsFromConfiguration: false,
      jobQueueInThisProcess: true,
    });
    expect(res.body.rules.map((r: { setting: string; period: string }) => [r.setting, r.period])).toEqual([
      ['RETENTION_REPORT_DETAILS', 'P3Y'],
      ['RETENTION_REPORT_DETAILS', 'P3Y'],
      ['RETENTION_REPORT_DETAILS', 'P3Y'],
      ['RETENTION_SESSIONS', 'P30D'],
      ['RETENTION_LOGIN_ATTEMPTS', 'P30D'],
      ['RETENTION_IMPORT_ERRORS', 'P90D'],
    ]);
    expect(res.body.lastRun).toMatchObject({ trigger: 'schedule', counts: { reportDetails: 0 } });
    expect((await (await a.signIn('analytiker@exempelstad.se')).get('/api/retention')).status).toBe(403);
    expect((await reporterAgent.get('/api/retention')).status).toBe(403);
    expect((await a.http().get('/api/retention')).status).toBe(401);
  });

  it('lets an administrator run it now (a coordinator may not), recorded under the administrator', async () => {
    expect((await coordinator.post('/api/retention/run')).status).toBe(403);
    const res = await admin.post('/api/retention/run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      trigger: 'manual',
      counts: { reportDetails: 0, walkPhotos: 0, walkFindingDetails: 0, sessions: 0, loginAttempts: 0, importErrors: 0 },
    });
    const runs = await auditRuns();
    expect(runs).toHaveLength(3);
    const [{ actor_id }] = await q(`SELECT actor_id FROM audit_entries WHERE id = $1`, [runs[2].id]);
    const [{ id: adminId }] = await q(`SELECT id FROM users WHERE email = 'admin@exempelstad.se'`);
    expect(actor_id).toBe(adminId);
  });

  it('leaves the audit chain intact', async () => {
    const res = await admin.get('/api/audit/verify');
    expect(res.body).toMatchObject({ valid: true });
  });

  it('without the job queue in a process, the API still starts and shows it', async () => {
    const c = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl!, backgroundJobs: false });
    try {
      const agent = request.agent(c.app.getHttpServer()).set(SAME_ORIGIN);
      await agent.post('/api/auth/login').send({ email: 'admin@exempelstad.se', password: DEMO_PASSWORD });
      expect((await agent.get('/api/retention')).body.schedule.jobQueueInThisProcess).toBe(false);
    } finally {
      await c.close();
    }
  });
});

describe('the retention schedule itself, with two API processes', () => {
  let a: TestApp;
  let b: RunningApp;

  afterAll(async () => {
    await b?.close();
    await a?.stop();
  });

  it('fires a due schedule once: one job, one run, one audit entry', async () => {
    // Every minute, so the schedule is due whenever pg-boss looks: each process checks every 30 s (one of them gets
    // the turn), turns due schedules into jobs through a worker polling every 5 s, and the job waits for a poll (2 s).
    a = await startTestApp({ BACKGROUND_JOBS: 'true', RETENTION_SCHEDULE: '* * * * *' });
    b = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl! });
    const runs = () => a.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'retention.applied'`);
    await waitFor('the scheduled run', async () => (await runs()).length > 0, 55_000);
    await sleep(6000); // longer than the schedule worker's and the queue's polling intervals
    expect(await runs()).toHaveLength(1);
    expect(await a.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'retention'`)).toEqual([{ n: 1 }]);
    expect(await a.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.schedule`)).toEqual([{ n: 1 }]);
  });
});

describe('the retention schedule is one setting of the installation', () => {
  let a: TestApp;
  let b: RunningApp | undefined;
  let c: RunningApp | undefined;
  let warn: jest.SpyInstance;
  const q = (sql: string, params: unknown[] = []) => a.dataSource.query(sql, params);
  /** What is in force: the stored setting and the pg-boss schedule every process's job queue reads. */
  const inForce = async () => ({
    stored: (await q(`SELECT value FROM installation_settings WHERE key = 'retention.schedule'`)).map((r: { value: string }) => r.value),
    jobQueue: (await q(`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'retention'`)) as { cron: string; timezone: string }[],
  });
  const scheduleAudit = () => q(`SELECT actor_id, before, after FROM audit_entries WHERE action = 'retention.schedule_changed' ORDER BY id`);
  const agentOf = async (app: RunningApp, email: string) => {
    const agent = request.agent(app.app.getHttpServer()).set(SAME_ORIGIN);
    expect((await agent.post('/api/auth/login').send({ email, password: DEMO_PASSWORD })).status).toBe(200);
    return agent;
  };

  beforeAll(async () => {
    warn = jest.spyOn(Logger.prototype, 'warn');
    a = await startTestApp({ BACKGROUND_JOBS: 'true' });
  });
  afterAll(async () => {
    warn.mockRestore();
    await c?.close();
    await b?.close();
    await a?.stop();
  });

  it('is stored by the first process from its RETENTION_SCHEDULE, on the record', async () => {
    expect(await inForce()).toEqual({ stored: ['15 3 * * *'], jobQueue: [{ cron: '15 3 * * *', timezone: 'Europe/Stockholm' }] });
    expect(await scheduleAudit()).toEqual([
      { actor_id: null, before: null, after: { cron: '15 3 * * *', timeZone: 'Europe/Stockholm', source: 'RETENTION_SCHEDULE' } },
    ]);
  });

  it('is not replaced by a second process with another RETENTION_SCHEDULE, which warns and shows the difference', async () => {
    warn.mockClear();
    b = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl!, backgroundJobs: true, retention: { ...a.config.retention, schedule: '* * * * *' } });
    expect(await inForce()).toEqual({ stored: ['15 3 * * *'], jobQueue: [{ cron: '15 3 * * *', timezone: 'Europe/Stockholm' }] });
    expect(warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes('RETENTION_SCHEDULE'))).toEqual([
      expect.stringMatching(/"\* \* \* \* \*".*differs.*"15 3 \* \* \*"/),
    ]);
    const admin = await agentOf(b, 'admin@exempelstad.se');
    expect((await admin.get('/api/retention')).body.schedule).toMatchObject({
      cron: '15 3 * * *',
      stored: true,
      configuredInThisProcess: '* * * * *',
      differsFromConfiguration: true,
      jobQueueInThisProcess: true,
    });
    const adminA = await a.signIn('admin@exempelstad.se');
    expect((await adminA.get('/api/retention')).body.schedule).toMatchObject({ cron: '15 3 * * *', differsFromConfiguration: false });
    // And after it has stopped, the installation's schedule is what it was: nothing runs every minute.
    await b.close();
    b = undefined;
    expect(await inForce()).toEqual({ stored: ['15 3 * * *'], jobQueue: [{ cron: '15 3 * * *', timezone: 'Europe/Stockholm' }] });
    expect(await scheduleAudit()).toHaveLength(1);
  });

  it('is changed by an administrator for every process, on the record; a coordinator may not, a bad expression is refused naming the field', async () => {
    b = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl!, backgroundJobs: false });
    const adminB = await agentOf(b, 'admin@exempelstad.se');
    const coordinator = await a.signIn('samordnare@exempelstad.se');
    expect((await coordinator.put('/api/retention/schedule').send({ cron: '0 4 * * *' })).status).toBe(403);
    for (const cron of ['61 3 * * *', 'every night', '0 4 * * * *', '@daily', '']) {
      const res = await adminB.put('/api/retention/schedule').send({ cron });
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field: 'cron' });
    }
    expect((await adminB.put('/api/retention/schedule').send({})).body).toMatchObject({ statusCode: 422, field: 'cron' });
    expect(await inForce()).toEqual({ stored: ['15 3 * * *'], jobQueue: [{ cron: '15 3 * * *', timezone: 'Europe/Stockholm' }] });
    expect(await scheduleAudit()).toHaveLength(1);

    // Through a process without the job queue: stored, and pg-boss's schedule (read by every job queue) follows.
    const res = await adminB.put('/api/retention/schedule').send({ cron: '30 2 * * 1-5' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cron: '30 2 * * 1-5',
      stored: true,
      configuredInThisProcess: '15 3 * * *',
      differsFromConfiguration: true,
      jobQueueInThisProcess: false,
    });
    expect(await inForce()).toEqual({ stored: ['30 2 * * 1-5'], jobQueue: [{ cron: '30 2 * * 1-5', timezone: 'Europe/Stockholm' }] });
    const adminA = await a.signIn('admin@exempelstad.se');
    expect((await adminA.get('/api/retention')).body.schedule).toMatchObject({ cron: '30 2 * * 1-5', jobQueueInThisProcess: true });
    const [{ id: adminId }] = await q(`SELECT id FROM users WHERE email = 'admin@exempelstad.se'`);
    expect((await scheduleAudit()).slice(1)).toEqual([
      { actor_id: adminId, before: { cron: '15 3 * * *', timeZone: 'Europe/Stockholm' }, after: { cron: '30 2 * * 1-5', timeZone: 'Europe/Stockholm' } },
    ]);

    // A process started afterwards with the default RETENTION_SCHEDULE keeps the administrator's schedule.
    warn.mockClear();
    c = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl!, backgroundJobs: true });
    expect(await inForce()).toEqual({ stored: ['30 2 * * 1-5'], jobQueue: [{ cron: '30 2 * * 1-5', timezone: 'Europe/Stockholm' }] });
    expect(warn.mock.calls.map(([m]) => String(m)).filter((m) => m.includes('RETENTION_SCHEDULE'))).toHaveLength(1);
    expect((await adminA.get('/api/audit/verify')).body).toMatchObject({ valid: true });
  });
});

describe('stopping the API during a retention run', () => {
  let a: TestApp;

  afterAll(() => a?.stop());

  it('finishes the current batch, records the run as interrupted, and the next run does the rest', async () => {
    a = await startTestApp(); // no job queue here: the other process takes the job
    const q = (sql: string, params: unknown[] = []) => a.dataSource.query(sql, params);
    await q(`INSERT INTO reports (area_id, category_id, occurred_at, assessment, police_notified, description, organization_id)
             SELECT (SELECT id FROM areas ORDER BY name LIMIT 1), (SELECT id FROM categories ORDER BY sort_order LIMIT 1),
                    timestamptz '2021-01-04 12:00+01' + n * interval '1 hour', 'low', false, 'gammal text ' || n, (SELECT id FROM organizations ORDER BY name LIMIT 1)
             FROM generate_series(1, 2000) n`);
    const other = await createApp({ ...a.config, databaseUrl: a.config.databaseUrl!, backgroundJobs: true });
    let closed = false;
    try {
      expect(await other.app.get(RetentionJobs).enqueue({ batchSize: 1 }, 'stop-test')).toEqual(expect.any(String));
      await waitFor('the run to start', async () => (await q(`SELECT count(*)::int AS n FROM reports WHERE redacted_at IS NOT NULL`))[0].n > 0);
      const t0 = Date.now();
      await other.close();
      closed = true;
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      if (!closed) await other.close();
    }
    const runs = await waitFor('the interrupted run', async () => {
      const r = await q(`SELECT after FROM audit_entries WHERE action = 'retention.applied' ORDER BY id`);
      return r.length > 0 && r;
    });
    const done = (await q(`SELECT count(*)::int AS n FROM reports WHERE redacted_at IS NOT NULL`))[0].n;
    expect(runs[0].after.counts.reportDetails).toBe(done);
    expect(runs[0].after.interrupted).toBe(true);
    expect(done).toBeLessThan(2000);
    const res = await (await a.signIn('admin@exempelstad.se')).post('/api/retention/run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ interrupted: false, counts: { reportDetails: 2000 - done } });
    expect((await q(`SELECT count(*)::int AS n FROM reports WHERE redacted_at IS NULL AND occurred_at < now() - interval '3 years'`))[0].n).toBe(0);
  });
});

describe('retention of safety walks: findings follow the report details', () => {
  let a: TestApp;
  let admin: TestAgent;
  const q = (sql: string, params: unknown[] = []) => a.dataSource.query(sql, params);
  let oldWalk: string;
  let youngWalk: string;
  const IMAGE = Buffer.from('ffd8ffe0-image-bytes-of-a-finding', 'latin1');
  const THUMB = Buffer.from('ffd8ffe0-thumbnail-bytes', 'latin1');

  /** Gives every finding of `walk` a photo stored in walk_photo_data, as the photo storage does. */
  const addPhotos = async (walk: string) => {
    for (const { id, recorded_by_id } of await q(`SELECT id, recorded_by_id FROM walk_findings WHERE walk_id = $1`, [walk])) {
      const [{ id: dataId }] = await q(`INSERT INTO walk_photo_data (image, thumbnail) VALUES ($1, $2) RETURNING id`, [IMAGE, THUMB]);
      await q(`INSERT INTO walk_photos (finding_id, walk_id, width, height, bytes, storage_key, uploaded_by_id) VALUES ($1, $2, 8, 8, $3, $4, $5)`, [
        id,
        walk,
        IMAGE.length,
        `pg:${dataId}`,
        recorded_by_id,
      ]);
    }
  };
  const findings = (walk: string) =>
    q(
      `SELECT id, walk_id, latitude, longitude, place_id, checklist_item_key, category_id, severity, responsible_organization_id, recorded_at, settlement, description FROM walk_findings WHERE walk_id = $1 ORDER BY id`,
      [walk],
    );
  const photoBytes = (walk: string) =>
    q(`SELECT d.id FROM walk_photos p JOIN walk_photo_data d ON 'pg:' || d.id::text = p.storage_key WHERE p.walk_id = $1`, [walk]);

  beforeAll(async () => {
    // With the demo reports come the demo's safety walks (two past ones with findings and settlements).
    a = await startTestApp({ DEMO_REPORTS: 'true' });
    admin = await a.signIn('admin@exempelstad.se');
    // The demo's walks with findings: the one with the most findings is aged beyond the period, another stays young.
    const walks: { walk_id: string; n: number }[] = await q(`SELECT walk_id, count(*)::int AS n FROM walk_findings GROUP BY walk_id ORDER BY n DESC, walk_id`);
    expect(walks.length).toBeGreaterThanOrEqual(2);
    [oldWalk, youngWalk] = walks.map((w) => w.walk_id);
    await q(`UPDATE walks SET starts_at = starts_at - interval '4 years' WHERE id = $1`, [oldWalk]);
    await q(`UPDATE walk_findings SET recorded_at = recorded_at - interval '4 years' WHERE walk_id = $1`, [oldWalk]);
    await addPhotos(oldWalk);
    await addPhotos(youngWalk);
  });

  afterAll(async () => {
    await a?.stop();
  });

  it("clears old findings' free text and deletes their photo bytes, keeps the findings, positions and settlements, and leaves young ones", async () => {
    const oldBefore = await findings(oldWalk);
    const youngBefore = await findings(youngWalk);
    const youngPhotos = await photoBytes(youngWalk);
    const oldPhotos = await photoBytes(oldWalk);
    expect(oldBefore.some((f: { description: string }) => f.description !== '')).toBe(true);
    expect(oldBefore.some((f: { settlement: unknown }) => f.settlement !== null)).toBe(true);
    expect(oldPhotos).toHaveLength(oldBefore.length);
    const dataRowsBefore = Number((await q(`SELECT count(*) AS n FROM walk_photo_data`))[0].n);

    const res = await admin.post('/api/retention/run');
    expect(res.status).toBe(200);
    expect(res.body.periods).toMatchObject({ reportDetails: 'P3Y', walkPhotos: 'P3Y', walkFindingDetails: 'P3Y' });
    expect(res.body.cutoffs.walkPhotos).toBe(res.body.cutoffs.reportDetails);
    expect(res.body.counts).toMatchObject({
      walkPhotos: oldPhotos.length,
      walkFindingDetails: oldBefore.filter((f: { description: string }) => f.description !== '').length,
    });

    // The old walk: every finding is still there, only its text is gone; its photos and their bytes are gone.
    const oldAfter = await findings(oldWalk);
    expect(oldAfter).toEqual(oldBefore.map((f: object) => ({ ...f, description: '' })));
    expect(await q(`SELECT id FROM walk_photos WHERE walk_id = $1`, [oldWalk])).toEqual([]);
    expect(await q(`SELECT id FROM walk_photo_data WHERE id = ANY($1::uuid[])`, [oldPhotos.map((p: { id: string }) => p.id)])).toEqual([]);
    expect(Number((await q(`SELECT count(*) AS n FROM walk_photo_data`))[0].n)).toBe(dataRowsBefore - oldPhotos.length);
    // Through the API the walk keeps its findings and settlements.
    const walk = await admin.get(`/api/walks/${oldWalk}`);
    expect(walk.status).toBe(200);
    expect(JSON.stringify(walk.body)).not.toMatch(/"description":"[^"]/);

    // The young walk is untouched, photos and bytes included.
    expect(await findings(youngWalk)).toEqual(youngBefore);
    expect(await photoBytes(youngWalk)).toEqual(youngPhotos);

    // The audit entry names counts, not the text.
    const [entry] = await q(`SELECT after FROM audit_entries WHERE action = 'retention.applied' ORDER BY id DESC LIMIT 1`);
    expect(entry.after.counts).toEqual(res.body.counts);
    for (const f of oldBefore.filter((x: { description: string }) => x.description)) expect(JSON.stringify(entry.after)).not.toContain(f.description);
  });

  it('changes nothing on a second run, and lists the walk rules in the overview', async () => {
    const before = await findings(oldWalk);
    const res = await admin.post('/api/retention/run');
    expect(res.body.counts).toMatchObject({ walkPhotos: 0, walkFindingDetails: 0 });
    expect(await findings(oldWalk)).toEqual(before);
    const overview = await admin.get('/api/retention');
    expect(
      overview.body.rules
        .filter((r: { recordType: string }) => r.recordType.startsWith('walk'))
        .map((r: { recordType: string; setting: string; period: string }) => [r.recordType, r.setting, r.period]),
    ).toEqual([
      ['walkPhotos', 'RETENTION_REPORT_DETAILS', 'P3Y'],
      ['walkFindingDetails', 'RETENTION_REPORT_DETAILS', 'P3Y'],
    ]);
  });
});
