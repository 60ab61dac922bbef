import iconv from 'iconv-lite';
import type TestAgent from 'supertest/lib/agent';
import { ImportsService } from '../src/imports/imports.service';
import { startTestApp, TestApp } from './harness';

describe('CSV import of incidents', () => {
  let t: TestApp;
  let police: TestAgent;
  let norrbyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // The police commander's organisation imports; give the account the coordinator role for it.
    const admin = await t.signIn('admin@exempelstad.se');
    const users = (await admin.get('/api/users')).body as { id: string; email: string }[];
    await admin
      .patch(`/api/users/${users.find((u) => u.email === 'polischef@exempelstad.se')!.id}`)
      .send({ roles: ['commander', 'coordinator'] })
      .expect(200);
    police = await t.signIn('polischef@exempelstad.se');
    norrbyId = ((await police.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!.id;
  });
  afterAll(() => t.stop());

  const reportsOfPolice = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM reports r JOIN organizations o ON o.id = r.organization_id WHERE o.name = 'Lokalpolisområde Exempelstad'`,
      )
    )[0].n as number;

  /** Uploads a file and waits until the import has finished. */
  const runImport = async (content: Buffer | string, fields: Record<string, string> = {}, filename = 'händelser.csv') => {
    let req = police.post('/api/reports/import').attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), filename);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    const started = await req;
    if (started.status !== 202) return started;
    await t.app.get(ImportsService).idle();
    return police.get(`/api/imports/${started.body.id}`);
  };

  const GOOD = [
    'Händelse-id;Tidpunkt;Område;Plats;Kategori;Beskrivning;Bedömning',
    'P-1001;2026-10-02 21:30;Norrby;Norrby torg;Skadegörelse;Krossad ruta i busskuren;medel',
    'P-1002;2026-10-03 22:10;Norrby;Tvättstugan Norrbyvägen 6;Klotter;Klotter på väggen;låg',
    'P-1003;2026-10-04 01:15;Centrum;Stortorget;Stökiga grupper / samlingsplats;Ett tjugotal ungdomar, flaskor kastades;hög',
  ].join('\r\n');

  it('imports a Swedish semicolon file and says how many rows were imported', async () => {
    const before = await reportsOfPolice();
    const res = await runImport(GOOD);
    expect(res.body).toMatchObject({ status: 'completed', progress: 100, rowsRead: 3, importedRows: 3, duplicateRows: 0, rejectedCount: 0 });
    expect(await reportsOfPolice()).toBe(before + 3);
    const row = (
      await t.dataSource.query(
        `SELECT r.occurred_at, p.name, r.source, r.assessment FROM reports r JOIN places p ON p.id = r.place_id WHERE r.dedupe_key = 'ext:P-1001'`,
      )
    )[0];
    expect(row).toMatchObject({ name: 'Norrby torg', source: 'import', assessment: 'medium' });
    // 21:30 Swedish summer time is 19:30 UTC.
    expect(row.occurred_at.toISOString()).toBe('2026-10-02T19:30:00.000Z');
  });

  it('does not create duplicates when the same file is imported again', async () => {
    const before = await reportsOfPolice();
    const res = await runImport(GOOD);
    expect(res.body).toMatchObject({ status: 'completed', importedRows: 0, duplicateRows: 3 });
    expect(await reportsOfPolice()).toBe(before);
  });

  it('de-duplicates rows without an id by their content', async () => {
    const file = 'time,place,category,description\n2026-09-01T20:00:00+02:00,Norrby torg,littering,Soppor överallt\n';
    const first = await runImport(file, { areaId: norrbyId });
    expect(first.body).toMatchObject({ status: 'completed', importedRows: 1 });
    const again = await runImport(file, { areaId: norrbyId });
    expect(again.body).toMatchObject({ importedRows: 0, duplicateRows: 1 });
  });

  const MIXED = [
    'id;tid;område;plats;kategori;beskrivning',
    'M-1;2026-10-10 20:00;Norrby;Norrby torg;Skadegörelse;Sönderslagen lampa',
    'M-2;igår;Norrby;Norrby torg;Skadegörelse;Fel tid',
    'M-3;2026-10-10 20:00;Norrby;Månen;Skadegörelse;Okänd plats',
    'M-4;2026-10-10 20:00;Norrby;Norrby torg;Ufo;Okänd kategori',
    'M-5;2026-10-10 20:00;Norrby;Norrby torg;Hot eller våld;Mannen 811218-9876 hotade personal',
    'M-6;2026-10-11 20:00;Norrby;Norrby torg;Nedskräpning;Mycket skräp',
  ].join('\n');

  it('is all-or-nothing by default: one bad row and nothing is imported, every bad row listed with its line', async () => {
    const before = await reportsOfPolice();
    const res = await runImport(MIXED);
    expect(res.body.status).toBe('failed');
    expect(res.body).toMatchObject({ rowsRead: 6, importedRows: 0, rejectedCount: 4 });
    expect(res.body.error).toMatch(/nothing was imported/);
    expect(res.body.rejected.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
      [3, 'occurredAt'],
      [4, 'place'],
      [5, 'category'],
      [6, 'description'],
    ]);
    expect(await reportsOfPolice()).toBe(before);
  });

  it('imports the valid rows only when asked to', async () => {
    const before = await reportsOfPolice();
    const res = await runImport(MIXED, { mode: 'valid_only' });
    expect(res.body).toMatchObject({ status: 'completed', importedRows: 2, rejectedCount: 4 });
    expect(await reportsOfPolice()).toBe(before + 2);
  });

  it('reads a Windows-1252 file (Excel on Swedish Windows) with å, ä, ö intact', async () => {
    const text =
      'Händelse-id;Tidpunkt;Område;Plats;Kategori;Beskrivning\r\nW-1;2026-10-12 19:00;Söderdal;Söderdals centrum;Nedskräpning;Skräp vid återvinningen, även på gården\r\n';
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(Buffer.from('å', 'utf8'))).toBe(false);
    const res = await runImport(bytes);
    expect(res.body).toMatchObject({ status: 'completed', importedRows: 1 });
    const row = (await t.dataSource.query(`SELECT description FROM reports WHERE dedupe_key = 'ext:W-1'`))[0];
    expect(row.description).toBe('Skräp vid återvinningen, även på gården');
  });

  it('refuses a file without the needed columns, or that is no CSV, with 422 naming the file field', async () => {
    const noColumns = await police.post('/api/reports/import').attach('file', Buffer.from('a;b\n1;2\n'), 'x.csv');
    expect(noColumns.status).toBe(422);
    expect(noColumns.body.field).toBe('file');
    expect(noColumns.body.message).toMatch(/no column for: time/);
    const notCsv = await police.post('/api/reports/import').attach('file', Buffer.from('%PDF-1.7'), 'plan.pdf');
    expect({ status: notCsv.status, field: notCsv.body.field }).toEqual({ status: 422, field: 'file' });
    const none = await police.post('/api/reports/import').field('mode', 'valid_only');
    expect({ status: none.status, field: none.body.field }).toEqual({ status: 422, field: 'file' });
  });

  it('keeps control characters out of the stored file name (a NUL would not fit in PostgreSQL)', async () => {
    // RFC 5987 lets a client percent-encode any byte in the part's file name, a NUL included.
    const boundary = 'samverka-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''h%C3%A4n%00del%07ser.csv\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(GOOD.replace(/P-100/g, 'N-100'), 'utf8'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const started = await police.post('/api/reports/import').set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
    expect(started.status).toBe(202);
    await t.app.get(ImportsService).idle();
    const res = await police.get(`/api/imports/${started.body.id}`);
    expect(res.body).toMatchObject({ status: 'completed', filename: 'händelser.csv' });
  });

  it('runs at most four imports at once per process and asks the fifth to come back (429 with Retry-After)', async () => {
    const running = t.app.get<ImportsService, { running: Set<Promise<void>> }>(ImportsService).running;
    const busy = Array.from({ length: 4 }, () => new Promise<void>(() => undefined));
    busy.forEach((p) => running.add(p));
    try {
      const res = await police.post('/api/reports/import').attach('file', Buffer.from(GOOD, 'utf8'), 'händelser.csv');
      expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({ status: 429, code: 'IMPORT.BUSY', field: 'file' });
      expect(res.headers['retry-after']).toBe('30');
    } finally {
      busy.forEach((p) => running.delete(p));
    }
  });

  it('fails a malformed CSV as a whole, importing nothing', async () => {
    const before = await reportsOfPolice();
    const res = await runImport('id;tid;område;plats;kategori;beskrivning\nQ-1;2026-10-10 20:00;Norrby;Norrby torg;Klotter;"ett citat som aldrig slutar\n');
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toMatch(/could not be read/);
    expect(await reportsOfPolice()).toBe(before);
  });

  it('is only for coordinators and analysts, and only shows an organisation its own imports', async () => {
    const reporter = await t.signIn('rapportor@exempelbostader.se');
    expect((await reporter.post('/api/reports/import').attach('file', Buffer.from(GOOD), 'x.csv')).status).toBe(403);
    const started = await police.post('/api/reports/import').attach('file', Buffer.from(GOOD), 'x.csv');
    await t.app.get(ImportsService).idle();
    const municipality = await t.signIn('samordnare@exempelstad.se');
    expect((await municipality.get(`/api/imports/${started.body.id}`)).status).toBe(404);
  });
  describe("a partner organisation's export", () => {
    const orgId = async (name: string) => (await t.dataSource.query('SELECT id FROM organizations WHERE name = $1', [name]))[0].id as string;
    const BOSTADER = [
      'Händelse-id;Tidpunkt;Område;Plats;Kategori;Beskrivning',
      'B-1;2026-10-05 20:00;Norrby;Norrby torg;Klotter;Klotter i trapphuset',
      'B-2;2026-10-06 20:00;Söderdal;Söderdals centrum;Klotter;Klotter vid entrén',
    ].join('\r\n');

    it('is credited to the organisation the coordinator chooses, only in areas it takes part in, and audited', async () => {
      const bostader = await orgId('Exempelbostäder AB');
      const res = await runImport(BOSTADER, { sourceOrganizationId: bostader, mode: 'valid_only' });
      expect(res.body).toMatchObject({ status: 'completed', sourceOrganizationId: bostader, importedRows: 1, rejectedCount: 1 });
      // Exempelbostäder takes no part in Söderdal: its export cannot put reports there.
      expect(res.body.rejected).toEqual([expect.objectContaining({ line: 3, field: 'area', code: 'area.unknown', value: 'Söderdal' })]);
      const [row] = await t.dataSource.query(
        `SELECT o.name, r.reporter_id FROM reports r JOIN organizations o ON o.id = r.organization_id WHERE r.import_id = $1`,
        [res.body.id],
      );
      expect(row.name).toBe('Exempelbostäder AB');
      const [audit] = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'import.complete' AND entity_id = $1`, [res.body.id]);
      expect(audit.after).toMatchObject({ sourceOrganizationId: bostader, importedRows: 1 });
    });

    it("refuses an organisation outside the chosen area's partnership with 422 naming sourceOrganizationId", async () => {
      const centrum = await orgId('Norrby Centrum');
      const soderdal = ((await police.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Söderdal')!.id;
      const res = await police
        .post('/api/reports/import')
        .attach('file', Buffer.from(BOSTADER, 'utf8'), 'n.csv')
        .field('sourceOrganizationId', centrum)
        .field('areaId', soderdal);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 422, field: 'sourceOrganizationId' });
      const unknown = await police
        .post('/api/reports/import')
        .attach('file', Buffer.from(BOSTADER, 'utf8'), 'n.csv')
        .field('sourceOrganizationId', '00000000-0000-4000-8000-000000000000');
      expect({ status: unknown.status, field: unknown.body.field }).toEqual({ status: 422, field: 'sourceOrganizationId' });
      const bad = await police.post('/api/reports/import').attach('file', Buffer.from(BOSTADER, 'utf8'), 'n.csv').field('sourceOrganizationId', 'bostäder');
      expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'sourceOrganizationId' });
    });

    it('lets only a coordinator credit an import to another organisation (an analyst gets 403)', async () => {
      const analyst = await t.signIn('analytiker@exempelstad.se');
      const res = await analyst
        .post('/api/reports/import')
        .attach('file', Buffer.from(BOSTADER, 'utf8'), 'n.csv')
        .field('sourceOrganizationId', await orgId('Exempelbostäder AB'));
      expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({
        status: 403,
        code: 'IMPORT.SOURCE_FORBIDDEN',
        field: 'sourceOrganizationId',
      });
      const own = await analyst
        .post('/api/reports/import')
        .attach('file', Buffer.from(BOSTADER.replace(/B-/g, 'A-'), 'utf8'), 'n.csv')
        .field('sourceOrganizationId', await orgId('Exempelstad kommun'));
      expect(own.status).toBe(202);
      await t.app.get(ImportsService).idle();
    });
  });
});
