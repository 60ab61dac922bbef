import { startTestApp, TestApp } from './harness';

/** "Vem gör vad": the partners' register of activities per area, and where reports come when nobody is there. */
describe('activities', () => {
  let t: TestApp;
  let norrby: { id: string; places: { id: string; name: string }[] };
  let orgs: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.signIn('admin@exempelstad.se');
    const areas = (await admin.get('/api/areas')).body as { id: string; name: string }[];
    norrby = (await admin.get(`/api/areas/${areas.find((a) => a.name === 'Norrby')!.id}`)).body;
    orgs = Object.fromEntries(((await admin.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
  });
  afterAll(() => t.stop());

  const place = (name: string) => norrby.places.find((p) => p.name === name)!.id;
  const url = () => `/api/areas/${norrby.id}/activities`;

  it('lets each partner keep its own entries, seen by the whole partnership and changed only by their organisation', async () => {
    const police = await t.signIn('polischef@exempelstad.se');
    const created = await police.post(url()).send({
      title: 'Områdespolis vid torget',
      targetGroup: 'Unga',
      placeIds: [place('Norrby torg')],
      startsOn: '2026-09-01',
      weekdays: [5, 6],
      startTime: '20:00',
      endTime: '01:00',
      contactOrganizationId: orgs['Exempelstad kommun'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organization: { name: 'Lokalpolisområde Exempelstad' },
      places: [{ name: 'Norrby torg' }],
      weekdays: [5, 6],
      startTime: '20:00',
      endTime: '01:00',
      contactOrganization: { name: 'Exempelstad kommun' },
      mayEdit: true,
      version: 1,
    });

    // The shop association (a partner of Norrby) sees it, may not change it.
    const admin = await t.signIn('admin@exempelstad.se');
    await admin
      .post('/api/users')
      .send({
        name: 'Butikschef Norrby',
        email: 'chef@norrbycentrum.se',
        organizationId: orgs['Norrby Centrum'],
        roles: ['action_owner'],
        password: 'ett-långt-lösenord-1',
      })
      .expect(201);
    const shop = await t.signIn('chef@norrbycentrum.se', 'ett-långt-lösenord-1');
    const seen = (await shop.get(url())).body as { id: string; mayEdit: boolean }[];
    expect(seen.find((a) => a.id === created.body.id)).toMatchObject({ mayEdit: false });
    const refused = await shop.patch(`${url()}/${created.body.id}`).send({ version: 1, title: 'Ändrad' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACTIVITY.OTHER_ORGANIZATION');

    // Its own organisation changes it (version checked), then removes it; each step in the audit trail.
    const changed = await police.patch(`${url()}/${created.body.id}`).send({ version: 1, endTime: '02:00', endsOn: '2027-06-30' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ endTime: '02:00', endsOn: '2027-06-30', version: 2 });
    expect((await police.patch(`${url()}/${created.body.id}`).send({ version: 1, title: 'Gammal' })).status).toBe(409);
    await police.delete(`${url()}/${created.body.id}`).expect(204);
    const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['activity.create', 'activity.update', 'activity.delete']);

    // A reporter reads the register but keeps no entries; an organisation outside the partnership does not see the area.
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    expect((await reporter.get(url())).status).toBe(200);
    expect((await reporter.post(url()).send({ title: 'Rond', startsOn: '2026-09-01' })).status).toBe(403);
    await admin
      .post('/api/users')
      .send({
        name: 'Vakt Hyres',
        email: 'vakt@hyresfastigheter.se',
        organizationId: orgs['Hyresfastigheter i Exempelstad AB'],
        roles: ['coordinator'],
        password: 'ett-långt-lösenord-1',
      })
      .expect(201);
    const outsider = await t.signIn('vakt@hyresfastigheter.se', 'ett-långt-lösenord-1');
    expect((await outsider.get(url())).status).toBe(404);
    expect((await outsider.post(url()).send({ title: 'Rond', startsOn: '2026-09-01' })).status).toBe(404);
  });

  it('refuses what does not fit, naming the field, and stores nothing', async () => {
    const coordinator = await t.signIn('samordnare@exempelstad.se');
    const admin = await t.signIn('admin@exempelstad.se');
    const areas = (await admin.get('/api/areas')).body as { id: string; name: string }[];
    const centrum = (await admin.get(`/api/areas/${areas.find((a) => a.name === 'Centrum')!.id}`)).body as { places: { id: string }[] };
    const cases: [object, string][] = [
      [{ title: 'Rond', startsOn: '2026-09-01', endsOn: '2026-08-01' }, 'endsOn'],
      [{ title: 'Rond', startsOn: '2026-09-01', weekdays: [1], startTime: '20:00' }, 'endTime'],
      [{ title: 'Rond', startsOn: '2026-09-01', startTime: '20:00', endTime: '22:00' }, 'weekdays'],
      [{ title: 'Rond', startsOn: '2026-09-01', weekdays: [8] }, 'weekdays'],
      [{ title: 'Rond', startsOn: '2026-09-01', startTime: '25:00', endTime: '22:00', weekdays: [1] }, 'startTime'],
      [{ title: 'Rond', startsOn: '2026-02-30x' }, 'startsOn'],
      [{ title: 'Rond', startsOn: '2026-09-01', placeIds: [centrum.places[0].id] }, 'placeIds'],
      [{ title: 'Rond', startsOn: '2026-09-01', contactOrganizationId: orgs['Hyresfastigheter i Exempelstad AB'] }, 'contactOrganizationId'],
      [{ title: 'Ring Kalle på 070-123 45 67', startsOn: '2026-09-01' }, 'title'],
    ];
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM activities');
    for (const [body, field] of cases) {
      const res = await coordinator.post(url()).send(body);
      expect({ body, status: res.status, field: res.body.field }).toEqual({ body, status: 422, field });
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM activities')).toEqual(before);
    // The personal-data warning can be overridden for a text that only looks like personal data.
    const kept = await coordinator.post(url()).send({ title: 'Linje 070-123 45 67 kvällstid', startsOn: '2026-09-01', confirmNoPersonalData: true });
    expect(kept.status).toBe(201);
  });

  it('shows the hours with reports and nobody there, and places by reports with the activities that cover them', async () => {
    const analyst = await t.signIn('analytiker@exempelstad.se');
    const torget = place('Norrby torg');
    const tunnel = place('Gångtunneln under Norrleden');
    // Reports on recent Friday nights at 23:xx Swedish time (winter: UTC+1) at the square, and Tuesdays 10:xx in the tunnel.
    const fridays: string[] = [];
    const tuesdays: string[] = [];
    for (let d = 1; fridays.length < 3 || tuesdays.length < 2; d++) {
      const day = new Date(Date.now() - d * 86_400_000);
      const iso = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(day);
      const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
      if (weekday === 5 && fridays.length < 3) fridays.push(iso);
      if (weekday === 2 && tuesdays.length < 2) tuesdays.push(iso);
    }
    const offset = (iso: string) =>
      new Date(`${iso}T12:00:00Z`).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit' }) === '13' ? '+01:00' : '+02:00';
    const categories = (await analyst.get('/api/categories')).body as { id: string }[];
    for (const [days, time, placeId] of [
      [fridays, '23:15', torget],
      [tuesdays, '10:40', tunnel],
    ] as const) {
      for (const iso of days) {
        await analyst
          .post('/api/reports')
          .send({
            areaId: norrby.id,
            placeId,
            categoryId: categories[0].id,
            occurredAt: `${iso}T${time}:00${offset(iso)}`,
            assessment: 'medium',
            policeNotified: false,
            description: 'Stökigt vid platsen',
          })
          .expect(201);
      }
    }
    // The square is watched on Fridays 20–01 (ends at 1); nobody is at the tunnel on Tuesday mornings.
    const police = await t.signIn('polischef@exempelstad.se');
    await police
      .post(url())
      .send({ title: 'Fredagsnärvaro', placeIds: [torget], startsOn: '2020-01-01', weekdays: [5], startTime: '20:00', endTime: '01:00' })
      .expect(201);

    const res = await analyst.get(`/api/areas/${norrby.id}/activity-gaps`).query({ weeks: 4 });
    expect(res.status).toBe(200);
    expect(res.body.cells).toHaveLength(168);
    const cell = (weekday: number, hour: number) => res.body.cells.find((c: { weekday: number; hour: number }) => c.weekday === weekday && c.hour === hour);
    expect(cell(5, 23)).toEqual({ weekday: 5, hour: 23, reports: 3, activities: 1 });
    expect(cell(6, 0)).toMatchObject({ activities: 1 });
    expect(cell(2, 10)).toEqual({ weekday: 2, hour: 10, reports: 2, activities: 0 });
    expect(res.body.gaps[0]).toEqual({ weekday: 2, hour: 10, reports: 2, activities: 0 });
    expect(res.body.gaps.find((g: { weekday: number; hour: number }) => g.weekday === 5 && g.hour === 23)).toBeUndefined();
    const byPlace = Object.fromEntries(res.body.places.map((p: { name: string; reports: number; activities: number }) => [p.name, [p.reports, p.activities]]));
    // The earlier test's entry without places covers the whole area: one activity everywhere, two at the square.
    expect(byPlace['Norrby torg']).toEqual([3, 2]);
    expect(byPlace['Gångtunneln under Norrleden']).toEqual([2, 1]);

    expect((await analyst.get(`/api/areas/${norrby.id}/activity-gaps`).query({ weeks: 0 })).body.field).toBe('weeks');

    // A restricted report of the housing company counts in the hours for everyone, but tells its place only to its own organisation.
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    await reporter
      .post('/api/reports')
      .send({
        areaId: norrby.id,
        placeId: place('Tvättstugan Norrbyvägen 6'),
        categoryId: categories[0].id,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        assessment: 'high',
        policeNotified: false,
        restricted: true,
        description: 'Inbrott i förrådet',
      })
      .expect(201);
    const total = (body: { cells: { reports: number }[] }) => body.cells.reduce((n, c) => n + c.reports, 0);
    const laundry = (body: { places: { name: string; reports: number }[] }) => body.places.find((p) => p.name === 'Tvättstugan Norrbyvägen 6')!.reports;
    const theirs = (await analyst.get(`/api/areas/${norrby.id}/activity-gaps`).query({ weeks: 4 })).body;
    const own = (await reporter.get(`/api/areas/${norrby.id}/activity-gaps`).query({ weeks: 4 })).body;
    expect([total(theirs), laundry(theirs)]).toEqual([6, 0]);
    expect([total(own), laundry(own)]).toEqual([6, 1]);
  });
});
