import type { AttentionDto, AttentionItemDto, MyReportDto } from '@samverka/contracts';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

/** The start page "Att göra" and the reporters' feedback (issue #15, parts 5 and 6), per role, on a real database. */
describe('attention and my reports', () => {
  let t: TestApp;
  let analyst: TestAgent;
  let coordinator: TestAgent;
  let police: TestAgent;
  let housing: TestAgent;
  let reporter: TestAgent;
  let admin: TestAgent;
  let norrby: { id: string; places: { id: string; name: string }[] };
  let orgs: Record<string, string>;
  let reportIds: string[];
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const inDays = (n: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + n * 86_400_000));
  const RESTRICTED_TEXT = 'Hemlig iakttagelse vid tvättstugan';

  beforeAll(async () => {
    t = await startTestApp();
    [analyst, coordinator, police, housing, reporter, admin] = await Promise.all(
      [
        'analytiker@exempelstad.se',
        'samordnare@exempelstad.se',
        'polischef@exempelstad.se',
        'sakerhetschef@exempelbostader.se',
        'rapportor@exempelbostader.se',
        'admin@exempelstad.se',
      ].map((e) => t.signIn(e)),
    );
    const areas = (await analyst.get('/api/areas')).body as { id: string; name: string }[];
    norrby = (await analyst.get(`/api/areas/${areas.find((a) => a.name === 'Norrby')!.id}`)).body;
    orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const cats = Object.fromEntries(((await analyst.get('/api/categories')).body as { id: string; code: string }[]).map((c) => [c.code, c.id]));
    reportIds = [];
    for (const [description, restricted] of [
      ['Samling i tvättstugan sent', false],
      [RESTRICTED_TEXT, true],
    ] as [string, boolean][]) {
      const r = await reporter.post('/api/reports').send({
        areaId: norrby.id,
        placeId: norrby.places[0].id,
        categoryId: cats.stokiga_grupper,
        occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
        assessment: 'high',
        policeNotified: false,
        restricted,
        description,
      });
      expect(r.status).toBe(201);
      reportIds.push(r.body.id);
    }
  });
  afterAll(() => t?.stop());

  const attention = async (agent: TestAgent): Promise<AttentionDto> => {
    const res = await agent.get('/api/attention');
    expect(res.status).toBe(200);
    return res.body;
  };
  const of = (a: AttentionDto, kind: AttentionItemDto['kind']) => a.items.filter((i) => i.kind === kind);
  const send = async (agent: TestAgent, path: string, body: object) => {
    const res = await agent.post(path).send(body);
    expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
    return res.body;
  };

  it('shows each role what the workflow waits for from them, and the reporter what became of the reports', async () => {
    const created = await analyst
      .post('/api/cases')
      .send({ areaId: norrby.id, title: 'Samlingar i tvättstugan', description: 'Återkommande samlingar kvällstid', reportIds });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;

    // A new case waits for analysts and coordinators (START_ANALYSIS), not for a commander or a reporter.
    expect(of(await attention(analyst), 'case_decision').map((i) => i.id)).toContain(caseId);
    expect(of(await attention(coordinator), 'case_decision').map((i) => i.id)).toContain(caseId);
    expect(of(await attention(police), 'case_decision').map((i) => i.id)).not.toContain(caseId);
    expect(of(await attention(reporter), 'case_decision')).toEqual([]);
    expect(of(await attention(analyst), 'case_decision').find((i) => i.id === caseId)).toMatchObject({
      label: 'Samlingar i tvättstugan',
      detail: 'reported',
      link: `/cases/${caseId}`,
    });

    let c = await send(analyst, `/api/cases/${caseId}/events`, { type: 'START_ANALYSIS', version: 1 });
    c = await send(analyst, `/api/cases/${caseId}/events`, {
      type: 'PROPOSE',
      version: c.version,
      analysis: 'Ungdomar samlas fre–lör kvällstid i tvättstugan: belysningen är trasig.',
      actions: [
        {
          cause: 'Trasig belysning',
          what: 'Ny belysning i tvättstugan',
          goal: 'Inga samlingar efter kl 22',
          organizationId: orgs['Exempelbostäder AB'],
          dueDate: inDays(3),
          kind: 'one_off',
          term: 'short',
        },
      ],
    });
    // Proposed: the decision now waits for a commander (decision rule `coordinator`: commanders and coordinators), not the analyst.
    expect(of(await attention(police), 'case_decision').map((i) => i.id)).toContain(caseId);
    expect(of(await attention(analyst), 'case_decision').map((i) => i.id)).not.toContain(caseId);
    c = await send(police, `/api/cases/${caseId}/events`, { type: 'AGREE', version: c.version });
    const action = c.actions[0] as { id: string; version: number };
    expect(of(await attention(police), 'case_decision').map((i) => i.id)).not.toContain(caseId);

    // Assigned to the housing security chief: due in 3 days, then overdue.
    const chiefId = (await housing.get('/api/auth/me')).body.id;
    await send(housing, `/api/actions/${action.id}/events`, { type: 'ASSIGN', ownerId: chiefId, version: action.version });
    const due = await attention(housing);
    expect(of(due, 'due_action')).toEqual([
      { kind: 'due_action', id: action.id, label: 'Ny belysning i tvättstugan', at: inDays(3), detail: null, link: `/cases/${caseId}` },
    ]);
    expect(due.counts.due_action).toBe(1);
    expect(of(await attention(police), 'due_action')).toEqual([]);
    await q(`UPDATE case_actions SET due_date = $2 WHERE id = $1`, [action.id, inDays(-2)]);
    const late = await attention(housing);
    expect(of(late, 'overdue_action').map((i) => [i.id, i.at])).toEqual([[action.id, inDays(-2)]]);
    expect(of(late, 'due_action')).toEqual([]);

    // "Mina rapporter": the reporter's two reports, each with the case, its state and the agreed action.
    const mine = await reporter.get('/api/reports/mine');
    expect(mine.status).toBe(200);
    const reports = mine.body as MyReportDto[];
    expect(reports.map((r) => r.id).sort()).toEqual([...reportIds].sort());
    for (const r of reports) {
      expect(r.cases).toEqual([
        {
          id: caseId,
          title: 'Samlingar i tvättstugan',
          state: 'agreed',
          outcome: null,
          actions: [
            { id: action.id, number: 1, what: 'Ny belysning i tvättstugan', organizationName: 'Exempelbostäder AB', dueDate: inDays(-2), state: 'assigned' },
          ],
        },
      ]);
    }
    // Only the caller's own reports: no report text in the list at all.
    expect(JSON.stringify(reports)).not.toContain(RESTRICTED_TEXT);
    expect((await police.get('/api/reports/mine')).body).toEqual([]);

    // The report page shows the case to a partner of another organisation, without the restricted report's details.
    const seen = await police.get(`/api/reports/${reportIds[1]}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ restricted: true, detailsVisible: false, description: null, cases: [{ id: caseId, state: 'agreed' }] });
    expect(JSON.stringify(seen.body)).not.toContain(RESTRICTED_TEXT);
    // Within the reporting organisation the details stay visible, with the same case.
    const own = await housing.get(`/api/reports/${reportIds[1]}`);
    expect(own.body).toMatchObject({ description: RESTRICTED_TEXT, cases: [{ id: caseId }] });
    // No restricted detail reaches anyone's start page.
    for (const agent of [analyst, coordinator, police, housing, reporter, admin]) expect(JSON.stringify(await attention(agent))).not.toContain(RESTRICTED_TEXT);
  });

  it('shows missing weekly levels to analysts and coordinators, reviews and failed imports to coordinators only', async () => {
    const before = await attention(analyst);
    expect(before.week).toMatch(/^\d{4}-W\d{2}$/);
    expect(of(before, 'missing_level').map((i) => i.id)).toContain(norrby.id);
    const put = await analyst.put(`/api/areas/${norrby.id}/levels/${before.week}`).send({ level: 'yellow', rationale: 'Samlingar i tvättstugan' });
    expect(put.status).toBe(200);
    expect(of(await attention(analyst), 'missing_level').map((i) => i.id)).not.toContain(norrby.id);
    expect(of(await attention(reporter), 'missing_level')).toEqual([]);
    expect(of(await attention(police), 'missing_level')).toEqual([]);

    await q(`UPDATE reports SET review = 'pending' WHERE id = $1`, [reportIds[0]]);
    const [{ id: userId }]: { id: string }[] = await q(`SELECT id FROM users WHERE email = 'samordnare@exempelstad.se'`);
    await q(
      `INSERT INTO imports (organization_id, user_id, filename, mode, status, error, started_at, finished_at)
       SELECT organization_id, id, 'polisen-vecka-48.csv', 'all_or_nothing', 'failed', 'broken', now(), now() FROM users WHERE id = $1`,
      [userId],
    );
    const coord = await attention(coordinator);
    expect(of(coord, 'report_review')).toEqual([{ kind: 'report_review', id: null, label: '1', at: null, detail: '1', link: '/reports/review' }]);
    expect(coord.counts.report_review).toBe(1);
    expect(of(coord, 'failed_import')).toMatchObject([{ label: 'polisen-vecka-48.csv', link: '/reports/import' }]);
    for (const agent of [analyst, police, reporter]) {
      const a = await attention(agent);
      expect([...of(a, 'report_review'), ...of(a, 'failed_import')]).toEqual([]);
    }
  });

  it('shows the next meeting to those who take part, and minutes awaiting approval to the chair only', async () => {
    const policeId = (await police.get('/api/auth/me')).body.id as string;
    const startsAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const created = await coordinator.post('/api/meetings').send({
      kind: 'leadership',
      title: 'Chefssamråd Norrby',
      startsAt,
      place: 'Stadshuset',
      areaIds: [norrby.id],
      organizationIds: [orgs['Exempelstad kommun'], orgs['Lokalpolisområde Exempelstad']],
      participants: [{ name: 'Petra Polischef', organizationId: orgs['Lokalpolisområde Exempelstad'], userId: policeId, role: 'chair' }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const next = of(await attention(police), 'next_meeting');
    expect(next).toEqual([{ kind: 'next_meeting', id, label: 'Chefssamråd Norrby', at: startsAt, detail: 'planned', link: `/meetings/${id}` }]);
    expect(of(await attention(coordinator), 'next_meeting').map((i) => i.id)).toEqual([id]);
    // Exempelbostäder does not take part.
    expect(of(await attention(housing), 'next_meeting').map((i) => i.id)).not.toContain(id);

    let m = await send(coordinator, `/api/meetings/${id}/events`, { type: 'START', version: created.body.version });
    m = await send(coordinator, `/api/meetings/${id}/events`, { type: 'END', version: m.version });
    expect(m.state).toBe('minutes_draft');
    expect(of(await attention(police), 'minutes_approval')).toEqual([
      { kind: 'minutes_approval', id, label: 'Chefssamråd Norrby', at: startsAt, detail: null, link: `/meetings/${id}` },
    ]);
    expect(of(await attention(coordinator), 'minutes_approval')).toEqual([]);
    expect(of(await attention(police), 'next_meeting').map((i) => i.id)).not.toContain(id);
    await send(police, `/api/meetings/${id}/events`, { type: 'APPROVE', version: m.version });
    expect(of(await attention(police), 'minutes_approval')).toEqual([]);
  });
});
