import { execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SESSION_COOKIE } from '../src/auth/auth.service';
import { ImportsService } from '../src/imports/imports.service';
import { MATRIX, PRINCIPALS, type Call, type Entry, type Fixtures, type Principal } from './authz-matrix';
import { buildFixtures, unique } from './authz/fixtures';
import { SAME_ORIGIN, startTestApp, TestApp } from './harness';

interface Answer {
  status: number;
  text: string;
}

/** Reads a binary body (PDF) into a Buffer. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (d: Buffer) => chunks.push(d));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The text of a PDF (pdftotext, as the README's test set-up requires). */
const pdfText = (pdf: Buffer): string => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

/**
 * Runs the authorisation matrix (authz-matrix.ts) against the whole API: every endpoint × every principal, with a
 * fresh target per call where the call changes something. Then a restricted report of one organisation is looked
 * for, by a unique marker in its text and its own named place, in everything another organisation can read.
 */
describe('authorisation matrix', () => {
  let t: TestApp;
  let f: Fixtures & { cookies: Record<Principal, string | null> };
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    f = await buildFixtures(t);
  });
  afterAll(() => t?.stop());

  /** Server-sent events: the status, and the first event (or the error body); then the connection is closed. */
  const sse = (path: string, cookie: string | null): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...(cookie ? { Cookie: cookie } : {}) } }, (res) => {
        let text = '';
        const done = () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, text });
        };
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
          if (String(res.headers['content-type']).startsWith('text/event-stream') && text.includes('\n\n')) done();
        });
        res.on('end', done);
      });
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      req.setTimeout(10_000, () => {
        req.destroy();
        reject(new Error(`SSE ${path}: no event within 10 s`));
      });
      req.end();
    });

  /** Makes one call as the principal, the way a client would. */
  const perform = async (entry: Pick<Entry, 'method' | 'sse'>, call: Call, who: Principal): Promise<Answer> => {
    let cookie = f.cookies[who];
    if (call.freshSession && who !== 'anonymous') cookie = await f.signInFresh(who);
    const url = call.path + (call.query ? `?${new URLSearchParams(call.query).toString()}` : '');
    if (entry.sse) return sse(url, cookie);
    const agent = request(t.app.getHttpServer());
    let req = { GET: agent.get(url), POST: agent.post(url), PUT: agent.put(url), PATCH: agent.patch(url), DELETE: agent.delete(url) }[entry.method];
    if (cookie) req = req.set('Cookie', cookie).set(SAME_ORIGIN);
    if (call.file) {
      for (const [k, val] of Object.entries(call.file.fields ?? {})) req = req.field(k, val);
      req = req.attach(call.file.field, Buffer.from(call.file.content, call.file.encoding ?? 'utf8'), call.file.filename);
    } else if (call.body !== undefined) req = req.send(call.body);
    const res = await req.buffer(true).parse(binary);
    const body = res.body as Buffer;
    const text = res.headers['content-type']?.startsWith('application/pdf')
      ? pdfText(body)
      : Buffer.isBuffer(body)
        ? body.toString('utf8')
        : String(res.text ?? '');
    if (call.renewSession && who !== 'anonymous') f.cookies[who] = await f.signInFresh(who);
    return { status: res.status, text };
  };

  const auditCount = async (): Promise<number> => (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n;

  it('lists exactly the endpoints of the OpenAPI document', async () => {
    expect((await request(t.app.getHttpServer()).get('/api/docs-json')).status).toBe(401);
    const doc = await request(t.app.getHttpServer()).get('/api/docs-json').set('Cookie', f.cookies.reporter!).set(SAME_ORIGIN);
    expect(doc.status).toBe(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    const listed = MATRIX.map((e) => `${e.method} ${e.path}`);
    expect(new Set(listed).size).toBe(listed.length);
    expect({ missingFromMatrix: documented.filter((d) => !listed.includes(d)), notInDocument: listed.filter((l) => !documented.includes(l)) }).toEqual({
      missingFromMatrix: [],
      notInDocument: [],
    });
  });

  it('lists every route the server has, also one the OpenAPI document would not show', () => {
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const routes = express.router.stack
      .filter((l) => l.route && l.route.path.startsWith('/api/'))
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`))
      // The OpenAPI document itself, and the catch-all that answers unknown API paths with a 404.
      .filter((r) => !r.startsWith('GET /api/docs') && !r.includes('{*'));
    const listed = MATRIX.map((e) => `${e.method} ${e.path}`);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !listed.includes(r))).toEqual([]);
  });

  it.each(MATRIX.map((e) => [`${e.method} ${e.path}`, e] as const))('%s answers every principal as the matrix says', async (_name, entry) => {
    const mismatches: string[] = [];
    for (const variant of entry.variants) {
      for (const who of PRINCIPALS) {
        const call = await variant.call(f, who);
        const before = await auditCount();
        const res = await perform(entry, call, who);
        await t.app.get(ImportsService).idle();
        const expected = variant.expect[who];
        const label = `${variant.name ? `[${variant.name}] ` : ''}${who}`;
        if (res.status !== expected) mismatches.push(`${label}: expected ${expected}, got ${res.status} ${res.text.slice(0, 200)}`);
        if (res.status >= 400 && (await auditCount()) !== before) mismatches.push(`${label}: refused with ${res.status} but the audit trail grew`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe('a restricted report', () => {
    const MARKER = unique('HEMLIGMARKOR');
    let placeName: string;
    let reportId: string;
    let placeId: string;
    let caseId: string;
    let meetingId: string;
    /** Who filed it: a reporter of Exempelbostäder AB who files nothing else, so that their name and id are a leak wherever they turn up. */
    const filerName = unique('Hemlig Rapportör');
    let filerId: string;
    /** Every endpoint's body that could carry the report's details, as this principal sees it. */
    const bodies = async (who: Principal): Promise<Record<string, string>> => {
      const get = async (path: string, query?: Record<string, string>, sseStream = false) => {
        const res = await perform({ method: 'GET', sse: sseStream }, { path, query }, who);
        if (res.status !== 200) throw new Error(`${who} GET ${path}: ${res.status} ${res.text.slice(0, 200)}`);
        return res.text;
      };
      const centrum = f.ids.centrum;
      const out: Record<string, string> = {
        list: await get('/api/reports', { areaId: centrum }),
        listAll: await get('/api/reports'),
        listByPlace: await get('/api/reports', { placeId }),
        listByOrganisation: await get('/api/reports', { organizationId: f.ids.orgs.bostader }),
        listByCategory: await get('/api/reports', { categoryId: f.ids.categoryId, timeOfDay: 'day' }),
        listByTime: await get('/api/reports', { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() }),
        one: await get(`/api/reports/${reportId}`),
        export: await get('/api/reports/export.csv', { areaId: centrum }),
        exportByPlace: await get('/api/reports/export.csv', { placeId }),
        picture: await get('/api/situation-picture', { areaId: centrum }),
        areaPlan: await get('/api/action-plan.pdf', {
          areaId: centrum,
          from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
          to: new Date().toISOString().slice(0, 10),
        }),
        meeting: await get(`/api/meetings/${meetingId}`),
        meetingPlan: await get(`/api/meetings/${meetingId}/action-plan.pdf`),
        minutes: await get(`/api/meetings/${meetingId}/minutes.pdf`),
        stream: await get(`/api/meetings/${meetingId}/stream`, undefined, true),
        case: await get(`/api/cases/${caseId}`),
        caseHistory: await get(`/api/cases/${caseId}/history`),
        auditReport: await get('/api/audit', { entityType: 'report', entityId: reportId }),
        auditCase: await get('/api/audit', { entityType: 'case', entityId: caseId }),
      };
      return out;
    };

    beforeAll(async () => {
      // Exempelbostäder AB's reporter files two restricted reports at a place of their own naming, in Centrum, this week.
      const admin = f.cookies.admin!;
      placeName = unique('Hemliga trapphuset');
      const place = await request(t.app.getHttpServer())
        .post(`/api/areas/${f.ids.centrum}/places`)
        .set('Cookie', admin)
        .set(SAME_ORIGIN)
        .send({ name: placeName, latitude: 59.2745, longitude: 15.2071 });
      expect(place.status).toBe(201);
      placeId = place.body.id;
      const filerEmail = `${filerName.toLowerCase().replace(/[^a-z0-9-]/g, '')}@exempelbostader.se`;
      const filer = await request(t.app.getHttpServer())
        .post('/api/users')
        .set('Cookie', admin)
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ name: filerName, email: filerEmail, organizationId: f.ids.orgs.bostader, roles: ['reporter'], password: 'hemliga-rapportörens-lösenord' });
      expect(filer.status).toBe(201);
      filerId = filer.body.id;
      const login = await request(t.app.getHttpServer())
        .post('/api/auth/login')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ email: filerEmail, password: 'hemliga-rapportörens-lösenord' });
      expect(login.status).toBe(200);
      const filerCookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0];
      const file = async () => {
        const res = await request(t.app.getHttpServer())
          .post('/api/reports')
          .set('Cookie', filerCookie)
          .set('Sec-Fetch-Site', 'same-origin')
          .send({
            areaId: f.ids.centrum,
            placeId,
            categoryId: f.ids.categoryId,
            occurredAt: new Date(Date.now() - 600_000).toISOString(),
            assessment: 'high',
            policeNotified: true,
            restricted: true,
            description: `Spaningsuppgift ${MARKER}: försäljning i trapphuset, tips till tips@exempel.se`,
            confirmNoPersonalData: true,
          });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      reportId = await file();
      await file();
      // The municipality's analyst opens a case from it; the municipality's coordinator holds a meeting in which it is agreed.
      const analyst = (path: string, body: object) => request(t.app.getHttpServer()).post(path).set('Cookie', f.cookies.analyst!).set(SAME_ORIGIN).send(body);
      const opened = await analyst('/api/cases', {
        areaId: f.ids.centrum,
        title: 'Försäljning i trapphus',
        description: 'Samlade rapporter',
        reportIds: [reportId],
      });
      expect(opened.status).toBe(201);
      caseId = opened.body.id;
      await analyst(`/api/cases/${caseId}/events`, { type: 'START_ANALYSIS', version: 1 }).expect(200);
      const action = {
        cause: 'Öppen port',
        what: 'Byta lås',
        goal: 'Låst port',
        organizationId: f.ids.orgs.bostader,
        dueDate: '2030-12-01',
        kind: 'one_off',
        term: 'short',
      };
      await analyst(`/api/cases/${caseId}/events`, { type: 'PROPOSE', version: 2, analysis: 'Porten står ofta öppen på kvällen', actions: [action] }).expect(
        200,
      );
      const coordinator = (method: 'post' | 'patch', path: string, body: object) =>
        request(t.app.getHttpServer())[method](path).set('Cookie', f.cookies.coordinator!).set(SAME_ORIGIN).send(body);
      const meeting = await coordinator('post', '/api/meetings', {
        kind: 'leadership',
        title: 'Chefssamråd Centrum',
        startsAt: new Date().toISOString(),
        place: 'Stadshuset',
        areaIds: [f.ids.centrum],
        organizationIds: [f.ids.orgs.polis, f.ids.orgs.bostader],
      });
      expect(meeting.status).toBe(201);
      meetingId = meeting.body.id;
      const item = (meeting.body.agenda as { id: string; caseId: string | null }[]).find((i) => i.caseId === caseId)!;
      const started = await coordinator('post', `/api/meetings/${meetingId}/events`, { type: 'START', version: 1 });
      expect(started.status).toBe(200);
      await coordinator('post', `/api/meetings/${meetingId}/decisions`, { version: 2, itemId: item.id, kind: 'agree', note: 'Beslutat' }).expect(200);
    });

    it('shows its details to the reporting organisation (the check can fail)', async () => {
      const own = await bodies('reporter');
      for (const key of ['list', 'listAll', 'listByPlace', 'listByOrganisation', 'listByTime', 'one', 'export', 'exportByPlace'] as const) {
        expect({ key, hasMarker: own[key].includes(MARKER) }).toEqual({ key, hasMarker: true });
      }
      // The audit trail keeps no free text (retention), but the place is there for the reporting organisation.
      expect(own.auditReport).toContain(placeId);
      // So is who filed it, in the report and in its audit trail.
      expect(JSON.parse(own.one)).toMatchObject({ detailsVisible: true, placeId, reporter: { id: filerId, name: filerName }, personalDataConfirmed: true });
      expect(JSON.parse(own.auditReport)[0]).toMatchObject({ action: 'report.create', actor: { id: filerId, name: filerName } });
      expect(own.listByPlace).toContain(reportId);
      expect(own.picture).toContain(placeId);
      // The joint action plan is one document for all partners: restricted places stay out of it for everyone,
      // so that its fingerprint is the same whoever downloads it.
      expect(own.areaPlan).not.toContain(placeName.slice(0, 12));
      expect(own.areaPlan).toContain('Mest rapporterade platser');
    });

    it.each(['admin', 'coordinator', 'analyst', 'commander'] as const)(
      'keeps its details and who filed it from %s of another organisation on every endpoint',
      async (who) => {
        const seen = await bodies(who);
        const leaks = Object.entries(seen)
          .filter(([, text]) => [MARKER, placeId, placeName.slice(0, 12), filerName, filerId].some((secret) => text.includes(secret)))
          .map(([key, text]) => `${key}: ${text.slice(0, 300)}`);
        expect(leaks).toEqual([]);
        // A filter by its place would tell where it was: it is left out of such lists and exports.
        expect(seen.listByPlace).not.toContain(reportId);
        expect(seen.exportByPlace).not.toContain('(begränsad)');
        // It still counts: the figures are there.
        expect(JSON.parse(seen.one)).toMatchObject({
          restricted: true,
          detailsVisible: false,
          description: null,
          placeId: null,
          latitude: null,
          reporter: null,
          personalDataConfirmed: false,
        });
        expect(JSON.parse(seen.picture).total.count).toBeGreaterThanOrEqual(2);
        // Its audit trail still says what happened and when, but not by whom.
        expect(JSON.parse(seen.auditReport)[0]).toMatchObject({ action: 'report.create', actor: null, actorWithheld: true, before: null, after: null });
      },
    );

    it('is not found at all by the outsider', async () => {
      const get = (path: string, query?: Record<string, string>) => perform({ method: 'GET' }, { path, query }, 'outsider');
      expect((await get(`/api/reports/${reportId}`)).status).toBe(404);
      expect((await get('/api/audit', { entityType: 'report', entityId: reportId })).status).toBe(404);
      for (const [path, query] of [
        ['/api/reports', {}],
        ['/api/reports', { placeId }],
        ['/api/reports/export.csv', {}],
        ['/api/cases', {}],
        ['/api/actions', {}],
        ['/api/meetings', {}],
        ['/api/areas', {}],
      ] as const) {
        const res = await get(path, query);
        expect({ path, status: res.status, leak: res.text.includes(MARKER) || res.text.includes(f.ids.centrum) }).toEqual({ path, status: 200, leak: false });
      }
    });
  });
});
