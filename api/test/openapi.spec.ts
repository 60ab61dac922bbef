import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ImportsService } from '../src/imports/imports.service';
import { MATRIX, PRINCIPALS, type Call, type Entry, type Fixtures, type Principal } from './authz-matrix';
import { buildFixtures } from './authz/fixtures';
import { SAME_ORIGIN, startTestApp, type TestApp } from './harness';

interface Answer {
  status: number;
  contentType: string;
  /** The parsed JSON body, or undefined for another content type or no body. */
  json: unknown;
  text: string;
}

type Responses = Record<string, { content?: Record<string, { schema?: object }> }>;
interface Operation {
  responses: Responses;
}

/**
 * The OpenAPI document describes what the API really sends. For every endpoint, every call of the access table
 * (authz-matrix.ts: each variant as each principal, successes and refusals) is made against the real API on a fresh
 * demo database, and the answer is checked against the document: its status is documented, its content type is the
 * documented one, and a JSON body is valid against the documented schema (JSON Schema 2020-12 as OpenAPI 3.1 has it;
 * the schemas of contracts/ are closed: a property the contract does not name fails). The schemas are generated from
 * the contract types (scripts/contract-schemas.mjs), so the types the client reads are the ones checked here.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let f: Fixtures & { cookies: Record<Principal, string | null> };
  let port: number;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validators = new Map<object, ValidateFunction>();
  /** Per endpoint: whether a successful JSON answer held a non-empty list (so that the item schema was exercised). */
  const listSeen = new Map<string, boolean>();

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    f = await buildFixtures(t);
    const res = await request(server).get('/api/docs-json').set('Cookie', f.cookies.reporter!).set(SAME_ORIGIN);
    expect(res.status).toBe(200);
    doc = res.body;
    // The document's schemas refer to each other as #/components/schemas/…: registered once under one id.
    ajv.addSchema({ $id: 'openapi.json', components: doc.components });
  }, 180_000);
  afterAll(() => t?.stop());

  const validatorOf = (schema: object): ValidateFunction => {
    let v = validators.get(schema);
    if (!v) {
      v = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
      validators.set(schema, v);
    }
    return v;
  };

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })),
    );

  it('describes the success answer of every endpoint with its schema, and the error envelope', () => {
    const ops = operations();
    expect(doc.openapi).toBe('3.1.0');
    expect(ops.length).toBe(MATRIX.length);
    const problems: string[] = [];
    for (const { key, op } of ops) {
      const success = Object.entries(op.responses).filter(([s]) => /^2\d\d$/.test(s));
      if (!success.length) problems.push(`${key}: no success answer`);
      for (const [status, r] of success) {
        const media = Object.values(r.content ?? {});
        if (status !== '204' && (!media.length || media.some((m) => !m.schema))) problems.push(`${key}: ${status} without a schema`);
      }
      for (const range of ['4XX', '5XX']) {
        if (JSON.stringify(op.responses[range]?.content?.['application/json']?.schema) !== JSON.stringify({ $ref: '#/components/schemas/ApiError' }))
          problems.push(`${key}: ${range} is not the ApiError envelope`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is the committed api/openapi.json, against which the client is checked (OPENAPI_WRITE=1 rewrites it)', () => {
    const file = join(__dirname, '../openapi.json');
    if (process.env.OPENAPI_WRITE === '1') writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(doc);
  });

  it('closes the contract schemas: every object names its properties, and the required ones', () => {
    const open: string[] = [];
    const walk = (s: unknown, at: string) => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      const types = ([] as unknown[]).concat(o.type ?? []);
      if (types.includes('object') && o.additionalProperties !== false && !(o.properties && Object.keys(o.properties).length === 0)) open.push(at);
      for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
    };
    for (const name of ['CaseDto', 'ReportDto', 'MeetingDto', 'ApiError', 'SituationPictureDto', 'UserDto']) walk(doc.components.schemas[name], name);
    expect(open).toEqual([]);
    expect(doc.components.schemas.ReportDto).toMatchObject({
      additionalProperties: false,
      required: expect.arrayContaining(['id', 'detailsVisible', 'description']),
    });
  });

  it('refuses a body with a property the contract does not name, or without one it requires (the check can fail)', async () => {
    const res = await request(t.app.getHttpServer()).get(`/api/reports/${f.shared.reportId}`).set('Cookie', f.cookies.reporter!).set(SAME_ORIGIN);
    expect(res.status).toBe(200);
    const validate = validatorOf(doc.paths['/api/reports/{id}'].get.responses['200'].content!['application/json'].schema!);
    expect(validate(res.body)).toBe(true);
    expect(validate({ ...res.body, passwordHash: 'x' })).toBe(false);
    const { detailsVisible: _omitted, ...withoutOne } = res.body as Record<string, unknown>;
    expect(validate(withoutOne)).toBe(false);
    expect(validate({ ...res.body, assessment: 'extreme' })).toBe(false);
    expect(validate({ ...res.body, organization: { ...res.body.organization, email: 'x@y.se' } })).toBe(false);
  });

  it('describes the refusals that carry more than the envelope: personal data (422 with hits), a stale version (409)', async () => {
    const agent = (who: Principal) => ({
      post: (path: string, body: object) => request(t.app.getHttpServer()).post(path).set('Cookie', f.cookies[who]!).set(SAME_ORIGIN).send(body),
    });
    const refused = await agent('reporter').post('/api/reports', {
      areaId: f.ids.centrum,
      categoryId: f.ids.categoryId,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      assessment: 'low',
      policeNotified: false,
      description: 'Ring 070-123 45 67 om det händer igen',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'REPORT.PERSONAL_DATA', hits: [{ kind: 'phone_number' }] });
    expect(
      mismatch(MATRIX[0], doc.paths['/api/reports'].post, {
        status: 422,
        contentType: 'application/json',
        json: refused.body,
        text: JSON.stringify(refused.body),
      }),
    ).toBeNull();
    // Without its documented 422, the hits would not fit the closed ApiError envelope.
    expect(validatorOf({ $ref: '#/components/schemas/ApiError' })(refused.body)).toBe(false);

    const c = await f.newCase();
    const stale = await agent('analyst').post(`/api/cases/${c.id}/events`, { type: 'START_ANALYSIS', version: c.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CASE.STALE_VERSION', currentVersion: c.version });
    expect(
      mismatch(MATRIX[0], doc.paths['/api/cases/{id}/events'].post, { status: 409, contentType: 'application/json', json: stale.body, text: '' }),
    ).toBeNull();
  });

  it('describes the refusals of a walk’s photos and findings: the envelope (the file named in the message), and personal data with its hits', async () => {
    const w = await f.newWalk('in_progress');
    const op = doc.paths['/api/walks/{id}/findings/{findingId}/photos'].post;
    const upload = (name: string, bytes: Buffer) =>
      request(t.app.getHttpServer())
        .post(`/api/walks/${w.id}/findings/${w.findingId}/photos`)
        .set('Cookie', f.cookies.coordinator!)
        .set(SAME_ORIGIN)
        .field('confirmNoFaces', 'true')
        .attach('photo', bytes, { filename: name, contentType: 'image/jpeg' });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADklEQVQImWPoAAMGCAUALK4GYSSeFPoAAAAASUVORK5CYII=',
      'base64',
    );
    const refusals = [
      [415, 'PHOTO.UNSUPPORTED_TYPE', await upload('anteckning.jpg', Buffer.from('inte en bild'))],
      [422, 'PHOTO.CORRUPT', await upload('trasig.png', png.subarray(0, 40))],
    ] as const;
    for (const [status, code, res] of refusals) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.message).toContain(res.body.code === 'PHOTO.CORRUPT' ? 'trasig.png' : 'anteckning.jpg');
      expect(
        mismatch(MATRIX[0], op, { status: res.status, contentType: res.headers['content-type'], json: res.body, text: JSON.stringify(res.body) }),
      ).toBeNull();
    }
    // A property the envelope does not name (as the photo refusals once sent: the file, the decoder's words) fails.
    expect(validatorOf({ $ref: '#/components/schemas/ApiError' })({ ...refusals[1][2].body, file: 'trasig.png' })).toBe(false);

    const finding = await request(t.app.getHttpServer())
      .post(`/api/walks/${w.id}/findings`)
      .set('Cookie', f.cookies.coordinator!)
      .set(SAME_ORIGIN)
      .send({ latitude: 59.2745, longitude: 15.206, checklistItemKey: 'help', description: 'Ring 070-123 45 67 om lampan', severity: 'low' });
    expect(finding.status).toBe(422);
    expect(finding.body).toMatchObject({ code: 'REPORT.PERSONAL_DATA', hits: [{ kind: 'phone_number' }] });
    expect(
      mismatch(MATRIX[0], doc.paths['/api/walks/{id}/findings'].post, { status: 422, contentType: 'application/json', json: finding.body, text: '' }),
    ).toBeNull();
  });

  /** Server-sent events: the status, content type and the first event; then the connection is closed. */
  const sse = (path: string, cookie: string | null): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...(cookie ? { Cookie: cookie } : {}) } }, (res) => {
        let text = '';
        const contentType = String(res.headers['content-type'] ?? '');
        const done = () => {
          req.destroy();
          let json: unknown;
          if (contentType.startsWith('application/json')) json = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, contentType, json, text });
        };
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
          if (contentType.startsWith('text/event-stream') && text.includes('\n\n')) done();
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

  const perform = async (entry: Entry, call: Call, who: Principal): Promise<Answer> => {
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
    const res = await req.buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const contentType = String(res.headers['content-type'] ?? '');
    const text = (res.body as Buffer).toString('utf8');
    if (call.renewSession && who !== 'anonymous') f.cookies[who] = await f.signInFresh(who);
    return { status: res.status, contentType, json: contentType.startsWith('application/json') && text ? JSON.parse(text) : undefined, text };
  };

  /** What is wrong with an answer as the document describes the operation (nothing: null). */
  const mismatch = (entry: Entry, op: Operation, answer: Answer): string | null => {
    const documented = op.responses[String(answer.status)] ?? op.responses[`${String(answer.status)[0]}XX`];
    if (!documented) return `status ${answer.status} is not documented (${Object.keys(op.responses).join(', ')})`;
    const media = Object.entries(documented.content ?? {});
    if (!media.length) return answer.text === '' ? null : `status ${answer.status} is documented without a body, but one came: ${answer.text.slice(0, 100)}`;
    const match = media.find(([type]) => answer.contentType.split(';')[0].trim() === type.split(';')[0].trim());
    if (!match) return `content type ${answer.contentType} is not the documented ${media.map(([m]) => m).join(', ')}`;
    if (!match[0].startsWith('application/json')) return null;
    const validate = validatorOf(match[1].schema!);
    if (validate(answer.json)) {
      if (answer.status < 300) {
        const key = `${entry.method} ${entry.path}`;
        const items = Array.isArray(answer.json) ? answer.json : (answer.json as { items?: unknown })?.items;
        if (Array.isArray(items)) listSeen.set(key, (listSeen.get(key) ?? false) || items.length > 0);
      }
      return null;
    }
    return `body does not fit the documented schema: ${ajv.errorsText(validate.errors, { separator: '; ' })} in ${answer.text.slice(0, 200)}`;
  };

  /** Makes every call of the entry (each variant as each principal) and checks each answer against the document. */
  const check = async (entry: Entry): Promise<{ problems: string[]; successes: number }> => {
    const op = doc.paths[entry.path]?.[entry.method.toLowerCase()];
    if (!op) return { problems: ['not in the document'], successes: 0 };
    const problems: string[] = [];
    let successes = 0;
    for (const variant of entry.variants) {
      for (const who of PRINCIPALS) {
        const answer = await perform(entry, await variant.call(f, who), who);
        await t.app.get(ImportsService).idle();
        if (answer.status < 300) successes++;
        const problem = mismatch(entry, op, answer);
        if (problem) problems.push(`${variant.name ? `[${variant.name}] ` : ''}${who} (${answer.status}): ${problem}`);
      }
    }
    return { problems, successes };
  };

  it.each(MATRIX.map((e) => [`${e.method} ${e.path}`, e] as const))('%s answers as the document says, for every principal', async (_name, entry) => {
    const { problems, successes } = await check(entry);
    expect(problems).toEqual([]);
    // Every endpoint was checked with at least one success, not only with refusals.
    expect(successes).toBeGreaterThan(0);
  });

  it('saw a non-empty list from every list endpoint (the item schemas were exercised)', async () => {
    // A list read before the calls that fill it (the levels before a level is set) is read again now.
    for (const [key] of [...listSeen].filter(([, seen]) => !seen))
      expect((await check(MATRIX.find((e) => `${e.method} ${e.path}` === key)!)).problems).toEqual([]);
    expect([...listSeen].filter(([, seen]) => !seen).map(([key]) => key)).toEqual([]);
    expect(listSeen.size).toBeGreaterThan(10);
  });
});
