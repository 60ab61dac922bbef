import { SESSION_COOKIE } from '../src/auth/auth.service';
import { SAME_ORIGIN, startTestApp, TestApp } from './harness';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('signs in, sets an httpOnly SameSite=Strict session cookie and returns the user with organisation and areas', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' });
    expect(res.status).toBe(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(res.body).toMatchObject({
      name: 'Anders Analytiker',
      email: 'analytiker@exempelstad.se',
      roles: ['analyst'],
      organization: { name: 'Exempelstad kommun', type: 'kommun' },
    });
    expect(res.body.areas.map((a: { name: string }) => a.name)).toEqual(['Centrum', 'Norrby', 'Söderdal']);
    expect(res.body.passwordHash).toBeUndefined();
  });

  it('accepts the e-mail address in any case', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: '  Analytiker@Exempelstad.SE ', password: 'est-demo-2026' });
    expect(res.status).toBe(200);
  });

  it('gives the same 401 for a wrong password and an unknown user, and sets no cookie', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password: 'wrong-password' });
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@exempelstad.se', password: 'est-demo-2026' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('names the missing field when the sign-in body is incomplete', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });

  it('answers 400 with a code for a body that is not JSON', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_JSON', field: 'body' });
  });

  it('requires a session for every endpoint but health and sign-in', async () => {
    for (const path of ['/api/auth/me', '/api/areas', '/api/organizations', '/api/categories', '/api/users', '/api/docs-json']) {
      const res = await t.http().get(path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 401, code: 'AUTH.REQUIRED' });
    }
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  it('rejects a forged session cookie', async () => {
    const res = await t.http().get('/api/auth/me').set('Cookie', `${SESSION_COOKIE}=forged-token`);
    expect(res.status).toBe(401);
  });

  it('refuses a reporter on an admin endpoint with 403', async () => {
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    const list = await reporter.get('/api/users');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('AUTH.FORBIDDEN');
    const create = await reporter.post('/api/organizations').send({ name: 'Ny förening', type: 'ovrig' });
    expect(create.status).toBe(403);
    const orgs = await (await t.signIn('admin@exempelstad.se')).get('/api/organizations');
    expect(orgs.body.map((o: { name: string }) => o.name)).not.toContain('Ny förening');
  });

  it('revokes the session at sign-out, also for a copy of the cookie', async () => {
    const agent = await t.signIn('polischef@exempelstad.se');
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    const out = await agent.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'polischef@exempelstad.se'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('shares sessions through PostgreSQL: a second API process accepts the cookie and sees the sign-out', async () => {
    const { createApp } = await import('../src/main');
    const second = await createApp(t.config as typeof t.config & { databaseUrl: string });
    try {
      const login = await t.http().post('/api/auth/login').send({ email: 'samordnare@exempelstad.se', password: 'est-demo-2026' });
      const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      const request = (await import('supertest')).default;
      const other = request(second.app.getHttpServer());
      expect((await other.get('/api/auth/me').set('Cookie', cookie)).body.email).toBe('samordnare@exempelstad.se');
      await t.http().post('/api/auth/logout').set('Cookie', cookie).set(SAME_ORIGIN).expect(204);
      expect((await other.get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    } finally {
      await second.app.close();
    }
  });

  it('ends sessions that have been idle too long', async () => {
    const agent = await t.signIn('samordnare@exempelstad.se');
    await t.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '2 days'`);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('signs out a deactivated user at once', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    const users = (await admin.get('/api/users')).body as { id: string; email: string }[];
    const id = users.find((u) => u.email === 'rapportor@exempelbostader.se')!.id;
    expect((await admin.patch(`/api/users/${id}`).send({ active: false })).status).toBe(200);
    expect((await reporter.get('/api/auth/me')).status).toBe(401);
    const again = await t.http().post('/api/auth/login').send({ email: 'rapportor@exempelbostader.se', password: 'est-demo-2026' });
    expect(again.status).toBe(401);
  });
  it('tells a signed-out visitor "no user" with 200 on /api/auth/session (no failed request in the browser console), and the user with a session', async () => {
    const anonymous = await t.http().get('/api/auth/session');
    expect({ status: anonymous.status, body: anonymous.body }).toEqual({ status: 200, body: { user: null } });
    const forged = await t.http().get('/api/auth/session').set('Cookie', `${SESSION_COOKIE}=forged-token`);
    expect({ status: forged.status, body: forged.body }).toEqual({ status: 200, body: { user: null } });
    const agent = await t.signIn('analytiker@exempelstad.se');
    const signedIn = await agent.get('/api/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toEqual((await agent.get('/api/auth/me')).body);
  });
});

describe('health', () => {
  it('reports the database up, and 503 when it is down', async () => {
    const t = await startTestApp();
    try {
      expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok', database: 'up' });
      await t.dataSource.destroy();
      const res = await t.http().get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', database: 'down' });
    } finally {
      await t.stop();
    }
  });
});
