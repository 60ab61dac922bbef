import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/main';
import { startTestApp, TestApp } from './harness';

/** Reads server-sent events from a URL until `count` `meeting` events have arrived. */
function readEvents(
  url: string,
  cookie: string,
  count: number,
): { events: Promise<{ change: string; version: number; currentItemId: string | null }[]>; ready: Promise<void> } {
  let ready!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  const events = new Promise<{ change: string; version: number; currentItemId: string | null }[]>((resolve, reject) => {
    const got: { change: string; version: number; currentItemId: string | null }[] = [];
    const req = http.get(url, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      // The stream holds the meeting's state: no cache may keep it (or buffer it).
      if (!/no-store/.test(String(res.headers['cache-control']))) reject(new Error(`event stream cacheable: ${res.headers['cache-control']}`));
      let buf = '';
      res.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!block.includes('event: meeting')) continue;
          const data = block
            .split('\n')
            .find((l) => l.startsWith('data: '))!
            .slice(6);
          got.push(JSON.parse(data));
          if (got.length === 1) ready();
          if (got.length === count) {
            req.destroy();
            resolve(got);
          }
        }
      });
    });
    req.on('error', (e) => (got.length >= count ? undefined : reject(e)));
    setTimeout(() => reject(new Error(`only ${got.length} events`)), 15_000).unref();
  });
  return { events, ready: readyP };
}

