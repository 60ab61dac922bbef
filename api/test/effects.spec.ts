import { effectFigures, effectWindows } from '../src/effects/effect-statistics';
import { effectsRepository } from '../src/effects/effects.repository';
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './harness';

/** The effect figures' counts, in SQL on a real database (issue #16): zones, windows, categories, restricted reports. */
describe('effect counts', () => {
  let a: TestApp;
  const q = (sql: string, params: unknown[] = []) => a.dataSource.query(sql, params);

  beforeAll(async () => {
    a = await startTestApp();
  });
  afterAll(async () => {
    await a?.stop();
  });

  it('counts treatment (places or within 100 m), the 100–300 m ring and the rest of the area, before and after, restricted included', async () => {
    const areas: { id: string; name: string }[] = await q(`SELECT id, name FROM areas ORDER BY name`);
    const area = areas.find((x) => x.name === 'Norrby')!;
    const other = areas.find((x) => x.id !== area.id)!;
    const [p0, p1]: { id: string }[] = await q(`SELECT id FROM places WHERE area_id = $1 ORDER BY name`, [area.id]);
    const cats: Record<string, string> = Object.fromEntries(
      ((await q(`SELECT id, code FROM categories`)) as { id: string; code: string }[]).map((c) => [c.code, c.id]),
    );
    const [{ id: orgId }]: { id: string }[] = await q(`SELECT id FROM organizations ORDER BY name LIMIT 1`);
    const insert = (areaId: string, at: string, code: string, placeId: string | null, lat: number | null, restricted = false) =>
      q(
        `INSERT INTO reports (area_id, place_id, latitude, longitude, category_id, occurred_at, assessment, police_notified, description, organization_id, restricted)
         VALUES ($1, $2, $3, $4, $5, $6, 'medium', false, 'Test', $7, $8)`,
        [areaId, placeId, lat, lat === null ? null : 17.9, cats[code], at, orgId, restricted],
      );
    // The case: place p0 and a point at 59.40 N 17.9 E; 0.001° of latitude ≈ 111 m. Windows of four weeks around 1 March – 12 April 2027.
    const w = effectWindows(new Date('2027-03-01T00:00:00Z'), new Date('2027-04-12T00:00:00Z'), 4);
    const before = '2027-02-10T12:00:00Z';
    const after = '2027-04-20T12:00:00Z';
    await insert(area.id, before, 'skadegorelse', p0.id, 59.5); // in one of the case's places, far from the point: treatment
    await insert(area.id, before, 'skadegorelse', null, 59.4005); // ≈ 56 m: treatment
    await insert(area.id, before, 'klotter', null, 59.4008, true); // ≈ 89 m, restricted: treatment, counted
    await insert(area.id, after, 'skadegorelse', null, 59.4002); // ≈ 22 m: treatment after
    await insert(area.id, before, 'skadegorelse', p1.id, 59.402); // ≈ 222 m: buffer
    await insert(area.id, after, 'klotter', null, 59.3975); // ≈ 278 m: buffer after
    await insert(area.id, after, 'klotter', null, 59.3968, true); // ≈ 356 m: comparison after
    await insert(area.id, before, 'skadegorelse', null, null); // no position: comparison
    await insert(area.id, before, 'skadegorelse', null, 59.41); // ≈ 1.1 km: comparison
    await insert(area.id, '2027-02-01T00:00:00Z', 'skadegorelse', null, 59.41); // first instant of the before window: comparison
    // Not counted: another category, another area, between the windows, at the end of a window.
    await insert(area.id, before, 'nedskrapning', p0.id, 59.4);
    await insert(other.id, before, 'skadegorelse', null, 59.4);
    await insert(area.id, '2027-03-20T12:00:00Z', 'skadegorelse', p0.id, 59.4);
    await insert(area.id, '2027-03-01T00:00:00Z', 'skadegorelse', p0.id, 59.4);
    await insert(area.id, '2027-05-10T00:00:00Z', 'skadegorelse', p0.id, 59.4);
    await insert(area.id, '2027-01-31T23:59:59Z', 'skadegorelse', p0.id, 59.4);

    const scope = { areaId: area.id, placeIds: [p0.id], categoryIds: [cats.skadegorelse, cats.klotter], points: [{ lat: 59.4, lng: 17.9 }] };
    const counts = await effectsRepository.counts(a.dataSource, scope, w);
    expect(counts).toEqual({ treatment: { before: 3, after: 1 }, buffer: { before: 1, after: 1 }, comparison: { before: 3, after: 1 } });

    // Without categories every category counts (the littering report in p0 joins the treatment); without points only the places do.
    const all = await effectsRepository.counts(a.dataSource, { ...scope, categoryIds: [] }, w);
    expect(all.treatment).toEqual({ before: 4, after: 1 });
    const placesOnly = await effectsRepository.counts(a.dataSource, { ...scope, points: [] }, w);
    expect(placesOnly).toEqual({ treatment: { before: 1, after: 0 }, buffer: { before: 0, after: 0 }, comparison: { before: 6, after: 3 } });

    // The figures from these counts carry the small-count warning: three reports before say nothing.
    const f = effectFigures(counts);
    expect(f.tooFew).toBe(true);
    expect(f.figures[0].sv).toContain('Varning');
  });

  it('GET /api/cases/{id}/effects computes the figures from the case’s places, categories and action span, for 4–26 weeks', async () => {
    const [area]: { id: string }[] = await q(`SELECT id FROM areas WHERE name = 'Norrby'`);
    const [p0]: { id: string }[] = await q(`SELECT id FROM places WHERE area_id = $1 ORDER BY name`, [area.id]);
    await q(`UPDATE places SET latitude = 59.4, longitude = 17.9 WHERE id = $1`, [p0.id]);
    const coordinator = await a.signIn('samordnare@exempelstad.se');
    const created = await coordinator
      .post('/api/cases')
      .send({ areaId: area.id, title: 'Skadegörelse vid p0', description: 'Upprepad skadegörelse', placeIds: [p0.id] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // No action started or done yet: no figures.
    const none = await coordinator.get(`/api/cases/${id}/effects`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ caseId: id, figures: null });

    // The history of one action: started 1 March, done 12 April 2027 (the windows of the test above).
    const actionId = randomUUID();
    const hist = (toState: string, at: string, version: number) =>
      q(`INSERT INTO case_history (case_id, action_id, event_type, from_state, to_state, version, at) VALUES ($1, $2, 'TEST', NULL, $3, $4, $5)`, [
        id,
        actionId,
        toState,
        version,
        at,
      ]);
    await hist('in_progress', '2027-03-01T00:00:00Z', 2);
    await hist('done', '2027-04-12T00:00:00Z', 3);

    const res = await coordinator.get(`/api/cases/${id}/effects`).query({ weeks: '4' });
    expect(res.status).toBe(200);
    // The case has no reports, so every category counts: the littering report in p0 joins the treatment.
    expect(res.body.figures).toMatchObject({
      methodVersion: 1,
      weeks: 4,
      before: { from: '2027-02-01T00:00:00.000Z', to: '2027-03-01T00:00:00.000Z' },
      after: { from: '2027-04-12T00:00:00.000Z', to: '2027-05-10T00:00:00.000Z' },
      counts: { treatment: { before: 4, after: 1 }, buffer: { before: 1, after: 1 }, comparison: { before: 3, after: 1 } },
      tooFew: true,
    });
    expect(res.body.figures.didRatio).toBeCloseTo(0.25 / (1 / 3), 12);
    expect(res.body.figures.figures).toHaveLength(3);
    // Only numbers and sentences: no report detail leaves.
    expect(JSON.stringify(res.body)).not.toContain('Test');

    // Eight weeks by default; 4–26 only, the field named.
    expect((await coordinator.get(`/api/cases/${id}/effects`)).body.figures.weeks).toBe(8);
    for (const weeks of ['3', '27', 'x', '8.5']) {
      const bad = await coordinator.get(`/api/cases/${id}/effects`).query({ weeks });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(bad.body)).toContain('weeks');
    }
  });
});
