import { startTestApp, TestApp } from './harness';

/** Invitations: single-use links that let a partner's people (e.g. shop staff) create their own account. */
describe('invitations', () => {
  let t: TestApp;
  let orgs: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.signIn('admin@exempelstad.se');
    orgs = Object.fromEntries(((await admin.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
  });
  afterAll(() => t.stop());

  const tokenOf = (path: string) => path.split('/').pop()!;
  const invite = async (email: string, roles = ['reporter'], organization = 'Norrby Centrum') => {
    const coordinator = await t.signIn('samordnare@exempelstad.se');
    const res = await coordinator.post('/api/invitations').send({ email, organizationId: orgs[organization], roles });
    expect(res.status).toBe(201);
    return res.body as { id: string; path: string; status: string; expiresAt: string; invitedBy: string };
  };

  it('lets a coordinator invite shop staff, who set name and password once and then sign in', async () => {
    const inv = await invite('  Butik.Personal@NorrbyCentrum.se ');
    expect(inv).toMatchObject({ status: 'pending', email: 'butik.personal@norrbycentrum.se', roles: ['reporter'], invitedBy: expect.any(String) });
    expect(inv.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const days = (new Date(inv.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const token = tokenOf(inv.path);
    const preview = await t.http().get(`/api/invitations/accept/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      email: 'butik.personal@norrbycentrum.se',
      organizationName: 'Norrby Centrum',
      roles: ['reporter'],
      expiresAt: inv.expiresAt,
    });

    const accepted = await t.http().post(`/api/invitations/accept/${token}`).send({ name: 'Butikspersonal Norrby', password: 'ett-långt-lösenord-9' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ name: 'Butikspersonal Norrby', email: 'butik.personal@norrbycentrum.se', roles: ['reporter'] });

    const shop = await t.signIn('butik.personal@norrbycentrum.se', 'ett-långt-lösenord-9');
    expect((await shop.get('/api/areas')).body.map((a: { name: string }) => a.name)).toEqual(['Norrby']);

    // Used up: a second submission creates nothing.
    const again = await t.http().post(`/api/invitations/accept/${token}`).send({ name: 'Någon Annan', password: 'ett-annat-lösenord-9' });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ code: 'INVITATION.ACCEPTED', field: 'token' });
    expect((await t.http().get(`/api/invitations/accept/${token}`)).status).toBe(410);
    const users = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = 'butik.personal@norrbycentrum.se'`);
    expect(users[0].n).toBe(1);

    const coordinator = await t.signIn('samordnare@exempelstad.se');
    const listed = ((await coordinator.get('/api/invitations')).body as { id: string; status: string; acceptedAt: string | null }[]).find(
      (i) => i.id === inv.id,
    );
    expect(listed).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });

    // Only the token's hash is kept: neither the invitation nor the audit trail holds the link.
    const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM invitations'));
    const audit = JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_entries WHERE entity_type IN ('invitation', 'user')`));
    const keys = JSON.stringify(await t.dataSource.query('SELECT * FROM idempotency_keys'));
    for (const text of [stored, audit, keys]) expect(text).not.toContain(token);
    const actions = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id IN ($1, $2) ORDER BY id`, [inv.id, accepted.body.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['invitation.create', 'user.create', 'invitation.accept']);
  });

  it('refuses expired, withdrawn and unknown links with 410 and 404, never creating an account', async () => {
    const expired = await invite('utgangen@norrbycentrum.se');
    await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const res1 = await t
      .http()
      .post(`/api/invitations/accept/${tokenOf(expired.path)}`)
      .send({ name: 'För Sent', password: 'ett-långt-lösenord-9' });
    expect(res1.status).toBe(410);
    expect(res1.body.code).toBe('INVITATION.EXPIRED');

    const withdrawn = await invite('aterkallad@norrbycentrum.se');
    const coordinator = await t.signIn('samordnare@exempelstad.se');
    await coordinator.delete(`/api/invitations/${withdrawn.id}`).expect(204);
    const res2 = await t.http().get(`/api/invitations/accept/${tokenOf(withdrawn.path)}`);
    expect(res2.status).toBe(410);
    expect(res2.body.code).toBe('INVITATION.REVOKED');

    const unknown = await t.http().get(`/api/invitations/accept/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect((await t.http().get('/api/invitations/accept/kort')).status).toBe(404);

    // A new link for the same address withdraws the earlier one.
    const first = await invite('tva-lankar@norrbycentrum.se');
    const second = await invite('tva-lankar@norrbycentrum.se');
    expect((await t.http().get(`/api/invitations/accept/${tokenOf(first.path)}`)).body.code).toBe('INVITATION.REVOKED');
    expect((await t.http().get(`/api/invitations/accept/${tokenOf(second.path)}`)).status).toBe(200);

    const made = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email IN ('utgangen@norrbycentrum.se', 'aterkallad@norrbycentrum.se')`);
    expect(made[0].n).toBe(0);
  });

  it('keeps a coordinator to its partners and to the roles of reporters and action owners', async () => {
    const coordinator = await t.signIn('samordnare@exempelstad.se');
    const admin = await t.signIn('admin@exempelstad.se');
    const tooMuch = await coordinator
      .post('/api/invitations')
      .send({ email: 'chef@norrbycentrum.se', organizationId: orgs['Norrby Centrum'], roles: ['admin'] });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.field).toBe('roles');

    const lonely = await admin.post('/api/organizations').send({ name: 'Ensam förening', type: 'ovrig' }).expect(201);
    const outside = await coordinator.post('/api/invitations').send({ email: 'x@ensam.se', organizationId: lonely.body.id, roles: ['reporter'] });
    expect(outside.status).toBe(422);
    expect(outside.body.field).toBe('organizationId');
    // An administrator may invite anyone with any role.
    expect((await admin.post('/api/invitations').send({ email: 'x@ensam.se', organizationId: lonely.body.id, roles: ['admin'] })).status).toBe(201);
    // ... but the coordinator neither sees nor withdraws that invitation.
    const mine = (await coordinator.get('/api/invitations')).body as { email: string; id: string }[];
    expect(mine.map((i) => i.email)).not.toContain('x@ensam.se');
    const theirs = ((await admin.get('/api/invitations')).body as { email: string; id: string }[]).find((i) => i.email === 'x@ensam.se')!;
    expect((await coordinator.delete(`/api/invitations/${theirs.id}`)).status).toBe(404);

    const reporter = await t.signIn('rapportor@exempelbostader.se');
    expect(
      (await reporter.post('/api/invitations').send({ email: 'y@norrbycentrum.se', organizationId: orgs['Norrby Centrum'], roles: ['reporter'] })).status,
    ).toBe(403);

    const taken = await coordinator
      .post('/api/invitations')
      .send({ email: 'rapportor@exempelbostader.se', organizationId: orgs['Exempelbostäder AB'], roles: ['reporter'] });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'USER.EMAIL_TAKEN', field: 'email' });
  });

  it('keeps the link usable after a refused password, and makes one account of two simultaneous submissions', async () => {
    const inv = await invite('samtidig@norrbycentrum.se');
    const token = tokenOf(inv.path);
    const weak = await t.http().post(`/api/invitations/accept/${token}`).send({ name: 'Svag Kod', password: 'kort' });
    expect(weak.status).toBe(422);
    expect(weak.body.field).toBe('password');
    expect((await t.http().get(`/api/invitations/accept/${token}`)).status).toBe(200);

    const body = { name: 'Samtidig Person', password: 'ett-långt-lösenord-9' };
    const results = await Promise.all([
      t.http().post(`/api/invitations/accept/${token}`).send(body),
      t.http().post(`/api/invitations/accept/${token}`).send(body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
    const n = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = 'samtidig@norrbycentrum.se'`);
    expect(n[0].n).toBe(1);
  });
});
