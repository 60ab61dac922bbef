import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

/**
 * Issue #16 parts 1 and 2 on a real database: EVALUATE freezes the case's effect figures (they never change when
 * reports are added afterwards), the case shows them, and the effect register lists the evaluated case (filters,
 * partnership scope, CSV with the formula guard).
 */
describe('effect figures frozen at evaluation, and the effect register', () => {
  let t: TestApp;
  let analyst: TestAgent;
  let police: TestAgent;
  let housing: TestAgent;
  let admin: TestAgent;
  let outsider: TestAgent;
  let norrby: { id: string; places: { id: string; name: string }[] };
  let cats: Record<string, string>;
  let orgs: Record<string, string>;
  let place: { id: string };
  let caseId: string;
  const DAY = 86_400_000;
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const seed = (occurredAt: Date, description: string) =>
    q(
      `INSERT INTO reports (area_id, place_id, category_id, occurred_at, assessment, police_notified, description, organization_id, restricted)
       VALUES ($1, $2, $3, $4, 'medium', false, $5, $6, true)`,
      [norrby.id, place.id, cats.stokiga_grupper, occurredAt, description, orgs['Exempelbostäder AB']],
    );

  beforeAll(async () => {
    t = await startTestApp();
    [analyst, police, housing, admin] = await Promise.all(
      ['analytiker@exempelstad.se', 'polischef@exempelstad.se', 'sakerhetschef@exempelbostader.se', 'admin@exempelstad.se'].map((e) => t.signIn(e)),
    );
    const areas = (await analyst.get('/api/areas')).body as { id: string; name: string }[];
    norrby = (await analyst.get(`/api/areas/${areas.find((a) => a.name === 'Norrby')!.id}`)).body;
    orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    cats = Object.fromEntries(((await analyst.get('/api/categories')).body as { id: string; code: string }[]).map((c) => [c.code, c.id]));
    place = norrby.places.find((p) => p.name === 'Tvättstugan Norrbyvägen 6')!;
    // The outsider: an organisation of its own area only, with every role but admin.
    const org = await admin.post('/api/organizations').send({ name: 'Utanför föreningen', type: 'ovrig' });
    await admin.post('/api/areas').send({ name: 'Utmarken', description: 'Utanförs eget område', partnerIds: [org.body.id] });
    const user = await admin.post('/api/users').send({
      name: 'Olle Utomstående',
      email: 'utomstaende@utanfor.se',
      organizationId: org.body.id,
      roles: ['coordinator', 'analyst', 'commander', 'action_owner', 'reporter'],
      password: 'utanfor-lösenord-2026',
    });
    expect(user.status).toBe(201);
    outsider = await t.signIn('utomstaende@utanfor.se', 'utanfor-lösenord-2026');
  });
  afterAll(() => t?.stop());

  it('stores the figures with the evaluation, frozen, and shows them on the case', async () => {
    // Twelve restricted reports in the place two weeks before, three a week after (dated ahead: the after window lies ahead).
    for (let i = 0; i < 12; i++) await seed(new Date(Date.now() - 14 * DAY - i * 3_600_000), `Före ${i}`);
    for (let i = 0; i < 3; i++) await seed(new Date(Date.now() + 7 * DAY + i * 3_600_000), `Efter ${i}`);
    const [{ id: reportId }]: { id: string }[] = await q(`SELECT id FROM reports WHERE description = 'Före 0'`);
    const created = await analyst
      .post('/api/cases')
      .send({ areaId: norrby.id, title: '=Samlingar i tvättstugan', description: 'Återkommande samlingar', reportIds: [reportId], placeIds: [place.id] });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    expect(created.body.evaluatedEffects).toBeNull();

    let v = 1;
    const send = async (agent: TestAgent, body: object, state: string) => {
      const res = await agent.post(`/api/cases/${caseId}/events`).send({ ...body, version: v });
      expect({ status: res.status, state: res.body.state, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, state, body: undefined });
      v = res.body.version;
      return res.body;
    };
    await send(analyst, { type: 'START_ANALYSIS' }, 'analysis');
    await send(analyst, { type: 'SAVE_ANALYSIS', analysis: 'Ungdomar samlas kvällstid i tvättstugan: dörren går inte i lås.' }, 'analysis');
    const action = {
      cause: 'Dörr som inte går i lås',
      what: 'Passagesystem i tvättstugan',
      goal: 'Inga samlingar efter kl 22',
      organizationId: orgs['Exempelbostäder AB'],
      dueDate: '2027-12-31',
      kind: 'one_off',
      term: 'short',
    };
    await send(analyst, { type: 'PROPOSE', actions: [action] }, 'proposed');
    const agreed = await send(police, { type: 'AGREE' }, 'agreed');
    const actionId = agreed.actions[0].id as string;
    const chiefId = (await housing.get('/api/auth/me')).body.id;
    let av = agreed.actions[0].version as number;
    for (const body of [{ type: 'ASSIGN', ownerId: chiefId }, { type: 'START' }, { type: 'COMPLETE', report: 'Kodlås monterat' }]) {
      const res = await housing.post(`/api/actions/${actionId}/events`).send({ ...body, version: av });
      expect(res.status).toBe(200);
      av = res.body.version;
    }
    v = (await analyst.get(`/api/cases/${caseId}`)).body.version;

    // The dialog's preview over six weeks: the seeded reports (the case's own one among them) in the place.
    const preview = (await analyst.get(`/api/cases/${caseId}/effects`).query({ weeks: '6' })).body.figures;
    expect(preview.weeks).toBe(6);
    expect(preview.counts.treatment).toEqual({ before: 12, after: 3 });

    // effectWeeks outside 4–26 is a 422 naming it, and nothing is stored.
    const bad = await analyst
      .post(`/api/cases/${caseId}/events`)
      .send({ type: 'EVALUATE', outcome: 'effective', note: 'Färre samlingar', earlyReason: 'Test', effectWeeks: 40, version: v });
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'effectWeeks' });
    expect((await q(`SELECT count(*)::int AS n FROM case_effects WHERE case_id = $1`, [caseId]))[0].n).toBe(0);

    const closed = await send(analyst, { type: 'EVALUATE', outcome: 'effective', note: 'Färre samlingar', earlyReason: 'Test', effectWeeks: 6 }, 'closed');
    expect(closed.evaluatedEffects).toMatchObject({ outcome: 'effective', methodVersion: 1, weeks: 6 });
    expect(closed.evaluatedEffects.figures).toEqual(preview);
    expect(closed.evaluatedEffects.figures.tooFew).toBe(false);
    expect(closed.evaluatedEffects.figures.figures.map((f: { key: string }) => f.key)).toEqual(['treatment', 'did', 'wdq']);
    // Only numbers and sentences: no detail of the restricted reports.
    expect(JSON.stringify(closed.evaluatedEffects)).not.toMatch(/Före|Efter/);

    // A report added afterwards changes the live preview, never the stored figures.
    await seed(new Date(Date.now() + 8 * DAY), 'Efter sent');
    expect((await analyst.get(`/api/cases/${caseId}/effects`).query({ weeks: '6' })).body.figures.counts.treatment.after).toBe(4);
    const later = (await police.get(`/api/cases/${caseId}`)).body;
    expect(later.evaluatedEffects).toEqual(closed.evaluatedEffects);
    const [row] = await q(`SELECT method_version, weeks, outcome, figures FROM case_effects WHERE case_id = $1`, [caseId]);
    expect(row).toEqual({ method_version: 1, weeks: 6, outcome: 'effective', figures: preview });
  });

  it('lists the evaluated case in the register, filtered and scoped to the partnership', async () => {
    const list = await police.get('/api/effects');
    expect(list.status).toBe(200);
    const entry = list.body.find((e: { caseId: string }) => e.caseId === caseId);
    expect(entry).toMatchObject({
      title: '=Samlingar i tvättstugan',
      areaId: norrby.id,
      areaName: 'Norrby',
      outcome: 'effective',
      weeks: 6,
      categories: [{ id: cats.stokiga_grupper }],
      actions: [{ number: 1, what: 'Passagesystem i tvättstugan', organizationName: 'Exempelbostäder AB', state: 'done' }],
    });
    expect(entry.figures.counts.treatment).toEqual({ before: 12, after: 3 });
    expect(JSON.stringify(list.body)).not.toMatch(/Före|Efter/);

    const ids = async (agent: TestAgent, query: Record<string, string>) =>
      ((await agent.get('/api/effects').query(query)).body as { caseId: string }[]).map((e) => e.caseId);
    expect(await ids(analyst, { areaId: norrby.id, categoryId: cats.stokiga_grupper, outcome: 'effective' })).toContain(caseId);
    expect(await ids(analyst, { outcome: 'not_effective' })).not.toContain(caseId);
    expect(await ids(analyst, { categoryId: cats.klotter })).not.toContain(caseId);
    expect(await ids(analyst, { from: new Date(Date.now() + DAY).toISOString() })).not.toContain(caseId);
    expect(await ids(analyst, { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() })).toContain(caseId);
    expect(await ids(admin, {})).toContain(caseId);
    // The outsider takes part in no partnership of Norrby: the case is not there for it, not even with its area as filter.
    expect(await ids(outsider, {})).toEqual([]);
    expect(await ids(outsider, { areaId: norrby.id })).toEqual([]);

    for (const [query, field] of [
      [{ outcome: 'maybe' }, 'outcome'],
      [{ areaId: 'x' }, 'areaId'],
      [{ categoryId: '1' }, 'categoryId'],
      [{ from: '2026-13-01' }, 'from'],
    ] as [Record<string, string>, string][]) {
      const res = await analyst.get('/api/effects').query(query);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field });
    }
  });

  it('exports the register as CSV with the formula guard', async () => {
    const res = await analyst.get('/api/effects/export.csv').query({ areaId: norrby.id });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('vad-fungerar.csv');
    const text = res.text.replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\n');
    expect(header.split(';').slice(0, 4)).toEqual(['Utvärderad', 'Område', 'Ärende', 'Utfall']);
    const line = lines.find((l) => l.includes('Samlingar i tvättstugan'))!;
    // The title starts with '=': a spreadsheet shall show it as text.
    expect(line).toContain(`'=Samlingar i tvättstugan`);
    expect(line.split(';').slice(3, 9)).toEqual([
      'Effektiv',
      'Stökiga grupper / samlingsplats',
      '1. Passagesystem i tvättstugan (Exempelbostäder AB)',
      '6',
      '12',
      '3',
    ]);
    expect(text).not.toMatch(/Före|Efter/);
    expect((await outsider.get('/api/effects/export.csv')).text.trim().split('\n')).toHaveLength(1);
  });
});
