import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

describe('situation reports', () => {
  let t: TestApp;
  let reporter: TestAgent;
  let police: TestAgent;
  let analyst: TestAgent;
  let areas: Record<string, { id: string; places: { id: string; name: string }[] }>;
  let cats: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    reporter = await t.signIn('rapportor@exempelbostader.se');
    police = await t.signIn('polischef@exempelstad.se');
    analyst = await t.signIn('analytiker@exempelstad.se');
    areas = {};
    for (const a of (await analyst.get('/api/areas')).body as { id: string; name: string }[]) {
      areas[a.name] = (await analyst.get(`/api/areas/${a.id}`)).body;
    }
    cats = Object.fromEntries(((await analyst.get('/api/categories')).body as { id: string; code: string }[]).map((c) => [c.code, c.id]));
  });
  afterAll(() => t.stop());

  const valid = () => ({
    areaId: areas.Norrby.id,
    placeId: areas.Norrby.places[0].id,
    categoryId: cats.skadegorelse,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    assessment: 'medium',
    policeNotified: false,
    description: 'Krossad glasruta i entrédörren',
  });
  const reportCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM reports'))[0].n as number;

  it('files a report for the reporter’s organisation and returns it', async () => {
    const res = await reporter.post('/api/reports').send(valid());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      areaId: areas.Norrby.id,
      placeName: areas.Norrby.places[0].name,
      assessment: 'medium',
      restricted: false,
      detailsVisible: true,
      organization: { name: 'Exempelbostäder AB' },
      reporter: { name: 'Rasmus Rapportör' },
      source: 'form',
    });
    expect(res.body.editableUntil).not.toBeNull();
    const trail = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1`, [res.body.id]);
    expect(trail).toEqual([{ action: 'report.create' }]);
  });

  it.each([
    ['an unknown area', { areaId: '00000000-0000-4000-8000-000000000000' }, 'areaId'],
    ['an area outside the partnership', () => ({ areaId: areas.Söderdal.id, placeId: null }), 'areaId'],
    ['a place outside the area', () => ({ placeId: areas.Centrum.places[0].id }), 'placeId'],
    ['a category that does not exist', { categoryId: '00000000-0000-4000-8000-000000000000' }, 'categoryId'],
    ['a time in the future', () => ({ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }), 'occurredAt'],
    ['a time that is no date', { occurredAt: 'i går kväll' }, 'occurredAt'],
    ['an empty description', { description: '   ' }, 'description'],
    ['a latitude outside Sweden', { latitude: 48.85, longitude: 18.0 }, 'latitude'],
    ['a longitude outside Sweden', { latitude: 59.3, longitude: 2.35 }, 'longitude'],
    ['an unknown assessment', { assessment: 'extreme' }, 'assessment'],
  ])('refuses %s with 422 naming the field, storing nothing', async (_, change, field) => {
    const before = await reportCount();
    const patch = typeof change === 'function' ? change() : change;
    const res = await reporter.post('/api/reports').send({ ...valid(), ...patch });
    expect({ status: res.status, field: res.body.field, code: res.body.code }).toEqual({ status: 422, field, code: 'VALIDATION_FAILED' });
    expect(await reportCount()).toBe(before);
  });

  it('refuses a description with a personal identity number unless the reporter confirms, and records the confirmation', async () => {
    const text = 'Personen med nummer 811218-9876 stod vid porten';
    const refused = await reporter.post('/api/reports').send({ ...valid(), description: text });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'REPORT.PERSONAL_DATA', field: 'description' });
    expect(refused.body.hits).toEqual([{ kind: 'personal_identity_number', masked: '••••••-••76' }]);
    const confirmed = await reporter.post('/api/reports').send({ ...valid(), description: text, confirmNoPersonalData: true });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.personalDataConfirmed).toBe(true);
  });

  it('accepts a number whose check digit is not valid, and flags phone numbers and e-mail addresses', async () => {
    const ok = await reporter.post('/api/reports').send({ ...valid(), description: 'Skylt nr 811218-9875 nedriven' });
    expect(ok.status).toBe(201);
    expect(ok.body.personalDataConfirmed).toBe(false);
    for (const d of ['Ring 070-123 45 67', 'Mejla kalle@example.se']) {
      expect((await reporter.post('/api/reports').send({ ...valid(), description: d })).body.code).toBe('REPORT.PERSONAL_DATA');
    }
  });

  it('counts a restricted report for everyone but shows its details only to its own organisation', async () => {
    const week = '2026-W20';
    const occurredAt = '2026-05-13T20:00:00+02:00';
    const res = await police
      .post('/api/reports')
      .send({ ...valid(), occurredAt, restricted: true, description: 'Spaningsuppgift: narkotikaförsäljning vid entrén', categoryId: cats.narkotika });
    expect(res.status).toBe(201);
    const asHousing = (await reporter.get(`/api/reports/${res.body.id}`)).body;
    expect(asHousing).toMatchObject({ restricted: true, detailsVisible: false, description: null, placeId: null, latitude: null, reporter: null });
    expect((await police.get(`/api/reports/${res.body.id}`)).body.description).toContain('Spaningsuppgift');

    const pictureHousing = (await reporter.get(`/api/situation-picture?areaId=${areas.Norrby.id}&week=${week}`)).body;
    expect(pictureHousing.total.count).toBe(1);
    expect(pictureHousing.byCategory).toEqual([expect.objectContaining({ code: 'narkotika', count: 1 })]);
    expect(pictureHousing.points).toEqual([]);
    const picturePolice = (await police.get(`/api/situation-picture?areaId=${areas.Norrby.id}&week=${week}`)).body;
    expect(picturePolice.points).toHaveLength(1);

    const list = (await reporter.get(`/api/reports?areaId=${areas.Norrby.id}&from=2026-05-11&to=2026-05-18`)).body;
    expect(list.total).toBe(1);
    expect(list.items[0].description).toBeNull();
    const download = await reporter.get(`/api/reports/export.csv?areaId=${areas.Norrby.id}&from=2026-05-11&to=2026-05-18`);
    const csv = download.text;
    // The file name says the area and the week: 2026-05-11 is the Monday of week 20.
    expect(download.headers['content-disposition']).toBe('attachment; filename="rapporter-norrby-2026-v20.csv"');
    expect(csv).not.toContain('Spaningsuppgift');
    expect(csv).toContain('(begränsad)');
  });

  it('lets the reporter correct their own report within 24 hours, then only a coordinator of the organisation', async () => {
    const created = (await reporter.post('/api/reports').send(valid())).body;
    const fixed = await reporter.patch(`/api/reports/${created.id}`).send({ assessment: 'high' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.assessment).toBe('high');
    await t.dataSource.query(`UPDATE reports SET reported_at = now() - interval '25 hours' WHERE id = $1`, [created.id]);
    const late = await reporter.patch(`/api/reports/${created.id}`).send({ assessment: 'low' });
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('REPORT.LOCKED');
    // The municipality's coordinator is of another organisation: no correction either.
    const otherOrg = await (await t.signIn('samordnare@exempelstad.se')).patch(`/api/reports/${created.id}`).send({ assessment: 'low' });
    expect(otherOrg.status).toBe(403);
    const trail = await t.dataSource.query(
      `SELECT action, before->>'assessment' AS b, after->>'assessment' AS a FROM audit_entries WHERE entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(trail).toEqual([
      { action: 'report.create', b: null, a: 'medium' },
      { action: 'report.correct', b: 'medium', a: 'high' },
    ]);
  });

  it('exports CSV as UTF-8 with BOM and ; separators that Excel reads with å, ä, ö', async () => {
    const res = await reporter.get(`/api/reports/export.csv?areaId=${areas.Norrby.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text.split('\n')[0]).toBe('\ufeffTidpunkt;Område;Plats;Kategori;Bedömning;Polisen underrättad;Organisation;Begränsad;Beskrivning');
    expect(res.text).toContain('Exempelbostäder AB');
  });

  it('rejects invalid list filters with 422 naming the field', async () => {
    for (const [q, field] of [
      ['pageSize=0', 'pageSize'],
      ['pageSize=10000', 'pageSize'],
      ['from=igår', 'from'],
      ['timeOfDay=lunch', 'timeOfDay'],
      ['areaId=x', 'areaId'],
    ]) {
      const res = await reporter.get(`/api/reports?${q}`);
      expect({ q, status: res.status, field: res.body.field }).toEqual({ q, status: 422, field });
    }
    const bad = await reporter.get(`/api/situation-picture?areaId=${areas.Norrby.id}&week=2025-W53`);
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe('week');
  });
});

describe('the situational picture on a known data set', () => {
  let t: TestApp;
  let analyst: TestAgent;
  let area: { id: string; places: { id: string; name: string }[] };
  let cats: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.signIn('analytiker@exempelstad.se');
    const norrby = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!;
    area = (await analyst.get(`/api/areas/${norrby.id}`)).body;
    cats = Object.fromEntries(((await analyst.get('/api/categories')).body as { id: string; code: string }[]).map((c) => [c.code, c.id]));
    const org = (await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Exempelstad kommun'`))[0].id;
    const torg = area.places.find((p) => p.name === 'Norrby torg')!.id;
    const tvatt = area.places.find((p) => p.name === 'Tvättstugan Norrbyvägen 6')!.id;
    // Week 2026-W47 is Mon 16 – Sun 22 November. Previous four weeks: W43–W46.
    const rows: [string, string, string][] = [
      // this week: 3 vandalism at the square, 2 littering in the laundry room, 1 vandalism Sunday 23:30 local time
      ['2026-11-16T10:00:00+01:00', 'skadegorelse', torg],
      ['2026-11-18T22:00:00+01:00', 'skadegorelse', torg],
      ['2026-11-21T21:00:00+01:00', 'skadegorelse', torg],
      ['2026-11-19T08:00:00+01:00', 'nedskrapning', tvatt],
      ['2026-11-20T08:00:00+01:00', 'nedskrapning', tvatt],
      ['2026-11-22T23:30:00+01:00', 'skadegorelse', tvatt],
      // Monday 00:30 local of the next week (Sunday 23:30 UTC): not this week
      ['2026-11-23T00:30:00+01:00', 'skadegorelse', torg],
      // previous four weeks: 4 vandalism, 2 littering
      ['2026-10-20T12:00:00+02:00', 'skadegorelse', torg],
      ['2026-10-28T12:00:00+01:00', 'skadegorelse', torg],
      ['2026-11-04T12:00:00+01:00', 'skadegorelse', tvatt],
      ['2026-11-11T12:00:00+01:00', 'skadegorelse', torg],
      ['2026-11-02T12:00:00+01:00', 'nedskrapning', tvatt],
      ['2026-11-10T12:00:00+01:00', 'nedskrapning', tvatt],
      // five weeks back: outside the comparison, inside the trend
      ['2026-10-15T12:00:00+02:00', 'klotter', torg],
    ];
    for (const [at, code, placeId] of rows) {
      await t.dataSource.query(
        `INSERT INTO reports (area_id, place_id, category_id, occurred_at, assessment, police_notified, description, organization_id)
         VALUES ($1, $2, $3, $4, 'medium', false, 'testdata', $5)`,
        [area.id, placeId, cats[code], at, org],
      );
    }
  });
  afterAll(() => t.stop());

  it('counts by category and place against the average of the four previous weeks', async () => {
    const res = await analyst.get(`/api/situation-picture?areaId=${area.id}&week=2026-W47`);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.from).toBe('2026-11-16');
    expect(p.to).toBe('2026-11-22');
    expect(p.total).toEqual({ count: 6, previousAverage: 1.5, change: 4.5 });
    expect(
      p.byCategory.map((c: { code: string; count: number; previousAverage: number; change: number }) => [c.code, c.count, c.previousAverage, c.change]),
    ).toEqual([
      ['skadegorelse', 4, 1, 3],
      ['nedskrapning', 2, 0.5, 1.5],
    ]);
    expect(p.byPlace.map((x: { name: string; count: number; previousAverage: number }) => [x.name, x.count, x.previousAverage])).toEqual([
      ['Norrby torg', 3, 0.75],
      ['Tvättstugan Norrbyvägen 6', 3, 0.75],
    ]);
    expect(p.hotspots.map((h: { name: string; count: number }) => h.count)).toEqual([3, 3]);
    expect(p.points).toHaveLength(6);
  });

  it('gives the 12-week trend ending with the week', async () => {
    const p = (await analyst.get(`/api/situation-picture?areaId=${area.id}&week=2026-W47`)).body;
    expect(p.trend).toHaveLength(12);
    expect(p.trend[0].week).toBe('2026-W36');
    expect(p.trend[11]).toEqual({ week: '2026-W47', count: 6 });
    const byWeek = Object.fromEntries(p.trend.map((x: { week: string; count: number }) => [x.week, x.count]));
    expect(byWeek).toMatchObject({ '2026-W42': 1, '2026-W43': 1, '2026-W44': 1, '2026-W45': 2, '2026-W46': 2, '2026-W41': 0 });
  });

  it('lets an analyst set the week’s level, keeps its history, and refuses it to a reporter', async () => {
    const set = await analyst.put(`/api/areas/${area.id}/levels/2026-W47`).send({ level: 'yellow', rationale: 'Ökad skadegörelse vid torget' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ week: '2026-W47', level: 'yellow', setBy: { name: 'Anders Analytiker' } });
    await analyst.put(`/api/areas/${area.id}/levels/2026-W46`).send({ level: 'green', rationale: 'Normalläge' }).expect(200);
    await analyst.put(`/api/areas/${area.id}/levels/2026-W47`).send({ level: 'red', rationale: 'Fortsatt ökning, kraftsamling' }).expect(200);
    const levels = (await analyst.get(`/api/areas/${area.id}/levels`)).body;
    expect(levels.map((l: { week: string; level: string }) => [l.week, l.level])).toEqual([
      ['2026-W47', 'red'],
      ['2026-W46', 'green'],
    ]);
    expect((await analyst.get(`/api/situation-picture?areaId=${area.id}&week=2026-W47`)).body.level.level).toBe('red');
    const audit = await t.dataSource.query(
      `SELECT before->>'level' AS b, after->>'level' AS a FROM audit_entries WHERE entity_type = 'area_level' ORDER BY id`,
    );
    expect(audit).toEqual([
      { b: null, a: 'yellow' },
      { b: null, a: 'green' },
      { b: 'yellow', a: 'red' },
    ]);

    const reporter = await t.signIn('rapportor@exempelbostader.se');
    expect((await reporter.put(`/api/areas/${area.id}/levels/2026-W47`).send({ level: 'green', rationale: 'Lugnt' })).status).toBe(403);
    const bad = await analyst.put(`/api/areas/${area.id}/levels/2026-W47`).send({ level: 'orange', rationale: 'x' });
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'level' });
  });
});
