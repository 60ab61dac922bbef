import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

/** Safety-walk findings in the situational picture: their own source, a map layer, and places found on walk after walk. */
describe('safety-walk findings in the situational picture', () => {
  let t: TestApp;
  let coordinator: TestAgent;
  let caretaker: TestAgent;
  let police: TestAgent;
  let centrumId: string;
  let place: { id: string; name: string };
  let housingId: string;
  let checklistId: string;
  // Weeks long before the demo data (which is laid relative to today).
  const WEEK = '2025-W10';

  async function walkWithFindings(startsAt: string, findings: object[], over: object = {}): Promise<string> {
    const w = (
      await coordinator
        .post('/api/walks')
        .send({
          areaId: centrumId,
          title: `Vandring ${startsAt}`,
          startsAt,
          meetingPoint: 'Stortorget',
          invitedOrganizationIds: [housingId],
          participantCounts: { residents: 2 },
          checklistTemplateId: checklistId,
          ...over,
        })
        .expect(201)
    ).body as { id: string };
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    for (const f of findings)
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send({ checklistItemKey: 'lighting', description: 'Trasig belysning', severity: 'medium', recordedAt: startsAt, ...f })
        .expect(201);
    return w.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, caretaker, police] = await Promise.all(
      ['samordnare@exempelstad.se', 'rapportor@exempelbostader.se', 'polischef@exempelstad.se'].map((e) => t.signIn(e)),
    );
    centrumId = ((await coordinator.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Centrum')!.id;
    place = (await coordinator.get(`/api/areas/${centrumId}`)).body.places[0];
    housingId = ((await coordinator.get('/api/organizations')).body as { id: string; name: string }[]).find((o) => o.name === 'Exempelbostäder AB')!.id;
    checklistId = ((await coordinator.get('/api/walk-checklists')).body as { id: string; isDefault: boolean }[]).find((l) => l.isDefault)!.id;
  });
  afterAll(() => t?.stop());

  it('counts findings as their own source, draws them as a layer, and marks places with findings of several walks', async () => {
    const empty = (await police.get('/api/situation-picture').query({ areaId: centrumId, week: WEEK }).expect(200)).body;
    expect(empty.sources).toEqual(['reports', 'walks']);
    expect(empty.walkFindings).toEqual({ total: { count: 0, previousAverage: 0, change: 0 }, points: [], repeatedPlaces: [] });

    // Four weeks before: a walk with a finding at the place and one by position only.
    const first = await walkWithFindings('2025-02-04T18:00:00+01:00', [{ placeId: place.id }, { latitude: 59.27452, longitude: 15.20612 }]);
    // The week itself: the place again, a spot some metres from the first, and one elsewhere.
    const second = await walkWithFindings('2025-03-04T18:00:00+01:00', [
      { placeId: place.id },
      { latitude: 59.27458, longitude: 15.20608, severity: 'high' },
      { latitude: 59.2801, longitude: 15.2201 },
    ]);
    // A restricted walk of the same week (the police is not invited): it counts, but shows nowhere.
    await walkWithFindings('2025-03-05T18:00:00+01:00', [{ placeId: place.id }, { latitude: 59.2745, longitude: 15.2061 }], { restricted: true });

    const seen = (await police.get('/api/situation-picture').query({ areaId: centrumId, week: WEEK }).expect(200)).body;
    expect(seen.walkFindings.total).toEqual({ count: 5, previousAverage: 0.5, change: 4.5 });
    // The layer: the findings of twelve weeks that the police may see (both open walks), not the restricted one.
    expect(seen.walkFindings.points).toHaveLength(5);
    expect(new Set(seen.walkFindings.points.map((p: { walkId: string }) => p.walkId))).toEqual(new Set([first, second]));
    expect(seen.walkFindings.points.find((p: { severity: string }) => p.severity === 'high')).toMatchObject({ latitude: 59.27458, longitude: 15.20608 });
    // Repeated: the place (two walks, two findings) and the spot (two walks), not the finding elsewhere.
    expect(seen.walkFindings.repeatedPlaces).toHaveLength(2);
    expect(seen.walkFindings.repeatedPlaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ placeId: place.id, name: place.name, walkCount: 2, findingCount: 2 }),
        expect.objectContaining({ placeId: null, name: null, walkCount: 2, findingCount: 2 }),
      ]),
    );

    // The invited housing company sees the restricted walk's findings too: three walks at the place.
    const invited = (await caretaker.get('/api/situation-picture').query({ areaId: centrumId, week: WEEK }).expect(200)).body;
    expect(invited.walkFindings.points).toHaveLength(7);
    expect(invited.walkFindings.repeatedPlaces.find((r: { placeId: string | null }) => r.placeId === place.id)).toMatchObject({
      walkCount: 3,
      findingCount: 3,
    });

    // The week before the second walk knows only the first: nothing repeated yet.
    const before = (await police.get('/api/situation-picture').query({ areaId: centrumId, week: '2025-W09' }).expect(200)).body;
    expect(before.walkFindings.repeatedPlaces).toEqual([]);
    expect(before.walkFindings.total.count).toBe(0);
  });

  it('filters by source: reports only, walks only; an unknown source is 422 naming sources', async () => {
    const reportsOnly = (await police.get('/api/situation-picture').query({ areaId: centrumId, week: WEEK, sources: 'reports' }).expect(200)).body;
    expect(reportsOnly.sources).toEqual(['reports']);
    expect(reportsOnly.walkFindings).toBeNull();
    const walksOnly = (await police.get('/api/situation-picture').query({ areaId: centrumId, week: WEEK, sources: 'walks' }).expect(200)).body;
    expect(walksOnly.sources).toEqual(['walks']);
    expect(walksOnly.walkFindings.total.count).toBe(5);
    expect(walksOnly.total).toEqual({ count: 0, previousAverage: 0, change: 0 });
    expect(walksOnly.byCategory).toEqual([]);
    expect(walksOnly.points).toEqual([]);
    expect(walksOnly.trend).toHaveLength(12);
    for (const bad of ['bogus', 'reports,bogus', ',']) {
      const res = await police.get('/api/situation-picture').query({ areaId: centrumId, week: WEEK, sources: bad }).expect(422);
      expect(JSON.stringify(res.body)).toContain('sources');
    }
  });
});
