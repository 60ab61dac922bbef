import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_KEY } from '../src/auth/access.decorators';
import { startTestApp, TestApp } from './harness';

describe('directory: organisations, users, areas, places, categories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const auditCount = async (entityType: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = $1', [entityType]))[0].n as number;

  it('shows each user only the areas of their organisation’s partnerships', async () => {
    // Norrby Centrum (business association) takes part in Norrby only; the housing company not in Söderdal.
    const admin = await t.signIn('admin@exempelstad.se');
    const orgs = (await admin.get('/api/organizations')).body as { id: string; name: string }[];
    const norrbyCentrum = orgs.find((o) => o.name === 'Norrby Centrum')!;
    await admin
      .post('/api/users')
      .send({ name: 'Hanna Handlare', email: 'hanna@norrbycentrum.se', organizationId: norrbyCentrum.id, roles: ['reporter'], password: 'ett-långt-lösenord' })
      .expect(201);
    const shop = await t.signIn('hanna@norrbycentrum.se', 'ett-långt-lösenord');
    expect((await shop.get('/api/areas')).body.map((a: { name: string }) => a.name)).toEqual(['Norrby']);

    const housing = await t.signIn('sakerhetschef@exempelbostader.se');
    const areas = (await housing.get('/api/areas')).body as { id: string; name: string; placeCount: number }[];
    expect(areas.map((a) => a.name)).toEqual(['Centrum', 'Norrby']);
    expect(areas[0].placeCount).toBe(12);

    const all = (await admin.get('/api/areas')).body as { id: string; name: string }[];
    const soderdal = all.find((a) => a.name === 'Söderdal')!;
    const hidden = await housing.get(`/api/areas/${soderdal.id}`);
    expect(hidden.status).toBe(404);
    const detail = await (await t.signIn('polischef@exempelstad.se')).get(`/api/areas/${soderdal.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.places).toHaveLength(12);
    expect(detail.body.places[0]).toEqual(expect.objectContaining({ name: expect.any(String), latitude: expect.any(Number), longitude: expect.any(Number) }));
    expect(detail.body.partners.map((p: { name: string }) => p.name)).toEqual([
      'Exempelstad kommun',
      'Hyresfastigheter i Exempelstad AB',
      'Lokalpolisområde Exempelstad',
    ]);
  });

  it('lets an admin create an area with its partnership and places, each change in the audit trail', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const orgs = (await admin.get('/api/organizations')).body as { id: string; name: string }[];
    const before = await auditCount('area');
    const created = await admin.post('/api/areas').send({ name: 'Västerhöjden', description: 'Nytt område', partnerIds: [orgs[0].id, orgs[1].id] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Västerhöjden', placeCount: 0, places: [] });
    expect(await auditCount('area')).toBe(before + 1);

    const place = await admin.post(`/api/areas/${created.body.id}/places`).send({ name: 'Västertorget', latitude: 59.3, longitude: 15.1 });
    expect(place.status).toBe(201);
    const dup = await admin.post(`/api/areas/${created.body.id}/places`).send({ name: 'Västertorget' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'PLACE.NAME_TAKEN', field: 'name' });

    const moved = await admin.patch(`/api/places/${place.body.id}`).send({ latitude: null, longitude: null });
    expect(moved.body).toMatchObject({ latitude: null, longitude: null });
    expect((await admin.delete(`/api/places/${place.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/areas/${created.body.id}`)).body.places).toEqual([]);
    const trail = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [place.body.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['place.create', 'place.update', 'place.delete']);
  });

  it('keeps a place that reports refer to: 409 naming the id, the place and the trail unchanged', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    const areas = (await reporter.get('/api/areas')).body as { id: string; name: string }[];
    const norrby = (await reporter.get(`/api/areas/${areas.find((a) => a.name === 'Norrby')!.id}`)).body as { id: string; places: { id: string }[] };
    const placeId = norrby.places[0].id;
    const categoryId = ((await reporter.get('/api/categories')).body as { id: string }[])[0].id;
    const report = await reporter.post('/api/reports').send({
      areaId: norrby.id,
      placeId,
      categoryId,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      assessment: 'low',
      policeNotified: false,
      description: 'Klotter på väggen',
    });
    expect(report.status).toBe(201);
    const entries = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1`, [placeId]))[0].n;
    const before = await entries();
    const res = await admin.delete(`/api/places/${placeId}`);
    expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({ status: 409, code: 'PLACE.IN_USE', field: 'id' });
    expect(await t.dataSource.query(`SELECT id FROM places WHERE id = $1`, [placeId])).toEqual([{ id: placeId }]);
    expect(await entries()).toBe(before);
  });

  it('names the field for invalid directory input and stores nothing', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const areas = (await admin.get('/api/areas')).body as { id: string }[];
    const cases: [string, string, object, string][] = [
      ['post', '/api/organizations', { name: 'X förening', type: 'förening' }, 'type'],
      ['post', '/api/organizations', { type: 'ovrig' }, 'name'],
      ['post', '/api/users', { name: 'Kort', email: 'kort@x.se', organizationId: areas[0].id, roles: ['reporter'], password: 'kort' }, 'password'],
      ['post', '/api/users', { name: 'Roll', email: 'roll@x.se', organizationId: areas[0].id, roles: ['king'], password: 'ett-långt-lösenord' }, 'roles'],
      [
        'post',
        '/api/users',
        { name: 'Org', email: 'org@x.se', organizationId: areas[0].id, roles: ['reporter'], password: 'ett-långt-lösenord' },
        'organizationId',
      ],
      [
        'post',
        '/api/users',
        { name: 'Mejl', email: 'inte-en-adress', organizationId: areas[0].id, roles: ['reporter'], password: 'ett-långt-lösenord' },
        'email',
      ],
      ['post', '/api/areas', { name: 'Fel', partnerIds: ['00000000-0000-4000-8000-000000000000'] }, 'partnerIds'],
      ['post', `/api/areas/${areas[0].id}/places`, { name: 'Utanför', latitude: 95, longitude: 15 }, 'latitude'],
      ['post', '/api/categories', { code: 'Fel Kod', labelSv: 'Fel', labelEn: 'Wrong' }, 'code'],
      ['post', '/api/organizations', { name: 'Extra', type: 'ovrig', hacker: true }, 'hacker'],
    ];
    const counts = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM users) + (SELECT count(*) FROM areas) + (SELECT count(*) FROM places) + (SELECT count(*) FROM categories) AS n`,
        )
      )[0].n;
    const before = await counts();
    for (const [method, path, body, field] of cases) {
      const res = await (
        admin as unknown as Record<string, (p: string) => { send: (b: object) => Promise<{ status: number; body: { field?: string; code?: string } }> }>
      )
        [method](path)
        .send(body);
      expect({ path, status: res.status, field: res.body.field }).toEqual({ path, status: 422, field });
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await counts()).toBe(before);
  });

  it('refuses duplicate e-mail addresses and organisation names with 409 naming the field', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const orgs = (await admin.get('/api/organizations')).body as { id: string }[];
    const dupUser = await admin
      .post('/api/users')
      .send({ name: 'Dubblett', email: 'ANALYTIKER@exempelstad.se', organizationId: orgs[0].id, roles: ['analyst'], password: 'ett-långt-lösenord' });
    expect(dupUser.status).toBe(409);
    expect(dupUser.body).toMatchObject({ code: 'USER.EMAIL_TAKEN', field: 'email' });
    const dupOrg = await admin.post('/api/organizations').send({ name: 'Exempelstad kommun', type: 'kommun' });
    expect(dupOrg.body).toMatchObject({ code: 'ORGANIZATION.NAME_TAKEN', field: 'name' });
    expect((await admin.get('/api/users/not-a-uuid')).status).toBe(404);
  });

  it('lets an admin manage users: roles, password, and never returns the password hash', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const orgs = (await admin.get('/api/organizations')).body as { id: string; name: string }[];
    const police = orgs.find((o) => o.name === 'Lokalpolisområde Exempelstad')!;
    const created = await admin.post('/api/users').send({
      name: 'Kim Kommissarie',
      email: 'kim@polisen.se',
      organizationId: police.id,
      roles: ['commander', 'action_owner'],
      password: 'ett-långt-lösenord',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Kim Kommissarie',
      email: 'kim@polisen.se',
      roles: ['commander', 'action_owner'],
      active: true,
      organization: expect.objectContaining({ name: police.name }),
    });
    const kim = await t.signIn('kim@polisen.se', 'ett-långt-lösenord');
    await admin.patch(`/api/users/${created.body.id}`).send({ password: 'ett-nytt-långt-lösenord' }).expect(200);
    expect((await kim.get('/api/auth/me')).status).toBe(401);
    await t.signIn('kim@polisen.se', 'ett-nytt-långt-lösenord');
    const list = (await admin.get('/api/users')).body as object[];
    expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash/);
    const trail = await t.dataSource.query(`SELECT after FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(JSON.stringify(trail)).not.toMatch(/argon2/);
    expect(trail[1].after.passwordChanged).toBe(true);
  });

  it('stops an admin from locking themselves out', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    const me = (await admin.get('/api/auth/me')).body;
    const res = await admin.patch(`/api/users/${me.id}`).send({ roles: ['analyst'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('USER.SELF_LOCKOUT');
  });

  it('lists the 14 default categories in both languages and lets an admin retire one', async () => {
    const analyst = await t.signIn('analytiker@exempelstad.se');
    const cats = (await analyst.get('/api/categories')).body as { id: string; code: string; labelSv: string; labelEn: string }[];
    expect(cats).toHaveLength(14);
    expect(cats.find((c) => c.code === 'klotter')).toMatchObject({ labelSv: 'Klotter', labelEn: 'Graffiti' });
    const admin = await t.signIn('admin@exempelstad.se');
    const added = await admin.post('/api/categories').send({ code: 'trygghetsvandring', labelSv: 'Trygghetsvandring', labelEn: 'Safety walk' });
    expect(added.status).toBe(201);
    await admin.patch(`/api/categories/${added.body.id}`).send({ active: false }).expect(200);
    expect((await analyst.get('/api/categories')).body).toHaveLength(14);
    expect((await admin.get('/api/categories?includeInactive=true')).body).toHaveLength(15);
  });

  it('lists the people of one’s own organisation for assigning actions, and of partners to those who name owners in meetings', async () => {
    const chief = await t.signIn('sakerhetschef@exempelbostader.se');
    const orgs = (await chief.get('/api/organizations')).body as { id: string; name: string }[];
    const own = orgs.find((o) => o.name === 'Exempelbostäder AB')!;
    const people = (await chief.get(`/api/organizations/${own.id}/users`)).body;
    expect(people).toEqual([
      { id: expect.any(String), name: 'Rasmus Rapportör' },
      { id: expect.any(String), name: 'Sven Säkerhetschef' },
    ]);
    const police = orgs.find((o) => o.name === 'Lokalpolisområde Exempelstad')!;
    // The security chief is a commander of a partner of the police (Centrum, Norrby): the police's people, by name only.
    const officers = (await chief.get(`/api/organizations/${police.id}/users`)).body as { id: string; name: string; email?: string }[];
    expect(officers.length).toBeGreaterThan(0);
    expect(officers.every((p) => Object.keys(p).sort().join() === 'id,name')).toBe(true);
    // A reporter of the same organisation names no owners: another organisation's people are not theirs to see.
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    expect((await reporter.get(`/api/organizations/${police.id}/users`)).status).toBe(404);
  });

  it('declares an access rule on every endpoint', () => {
    const discovery = t.app.get(DiscoveryService);
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        routes++;
        if (!reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype as object])) undeclared.push(`${wrapper.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });
});
