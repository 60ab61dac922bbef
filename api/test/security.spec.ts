import { startTestApp, TestApp } from './harness';

describe('sessions and the browser', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('slows down repeated failed sign-ins for the account, and a success clears them', async () => {
    const attempt = (password: string) => t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password });
    for (let i = 0; i < 4; i++) expect((await attempt('fel-lösenord')).status).toBe(401);
    expect((await attempt('est-demo-2026')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt('fel-lösenord')).status).toBe(401);
    const blocked = await attempt('est-demo-2026');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS', field: 'email', retryAfterSeconds: 30 });
    // Another account from the same address is not affected.
    expect((await t.http().post('/api/auth/login').send({ email: 'samordnare@exempelstad.se', password: 'est-demo-2026' })).status).toBe(200);
    // The wait is short: once it has passed, the right password works again.
    await t.dataSource.query(`UPDATE login_attempts SET blocked_until = now() - interval '1 second'`);
    expect((await attempt('est-demo-2026')).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const phone = await t.signIn('polischef@exempelstad.se');
    const desk = await t.signIn('polischef@exempelstad.se');
    await desk.post('/api/auth/logout-all').expect(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await desk.get('/api/auth/me')).status).toBe(401);
  });

  it('sends security headers with a CSP and without x-powered-by', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain('https://tile.openstreetmap.org');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses state-changing requests from another origin', async () => {
    const agent = await t.signIn('analytiker@exempelstad.se');
    const res = await agent.post('/api/auth/logout').set('Origin', 'https://evil.example');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.BAD_ORIGIN');
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses common and e-mail-based passwords', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const org = ((await admin.get('/api/organizations')).body as { id: string }[])[0].id;
    for (const password of ['password1234', 'Lösenord1234', 'aaaaaaaaaaaaaa', 'kalle.anka-2026-x']) {
      const res = await admin.post('/api/users').send({ name: 'Kalle Anka', email: 'kalle.anka@exempelstad.se', organizationId: org, roles: ['reporter'], password });
      expect({ password, status: res.status, field: res.body.field }).toEqual({ password, status: 422, field: 'password' });
    }
  });
});
