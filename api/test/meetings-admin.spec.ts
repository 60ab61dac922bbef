import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

/**
 * What the municipality's administrator sees of a meeting its organisation does not take part in: enough to
 * administer (title, kind, time, place, areas, organisations, participants, state), not the meeting's content
 * (agenda, statements, decisions, minutes, documents, live updates, audit trail).
 */
describe('meetings of other organisations, as an administrator sees them', () => {
  let t: TestApp;
  let admin: TestAgent;
  let policeCoordinator: TestAgent;
  let commander: TestAgent;
  let meetingId: string;
  let ownMeetingId: string;
  const MARKER = `HEMLIGT-MOTE-${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin@exempelstad.se');
    commander = await t.signIn('polischef@exempelstad.se');
    const orgs = Object.fromEntries(((await admin.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const centrum = ((await admin.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Centrum')!.id;
    await admin
      .post('/api/users')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({
        name: 'Pia Polissamordnare',
        email: 'samordnare@polisen.exempel.se',
        organizationId: orgs['Lokalpolisområde Exempelstad'],
        roles: ['coordinator'],
        password: 'Pia-leder-operativa-gruppen',
      })
      .expect(201);
    policeCoordinator = await t.signIn('samordnare@polisen.exempel.se', 'Pia-leder-operativa-gruppen');
    // The police and the housing company meet about Centrum; the municipality is not there.
    const created = await policeCoordinator
      .post('/api/meetings')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({
        kind: 'operational',
        title: 'Operativ grupp Centrum',
        startsAt: new Date().toISOString(),
        place: 'Polishuset',
        areaIds: [centrum],
        organizationIds: [orgs['Exempelbostäder AB']],
        participants: [{ name: 'Pia Polissamordnare', organizationId: orgs['Lokalpolisområde Exempelstad'] }],
      });
    expect(created.status).toBe(201);
    meetingId = created.body.id;
    const round = (created.body.agenda as { id: string; kind: string }[]).find((i) => i.kind === 'round')!.id;
    const write = (path: string, body: object, who = policeCoordinator) =>
      who.post(`/api/meetings/${meetingId}${path}`).set('Sec-Fetch-Site', 'same-origin').send(body);
    await write('/events', { type: 'START', version: 1 }).expect(200);
    await write(`/items/${round}/statements`, { version: 2, organizationId: orgs['Lokalpolisområde Exempelstad'], text: `Ställningstagande ${MARKER}` }).expect(
      200,
    );
    await write('/decisions', { version: 3, itemId: round, kind: 'note', note: `Antecknat ${MARKER}` }).expect(200);
    await write('/events', { type: 'END', version: 4 }).expect(200);
    await write('/events', { type: 'APPROVE', version: 5 }, commander).expect(200);
    // And a meeting of the municipality's own, for comparison.
    const own = await (
      await t.signIn('samordnare@exempelstad.se')
    )
      .post('/api/meetings')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({
        kind: 'leadership',
        title: 'Chefssamråd Centrum',
        startsAt: new Date().toISOString(),
        place: 'Stadshuset',
        areaIds: [centrum],
        organizationIds: [orgs['Lokalpolisområde Exempelstad']],
      });
    expect(own.status).toBe(201);
    ownMeetingId = own.body.id;
  });
  afterAll(() => t.stop());

  it('shows the administrator its title, time, place, areas, organisations, participants and state, not its content', async () => {
    const res = await admin.get(`/api/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: meetingId,
      kind: 'operational',
      title: 'Operativ grupp Centrum',
      place: 'Polishuset',
      areas: [{ name: 'Centrum' }],
      state: 'approved',
      participants: [{ name: 'Pia Polissamordnare', organizationName: 'Lokalpolisområde Exempelstad' }],
      detailsVisible: false,
      agenda: [],
      currentItemId: null,
      approvedBy: null,
      planFingerprint: null,
      allowedEvents: [],
    });
    expect(res.body.organizations.map((o: { name: string }) => o.name).sort()).toEqual(['Exempelbostäder AB', 'Lokalpolisområde Exempelstad']);
    expect(res.text).not.toContain(MARKER);
    // The participants see it all.
    const full = await commander.get(`/api/meetings/${meetingId}`);
    expect(full.body.detailsVisible).toBe(true);
    expect(full.text).toContain(MARKER);
  });

  it('lists it for the administrator in the same limited form, and the municipality’s own meeting in full', async () => {
    const list = await admin.get('/api/meetings');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(MARKER);
    const byId = new Map((list.body as { id: string; detailsVisible: boolean; agenda: unknown[] }[]).map((m) => [m.id, m]));
    expect(byId.get(meetingId)).toMatchObject({ detailsVisible: false, agenda: [] });
    expect(byId.get(ownMeetingId)!.detailsVisible).toBe(true);
    expect(byId.get(ownMeetingId)!.agenda.length).toBeGreaterThan(0);
  });

  it('refuses the administrator its documents, its audit trail and its live updates with 403 MEETING.PARTICIPANTS_ONLY', async () => {
    for (const path of [
      `/api/meetings/${meetingId}/action-plan.pdf`,
      `/api/meetings/${meetingId}/minutes.pdf`,
      `/api/audit?entityType=meeting&entityId=${meetingId}`,
    ]) {
      const res = await admin.get(path);
      expect({ path, status: res.status, code: res.body.code, text: res.text.includes(MARKER) }).toEqual({
        path,
        status: 403,
        code: 'MEETING.PARTICIPANTS_ONLY',
        text: false,
      });
    }
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const cookie = await sessionCookie();
    const stream = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: `/api/meetings/${meetingId}/stream`, headers: { Cookie: cookie, Accept: 'text/event-stream' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            body += d;
            if (String(res.headers['content-type']).startsWith('text/event-stream')) {
              req.destroy();
              resolve({ status: res.statusCode ?? 0, body });
            }
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    });
    expect(stream.status).toBe(403);
    expect(JSON.parse(stream.body).code).toBe('MEETING.PARTICIPANTS_ONLY');
  });

  it('refuses the administrator any change to it, and nothing is written', async () => {
    const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n as number;
    const before = await count();
    const res = await admin.post(`/api/meetings/${meetingId}/revisions`).set('Sec-Fetch-Site', 'same-origin').send({ version: 6 });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'MEETING.PARTICIPANTS_ONLY', field: 'id' });
    expect(await count()).toBe(before);
  });

  it('still shows the administrator the full meeting of its own organisation, with its documents and audit trail', async () => {
    const own = await admin.get(`/api/meetings/${ownMeetingId}`);
    expect(own.body).toMatchObject({ detailsVisible: true });
    expect((await admin.get(`/api/audit?entityType=meeting&entityId=${ownMeetingId}`)).status).toBe(200);
    expect((await admin.get(`/api/meetings/${ownMeetingId}/action-plan.pdf`)).status).toBe(200);
  });

  /** The administrator's session cookie for a raw HTTP request. */
  async function sessionCookie(): Promise<string> {
    const res = await t.http().post('/api/auth/login').set('Sec-Fetch-Site', 'same-origin').send({ email: 'admin@exempelstad.se', password: 'est-demo-2026' });
    return (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  }
});
