import { execFileSync } from 'node:child_process';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';

/**
 * Personal data that got through: a report filed with "the text is not about a person" although the check found
 * something waits for a coordinator's review (withheld from other organisations meanwhile), and the filing
 * organisation or the partnership's coordinators remove (gallra) free text, whole or a part, from everything.
 */
describe('redaction and review of report text', () => {
  let t: TestApp;
  let reporter: TestAgent; // Exempelbostäder AB, reporter
  let security: TestAgent; // Exempelbostäder AB, commander + action_owner
  let coordinator: TestAgent; // Exempelstad kommun, coordinator
  let analyst: TestAgent; // Exempelstad kommun, analyst
  let admin: TestAgent; // Exempelstad kommun, admin
  let police: TestAgent; // Lokalpolisområde Exempelstad, commander
  let norrby: { id: string; places: { id: string; name: string }[] };
  let category: string;

  const PIN = '811218-9876';
  const TEXT = `Personen med nummer ${PIN} sov i trapphuset`;

  beforeAll(async () => {
    t = await startTestApp();
    reporter = await t.signIn('rapportor@exempelbostader.se');
    security = await t.signIn('sakerhetschef@exempelbostader.se');
    coordinator = await t.signIn('samordnare@exempelstad.se');
    analyst = await t.signIn('analytiker@exempelstad.se');
    admin = await t.signIn('admin@exempelstad.se');
    police = await t.signIn('polischef@exempelstad.se');
    const areas = (await analyst.get('/api/areas')).body as { id: string; name: string }[];
    norrby = (await analyst.get(`/api/areas/${areas.find((a) => a.name === 'Norrby')!.id}`)).body;
    category = ((await analyst.get('/api/categories')).body as { id: string }[])[0].id;
  });
  afterAll(() => t.stop());

  /** Files a report as the housing company's reporter; `flagged` ticks "not about a person" for a text with an identity number. */
  const file = async (opts: { text?: string; restricted?: boolean; place?: number } = {}): Promise<string> => {
    const text = opts.text ?? TEXT;
    const res = await reporter.post('/api/reports').send({
      areaId: norrby.id,
      placeId: norrby.places[opts.place ?? 3].id,
      categoryId: category,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      assessment: 'medium',
      policeNotified: false,
      restricted: opts.restricted ?? false,
      description: text,
      confirmNoPersonalData: true,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const stored = async (id: string) =>
    (await t.dataSource.query('SELECT description, review, text_redacted_at, text_redaction_reason FROM reports WHERE id = $1', [id]))[0];
  const auditCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n as number;
  const csv = async (agent: TestAgent) => (await agent.get('/api/reports/export.csv').query({ areaId: norrby.id }).buffer(true)).text;

  describe('review', () => {
    it('keeps a flagged text from other organisations until a coordinator confirms it', async () => {
      const id = await file({ place: 5 });
      const own = await reporter.get(`/api/reports/${id}`);
      expect(own.body).toMatchObject({ review: 'pending', description: TEXT, detailsVisible: true, canReview: false });

      // The police (another organisation) see the figures only, everywhere.
      const one = await police.get(`/api/reports/${id}`);
      expect(one.body).toMatchObject({ review: null, detailsVisible: false, description: null, placeId: null, reporter: null });
      const list = await police.get('/api/reports').query({ areaId: norrby.id, pageSize: 500 });
      expect(JSON.stringify(list.body)).not.toContain(PIN);
      expect(list.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ description: null, detailsVisible: false });
      expect(await csv(police)).not.toContain(PIN);
      expect((await police.get('/api/reports').query({ placeId: norrby.places[5].id })).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
      const picture = await police.get('/api/situation-picture').query({ areaId: norrby.id });
      expect(picture.body.points.map((p: { id: string }) => p.id)).not.toContain(id);
      const audit = await police.get('/api/audit').query({ entityType: 'report', entityId: id });
      expect(audit.body.every((e: { after: unknown }) => e.after === null)).toBe(true);
      // The administrator (another organisation, no coordinator) neither.
      expect((await admin.get(`/api/reports/${id}`)).body).toMatchObject({ description: null, detailsVisible: false });
      // A case opened from it does not take over its place, and shows no text to the police.
      const opened = await analyst
        .post('/api/cases')
        .send({ areaId: norrby.id, title: 'Sovande i trapphus', description: 'Samlade rapporter', reportIds: [id] });
      expect(opened.status).toBe(201);
      expect(opened.body.places).toEqual([]);
      expect(JSON.stringify((await police.get(`/api/cases/${opened.body.id}`)).body)).not.toContain(PIN);

      // The review list: the municipality's coordinator sees it with its text, the police do not see it at all.
      const pending = await coordinator.get('/api/reports').query({ review: 'pending' });
      expect(pending.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({
        description: TEXT,
        review: 'pending',
        canReview: true,
        canRedact: true,
      });
      expect((await police.get('/api/reports').query({ review: 'pending' })).body.total).toBe(0);
      expect((await reporter.get('/api/reports').query({ review: 'pending' })).body.items.map((r: { id: string }) => r.id)).toContain(id);

      const confirmed = await coordinator.post(`/api/reports/${id}/review`).send({ decision: 'confirm' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ review: 'confirmed', canReview: false });
      expect((await police.get(`/api/reports/${id}`)).body).toMatchObject({ description: TEXT, detailsVisible: true });
      expect((await coordinator.get('/api/reports').query({ review: 'pending' })).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
      const trail = await t.dataSource.query(`SELECT action, actor_organization_id IS NOT NULL AS who FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [
        id,
      ]);
      expect(trail.map((e: { action: string }) => e.action)).toEqual(['report.create', 'report.review']);

      // Confirmed once is confirmed: a second review is a conflict.
      const again = await coordinator.post(`/api/reports/${id}/review`).send({ decision: 'confirm' });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'REPORT.NOT_PENDING' });
    });

    it('counts under "no place" in the picture and the joint action plan for other organisations while it waits', async () => {
      const name = `Granskningsgården ${Date.now()}`;
      const place = await admin.post(`/api/areas/${norrby.id}/places`).send({ name, latitude: 59.3, longitude: 18.1 });
      expect(place.status).toBe(201);
      const res = await reporter.post('/api/reports').send({
        areaId: norrby.id,
        placeId: place.body.id,
        categoryId: category,
        occurredAt: new Date(Date.now() - 600_000).toISOString(),
        assessment: 'high',
        policeNotified: false,
        description: TEXT,
        confirmNoPersonalData: true,
      });
      expect(res.status).toBe(201);
      const placesOf = async (agent: TestAgent) =>
        ((await agent.get('/api/situation-picture').query({ areaId: norrby.id })).body.byPlace as { placeId: string | null }[]).map((p) => p.placeId);
      expect(await placesOf(reporter)).toContain(place.body.id);
      expect(await placesOf(police)).not.toContain(place.body.id);
      const plan = async () => {
        const today = new Date().toISOString().slice(0, 10);
        const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
        const pdf = await police
          .get(`/api/action-plan.pdf?areaId=${norrby.id}&from=${from}&to=${today}`)
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (d: Buffer) => chunks.push(d));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
        expect(pdf.status).toBe(200);
        return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.body as Buffer }).toString('utf8');
      };
      const waiting = await plan();
      expect(waiting).toContain('Mest rapporterade platser');
      expect(waiting).not.toContain('Granskningsgården');
      // Confirmed, it is a place like any other (so the check above can fail).
      expect((await coordinator.post(`/api/reports/${res.body.id}/review`).send({ decision: 'confirm' })).status).toBe(200);
      expect(await placesOf(police)).toContain(place.body.id);
      expect(await plan()).toContain('Granskningsgården');
    });

    it('is for coordinators who see the text; other decisions are refused naming the field', async () => {
      const id = await file();
      for (const agent of [analyst, police, reporter, security]) {
        const res = await agent.post(`/api/reports/${id}/review`).send({ decision: 'confirm' });
        expect(res.status).toBe(403);
      }
      const bad = await coordinator.post(`/api/reports/${id}/review`).send({ decision: 'share' });
      expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'decision' });
      // A restricted report stays within its organisation: another organisation's coordinator cannot review it.
      const restricted = await file({ restricted: true });
      const refused = await coordinator.post(`/api/reports/${restricted}/review`).send({ decision: 'confirm' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'REPORT.REVIEW_FORBIDDEN' });
      expect((await coordinator.get('/api/reports').query({ review: 'pending' })).body.items.map((r: { id: string }) => r.id)).not.toContain(restricted);
      expect((await stored(id)).review).toBe('pending');
    });

    it('does not hold back a text without findings, nor one whose correction removed them', async () => {
      const clean = await file({ text: 'Klotter på elskåpet' });
      expect((await stored(clean)).review).toBeNull();
      const id = await file();
      const corrected = await reporter.patch(`/api/reports/${id}`).send({ description: 'Någon sov i trapphuset' });
      expect(corrected.status).toBe(200);
      expect(corrected.body.review).toBeNull();
      expect((await police.get(`/api/reports/${id}`)).body.description).toBe('Någon sov i trapphuset');
    });
  });

  describe('redaction', () => {
    it('removes a marked part from the report, the list, the CSV, the case and the audit trail, for everyone', async () => {
      // Its own identity number, so that no other test's report carries it.
      const PIN = '640823-3234';
      const TEXT = `Personen med nummer ${PIN} sov i trapphuset`;
      const id = await file({ text: TEXT });
      const opened = await analyst.post('/api/cases').send({ areaId: norrby.id, title: 'Trapphuset', description: 'Rapporter', reportIds: [id] });
      expect(opened.status).toBe(201);
      const res = await coordinator.post(`/api/reports/${id}/redactions`).send({ text: PIN, reason: 'personal_data' });
      expect(res.status).toBe(201);
      const expected = 'Personen med nummer [gallrat] sov i trapphuset';
      expect(res.body).toMatchObject({
        description: expected,
        review: null,
        personalDataConfirmed: false,
        textRedaction: { reason: 'personal_data', note: null },
      });
      // The review is settled: nothing flagged remains, so the police see the rest.
      for (const agent of [police, reporter, coordinator]) {
        expect((await agent.get(`/api/reports/${id}`)).body.description).toBe(expected);
        const list = await agent.get('/api/reports').query({ areaId: norrby.id, pageSize: 500 });
        expect(JSON.stringify(list.body)).not.toContain(PIN);
        const text = await csv(agent);
        expect(text).not.toContain(PIN);
        expect(text).toContain(expected);
        expect(JSON.stringify((await agent.get(`/api/cases/${opened.body.id}`)).body)).not.toContain(PIN);
        expect(JSON.stringify((await agent.get('/api/audit').query({ entityType: 'report', entityId: id })).body)).not.toContain(PIN);
      }
      // Nowhere in the database: not in the report, not in the audit trail, not in a case's history.
      for (const table of ['reports', 'audit_entries', 'case_history', 'cases']) {
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} x WHERE x::text LIKE '%640823%'`);
        expect({ table, n }).toEqual({ table, n: 0 });
      }
      // The audit records who, when, why and how much, never the text.
      const [entry] = await t.dataSource.query(
        `SELECT actor_id, actor_organization_id, before, after FROM audit_entries WHERE entity_id = $1 AND action = 'report.redact'`,
        [id],
      );
      expect(entry.actor_id).not.toBeNull();
      expect(entry.before).toEqual({ descriptionLength: TEXT.length, review: 'pending' });
      expect(entry.after).toMatchObject({
        removedCharacters: PIN.length,
        parts: 1,
        whole: false,
        reason: 'personal_data',
        hasNote: false,
        review: null,
        descriptionLength: expected.length,
      });
    });

    it('removes a part given by offsets, or the whole text, and keeps the reason and note', async () => {
      const id = await file();
      const start = TEXT.indexOf(PIN);
      const part = await reporter.post(`/api/reports/${id}/redactions`).send({ start, end: start + PIN.length, reason: 'other', note: 'Fel i texten' });
      expect(part.status).toBe(201);
      expect(part.body.description).toBe('Personen med nummer [gallrat] sov i trapphuset');
      expect(part.body.textRedaction).toMatchObject({ reason: 'other', note: 'Fel i texten' });
      const whole = await security
        .post(`/api/reports/${id}/redactions`)
        .send({ whole: true, reason: 'sensitive' })
        .then((r) => r);
      // The housing company's commander is neither the reporter nor a coordinator or administrator.
      expect({ status: whole.status, code: whole.body.code }).toEqual({ status: 403, code: 'REPORT.REDACT_FORBIDDEN' });
      const all = await coordinator.post(`/api/reports/${id}/redactions`).send({ whole: true, reason: 'sensitive' });
      expect(all.status).toBe(201);
      expect(all.body.description).toBe('[gallrat]');
      expect((await police.get(`/api/reports/${id}`)).body.description).toBe('[gallrat]');
      expect(await stored(id)).toMatchObject({ description: '[gallrat]', text_redaction_reason: 'sensitive' });
    });

    it.each([
      ['no reason', { text: PIN }, 'reason'],
      ['an unknown reason', { text: PIN, reason: 'because' }, 'reason'],
      ['reason other without a note', { text: PIN, reason: 'other' }, 'note'],
      ['a note with personal data', { text: PIN, reason: 'other', note: `Gällde ${PIN}` }, 'note'],
      ['nothing to remove', { reason: 'personal_data' }, 'whole'],
      ['two ways at once', { whole: true, text: PIN, reason: 'personal_data' }, 'whole'],
      ['a start beyond the text', { start: 500, end: 501, reason: 'personal_data' }, 'start'],
      ['an end beyond the text', { start: 0, end: 1999, reason: 'personal_data' }, 'end'],
      ['an end before the start', { start: 10, end: 5, reason: 'personal_data' }, 'end'],
      ['a start without an end', { start: 3, reason: 'personal_data' }, 'end'],
      ['a negative start', { start: -1, end: 4, reason: 'personal_data' }, 'start'],
      ['offsets that are not whole numbers', { start: 1.5, end: 4, reason: 'personal_data' }, 'start'],
      ['text that is not in the report', { text: 'finns inte', reason: 'personal_data' }, 'text'],
      ['empty text', { text: '  ', reason: 'personal_data' }, 'text'],
    ])('refuses %s with 422 naming the field, changing nothing', async (_, body, field) => {
      const id = await file();
      const before = await auditCount();
      const res = await coordinator.post(`/api/reports/${id}/redactions`).send(body);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field });
      expect(typeof res.body.code).toBe('string');
      expect(JSON.stringify(res.body)).not.toContain(PIN);
      expect(await stored(id)).toMatchObject({ description: TEXT, review: 'pending', text_redacted_at: null });
      expect(await auditCount()).toBe(before);
    });

    it('is refused to those who may not redact, and to those who cannot see the text', async () => {
      const id = await file({ text: 'Klotter på elskåpet vid 811218-9876' });
      for (const [who, agent] of [
        ['analyst', analyst],
        ['police', police],
        ['security', security],
        ['admin of another organisation', admin],
      ] as const) {
        const before = await auditCount();
        const res = await agent.post(`/api/reports/${id}/redactions`).send({ whole: true, reason: 'personal_data' });
        expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 403, code: 'REPORT.REDACT_FORBIDDEN' });
        expect(await auditCount()).toBe(before);
      }
      const restricted = await file({ restricted: true });
      const res = await coordinator.post(`/api/reports/${restricted}/redactions`).send({ whole: true, reason: 'personal_data' });
      expect(res.status).toBe(403);
      expect((await coordinator.get(`/api/reports/${restricted}`)).body.canRedact).toBe(false);
      expect((await reporter.get(`/api/reports/${restricted}`)).body.canRedact).toBe(true);
      const unknown = await coordinator.post('/api/reports/00000000-0000-4000-8000-000000000000/redactions').send({ whole: true, reason: 'personal_data' });
      expect(unknown.status).toBe(404);
      expect((await stored(id)).description).toContain(PIN);
    });

    it('keeps the review when a flagged part remains', async () => {
      const id = await file({ text: `Ring 070-123 45 67 eller ${PIN}` });
      const res = await coordinator.post(`/api/reports/${id}/redactions`).send({ text: PIN, reason: 'personal_data' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ description: 'Ring 070-123 45 67 eller [gallrat]', review: 'pending' });
      expect((await police.get(`/api/reports/${id}`)).body.description).toBeNull();
    });

    it('leaves nothing for review, and no note, once retention has thinned the report out', async () => {
      const old = await reporter.post('/api/reports').send({
        areaId: norrby.id,
        placeId: norrby.places[2].id,
        categoryId: category,
        occurredAt: new Date(Date.now() - 4 * 365 * 86_400_000).toISOString(),
        assessment: 'low',
        policeNotified: false,
        description: `Gammal lapp med ${PIN} och 070-123 45 67`,
        confirmNoPersonalData: true,
      });
      expect(old.status).toBe(201);
      const part = await coordinator.post(`/api/reports/${old.body.id}/redactions`).send({ text: PIN, reason: 'other', note: 'Lapp på porten' });
      expect(part.body).toMatchObject({ review: 'pending', textRedaction: { note: 'Lapp på porten' } });
      expect((await admin.post('/api/retention/run')).status).toBe(200);
      const [row] = await t.dataSource.query('SELECT description, review, text_redaction_note, text_redaction_reason FROM reports WHERE id = $1', [
        old.body.id,
      ]);
      expect(row).toEqual({ description: '', review: null, text_redaction_note: null, text_redaction_reason: 'other' });
      expect((await coordinator.get('/api/reports').query({ review: 'pending' })).body.items.map((r: { id: string }) => r.id)).not.toContain(old.body.id);
    });

    it('is a conflict on a report retention has already thinned out', async () => {
      const id = await file();
      await t.dataSource.query(`UPDATE reports SET description = '', redacted_at = now() WHERE id = $1`, [id]);
      const res = await coordinator.post(`/api/reports/${id}/redactions`).send({ whole: true, reason: 'personal_data' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'REPORT.REDACTED' });
    });
  });
});
