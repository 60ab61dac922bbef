import { createServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { MailDelivery } from '../src/notifications/mail-delivery';
import { startTestApp, TestApp } from './harness';

/** A port nothing listens on yet (the SMTP server is "down" until the test starts it there). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** A real SMTP server in this process that keeps every mail it receives, parsed. */
function smtpServer(received: ParsedMail[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
}

describe('notifications: written with their event, mailed once through SMTP', () => {
  let t: TestApp;
  let db: DataSource;
  let delivery: MailDelivery;
  let port: number;
  let analyst: TestAgent;
  let police: TestAgent;
  let housing: TestAgent;
  let chiefId: string;
  let caseId: string;
  const received: ParsedMail[] = [];
  let server: SMTPServer | null = null;

  beforeAll(async () => {
    port = await freePort();
    t = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Samverka <samverka@exempelstad.se>',
      PUBLIC_ORIGIN: 'https://samverka.exempelstad.se',
    });
    db = t.app.get(DataSource);
    delivery = t.app.get(MailDelivery);
    [analyst, police, housing] = await Promise.all(
      ['analytiker@exempelstad.se', 'polischef@exempelstad.se', 'sakerhetschef@exempelbostader.se'].map((e) => t.signIn(e)),
    );
    chiefId = (await housing.get('/api/auth/me')).body.id;
  });
  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await t.stop();
  });

  const pending = () =>
    db.query<{ kind: string; mail_state: string; mail_attempts: number; mail_last_error: string | null }[]>(
      `SELECT kind, mail_state, mail_attempts, mail_last_error FROM notifications WHERE mail_state <> 'off' ORDER BY kind`,
    );

  it('writes the notifications of an agreement in its transaction, and none for a refused event', async () => {
    const areas = (await analyst.get('/api/areas')).body as { id: string; name: string }[];
    const norrby = areas.find((a) => a.name === 'Norrby')!;
    const orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const c = await analyst.post('/api/cases').send({ areaId: norrby.id, title: 'Samlingar i tvättstugan', description: 'Återkommande samlingar kvällstid' });
    expect(c.status).toBe(201);
    caseId = c.body.id;
    let v = c.body.version;
    const send = async (agent: TestAgent, body: object) => {
      const res = await agent.post(`/api/cases/${caseId}/events`).send({ ...body, version: v });
      expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
      v = res.body.version;
      return res.body;
    };
    const plan = {
      cause: 'Trasig belysning',
      what: 'Ny belysning i tvättstugan',
      goal: 'Inga samlingar efter kl 22',
      organizationId: orgs['Exempelbostäder AB'],
      dueDate: '2026-12-31',
      kind: 'one_off',
      term: 'short',
    };
    await send(analyst, { type: 'START_ANALYSIS' });
    await send(analyst, { type: 'SAVE_ANALYSIS', analysis: 'Dörren går inte i lås och belysningen är trasig.' });
    await send(analyst, { type: 'PROPOSE', actions: [plan, { ...plan, what: 'Kodlås på dörren', ownerId: chiefId }] });
    expect(await pending()).toEqual([]);
    const agreed = await send(police, { type: 'AGREE' });
    expect(agreed.actions).toHaveLength(2);
    // One for the owner named in the plan, one for the organisation's action owners about the action without one.
    expect(await pending()).toEqual([
      { kind: 'action_assigned', mail_state: 'pending', mail_attempts: 0, mail_last_error: null },
      { kind: 'action_assigned_org', mail_state: 'pending', mail_attempts: 0, mail_last_error: null },
    ]);
    // A refused assignment (no such user) rolls back and leaves no notification.
    const open = agreed.actions.find((a: { owner: unknown }) => a.owner === null);
    const refused = await housing
      .post(`/api/actions/${open.id}/events`)
      .send({ type: 'ASSIGN', ownerId: '00000000-0000-4000-8000-000000000000', version: open.version });
    expect(refused.status).toBe(422);
    // Assigning an action to oneself tells nobody.
    const self = await housing.post(`/api/actions/${open.id}/events`).send({ type: 'ASSIGN', ownerId: chiefId, version: open.version });
    expect(self.status).toBe(200);
    expect(await pending()).toHaveLength(2);
  });

  it('keeps the mails while the SMTP server is down, and sends each exactly once when it is up', async () => {
    // Down: the attempt fails, the mail waits with backoff; nothing is lost.
    const down = await delivery.deliverPending();
    expect(down).toEqual({ sent: 0, failed: 1, off: 0 });
    const after = await pending();
    expect(after.map((r) => r.mail_state)).toEqual(['pending', 'pending']);
    expect(after.some((r) => r.mail_attempts === 1 && /ECONNREFUSED/.test(r.mail_last_error ?? ''))).toBe(true);
    // A run stops at a failure: the next run tries the other mail, then both wait for their backoff.
    expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 1, off: 0 });
    expect((await pending()).map((r) => r.mail_attempts)).toEqual([1, 1]);
    expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, off: 0 });

    // Up, and the backoff over (as the next job run would find it).
    server = smtpServer(received);
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    await db.query(`UPDATE notifications SET mail_next_attempt_at = now() WHERE mail_state = 'pending'`);
    // Two delivery runs at once, as two API processes would: each mail is claimed by one of them.
    const runs = await Promise.all([delivery.deliverPending(), delivery.deliverPending(), delivery.deliverPending()]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(await delivery.deliverPending()).toEqual({ sent: 0, failed: 0, off: 0 });
    expect(received).toHaveLength(2);
    expect((await pending()).map((r) => r.mail_state)).toEqual(['sent', 'sent']);

    const subjects = received.map((r) => r.subject).sort();
    expect(subjects).toEqual(['Samverka: Du har tilldelats åtgärd 2', 'Samverka: Er organisation har fått åtgärd 1']);
    for (const mail of received) {
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe('sakerhetschef@exempelbostader.se');
      expect(mail.from?.value[0].address).toBe('samverka@exempelstad.se');
      expect(mail.text).toContain('Hej Sven Säkerhetschef,');
      expect(mail.text).toContain(`https://samverka.exempelstad.se/cases/${caseId}`);
      // Never the case's or the plan's free text.
      expect(mail.text).not.toMatch(/tvättstugan|belysning|Kodlås/i);
    }
  });

  it('shows the notifications in the bell, marks them read, and mails in the language the user chose', async () => {
    const bell = (await housing.get('/api/notifications').expect(200)).body as {
      unread: number;
      items: { id: string; title: string; link: string; read: boolean }[];
    };
    expect(bell.unread).toBe(2);
    expect(bell.items.map((n) => n.title).sort()).toEqual(['Du har tilldelats åtgärd 2', 'Er organisation har fått åtgärd 1']);
    expect(bell.items.every((n) => n.link === `/cases/${caseId}` && !n.read)).toBe(true);
    // Another user's notifications are not theirs to read or mark.
    expect((await analyst.get('/api/notifications').expect(200)).body).toEqual({ unread: 0, items: [] });
    expect(
      (
        await analyst
          .put('/api/notifications/read')
          .send({ ids: bell.items.map((n) => n.id) })
          .expect(200)
      ).body.unread,
    ).toBe(0);
    expect((await housing.get('/api/notifications').expect(200)).body.unread).toBe(2);
    const read = await housing
      .put('/api/notifications/read')
      .send({ ids: [bell.items[0].id] })
      .expect(200);
    expect(read.body.unread).toBe(1);
    expect(read.body.items.find((n: { id: string }) => n.id === bell.items[0].id).read).toBe(true);
    expect((await housing.put('/api/notifications/read').send({ ids: ['nope'] })).body).toMatchObject({ field: 'ids' });

    expect((await housing.get('/api/notifications/preferences').expect(200)).body).toEqual({ language: 'sv' });
    expect((await housing.put('/api/notifications/preferences').send({ language: 'de' })).body).toMatchObject({ field: 'language' });
    expect((await housing.put('/api/notifications/preferences').send({ language: 'en' }).expect(200)).body).toEqual({ language: 'en' });
    expect((await housing.get('/api/auth/me').expect(200)).body.language).toBe('en');
    expect((await housing.get('/api/notifications').expect(200)).body.items.map((n: { title: string }) => n.title).sort()).toEqual([
      'You have been assigned action 2',
      'Your organisation has been given action 1',
    ]);
    await db.query(
      `INSERT INTO notifications (user_id, kind, link, params) VALUES ($1, 'action_assigned', '/cases/x', '{"number": 3, "dueDate": "2027-01-15"}')`,
      [chiefId],
    );
    expect(await delivery.deliverPending()).toEqual({ sent: 1, failed: 0, off: 0 });
    expect(received[2].subject).toBe('Samverka: You have been assigned action 3');
    expect(received[2].text).toContain('Hello Sven Säkerhetschef,');
  });

  it('lets administrators read what was sent and what failed', async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    expect((await housing.get('/api/mails')).status).toBe(403);
    const mails = (await admin.get('/api/mails').expect(200)).body as { id: string; state: string; transport: string; recipient: string; attempts: number }[];
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => m.state === 'sent' && m.transport === 'smtp' && m.recipient === 'sakerhetschef@exempelbostader.se')).toBe(true);
    expect(mails.map((m) => m.attempts).sort()).toEqual([1, 2, 2]);
    expect((await admin.get('/api/mails?state=failed').expect(200)).body).toEqual([]);
    expect((await admin.get('/api/mails?state=lost')).body).toMatchObject({ field: 'state' });
    const one = (await admin.get(`/api/mails/${mails[0].id}`).expect(200)).body;
    expect(one.text).toContain('Hello Sven Säkerhetschef,');
    expect((await admin.get('/api/mails/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('notifications without an SMTP server (demo mode)', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('puts the mails in the outbox that administrators read', async () => {
    t = await startTestApp();
    const db = t.app.get(DataSource);
    const [chief] = await db.query<{ id: string }[]>(`SELECT id FROM users WHERE email = 'sakerhetschef@exempelbostader.se'`);
    await db.query(
      `INSERT INTO notifications (user_id, kind, link, params) VALUES ($1, 'action_assigned', '/cases/x', '{"number": 1, "dueDate": "2027-01-15"}')`,
      [chief.id],
    );
    expect(await t.app.get(MailDelivery).deliverPending()).toEqual({ sent: 1, failed: 0, off: 0 });
    const admin = await t.signIn('admin@exempelstad.se');
    const [mail] = (await admin.get('/api/mails').expect(200)).body as { id: string; transport: string; subject: string }[];
    expect(mail).toMatchObject({ transport: 'outbox', subject: 'Samverka: Du har tilldelats åtgärd 1' });
    expect((await admin.get(`/api/mails/${mail.id}`).expect(200)).body.text).toContain('Hej Sven Säkerhetschef,');
  });
});
