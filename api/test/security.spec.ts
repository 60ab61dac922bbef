import * as argon2 from 'argon2';
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

  it('accepts a write with the session cookie only when Origin or Sec-Fetch-Site shows the product itself', async () => {
    const session = async () => {
      const login = await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' }).expect(200);
      return (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    };
    const cookie = await session();
    const logout = (headers: Record<string, string>) => {
      let req = t.http().post('/api/auth/logout').set('Cookie', cookie);
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      return req;
    };
    const refused = {
      'no Origin, no Sec-Fetch-Site': await logout({}),
      'foreign Origin': await logout({ Origin: 'https://evil.example' }),
      'Origin null': await logout({ Origin: 'null' }),
      'own Origin over another scheme': await logout({ Host: 'samverka.test', Origin: 'https://samverka.test' }),
      'Sec-Fetch-Site cross-site': await logout({ 'Sec-Fetch-Site': 'cross-site' }),
      'Sec-Fetch-Site same-site': await logout({ 'Sec-Fetch-Site': 'same-site' }),
      'Sec-Fetch-Site none': await logout({ 'Sec-Fetch-Site': 'none' }),
    };
    for (const [what, res] of Object.entries(refused))
      expect({ what, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ what, status: 403, code: 'AUTH.BAD_ORIGIN', field: 'origin' });
    // Nothing happened: the session is still there.
    expect((await t.http().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    // The product's own page: its Origin, or Sec-Fetch-Site: same-origin.
    expect((await logout({ Host: 'samverka.test', Origin: 'http://samverka.test' })).status).toBe(204);
    const second = await session();
    expect((await t.http().post('/api/auth/logout').set('Cookie', second).set('Sec-Fetch-Site', 'same-origin')).status).toBe(204);
    expect((await t.http().get('/api/auth/me').set('Cookie', second)).status).toBe(401);
    // Signing in without a cookie needs neither (a non-browser client); with a cookie it is a cookie-authenticated write.
    const third = await session();
    const again = await t.http().post('/api/auth/login').set('Cookie', third).send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' });
    expect({ status: again.status, code: again.body.code, field: again.body.field }).toEqual({ status: 403, code: 'AUTH.BAD_ORIGIN', field: 'origin' });
    // Reading needs neither.
    expect((await t.http().get('/api/auth/me').set('Cookie', third)).status).toBe(200);
  });

  it('refuses common and e-mail-based passwords', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const org = ((await admin.get('/api/organizations')).body as { id: string }[])[0].id;
    for (const password of ['password1234', 'Lösenord1234', 'aaaaaaaaaaaaaa', 'kalle.anka-2026-x']) {
      const res = await admin
        .post('/api/users')
        .send({ name: 'Kalle Anka', email: 'kalle.anka@exempelstad.se', organizationId: org, roles: ['reporter'], password });
      expect({ password, status: res.status, field: res.body.field }).toEqual({ password, status: 422, field: 'password' });
    }
  });
  it('answers a URL over 16 KB with the JSON error body, naming the field', async () => {
    const agent = await t.signIn('analytiker@exempelstad.se');
    const res = await agent.get(`/api/reports?q=${'x'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(res.body).toMatchObject({ code: 'HEADERS_TOO_LARGE', field: 'url' });
    // The server is still there for the next request.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('ends a session at its absolute expiry even while it is in use', async () => {
    const agent = await t.signIn('analytiker@exempelstad.se');
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    // Still active a second ago, but signed in longer ago than SESSION_MAX_HOURS.
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now()`);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('sets the session cookie for the whole site only, httpOnly, SameSite=Strict, with Max-Age of the absolute expiry', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' });
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(t.config.sessionMaxHours * 3600 - 60);
    expect(maxAge).toBeLessThanOrEqual(t.config.sessionMaxHours * 3600);
  });

  it('stores passwords as argon2id with 64 MiB, 3 passes and parallelism 4', async () => {
    const [{ password_hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'analytiker@exempelstad.se'`);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    expect(await argon2.verify(password_hash, 'est-demo-2026')).toBe(true);
  });

  it('lets no cache keep API answers: JSON (errors too) private, no-store; PDFs and CSV exports no-store', async () => {
    const analyst = await t.signIn('analytiker@exempelstad.se');
    const areas = (await analyst.get('/api/areas')).body as { id: string; name: string }[];
    const centrum = areas.find((a) => a.name === 'Centrum')!;
    const answers = {
      json: await analyst.get('/api/reports').query({ areaId: centrum.id }),
      notFound: await analyst.get('/api/reports/00000000-0000-4000-8000-000000000000'),
      unauthenticated: await t.http().get('/api/auth/me'),
      badJson: await analyst.post('/api/reports').set('Content-Type', 'application/json').send('{"areaId":'),
      csv: await analyst.get('/api/reports/export.csv').query({ areaId: centrum.id }),
      pdf: await analyst.get('/api/action-plan.pdf').query({ areaId: centrum.id, from: '2026-11-01', to: '2026-11-30' }).buffer(true),
    };
    const seen = Object.fromEntries(
      Object.entries(answers).map(([k, r]) => [
        k,
        { status: r.status, type: String(r.headers['content-type']).split(';')[0], cache: r.headers['cache-control'] },
      ]),
    );
    expect(seen).toEqual({
      json: { status: 200, type: 'application/json', cache: 'private, no-store' },
      notFound: { status: 404, type: 'application/json', cache: 'private, no-store' },
      unauthenticated: { status: 401, type: 'application/json', cache: 'private, no-store' },
      badJson: { status: 400, type: 'application/json', cache: 'private, no-store' },
      csv: { status: 200, type: 'text/csv', cache: 'no-store' },
      pdf: { status: 200, type: 'application/pdf', cache: 'no-store' },
    });
  });

  it('refuses passwords shorter than 12 characters, naming the field', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const org = ((await admin.get('/api/organizations')).body as { id: string }[])[0].id;
    const res = await admin
      .post('/api/users')
      .send({ name: 'Vakt Nord', email: 'vakt.nord@exempelstad.se', organizationId: org, roles: ['reporter'], password: 'k0rt-Lösen' });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('password');
  });
});

describe('sessions behind a proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', COOKIE_SECURE: 'true', PUBLIC_ORIGIN: 'https://samverka.kommun.se' });
  });
  afterAll(() => t.stop());

  it('slows down an address that guesses across many accounts, but not other addresses', async () => {
    // The proxy in front appends the address it saw to whatever X-Forwarded-For the client sent.
    const from = (ip: string, email: string, password = 'fel-lösenord', spoofed?: string) =>
      t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', spoofed ? `${spoofed}, ${ip}` : ip)
        .send({ email, password });
    // 20 failures spread over accounts that do not exist, each claiming another address in the header it controls:
    // no single account reaches its own limit, and only the address the proxy saw counts.
    for (let i = 0; i < 20; i++) expect((await from('203.0.113.7', `gissning${i}@exempelstad.se`, 'fel-lösenord', `10.0.0.${i}`)).status).toBe(401);
    const blocked = await from('203.0.113.7', 'samordnare@exempelstad.se', 'est-demo-2026');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The real user at the office is not locked out by the attacker's address.
    expect((await from('198.51.100.20', 'samordnare@exempelstad.se', 'est-demo-2026')).status).toBe(200);
  });

  it('takes the scheme from the proxy and accepts PUBLIC_ORIGIN as the own origin', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.22')
      .send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' })
      .expect(200);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const write = (headers: Record<string, string>) => {
      let req = t.http().post('/api/auth/logout-all').set('Cookie', cookie).set('X-Forwarded-For', '198.51.100.22');
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      return req;
    };
    expect((await write({ Host: 'internal:3000', Origin: 'http://internal:3000', 'X-Forwarded-Proto': 'https' })).status).toBe(403);
    expect((await write({ Host: 'internal:3000', Origin: 'https://evil.example', 'X-Forwarded-Proto': 'https' })).status).toBe(403);
    expect((await write({ Host: 'internal:3000', Origin: 'https://internal:3000', 'X-Forwarded-Proto': 'https' })).status).toBe(204);
    const next = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.22')
      .send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' })
      .expect(200);
    const nextCookie = (next.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    expect(
      (await t.http().post('/api/auth/logout-all').set('Cookie', nextCookie).set('Host', 'internal:3000').set('Origin', 'https://samverka.kommun.se')).status,
    ).toBe(204);
  });

  it('marks the session cookie Secure when COOKIE_SECURE is set', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.21')
      .send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' });
    expect(res.status).toBe(200);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(/; Secure/i);
  });
});

describe('request bodies too complex to validate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  /** A JSON object of `n` made-up properties beside the sign-in's own (base-36 names keep 110 000 of them under 1 MB). */
  const manyProperties = (n: number) => {
    const parts = ['"email":"analytiker@exempelstad.se"', '"password":"est-demo-2026"'];
    for (let i = 0; i < n; i++) parts.push(`"${i.toString(36)}":0`);
    return `{${parts.join(',')}}`;
  };

  it('answers a flood of sign-ins with 110 000 properties each with small refusals, then 429, while health keeps answering', async () => {
    const body = manyProperties(110_000);
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    let flooding = true;
    const health: number[] = [];
    const poll = (async () => {
      while (flooding) health.push((await t.http().get('/api/health')).status);
    })();
    const answers: { status: number; bytes: number; code: unknown; field: unknown; retryAfter: unknown }[] = [];
    try {
      for (let round = 0; round < 8; round++) {
        const batch = await Promise.all(Array.from({ length: 4 }, () => t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(body)));
        for (const r of batch)
          answers.push({ status: r.status, bytes: r.text.length, code: r.body.code, field: r.body.field, retryAfter: r.headers['retry-after'] });
      }
    } finally {
      flooding = false;
      await poll;
    }
    // Every answer is a small refusal with a code naming the body; from the 21st on, the address has to wait.
    for (const a of answers) {
      expect(a.bytes).toBeLessThan(1024);
      expect([413, 429]).toContain(a.status);
    }
    expect(answers.slice(0, 20).map((a) => [a.status, a.code, a.field])).toEqual(Array(20).fill([413, 'BODY_TOO_COMPLEX', 'body']));
    const waiting = answers.slice(20);
    expect(waiting.map((a) => [a.status, a.code])).toEqual(Array(12).fill([429, 'AUTH.TOO_MANY_ATTEMPTS']));
    for (const a of waiting) expect(Number(a.retryAfter)).toBeGreaterThan(0);
    // The health check was answered all along, every time.
    expect(health.length).toBeGreaterThan(0);
    expect(new Set(health)).toEqual(new Set([200]));
    // The real user from that address waits as well (a failed sign-in would do the same), then signs in.
    expect((await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' })).status).toBe(429);
    await t.dataSource.query(`DELETE FROM login_attempts`);
    expect((await t.http().post('/api/auth/login').send({ email: 'analytiker@exempelstad.se', password: 'est-demo-2026' })).status).toBe(200);
  });

  it('names at most five unknown properties in a 422 and counts the rest', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(manyProperties(1_500));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.field).toBe('0');
    expect(res.body.errors).toEqual([
      ...['0', '1', '2', '3', '4'].map((field) => ({ field, message: `property ${field} should not exist` })),
      { field: 'body', message: 'and 1495 more properties that should not exist' },
    ]);
    expect(res.text.length).toBeLessThan(1024);
  });

  it('refuses bodies with more array items or deeper nesting than any form sends, naming the body or the property', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const items = await admin
      .post('/api/areas')
      .set('Content-Type', 'application/json')
      .send(`{"name":"Stora listan","partnerIds":[${Array(2_500).fill('"x"').join(',')}]}`);
    expect({ status: items.status, code: items.body.code, field: items.body.field }).toEqual({ status: 413, code: 'BODY_TOO_COMPLEX', field: 'body' });
    const deep = await admin
      .post('/api/areas')
      .set('Content-Type', 'application/json')
      .send(`{"name":"Djupet","description":${'['.repeat(40)}${']'.repeat(40)}}`);
    expect({ status: deep.status, code: deep.body.code, field: deep.body.field }).toEqual({ status: 422, code: 'VALIDATION_FAILED', field: 'description' });
    // A signed-in user's refusals do not count against the address: its sign-ins still work.
    expect((await t.http().post('/api/auth/login').send({ email: 'samordnare@exempelstad.se', password: 'est-demo-2026' })).status).toBe(200);
    // Legitimate large bodies still pass: 500 report ids on a case (their maximum) are read and validated.
    const analyst = await t.signIn('analytiker@exempelstad.se');
    const centrum = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Centrum')!;
    const many = await analyst.post('/api/cases').send({
      areaId: centrum.id,
      title: 'Många rapporter',
      description: 'Test',
      reportIds: Array.from({ length: 500 }, () => '00000000-0000-4000-8000-000000000000'),
    });
    expect(many.body.code).not.toBe('BODY_TOO_COMPLEX');
  });
});
