import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

describe('cases and actions through the API', () => {
  let t: TestApp;
  let analyst: TestAgent;
  let coordinator: TestAgent;
  let police: TestAgent;
  let housing: TestAgent;
  let reporter: TestAgent;
  let norrby: { id: string; places: { id: string; name: string }[] };
  let orgs: Record<string, string>;
  let reportIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    [analyst, coordinator, police, housing, reporter] = await Promise.all(
      [
        'analytiker@exempelstad.se',
        'samordnare@exempelstad.se',
        'polischef@exempelstad.se',
        'sakerhetschef@exempelbostader.se',
        'rapportor@exempelbostader.se',
      ].map((e) => t.signIn(e)),
    );
    const areas = (await analyst.get('/api/areas')).body as { id: string; name: string }[];
    norrby = (await analyst.get(`/api/areas/${areas.find((a) => a.name === 'Norrby')!.id}`)).body;
    orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const cats = Object.fromEntries(((await analyst.get('/api/categories')).body as { id: string; code: string }[]).map((c) => [c.code, c.id]));
    const place = norrby.places.find((p) => p.name === 'Tvättstugan Norrbyvägen 6')!;
    reportIds = [];
    for (const d of ['Samling i tvättstugan sent', 'Flaskor och skräp i tvättstugan']) {
      const r = await reporter.post('/api/reports').send({
        areaId: norrby.id,
        placeId: place.id,
        categoryId: cats.stokiga_grupper,
        occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
        assessment: 'high',
        policeNotified: false,
        description: d,
      });
      reportIds.push(r.body.id);
    }
  });
  afterAll(() => t.stop());

  const openCase = async () => {
    const res = await analyst
      .post('/api/cases')
      .send({ areaId: norrby.id, title: 'Samlingar i tvättstugan', description: 'Återkommande samlingar kvällstid', reportIds });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; state: string };
  };
  const send = (agent: TestAgent, id: string, body: object) => agent.post(`/api/cases/${id}/events`).send(body);
  const plan = () => ({
    cause: 'Trasig belysning och dörr som inte går i lås',
    what: 'Ny belysning och passagesystem i tvättstugan',
    goal: 'Inga samlingar i tvättstugan efter kl 22',
    organizationId: orgs['Exempelbostäder AB'],
    dueDate: '2026-12-31',
    kind: 'one_off',
    term: 'short',
  });

  it('runs the whole cycle with the demo roles, and the case moves to follow-up by itself', async () => {
    const c = await openCase();
    expect(c.state).toBe('reported');
    const detail = (await analyst.get(`/api/cases/${c.id}`)).body;
    expect(detail.reports).toHaveLength(2);
    expect(detail.places.map((p: { name: string }) => p.name)).toEqual(['Tvättstugan Norrbyvägen 6']);
    expect(detail.allowedEvents).toEqual(['START_ANALYSIS', 'DISMISS']);
    expect((await police.get(`/api/cases/${c.id}`)).body.allowedEvents).toEqual([]);

    let v = 1;
    const ok = async (agent: TestAgent, body: object, state: string) => {
      const res = await send(agent, c.id, { ...body, version: v });
      expect({ status: res.status, state: res.body.state, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, state, body: undefined });
      v = res.body.version;
      return res.body;
    };
    await ok(analyst, { type: 'START_ANALYSIS' }, 'analysis');
    await ok(
      analyst,
      { type: 'SAVE_ANALYSIS', analysis: 'Ungdomar samlas fre–lör 21–01 i tvättstugan: dörren går inte i lås och belysningen är trasig.' },
      'analysis',
    );
    const proposed = await ok(analyst, { type: 'PROPOSE', actions: [plan()] }, 'proposed');
    expect(proposed.proposedActions).toHaveLength(1);
    expect((await police.get(`/api/cases/${c.id}`)).body.allowedEvents.sort()).toEqual(['AGREE', 'ESCALATE', 'SEND_BACK']);
    const agreed = await ok(police, { type: 'AGREE' }, 'agreed');
    expect(agreed.actions).toHaveLength(1);
    const action = agreed.actions[0];
    expect(action).toMatchObject({ number: 1, state: 'planned', organization: { name: 'Exempelbostäder AB' }, dueDate: '2026-12-31' });
    expect(action.allowedEvents).toEqual([]);

    // The housing security chief assigns the action to himself, starts and completes it.
    const chiefId = (await housing.get('/api/auth/me')).body.id;
    const mine = (await housing.get(`/api/actions?organizationId=${orgs['Exempelbostäder AB']}`)).body;
    expect(mine.map((a: { id: string }) => a.id)).toContain(action.id);
    expect(mine.find((a: { id: string }) => a.id === action.id).allowedEvents).toEqual(['ASSIGN', 'CANCEL']);
    let av = action.version;
    for (const [body, state] of [
      [{ type: 'ASSIGN', ownerId: chiefId }, 'assigned'],
      [{ type: 'START' }, 'in_progress'],
      [{ type: 'COMPLETE', report: 'Ny belysning och kodlås monterade 2 december' }, 'done'],
    ] as [object, string][]) {
      const res = await housing.post(`/api/actions/${action.id}/events`).send({ ...body, version: av });
      expect({ status: res.status, state: res.body.state }).toEqual({ status: 200, state });
      av = res.body.version;
      if (state === 'in_progress') expect((await analyst.get(`/api/cases/${c.id}`)).body.state).toBe('execution');
    }
    const follow = (await analyst.get(`/api/cases/${c.id}`)).body;
    expect(follow.state).toBe('follow_up');
    expect(follow.allowedEvents).toEqual(['EVALUATE']);
    v = follow.version;
    // The actions have not had the installation's minimum time to work yet: evaluating now takes a reason.
    expect(follow.evaluationFrom).not.toBeNull();
    const closed = await ok(
      analyst,
      { type: 'EVALUATE', outcome: 'effective', note: 'Inga rapporter från tvättstugan på fyra veckor', earlyReason: 'Testfall: utvärderas direkt' },
      'closed',
    );
    expect(closed.outcome).toBe('effective');

    const history = (await analyst.get(`/api/cases/${c.id}/history`)).body as { eventType: string; toState: string; actor: { name: string } | null }[];
    expect(history.map((h) => h.eventType)).toEqual([
      'CREATED',
      'START_ANALYSIS',
      'SAVE_ANALYSIS',
      'PROPOSE',
      'AGREE',
      'ASSIGN',
      'START',
      'ACTION_STARTED',
      'COMPLETE',
      'ACTION_CLOSED',
      'EVALUATE',
    ]);
    expect(history.find((h) => h.eventType === 'ACTION_CLOSED')!.actor).toBeNull();
    expect(history.at(-1)!.toState).toBe('closed');
    expect((await analyst.get('/api/audit/verify')).body).toMatchObject({ valid: true });
  });

  it('refuses each forbidden event for each role with 403 or 409, changing nothing', async () => {
    const c = await openCase();
    const snapshot = async () => (await t.dataSource.query('SELECT state, version, snapshot FROM cases WHERE id = $1', [c.id]))[0];
    const before = await snapshot();
    const historyCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM case_history WHERE case_id = $1', [c.id]))[0].n;
    const h0 = await historyCount();
    const cases: [TestAgent, object, number, string][] = [
      [reporter, { type: 'START_ANALYSIS' }, 403, 'CASE.EVENT_FORBIDDEN'],
      [police, { type: 'START_ANALYSIS' }, 403, 'CASE.EVENT_FORBIDDEN'],
      [housing, { type: 'DISMISS', reason: 'no_action', note: 'Inget att göra' }, 403, 'CASE.EVENT_FORBIDDEN'],
      [police, { type: 'AGREE' }, 409, 'CASE.TRANSITION_NOT_ALLOWED'],
      [analyst, { type: 'EVALUATE', outcome: 'effective', note: 'Klart' }, 409, 'CASE.TRANSITION_NOT_ALLOWED'],
      [analyst, { type: 'ACTION_CLOSED', openActions: 0 }, 409, 'CASE.TRANSITION_NOT_ALLOWED'],
      [analyst, { type: 'NO_SUCH_EVENT' }, 409, 'CASE.TRANSITION_NOT_ALLOWED'],
    ];
    for (const [agent, body, status, code] of cases) {
      const res = await send(agent, c.id, { ...body, version: 1 });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    const notAccepted = await send(police, c.id, { type: 'AGREE', version: 1 });
    expect(notAccepted.body.acceptedEvents).toEqual([]);
    expect((await send(analyst, c.id, { type: 'AGREE', version: 1 })).body.acceptedEvents).toEqual(['START_ANALYSIS', 'DISMISS']);
    expect(await snapshot()).toEqual(before);
    expect(await historyCount()).toBe(h0);

    // A user outside the area's partnership does not even see the case.
    const admin = await t.signIn('admin@exempelstad.se');
    const users = (await admin.get('/api/users')).body as { id: string; email: string }[];
    await admin
      .post('/api/users')
      .send({
        name: 'Hanna Handlare',
        email: 'hanna@norrbycentrum.se',
        organizationId: orgs['Norrby Centrum'],
        roles: ['analyst'],
        password: 'ett-långt-lösenord',
      })
      .expect(201);
    expect(users.length).toBeGreaterThan(0);
    const soderdal = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Söderdal')!;
    const other = await analyst.post('/api/cases').send({ areaId: soderdal.id, title: 'Klotter vid stationen', description: 'Återkommande klotter' });
    const shop = await t.signIn('hanna@norrbycentrum.se', 'ett-långt-lösenord');
    expect((await shop.get(`/api/cases/${other.body.id}`)).status).toBe(404);
    expect((await send(shop, other.body.id, { type: 'START_ANALYSIS', version: 1 })).status).toBe(404);
  });

  it('names the wrong field of a payload with 422, and a stale version with 409', async () => {
    const c = await openCase();
    await send(analyst, c.id, { type: 'START_ANALYSIS', version: 1 }).expect(200);
    const noAnalysis = await send(analyst, c.id, { type: 'PROPOSE', version: 2, actions: [plan()] });
    expect({ status: noAnalysis.status, field: noAnalysis.body.field }).toEqual({ status: 422, field: 'analysis' });
    const outside = await send(analyst, c.id, {
      type: 'PROPOSE',
      version: 2,
      analysis: 'Orsaken är belysningen i tvättstugan',
      actions: [{ ...plan(), organizationId: orgs['Hyresfastigheter i Exempelstad AB'] }],
    });
    expect({ status: outside.status, field: outside.body.field }).toEqual({ status: 422, field: 'actions[0].organizationId' });
    const stale = await send(analyst, c.id, { type: 'SAVE_ANALYSIS', version: 1, analysis: 'Ny analys av tvättstugan' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CASE.STALE_VERSION', field: 'version', currentVersion: 2 });
    const noVersion = await send(analyst, c.id, { type: 'SAVE_ANALYSIS', analysis: 'Ny analys' });
    expect({ status: noVersion.status, field: noVersion.body.field }).toEqual({ status: 422, field: 'version' });
    const badCase = await analyst.post('/api/cases').send({ areaId: norrby.id, title: 'x', description: 'Något' });
    expect({ status: badCase.status, field: badCase.body.field }).toEqual({ status: 422, field: 'title' });
  });

  it('lets exactly one of two concurrent events on the same version win', async () => {
    const c = await openCase();
    const results = await Promise.all([
      send(analyst, c.id, { type: 'START_ANALYSIS', version: 1 }),
      send(coordinator, c.id, { type: 'START_ANALYSIS', version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('CASE.STALE_VERSION');
    const rows = await t.dataSource.query(`SELECT event_type FROM case_history WHERE case_id = $1 AND event_type = 'START_ANALYSIS'`, [c.id]);
    expect(rows).toHaveLength(1);
    expect((await t.dataSource.query('SELECT version FROM cases WHERE id = $1', [c.id]))[0].version).toBe(2);
  });

  it('lists overdue actions with the days late, for the follow-up view', async () => {
    const c = await openCase();
    await send(analyst, c.id, { type: 'START_ANALYSIS', version: 1 }).expect(200);
    await send(analyst, c.id, { type: 'PROPOSE', version: 2, analysis: 'Belysningen är trasig sedan länge', actions: [plan()] }).expect(200);
    const agreed = await send(coordinator, c.id, { type: 'AGREE', version: 3 });
    expect(agreed.status).toBe(200);
    // A due date in the past is refused when proposed; time passes instead.
    await t.dataSource.query(`UPDATE case_actions SET due_date = current_date - 320 WHERE case_id = $1`, [c.id]);
    const overdue = (await analyst.get('/api/actions?overdue=true')).body as { caseId: string; daysOverdue: number; organization: { name: string } }[];
    const row = overdue.find((a) => a.caseId === c.id)!;
    expect(row.organization.name).toBe('Exempelbostäder AB');
    expect(row.daysOverdue).toBeGreaterThan(300);
    const board = (await analyst.get(`/api/cases?areaId=${norrby.id}&overdue=true`)).body as { id: string; overdueActionCount: number }[];
    expect(board.find((b) => b.id === c.id)!.overdueActionCount).toBe(1);
    // The police cannot complete the housing company's action.
    const action = agreed.body.actions[0];
    const res = await police.post(`/api/actions/${action.id}/events`).send({ type: 'CANCEL', reason: 'Inte nödvändig', version: action.version });
    expect(res.status).toBe(403);
  });

  it('verifies the audit chain and detects a row changed directly in SQL', async () => {
    expect((await coordinator.get('/api/audit/verify')).body).toMatchObject({ valid: true });
    const c = await openCase();
    const trail = (await analyst.get(`/api/audit?entityType=case&entityId=${c.id}`)).body;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['case.create']);
    const [target] = await t.dataSource.query(`SELECT id FROM audit_entries WHERE entity_id = $1`, [c.id]);
    await t.dataSource.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
    await t.dataSource.query(`UPDATE audit_entries SET after = jsonb_set(after, '{title}', '"Ändrad i efterhand"') WHERE id = $1`, [target.id]);
    await t.dataSource.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
    const verdict = (await coordinator.get('/api/audit/verify')).body;
    expect(verdict).toMatchObject({ valid: false, firstBrokenAt: String(target.id) });
    await expect(t.dataSource.query('DELETE FROM audit_entries WHERE id = $1', [target.id])).rejects.toThrow(/append-only/);
    expect((await reporter.get('/api/audit/verify')).status).toBe(403);
  });
});