describe('meetings: agenda, decisions, minutes and the plan', () => {
  let t: TestApp;
  let coordinator: TestAgent;
  let police: TestAgent;
  let analyst: TestAgent;
  let norrbyId: string;
  let orgs: Record<string, string>;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, police, analyst] = await Promise.all(
      ['samordnare@exempelstad.se', 'polischef@exempelstad.se', 'analytiker@exempelstad.se'].map((e) => t.signIn(e)),
    );
    norrbyId = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!.id;
    orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const c = (await analyst.post('/api/cases').send({ areaId: norrbyId, title: 'Samlingar i tvättstugan', description: 'Återkommande samlingar' })).body;
    caseId = c.id;
    await analyst.post(`/api/cases/${caseId}/events`).send({ type: 'START_ANALYSIS', version: 1 }).expect(200);
    await analyst
      .post(`/api/cases/${caseId}/events`)
      .send({
        type: 'PROPOSE',
        version: 2,
        analysis: 'Belysningen är trasig och dörren går inte i lås',
        actions: [
          {
            cause: 'Trasig belysning',
            what: 'Ny belysning',
            goal: 'Inga samlingar efter 22',
            organizationId: orgs['Exempelbostäder AB'],
            dueDate: '2026-12-31',
            kind: 'one_off',
            term: 'short',
          },
        ],
      })
      .expect(200);
  });
  afterAll(() => t.stop());

  it('prepares the agenda, runs the meeting with live updates, sends the decision to the case, and locks the approved minutes', async () => {
    const created = await coordinator.post('/api/meetings').send({
      kind: 'leadership',
      title: 'Chefssamråd november',
      startsAt: '2026-11-20T13:00:00+01:00',
      place: 'Stadshuset',
      areaIds: [norrbyId],
      organizationIds: [orgs['Lokalpolisområde Exempelstad'], orgs['Exempelbostäder AB']],
      participants: [
        { name: 'Petra Polischef', organizationId: orgs['Lokalpolisområde Exempelstad'] },
        { name: 'Sara Samordnare', organizationId: orgs['Exempelstad kommun'] },
      ],
    });
    expect(created.status).toBe(201);
    const m = created.body;
    expect(m.agenda.map((i: { kind: string; title: string }) => [i.kind, i.title])).toEqual([
      ['picture', 'Lägesbild: Norrby'],
      ['decision', 'Samlingar i tvättstugan'],
      ['round', 'Laget runt'],
      ['other', 'Övriga frågor'],
    ]);
    expect(m.allowedEvents.sort()).toEqual(['CANCEL', 'SET_ATTENDANCE', 'START', 'UPDATE_AGENDA']);
    const decisionItem = m.agenda[1];
    const round = m.agenda[2];

    // Reorder before the meeting: the round first.
    const reordered = await coordinator.patch(`/api/meetings/${m.id}/agenda`).send({
      version: 1,
      items: [round, ...m.agenda.filter((i: { id: string }) => i.id !== round.id)].map((i: { id: string; kind: string; title: string }) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
      })),
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.agenda[0].id).toBe(round.id);

    // Two participants, one on each of two API processes, see the changes without reloading.
    const second = await createApp(t.config as typeof t.config & { databaseUrl: string });
    const server = second.app.getHttpServer().listen(0);
    const first = t.app.getHttpServer();
    if (!first.listening) first.listen(0);
    let decided: { status: number; body: { agenda: { id: string; decision: unknown }[] } };
    try {
      const login = await t.http().post('/api/auth/login').send({ email: 'polischef@exempelstad.se', password: 'est-demo-2026' });
      const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      const url = (p: number) => `http://127.0.0.1:${p}/api/meetings/${m.id}/stream`;
      const onSecond = readEvents(url((server.address() as AddressInfo).port), cookie, 5);
      const onFirst = readEvents(url((first.address() as AddressInfo).port), cookie, 5);
      await Promise.all([onSecond.ready, onFirst.ready]);
      const started = await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'START', version: 2 });
      expect(started.body).toMatchObject({ state: 'in_session', currentItemId: round.id });
      await coordinator
        .post(`/api/meetings/${m.id}/items/${round.id}/statements`)
        .send({ version: 3, organizationId: orgs['Exempelbostäder AB'], text: 'Lugnare i trapphusen sedan oktober' })
        .expect(200);
      const moved = await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'SET_CURRENT', version: 4, itemId: decisionItem.id });
      expect(moved.body.currentItemId).toBe(decisionItem.id);
      // The decision goes through the case workflow: the case is agreed and its action exists.
      decided = await coordinator.post(`/api/meetings/${m.id}/decisions`).send({
        itemId: decisionItem.id,
        version: 5,
        kind: 'agree',
        note: 'Åtgärderna beslutades',
        actions: [
          {
            cause: 'Trasig belysning',
            what: 'Ny belysning och kodlås',
            goal: 'Inga samlingar efter 22',
            organizationId: orgs['Exempelbostäder AB'],
            dueDate: '2026-12-15',
            kind: 'one_off',
            term: 'short',
          },
        ],
      });
      const [a, b] = await Promise.all([onSecond.events, onFirst.events]);
      expect(a.map((e) => e.change)).toEqual(['CONNECTED', 'START', 'RECORD', 'SET_CURRENT', 'RECORD']);
      expect(a[3]).toMatchObject({ version: 5, currentItemId: decisionItem.id });
      expect(b.slice(1)).toEqual(a.slice(1));
      expect(a[4]).toMatchObject({ version: 6 });
    } finally {
      server.close();
      await second.app.close();
    }
    expect(decided.status).toBe(200);
    expect(decided.body.agenda.find((i: { id: string }) => i.id === decisionItem.id)!.decision).toMatchObject({
      kind: 'agree',
      caseState: 'agreed',
      by: 'Sara Samordnare',
    });
    const c = (await analyst.get(`/api/cases/${caseId}`)).body;
    expect(c.state).toBe('agreed');
    expect(c.actions.map((a: { what: string; dueDate: string }) => [a.what, a.dueDate])).toEqual([['Ny belysning och kodlås', '2026-12-15']]);
    const again = await coordinator.post(`/api/meetings/${m.id}/decisions`).send({ itemId: decisionItem.id, version: 6, kind: 'agree', note: 'Igen' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');

    await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'END', version: 6 }).expect(200);
    expect((await coordinator.post(`/api/meetings/${m.id}/events`).send({ type: 'APPROVE', version: 7 })).status).toBe(403);
    const approved = await police.post(`/api/meetings/${m.id}/events`).send({ type: 'APPROVE', version: 7 });
    expect(approved.body).toMatchObject({ state: 'approved', approvedBy: { name: 'Petra Polischef' } });
    expect(approved.body.planFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const locked = await coordinator
      .post(`/api/meetings/${m.id}/items/${round.id}/statements`)
      .send({ version: 8, organizationId: orgs['Exempelbostäder AB'], text: 'Ändring' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('MEETING.TRANSITION_NOT_ALLOWED');

    for (const path of ['action-plan.pdf', 'minutes.pdf', 'minutes.pdf?lang=en']) {
      const pdf = await police.get(`/api/meetings/${m.id}/${path}`);
      expect({ path, status: pdf.status, type: pdf.headers['content-type'] }).toEqual({ path, status: 200, type: 'application/pdf' });
    }
    const plan = await police.get(`/api/meetings/${m.id}/action-plan.pdf`);
    expect(plan.headers['x-document-fingerprint']).toBe(approved.body.planFingerprint);

    const revision = await coordinator.post(`/api/meetings/${m.id}/revisions`).send({ version: 8 });
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ state: 'minutes_draft', revision: 2, previousVersionId: m.id });
    expect((await coordinator.get(`/api/meetings/${m.id}`)).body.state).toBe('approved');
    // Only the secretary revises, and only approved minutes (a revision's draft is changed directly); nothing is stored.
    const chief = await police.post(`/api/meetings/${m.id}/revisions`).send({ version: 8 });
    expect({ status: chief.status, code: chief.body.code, field: chief.body.field }).toEqual({ status: 403, code: 'MEETING.EVENT_FORBIDDEN', field: 'type' });
    const draft = await coordinator.post(`/api/meetings/${revision.body.id}/revisions`).send({ version: 1 });
    expect({ status: draft.status, code: draft.body.code, field: draft.body.field }).toEqual({ status: 409, code: 'MEETING.NOT_APPROVED', field: 'type' });
    const revisions = await t.dataSource.query(`SELECT previous_version_id FROM meetings WHERE previous_version_id IN ($1, $2)`, [m.id, revision.body.id]);
    expect(revisions).toEqual([{ previous_version_id: m.id }]);
  });

  it('is scheduled by coordinators only, in their own areas, and hidden from other organisations', async () => {
    const res = await analyst
      .post('/api/meetings')
      .send({ kind: 'operational', title: 'EST-grupp v47', startsAt: '2026-11-18T09:00:00+01:00', place: 'Teams', areaIds: [norrbyId], organizationIds: [] });
    expect(res.status).toBe(403);
    const bad = await coordinator
      .post('/api/meetings')
      .send({ kind: 'weekly', title: 'EST-grupp', startsAt: '2026-11-18T09:00:00+01:00', place: 'Teams', areaIds: [norrbyId], organizationIds: [] });
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'kind' });
    const own = await coordinator
      .post('/api/meetings')
      .send({ kind: 'operational', title: 'EST-grupp v47', startsAt: '2026-11-18T09:00:00+01:00', place: 'Teams', areaIds: [norrbyId], organizationIds: [] });
    expect(own.status).toBe(201);
    const housing = await t.signIn('sakerhetschef@exempelbostader.se');
    expect((await housing.get(`/api/meetings/${own.body.id}`)).status).toBe(404);
    const stale = await coordinator.post(`/api/meetings/${own.body.id}/events`).send({ type: 'START', version: 9 });
    expect(stale.body).toMatchObject({ code: 'MEETING.STALE_VERSION', field: 'version' });
  });

  it('lets the secretary write down who is invited before the meeting, and correct attendance until the minutes are approved', async () => {
    const m = (
      await coordinator.post('/api/meetings').send({
        kind: 'leadership',
        title: 'Chefssamråd december',
        startsAt: '2026-12-02T09:00:00+01:00',
        place: 'Stadshuset',
        areaIds: [norrbyId],
        organizationIds: [orgs['Lokalpolisområde Exempelstad']],
      })
    ).body;
    const invited = await coordinator
      .put(`/api/meetings/${m.id}/attendance`)
      .send({ version: m.version, participants: [{ name: 'Petra Polischef', organizationId: orgs['Lokalpolisområde Exempelstad'], present: true }] });
    expect(invited.status).toBe(200);
    expect(invited.body).toMatchObject({ state: 'planned', participants: [{ name: 'Petra Polischef', present: true }] });
    expect(invited.body.allowedEvents).toContain('SET_ATTENDANCE');
    // The police chief takes part but is no secretary.
    expect((await police.put(`/api/meetings/${m.id}/attendance`).send({ version: invited.body.version, participants: [] })).status).toBe(403);
    const [entry] = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [m.id]);
    expect(entry.action).toBe('meeting.set_attendance');
  });

  it('prepares the agenda in the coordinator’s language', async () => {
    const en = await coordinator.post('/api/meetings').send({
      kind: 'operational',
      title: 'EST group w49',
      startsAt: '2026-12-02T09:00:00+01:00',
      place: 'Teams',
      areaIds: [norrbyId],
      organizationIds: [],
      lang: 'en',
    });
    expect(en.status).toBe(201);
    const titles = (en.body.agenda as { kind: string; title: string }[]).map((i) => i.title);
    expect(titles[0]).toBe('Situational picture: Norrby');
    expect(titles.slice(-2)).toEqual(['Round the table', 'Other business']);
    const bad = await coordinator.post('/api/meetings').send({
      kind: 'operational',
      title: 'EST-grupp v49',
      startsAt: '2026-12-02T09:00:00+01:00',
      place: 'Teams',
      areaIds: [norrbyId],
      organizationIds: [],
      lang: 'fi',
    });
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'lang' });
  });

  it('invites only organisations that take part in every one of the meeting’s areas', async () => {
    const centrumId = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Centrum')!.id;
    const meeting = (organizationIds: string[]) =>
      coordinator.post('/api/meetings').send({
        kind: 'leadership',
        title: 'Chefssamråd',
        startsAt: '2026-11-25T09:00:00+01:00',
        place: 'Stadshuset',
        areaIds: [centrumId, norrbyId],
        organizationIds,
      });
    // Norrby Centrum (the business association) takes part in Norrby only: it would see Centrum's cases on the agenda.
    const partial = await meeting([orgs['Norrby Centrum']]);
    expect({ status: partial.status, field: partial.body.field }).toEqual({ status: 422, field: 'organizationIds' });
    // Exempelbostäder AB takes part in both.
    expect((await meeting([orgs['Exempelbostäder AB']])).status).toBe(201);
  });
});
