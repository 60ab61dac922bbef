import { startTestApp, TestApp } from './harness';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_REPORTS: 'true' });
  });
  afterAll(() => t.stop());

  it('has six months of reports from all five organisations, more on Friday and Saturday', async () => {
    const [{ n, orgs, weeks }] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT organization_id)::int AS orgs,
              count(DISTINCT date_trunc('week', occurred_at AT TIME ZONE 'Europe/Stockholm'))::int AS weeks FROM reports`,
    );
    expect(n).toBeGreaterThan(600);
    expect(orgs).toBe(5);
    expect(weeks).toBeGreaterThanOrEqual(26);
    const byDay: { dow: number; n: number }[] = await t.dataSource.query(
      `SELECT extract(isodow FROM occurred_at AT TIME ZONE 'Europe/Stockholm')::int AS dow, count(*)::int AS n FROM reports GROUP BY 1`,
    );
    const count = (d: number) => byDay.find((x) => x.dow === d)?.n ?? 0;
    expect(count(6)).toBeGreaterThan(count(1) * 1.4);
  });

  it('shows a hotspot that grows and then falls, and a level for every finished week', async () => {
    const analyst = await t.signIn('analytiker@exempelstad.se');
    const norrby = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!;
    const weeks: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM reports r JOIN places p ON p.id = r.place_id
       WHERE p.name = 'Tvättstugan Norrbyvägen 6' GROUP BY date_trunc('week', r.occurred_at AT TIME ZONE 'Europe/Stockholm') ORDER BY date_trunc('week', r.occurred_at AT TIME ZONE 'Europe/Stockholm')`,
    );
    const peak = Math.max(...weeks.map((w) => w.n));
    expect(peak).toBeGreaterThanOrEqual(8);
    expect(weeks[0].n).toBeLessThan(peak / 2);
    expect(weeks[weeks.length - 2].n).toBeLessThan(peak / 2);
    const levels = (await analyst.get(`/api/areas/${norrby.id}/levels`)).body as { level: string }[];
    expect(levels.length).toBe(26);
    expect(new Set(levels.map((l) => l.level)).size).toBeGreaterThan(1);
    const picture = (await analyst.get(`/api/situation-picture?areaId=${norrby.id}`)).body;
    expect(picture.trend.filter((w: { count: number }) => w.count > 0).length).toBeGreaterThanOrEqual(11);
  });

  it('has two past safety walks with settled findings (one action fixed, one overdue) and one planned walk', async () => {
    const coordinator = await t.signIn('samordnare@exempelstad.se');
    const walks = (await coordinator.get('/api/walks').expect(200)).body as {
      id: string;
      title: string;
      state: string;
      areaName: string;
      findingCount: number;
    }[];
    expect(walks.map((w) => [w.areaName, w.state, w.findingCount])).toEqual([
      ['Söderdal', 'planned', 0],
      ['Norrby', 'settled', 3],
      ['Centrum', 'followed_up', 3],
    ]);
    const centrum = (await coordinator.get(`/api/walks/${walks[2].id}`).expect(200)).body;
    const statuses = centrum.findings.map((f: { settlement: { outcome: string; actionState?: string; daysOverdue?: number } }) => [
      f.settlement.outcome,
      f.settlement.actionState ?? null,
      (f.settlement.daysOverdue ?? 0) > 0,
    ]);
    expect(statuses).toEqual([
      ['action', 'done', false],
      ['action', 'in_progress', true],
      ['noted', null, false],
    ]);
    // The walk's case holds the actions and answers as any case does; the report renders.
    const c = (await coordinator.get(`/api/cases/${centrum.caseId}`).expect(200)).body;
    expect(c).toMatchObject({ state: 'execution', actionCount: 2, openActionCount: 1, overdueActionCount: 1 });
    await coordinator.get(`/api/walks/${walks[2].id}/report.pdf`).expect(200);
    // The walk machine takes the stored snapshots: the planned walk can start, the followed-up one close.
    expect((await coordinator.get(`/api/walks/${walks[0].id}`)).body.allowedEvents).toEqual(['START', 'CANCEL']);
    expect(centrum.allowedEvents).toEqual(['CLOSE']);
  });
});
