import type TestAgent from 'supertest/lib/agent';
import { todayInSweden } from '../src/common/swedish-time';
import { startTestApp, TestApp } from './harness';

/**
 * Issue 17: the installation's workflow settings as the workflows apply them through the API – who agrees actions,
 * when a case is evaluated, starting an action, the follow-up column, past due dates, and the chefssamråd's formalities.
 */
describe('installation rules: who decides, evaluation, actions and meeting formalities', () => {
  let t: TestApp;
  let admin: TestAgent;
  let coordinator: TestAgent;
  let analyst: TestAgent;
  let police: TestAgent;
  let housing: TestAgent;
  let norrbyId: string;
  let orgs: Record<string, string>;
  let ids: Record<string, string>;

  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const action = (over: object = {}) => ({
    cause: 'Trasig belysning',
    what: 'Ny belysning',
    goal: 'Inga samlingar efter 22',
    organizationId: orgs['Exempelbostäder AB'],
    dueDate: inDays(30),
    kind: 'one_off',
    term: 'short',
    ...over,
  });
  const setRules = async (body: object) => {
    const res = await admin.put('/api/settings/workflow').send(body);
    expect(res.status).toBe(200);
    return res.body;
  };
  const send = async (agent: TestAgent, caseId: string, body: object) => {
    const version = (await analyst.get(`/api/cases/${caseId}`)).body.version;
    return agent.post(`/api/cases/${caseId}/events`).send({ version, ...body });
  };
  const proposedCase = async (actions: object[] = [action()]) => {
    const c = (await analyst.post('/api/cases').send({ areaId: norrbyId, title: 'Samlingar i tvättstugan', description: 'Återkommande samlingar' })).body;
    await analyst.post(`/api/cases/${c.id}/events`).send({ type: 'START_ANALYSIS', version: 1 }).expect(200);
    const p = await analyst
      .post(`/api/cases/${c.id}/events`)
      .send({ type: 'PROPOSE', version: 2, analysis: 'Belysningen är trasig och dörren går inte i lås', actions });
    expect(p.status).toBe(200);
    return c.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [admin, coordinator, analyst, police, housing] = await Promise.all(
      ['admin@exempelstad.se', 'samordnare@exempelstad.se', 'analytiker@exempelstad.se', 'polischef@exempelstad.se', 'sakerhetschef@exempelbostader.se'].map(
        (e) => t.signIn(e),
      ),
    );
    norrbyId = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!.id;
    orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    ids = Object.fromEntries((await t.dataSource.query<{ id: string; email: string }[]>('SELECT id, email FROM users')).map((u) => [u.email, u.id]));
  });
  afterAll(() => t.stop());

  describe('the settings', () => {
    it('are read by every signed-in user, changed by administrators only, checked and audited', async () => {
      expect((await analyst.get('/api/settings/workflow')).body).toEqual({
        decisionRule: 'coordinator',
        evaluationMinDays: 28,
        minutesApproval: 'chair_and_adjusters',
        meetingStartHoursBefore: 3,
      });
      expect((await coordinator.put('/api/settings/workflow').send({ decisionRule: 'meeting' })).status).toBe(403);
      for (const [body, field] of [
        [{ decisionRule: 'mayor' }, 'decisionRule'],
        [{ evaluationMinDays: -1 }, 'evaluationMinDays'],
        [{ evaluationMinDays: 1.5 }, 'evaluationMinDays'],
        [{ meetingStartHoursBefore: 49 }, 'meetingStartHoursBefore'],
        [{ minutesApproval: 'everyone' }, 'minutesApproval'],
        [{ secretSetting: 1 }, 'secretSetting'],
      ] as [object, string][]) {
        const res = await admin.put('/api/settings/workflow').send(body);
        expect({ body, status: res.status, field: res.body.field }).toEqual({ body, status: 422, field });
      }
      expect(await setRules({ evaluationMinDays: 14 })).toMatchObject({ evaluationMinDays: 14, decisionRule: 'coordinator' });
      const [entry] = await t.dataSource.query(
        `SELECT action, before, after FROM audit_entries WHERE action = 'settings.workflow_changed' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toMatchObject({ before: { evaluationMinDays: 28 }, after: { evaluationMinDays: 14 } });
      await setRules({ evaluationMinDays: 28 });
    });
  });

  describe('who decides', () => {
    afterEach(() => setRules({ decisionRule: 'coordinator' }));

    it('coordinator (the default): the coordinator agrees on the case page', async () => {
      const id = await proposedCase();
      const c = (await coordinator.get(`/api/cases/${id}`)).body;
      expect(c.decisionRule).toBe('coordinator');
      expect(c.allowedEvents).toContain('AGREE');
      expect((await send(coordinator, id, { type: 'AGREE' })).body.state).toBe('agreed');
    });

    it('meeting: the case page cannot agree (403, no button), a chefssamråd can', async () => {
      await setRules({ decisionRule: 'meeting' });
      const id = await proposedCase();
      const c = (await coordinator.get(`/api/cases/${id}`)).body;
      expect(c.decisionRule).toBe('meeting');
      expect(c.allowedEvents).not.toContain('AGREE');
      expect(c.allowedEvents).toContain('SEND_BACK');
      const refused = await send(coordinator, id, { type: 'AGREE' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'CASE.EVENT_FORBIDDEN' });
      // A request cannot pretend to come from a meeting.
      expect((await send(coordinator, id, { type: 'AGREE', inMeeting: true, settings: { decisionRule: 'coordinator' } })).status).toBe(403);
      const m = (
        await coordinator.post('/api/meetings').send({
          kind: 'leadership',
          title: 'Chefssamråd',
          startsAt: new Date().toISOString(),
          place: 'Stadshuset',
          areaIds: [norrbyId],
          organizationIds: [orgs['Exempelbostäder AB']],
        })
      ).body;
      const item = m.agenda.find((i: { caseId: string | null }) => i.caseId === id);
      await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'START', version: m.version }).expect(200);
      const decided = await coordinator
        .post(`/api/meetings/${m.id}/decisions`)
        .send({ itemId: item.id, version: Number(m.version) + 1, kind: 'agree', note: '' });
      expect(decided.status).toBe(200);
      expect((await analyst.get(`/api/cases/${id}`)).body.state).toBe('agreed');
    });

    it('commanders: each responsible organisation’s commander agrees; the case is agreed when all have', async () => {
      await setRules({ decisionRule: 'commanders' });
      const id = await proposedCase([action(), action({ organizationId: orgs['Lokalpolisområde Exempelstad'], what: 'Närvaro fredagar' })]);
      expect((await coordinator.get(`/api/cases/${id}`)).body.allowedEvents).not.toContain('AGREE');
      expect((await send(coordinator, id, { type: 'AGREE' })).status).toBe(403);
      const first = await send(police, id, { type: 'AGREE' });
      expect(first.body).toMatchObject({ state: 'proposed', agreedByOrganizationIds: [orgs['Lokalpolisområde Exempelstad']] });
      expect(first.body.allowedEvents).not.toContain('AGREE');
      expect((await send(housing, id, { type: 'AGREE', actions: [action()] })).body).toMatchObject({ field: 'actions' });
      const second = await send(housing, id, { type: 'AGREE' });
      expect(second.body).toMatchObject({ state: 'agreed' });
      expect(second.body.actions).toHaveLength(2);
      const history = (await analyst.get(`/api/cases/${id}/history`)).body.map((h: { eventType: string; toState: string }) => `${h.eventType}:${h.toState}`);
      expect(history.slice(-2)).toEqual(['AGREE:proposed', 'AGREE:agreed']);
    });
  });

  describe('the proposal', () => {
    it('refuses a due date in the past, naming the action’s field, and keeps the follow-up column', async () => {
      const c = (await analyst.post('/api/cases').send({ areaId: norrbyId, title: 'Klotter vid skolan', description: 'Klotter varje helg' })).body;
      await analyst.post(`/api/cases/${c.id}/events`).send({ type: 'START_ANALYSIS', version: 1 }).expect(200);
      const propose = (actions: object[]) =>
        analyst.post(`/api/cases/${c.id}/events`).send({ type: 'PROPOSE', version: 2, analysis: 'Klotter vid skolans gavel varje helg', actions });
      const past = await propose([action(), action({ dueDate: inDays(-1) })]);
      expect({ status: past.status, field: past.body.field }).toEqual({ status: 422, field: 'actions[1].dueDate' });
      const badFollowUp = await propose([action({ followUpDate: 'nästa vecka' })]);
      expect({ status: badFollowUp.status, field: badFollowUp.body.field }).toEqual({ status: 422, field: 'actions[0].followUpDate' });
      const today = await propose([action({ dueDate: todayInSweden(), followUp: 'Trygghetsvandring med områdesgruppen', followUpDate: inDays(60) })]);
      expect(today.status).toBe(200);
      const agreed = (await send(coordinator, c.id, { type: 'AGREE' })).body;
      expect(agreed.actions[0]).toMatchObject({ followUp: 'Trygghetsvandring med områdesgruppen', followUpDate: inDays(60) });
      const mine = (await housing.get(`/api/actions?organizationId=${orgs['Exempelbostäder AB']}`)).body.find(
        (a: { id: string }) => a.id === agreed.actions[0].id,
      );
      expect(mine).toMatchObject({ followUp: 'Trygghetsvandring med områdesgruppen' });
    });
  });

  describe('actions and evaluation', () => {
    it('an owner named in the decision starts the action with a note, no assignment; evaluation waits for the minimum unless a reason is given', async () => {
      const owner = await t.signIn('rapportor@exempelbostader.se');
      const id = await proposedCase([action({ ownerId: ids['rapportor@exempelbostader.se'] })]);
      const agreed = (await send(coordinator, id, { type: 'AGREE' })).body;
      const a = (await owner.get(`/api/actions/${agreed.actions[0].id}`)).body;
      expect(a).toMatchObject({ state: 'planned', owner: { id: ids['rapportor@exempelbostader.se'] } });
      expect(a.allowedEvents).toEqual(['START']);
      const tooLong = await owner.post(`/api/actions/${a.id}/events`).send({ type: 'START', version: a.version, note: 'x'.repeat(2001) });
      expect({ status: tooLong.status, field: tooLong.body.field }).toEqual({ status: 422, field: 'note' });
      const started = await owner.post(`/api/actions/${a.id}/events`).send({ type: 'START', version: a.version, note: 'Elektrikern bokad till tisdag' });
      expect(started.body).toMatchObject({ state: 'in_progress', startNote: 'Elektrikern bokad till tisdag' });
      const done = await owner.post(`/api/actions/${a.id}/events`).send({ type: 'COMPLETE', version: started.body.version, report: 'Ny belysning på plats' });
      expect(done.body.state).toBe('done');

      const follow = (await analyst.get(`/api/cases/${id}`)).body;
      expect(follow.state).toBe('follow_up');
      expect(Date.parse(follow.evaluationFrom) - Date.now()).toBeGreaterThan(27 * 86_400_000);
      const early = await send(analyst, id, { type: 'EVALUATE', outcome: 'effective', note: 'Inga nya rapporter' });
      expect({ status: early.status, field: early.body.field }).toEqual({ status: 422, field: 'earlyReason' });
      const closed = await send(analyst, id, {
        type: 'EVALUATE',
        outcome: 'effective',
        note: 'Inga nya rapporter',
        earlyReason: 'Fastigheten rivs, gruppen upphör',
      });
      expect(closed.body.state).toBe('closed');
      const history = (await analyst.get(`/api/cases/${id}/history`)).body as { eventType: string; payload: Record<string, unknown> | null }[];
      expect(history.map((h) => h.eventType)).not.toContain('ASSIGN');
      expect(history.find((h) => h.eventType === 'EVALUATE')!.payload).toMatchObject({ earlyReason: 'Fastigheten rivs, gruppen upphör' });
      const [audit] = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'case.evaluate' AND entity_id = $1`, [id]);
      expect(audit.after.payload).toMatchObject({ earlyReason: 'Fastigheten rivs, gruppen upphör' });
    });

    it('with no minimum set, evaluation is due at once', async () => {
      await setRules({ evaluationMinDays: 0 });
      try {
        const id = await proposedCase([action({ ownerId: ids['sakerhetschef@exempelbostader.se'] })]);
        const agreed = (await send(coordinator, id, { type: 'AGREE' })).body;
        const a = agreed.actions[0];
        const started = await housing.post(`/api/actions/${a.id}/events`).send({ type: 'START', version: a.version });
        await housing.post(`/api/actions/${a.id}/events`).send({ type: 'COMPLETE', version: started.body.version, report: 'Klart' }).expect(200);
        expect((await analyst.get(`/api/cases/${id}`)).body.evaluationFrom).toBeNull();
        expect((await send(analyst, id, { type: 'EVALUATE', outcome: 'effective', note: 'Inga nya rapporter' })).body.state).toBe('closed');
      } finally {
        await setRules({ evaluationMinDays: 28 });
      }
    });
  });

  describe('the chefssamråd’s formalities', () => {
    const participants = () => [
      { name: 'Petra Polischef', organizationId: orgs['Lokalpolisområde Exempelstad'], userId: ids['polischef@exempelstad.se'], role: 'chair' },
      { name: 'Sara Samordnare', organizationId: orgs['Exempelstad kommun'], userId: ids['samordnare@exempelstad.se'], role: 'secretary' },
      { name: 'Sven Säkerhetschef', organizationId: orgs['Exempelbostäder AB'], userId: ids['sakerhetschef@exempelbostader.se'], role: 'adjuster' },
      { name: 'Gunnel Gäst', organizationId: orgs['Exempelbostäder AB'] },
    ];
    const create = (startsAt: string, list: object[] = participants()) =>
      coordinator.post('/api/meetings').send({
        kind: 'leadership',
        title: 'Chefssamråd',
        startsAt,
        place: 'Stadshuset',
        areaIds: [norrbyId],
        organizationIds: [orgs['Lokalpolisområde Exempelstad'], orgs['Exempelbostäder AB']],
        participants: list,
      });

    it('takes participants from the invited organisations’ people (and guests by name), with one chair and one secretary', async () => {
      const m = (await create(new Date().toISOString())).body;
      expect(m.participants.map((p: { name: string; role: string | null; userId: string | null }) => [p.name, p.role, !!p.userId])).toEqual([
        ['Petra Polischef', 'chair', true],
        ['Sara Samordnare', 'secretary', true],
        ['Sven Säkerhetschef', 'adjuster', true],
        ['Gunnel Gäst', null, false],
      ]);
      for (const [list, field] of [
        [[{ name: 'Alva', organizationId: orgs['Exempelstad kommun'], userId: ids['rapportor@exempelbostader.se'] }], 'participants[0].userId'],
        [[{ name: 'Gäst', organizationId: orgs['Exempelstad kommun'], role: 'adjuster' }], 'participants[0].role'],
        [
          [...participants(), { name: 'Anders', organizationId: orgs['Exempelstad kommun'], userId: ids['analytiker@exempelstad.se'], role: 'chair' }],
          'participants[4].role',
        ],
        // The request class's own check names nested fields with dots.
        [[{ name: 'Gäst', organizationId: orgs['Exempelstad kommun'], role: 'mayor' }], 'participants.0.role'],
      ] as [object[], string][]) {
        const res = await create(new Date().toISOString(), list);
        expect({ field, status: res.status, got: res.body.field }).toEqual({ field, status: 422, got: field });
      }
    });

    it('cannot be started more than the set hours before its time', async () => {
      const m = (await create(new Date(Date.now() + 5 * 3_600_000).toISOString())).body;
      const early = await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'START', version: m.version });
      expect({ status: early.status, field: early.body.field }).toEqual({ status: 422, field: 'type' });
      expect(early.body.message).toMatch(/3 hours/);
      await setRules({ meetingStartHoursBefore: 6 });
      try {
        expect((await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'START', version: m.version })).body.state).toBe('in_session');
      } finally {
        await setRules({ meetingStartHoursBefore: 3 });
      }
    });

    it('is approved (justerat) when the chair and the adjuster have approved, and answers "approved" at once', async () => {
      const m = (await create(new Date().toISOString())).body;
      let v = m.version;
      const ev = async (agent: TestAgent, type: string) => {
        const res = await agent.post(`/api/meetings/${m.id}/events`).send({ type, version: v });
        if (res.status === 200) v = res.body.version;
        return res;
      };
      await ev(coordinator, 'START');
      expect((await ev(police, 'APPROVE')).status).toBe(409);
      await ev(coordinator, 'END');
      expect((await ev(coordinator, 'APPROVE')).status).toBe(403);
      const byChair = await ev(police, 'APPROVE');
      expect(byChair.body.state).toBe('minutes_draft');
      expect(byChair.body.approvers.map((a: { name: string; role: string; approvedAt: string | null }) => [a.name, a.role, !!a.approvedAt])).toEqual([
        ['Petra Polischef', 'chair', true],
        ['Sven Säkerhetschef', 'adjuster', false],
      ]);
      expect((await ev(police, 'APPROVE')).status).toBe(403);
      const done = await ev(housing, 'APPROVE');
      expect(done.body).toMatchObject({ state: 'approved', approvedBy: { name: 'Sven Säkerhetschef' } });
      const audit = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 AND action = 'meeting.approve'`, [m.id]);
      expect(audit).toHaveLength(2);
      const minutes = await police.get(`/api/meetings/${m.id}/minutes.pdf`);
      expect(minutes.status).toBe(200);
    });

    it('with the setting chair_only the chair alone approves', async () => {
      await setRules({ minutesApproval: 'chair_only' });
      try {
        const m = (await create(new Date().toISOString())).body;
        await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'START', version: m.version }).expect(200);
        await coordinator
          .post(`/api/meetings/${m.id}/events`)
          .send({ type: 'END', version: Number(m.version) + 1 })
          .expect(200);
        expect((await housing.post(`/api/meetings/${m.id}/events`).send({ type: 'APPROVE', version: Number(m.version) + 2 })).status).toBe(403);
        expect((await police.post(`/api/meetings/${m.id}/events`).send({ type: 'APPROVE', version: Number(m.version) + 2 })).body.state).toBe('approved');
      } finally {
        await setRules({ minutesApproval: 'chair_and_adjusters' });
      }
    });
  });
});
