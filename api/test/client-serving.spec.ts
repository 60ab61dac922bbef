import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './harness';

// The API serves the built client on the same port: compressed, cached by content hash, index.html for client routes.
describe('serving the client', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'samverka-client-'));
  const bundle = `/* the client */\n${'export const label = "Lägesbild";\n'.repeat(400)}`;

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="sv"><title>Samverka</title><script src="main-ABCD1234.js"></script></html>');
    writeFileSync(join(dir, 'main-ABCD1234.js'), bundle);
    t = await startTestApp({ CLIENT_DIR: dir });
  });
  afterAll(() => t.stop());

  it('sends the JavaScript gzipped to a browser that accepts it, and lets it be cached for good (its name is its hash)', async () => {
    const res = await t.http().get('/main-ABCD1234.js').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(bundle); // supertest unzips: the content is intact
    const plain = await t.http().get('/main-ABCD1234.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(bundle));
  });

  it('answers client routes with index.html, never cached', async () => {
    const page = await t.http().get('/arenden/123').set('Accept-Encoding', 'gzip');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<title>Samverka</title>');
  });

  it("answers /robots.txt as plain text that keeps every crawler out (not the app's HTML)", async () => {
    const res = await t.http().get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('User-agent: *\nDisallow: /\n');
  });

  it("compresses the API's JSON (gzip or brotli, as accepted) but never an event stream", async () => {
    const coordinator = await t.signIn('samordnare@exempelstad.se');
    // The OpenAPI document: JSON of some hundred kilobytes.
    const gz = await coordinator.get('/api/docs-json').set('Accept-Encoding', 'gzip');
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.paths['/api/auth/session']).toBeDefined(); // supertest unzips: the JSON is intact
    const br = await coordinator.get('/api/docs-json').set('Accept-Encoding', 'br');
    expect(br.headers['content-encoding']).toBe('br');

    const areaId = ((await coordinator.get('/api/areas')).body as { id: string }[])[0].id;
    const orgs = (await coordinator.get('/api/organizations')).body as { id: string }[];
    const meeting = await coordinator.post('/api/meetings').send({
      kind: 'leadership',
      title: 'Chefssamråd',
      startsAt: '2026-12-20T13:00:00+01:00',
      place: 'Stadshuset',
      areaIds: [areaId],
      organizationIds: [orgs[0].id],
      participants: [{ name: 'Sara Samordnare', organizationId: orgs[0].id }],
    });
    expect(meeting.status).toBe(201);
    const login = await t.http().post('/api/auth/login').send({ email: 'samordnare@exempelstad.se', password: 'est-demo-2026' });
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const server = t.app.getHttpServer();
    if (!server.listening) server.listen(0);
    const { port } = server.address() as AddressInfo;
    // The first event must arrive as it is written: a compressor would hold it in its buffer.
    const first = await new Promise<{ encoding: string | undefined; type: string | undefined; chunk: string }>((resolve, reject) => {
      const req = http.get(
        `http://127.0.0.1:${port}/api/meetings/${meeting.body.id}/stream`,
        { headers: { Cookie: cookie, Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, br' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (!text.includes('data: ')) return;
            resolve({ encoding: res.headers['content-encoding'], type: res.headers['content-type'], chunk: text });
            req.destroy();
          });
        },
      );
      req.on('error', reject);
    });
    expect(first.type).toMatch(/^text\/event-stream/);
    expect(first.encoding).toBeUndefined();
    expect(first.chunk).toContain('event: meeting');
  });
});
