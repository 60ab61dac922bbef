import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it('answers client routes with index.html, never cached, and leaves API answers uncompressed', async () => {
    const page = await t.http().get('/arenden/123').set('Accept-Encoding', 'gzip');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<title>Samverka</title>');
    const api = await t.http().get('/api/health').set('Accept-Encoding', 'gzip');
    expect(api.headers['content-encoding']).toBeUndefined();
  });
});
