import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import sharp from 'sharp';
import type TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from './harness';
import { MAX_ACTIONS_PER_CASE } from '@samverka/contracts';

/** A JPEG as a phone writes it: EXIF with GPS position, camera and owner. */
async function phoneJpeg(width = 3000, height = 2000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'Fabrikam', Model: 'Phone 12', Artist: 'Ägaren Själv', Copyright: 'Ägaren Själv' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 16/1 2667/100', GPSLongitudeRef: 'E', GPSLongitude: '15/1 12/1 2376/100' },
    })
    .toBuffer();
}

const binaryParser = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('safety walks: planning, recording, photos, settlement', () => {
  let t: TestApp;
  let coordinator: TestAgent;
  let analyst: TestAgent;
  let caretaker: TestAgent;
  let police: TestAgent;
  let admin: TestAgent;
  let housingChief: TestAgent;
  let centrumId: string;
  let orgs: Record<string, string>;
  let places: { id: string; name: string }[];
  let checklistId: string;
  const route = {
    type: 'LineString',
    coordinates: [
      [15.2066, 59.2741],
      [15.2045, 59.276],
      [15.2012, 59.2775],
    ],
  };

  const plan = (over: object = {}) => ({
    areaId: centrumId,
    title: 'Trygghetsvandring Resecentrum',
    startsAt: '2026-11-24T18:00:00+01:00',
    meetingPoint: 'Stortorget, vid fontänen',
    route,
    invitedOrganizationIds: [orgs['Exempelbostäder AB']],
    participantCounts: { residents: 6, public_transport: 1 },
    checklistTemplateId: checklistId,
    ...over,
  });
  const finding = (over: object = {}) => ({
    latitude: 59.2745,
    longitude: 15.206,
    checklistItemKey: 'lighting',
    description: 'Två trasiga lampor i gångtunneln',
    severity: 'high',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, analyst, caretaker, police, admin, housingChief] = await Promise.all(
      [
        'samordnare@exempelstad.se',
        'analytiker@exempelstad.se',
        'rapportor@exempelbostader.se',
        'polischef@exempelstad.se',
        'admin@exempelstad.se',
        'sakerhetschef@exempelbostader.se',
      ].map((e) => t.signIn(e)),
    );
    const areas = (await coordinator.get('/api/areas')).body as { id: string; name: string }[];
    centrumId = areas.find((a) => a.name === 'Centrum')!.id;
    places = (await coordinator.get(`/api/areas/${centrumId}`)).body.places;
    orgs = Object.fromEntries(((await coordinator.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const lists = (await caretaker.get('/api/walk-checklists').expect(200)).body as {
      id: string;
      isDefault: boolean;
      items: { key: string; labelSv: string; labelEn: string }[];
    }[];
    const def = lists.find((l) => l.isDefault)!;
    checklistId = def.id;
    expect(def.items.map((i) => i.key)).toEqual(['lighting', 'sight_lines', 'litter_graffiti', 'vegetation_paths', 'wayfinding', 'help', 'feeling']);
    expect(def.items[0].labelSv).toMatch(/Belysning/);
    expect(def.items[0].labelEn).toMatch(/Lighting/);
  });
  afterAll(() => t?.stop());

  it('plans a walk with route, invited organisations and counts (never names), edits it while planned, and audits both', async () => {
    const w = (await coordinator.post('/api/walks').send(plan()).expect(201)).body;
    expect(w).toMatchObject({
      state: 'planned',
      version: 1,
      route,
      participantCounts: { residents: 6, public_transport: 1 },
      invitedOrganizations: [{ name: 'Exempelbostäder AB' }],
      allowedEvents: ['START', 'CANCEL'],
      detailsVisible: true,
    });
    expect(w.checklist).toHaveLength(7);
    const edited = (
      await coordinator
        .patch(`/api/walks/${w.id}`)
        .send({ version: 1, meetingPoint: 'Resecentrum, huvudentrén', participantCounts: { residents: 8, names: 1 } })
        .expect(422)
    ).body;
    expect(edited).toMatchObject({ field: 'participantCounts.names' });
    const ok = (await coordinator.patch(`/api/walks/${w.id}`).send({ version: 1, meetingPoint: 'Resecentrum, huvudentrén' }).expect(200)).body;
    expect(ok).toMatchObject({ version: 2, meetingPoint: 'Resecentrum, huvudentrén' });
    await coordinator.patch(`/api/walks/${w.id}`).send({ version: 1, title: 'Gammal version' }).expect(409);
    const trail = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [w.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['walk.create', 'walk.edit']);
    // Refusals name the field.
    expect(
      (
        await coordinator
          .post('/api/walks')
          .send(
            plan({
              route: {
                type: 'LineString',
                coordinates: [
                  [15.2, 59.27],
                  [200, 59],
                ],
              },
            }),
          )
          .expect(422)
      ).body.field,
    ).toBe('route.coordinates[1]');
    expect(
      (
        await coordinator
          .post('/api/walks')
          .send(plan({ invitedOrganizationIds: [orgs['Norrby Centrum']] }))
          .expect(422)
      ).body.field,
    ).toBe('invitedOrganizationIds');
    expect((await caretaker.post('/api/walks').send(plan()).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
  });

  it('records findings offline-safe: the same Idempotency-Key stores a finding once; only invited organisations record', async () => {
    const w = (await coordinator.post('/api/walks').send(plan()).expect(201)).body;
    await caretaker.post(`/api/walks/${w.id}/findings`).send(finding()).expect(409);
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    const key = 'offline-finding-1f6b2c';
    const first = await caretaker
      .post(`/api/walks/${w.id}/findings`)
      .set('Idempotency-Key', key)
      .send(finding({ recordedAt: '2026-11-24T18:20:00+01:00' }))
      .expect(201);
    const again = await caretaker
      .post(`/api/walks/${w.id}/findings`)
      .set('Idempotency-Key', key)
      .send(finding({ recordedAt: '2026-11-24T18:20:00+01:00' }))
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM walk_findings WHERE walk_id = $1', [w.id]);
    expect(n).toBe(1);
    expect(first.body).toMatchObject({
      severity: 'high',
      checklistItemKey: 'lighting',
      recordedAt: '2026-11-24T17:20:00.000Z',
      recordedBy: { organizationName: 'Exempelbostäder AB' },
      editable: true,
      settlement: null,
    });
    // The police takes part in Centrum but was not invited: its commander does not record.
    expect((await police.post(`/api/walks/${w.id}/findings`).send(finding()).expect(403)).body.code).toBe('WALK.EVENT_FORBIDDEN');
    // Personal data in the description is refused unless confirmed, as for reports.
    const pd = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ description: 'Ring Kalle på 070-123 45 67' }))
        .expect(422)
    ).body;
    expect(pd).toMatchObject({ code: 'REPORT.PERSONAL_DATA', field: 'description' });
    expect(
      (
        await caretaker
          .post(`/api/walks/${w.id}/findings`)
          .send(finding({ latitude: null, longitude: null }))
          .expect(422)
      ).body.field,
    ).toBe('latitude');
    expect(
      (
        await caretaker
          .post(`/api/walks/${w.id}/findings`)
          .send(finding({ checklistItemKey: 'nope' }))
          .expect(422)
      ).body.field,
    ).toBe('checklistItemKey');
    // A stop's checklist answers.
    const answered = (
      await caretaker
        .put(`/api/walks/${w.id}/checklist-answers`)
        .send({
          stop: 1,
          label: 'Gångtunneln',
          answers: [
            { itemKey: 'lighting', answer: 'poor', comment: 'Mörkt' },
            { itemKey: 'feeling', answer: 'acceptable' },
          ],
        })
        .expect(200)
    ).body;
    expect(answered.stops).toEqual([
      {
        stop: 1,
        label: 'Gångtunneln',
        answers: [
          { itemKey: 'lighting', answer: 'poor', comment: 'Mörkt' },
          { itemKey: 'feeling', answer: 'acceptable', comment: null },
        ],
      },
    ]);
    expect(
      (
        await caretaker
          .put(`/api/walks/${w.id}/checklist-answers`)
          .send({ stop: 2, label: 'x', answers: [{ itemKey: 'bogus', answer: 'good' }] })
          .expect(422)
      ).body.field,
    ).toBe('answers[0].itemKey');
  });

  it('the recorder alone edits or deletes a finding, and only while the walk is in progress', async () => {
    const w = (await coordinator.post('/api/walks').send(plan()).expect(201)).body;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    const f = (await caretaker.post(`/api/walks/${w.id}/findings`).send(finding()).expect(201)).body;
    const g = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ description: 'Klotter på busskuren' }))
        .expect(201)
    ).body;
    expect((await coordinator.patch(`/api/walks/${w.id}/findings/${f.id}`).send({ severity: 'low' }).expect(403)).body.code).toBe('WALK.NOT_YOUR_FINDING');
    expect((await caretaker.patch(`/api/walks/${w.id}/findings/${f.id}`).send({ severity: 'medium', placeId: places[1].id }).expect(200)).body).toMatchObject({
      severity: 'medium',
      placeName: places[1].name,
    });
    await caretaker.delete(`/api/walks/${w.id}/findings/${g.id}`).expect(204);
    const v = (await coordinator.get(`/api/walks/${w.id}`)).body.version;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'FINISH', version: v }).expect(200);
    expect((await caretaker.patch(`/api/walks/${w.id}/findings/${f.id}`).send({ severity: 'low' }).expect(409)).body.code).toBe('WALK.TRANSITION_NOT_ALLOWED');
    // A finding recorded offline during the walk still arrives after it has been finished.
    await caretaker
      .post(`/api/walks/${w.id}/findings`)
      .send(finding({ description: 'Sent offline' }))
      .expect(201);
    const after = (await caretaker.get(`/api/walks/${w.id}`)).body;
    expect(after.findings.map((x: { description: string }) => x.description)).toEqual(['Två trasiga lampor i gångtunneln', 'Sent offline']);
    expect(after.findings.every((x: { editable: boolean }) => !x.editable)).toBe(true);
  });

  describe('photos', () => {
    let walkId: string;
    let findingId: string;
    beforeAll(async () => {
      walkId = (await coordinator.post('/api/walks').send(plan()).expect(201)).body.id;
      await coordinator.post(`/api/walks/${walkId}/events`).send({ type: 'START', version: 1 }).expect(200);
      findingId = (await caretaker.post(`/api/walks/${walkId}/findings`).send(finding()).expect(201)).body.id;
    });

    it('stores a re-encoded JPEG of at most 2000 px and a thumbnail, with every metadata (GPS, camera, owner) gone', async () => {
      const original = await phoneJpeg();
      const meta = await sharp(original).metadata();
      expect(meta.exif).toBeDefined();
      expect(meta.exif!.includes(Buffer.from('Fabrikam'))).toBe(true);
      const p = (
        await caretaker
          .post(`/api/walks/${walkId}/findings/${findingId}/photos`)
          .field('confirmNoFaces', 'true')
          .attach('photo', original, { filename: 'IMG_0001.jpg', contentType: 'image/jpeg' })
          .expect(201)
      ).body;
      expect(p).toMatchObject({ width: 2000, height: 1333, findingId });
      // What PostgreSQL holds: no EXIF, XMP, IPTC or ICC, and none of the original's bytes of GPS or owner.
      const [stored] = await t.dataSource.query(
        'SELECT d.image, d.thumbnail FROM walk_photos p JOIN walk_photo_data d ON p.storage_key = $2 || d.id::text WHERE p.id = $1',
        [p.id, 'pg:'],
      );
      for (const img of [stored.image as Buffer, stored.thumbnail as Buffer]) {
        const m = await sharp(img).metadata();
        expect(m.format).toBe('jpeg');
        expect(m.exif).toBeUndefined();
        expect(m.xmp).toBeUndefined();
        expect(m.iptc).toBeUndefined();
        expect(m.icc).toBeUndefined();
        expect(img.includes(Buffer.from('Fabrikam'))).toBe(false);
        expect(img.includes(Buffer.from('GPS'))).toBe(false);
      }
      expect((await sharp(stored.thumbnail).metadata()).width).toBe(320);
      // Served as stored, to those who see the walk.
      const served = await caretaker.get(p.url).buffer(true).parse(binaryParser).expect(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(served.body as Buffer, stored.image)).toBe(0);
      expect((await sharp((await police.get(p.thumbnailUrl).buffer(true).parse(binaryParser).expect(200)).body).metadata()).exif).toBeUndefined();
      const audit = await t.dataSource.query(
        `SELECT after->>'change' AS change FROM audit_entries WHERE entity_id = $1 AND action = 'walk.record' ORDER BY id`,
        [walkId],
      );
      expect(audit.map((r: { change: string }) => r.change)).toEqual(['finding.add', 'photo.add']);
    });

    it('refuses without the no-faces confirmation, and refuses wrong type, HEIC, corrupt and oversized files naming the file', async () => {
      const jpeg = await phoneJpeg(400, 300);
      const up = (name: string, bytes: Buffer, confirm: string | null = 'true') => {
        const r = caretaker.post(`/api/walks/${walkId}/findings/${findingId}/photos`);
        if (confirm !== null) r.field('confirmNoFaces', confirm);
        return r.attach('photo', bytes, { filename: name, contentType: 'image/jpeg' });
      };
      expect((await up('a.jpg', jpeg, null).expect(422)).body).toMatchObject({ field: 'confirmNoFaces' });
      expect((await up('a.jpg', jpeg, 'false').expect(422)).body).toMatchObject({ field: 'confirmNoFaces' });
      const text = (await up('anteckning.jpg', Buffer.from('inte en bild')).expect(415)).body;
      expect(text).toMatchObject({ code: 'PHOTO.UNSUPPORTED_TYPE', field: 'photo' });
      expect(text.message).toContain('anteckning.jpg');
      const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
      expect((await up('IMG_2000.HEIC', heic).expect(415)).body.message).toContain('IMG_2000.HEIC');
      const corrupt = (await up('trasig.jpg', jpeg.subarray(0, 600)).expect(422)).body;
      expect(corrupt).toMatchObject({ code: 'PHOTO.CORRUPT', field: 'photo' });
      expect(corrupt.message).toContain('trasig.jpg');
      const huge = Buffer.concat([jpeg, Buffer.alloc(15 * 1024 * 1024)]);
      const big = (await up('stor.jpg', huge).expect(413)).body;
      expect(big).toMatchObject({ code: 'PHOTO.TOO_LARGE', field: 'photo' });
      expect(big.message).toContain('stor.jpg');
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM walk_photos WHERE finding_id = $1', [findingId]);
      expect(n).toBe(1);
    });

    it('hostile uploads (random and truncated bytes, odd names and fields): never a 5xx, every refusal names photo or the field, nothing stored', async () => {
      const jpeg = await phoneJpeg(64, 48);
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      const count = async () =>
        (await t.dataSource.query('SELECT (SELECT count(*) FROM walk_photos)::int + (SELECT count(*) FROM walk_photo_data)::int AS n'))[0].n as number;
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
        fc.nat(jpeg.length - 1).map((n) => jpeg.subarray(0, n)),
        fc.nat(png.length - 1).map((n) => png.subarray(0, n)),
        fc.uint8Array({ minLength: 1, maxLength: 512 }).map((a) => Buffer.concat([jpeg.subarray(0, 20), Buffer.from(a)])),
        fc.uint8Array({ minLength: 1, maxLength: 512 }).map((a) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from(a)])),
      );
      const name = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('"; rm -rf /', '../../etc/passwd', 'bild\r\nX-Injected: 1.jpg', '🙂.jpg', ''));
      await fc.assert(
        fc.asyncProperty(
          bytes,
          name,
          fc.constantFrom('true', 'false', '', 'TRUE', '1', null),
          fc.constantFrom('photo', 'file', 'photo[]'),
          fc.option(fc.constantFrom('organizationId', 'findingId', '__proto__')),
          async (b, filename, confirm, field, extra) => {
            const before = await count();
            let req = caretaker.post(`/api/walks/${walkId}/findings/${findingId}/photos`);
            if (confirm !== null) req = req.field('confirmNoFaces', confirm);
            if (extra) req = req.field(extra, 'x');
            const res = await req.attach(field, b, { filename: filename || 'x', contentType: 'image/jpeg' });
            expect(res.status).toBeLessThan(500);
            if (res.status >= 400) {
              expect(typeof res.body.code).toBe('string');
              expect(['photo', 'confirmNoFaces', 'file', 'organizationId', 'findingId', '__proto__', 'photo[]']).toContain(res.body.field);
              expect(await count()).toBe(before);
            }
          },
        ),
        { seed: 20_261_202, numRuns: 30 },
      );
    });

    it('takes at most five photos per finding; a resent upload with its key is stored once', async () => {
      const png = await sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
        .png()
        .toBuffer();
      const send = (key: string) =>
        caretaker
          .post(`/api/walks/${walkId}/findings/${findingId}/photos`)
          .set('Idempotency-Key', key)
          .field('confirmNoFaces', 'true')
          .attach('photo', png, { filename: 'skylt.png', contentType: 'image/png' });
      const a = (await send('photo-key-a').expect(201)).body;
      const b = await send('photo-key-a').expect(201);
      expect(b.headers['idempotent-replayed']).toBe('true');
      expect(b.body.id).toBe(a.id);
      for (const k of ['photo-key-b', 'photo-key-c', 'photo-key-d']) await send(k).expect(201);
      expect((await send('photo-key-e').expect(422)).body).toMatchObject({ code: 'PHOTO.TOO_MANY', field: 'photo' });
      expect((await caretaker.get(`/api/walks/${walkId}`)).body.findings[0].photos).toHaveLength(5);
    });
  });

  it('a restricted walk shows its details only to the planning and invited organisations', async () => {
    const w = (
      await coordinator
        .post('/api/walks')
        .send(plan({ restricted: true, title: 'Skyddad vandring' }))
        .expect(201)
    ).body;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    const f = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ description: 'Skyddad iakttagelse' }))
        .expect(201)
    ).body;
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const p = (await caretaker.post(`/api/walks/${w.id}/findings/${f.id}/photos`).field('confirmNoFaces', 'true').attach('photo', png, 'x.png').expect(201))
      .body;
    const seen = (await police.get(`/api/walks/${w.id}`).expect(200)).body;
    expect(seen).toMatchObject({
      detailsVisible: false,
      findings: [],
      route: null,
      meetingPoint: null,
      stops: [],
      allowedEvents: [],
      canRecord: false,
      findingCount: 1,
    });
    expect(JSON.stringify(seen)).not.toContain('Skyddad iakttagelse');
    await police.get(p.url).expect(404);
    await police.get(p.thumbnailUrl).expect(404);
    expect((await police.get('/api/walks')).body.find((x: { id: string }) => x.id === w.id)).toMatchObject({ detailsVisible: false });
    expect((await caretaker.get(`/api/walks/${w.id}`)).body.findings).toHaveLength(1);
    // Nor may a partner outside it record, or read its documents.
    await police.post(`/api/walks/${w.id}/findings`).send(finding()).expect(404);
    await police.get(`/api/walks/${w.id}/report.pdf`).expect(404);
    await police.get(`/api/walks/${w.id}/invitation.pdf`).expect(404);
    // Its report, for those who see it, embeds the photo's thumbnail.
    const report = await caretaker.get(`/api/walks/${w.id}/report.pdf`).buffer(true).parse(binaryParser).expect(200);
    expect((report.body as Buffer).toString('latin1')).toMatch(/\/Subtype \/Image/);
    const invitation = await caretaker.get(`/api/walks/${w.id}/invitation.pdf`).buffer(true).parse(binaryParser).expect(200);
    const itext = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: invitation.body as Buffer })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    for (const s of ['Inbjudan till trygghetsvandring: Skyddad vandring', 'Stortorget, vid fontänen', 'Exempelbostäder AB', 'Boende: 6', 'Belysning'])
      expect(itext).toContain(s);
  });

  it('settles each finding (action, existing case, noted), then agrees the actions in one case for the walk, follows up and closes', async () => {
    const w = (
      await coordinator
        .post('/api/walks')
        .send(plan({ title: 'Vandring med uppföljning' }))
        .expect(201)
    ).body;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    const f1 = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ placeId: places[0].id }))
        .expect(201)
    ).body;
    const f2 = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ description: 'Buskar skymmer sikten', checklistItemKey: 'sight_lines' }))
        .expect(201)
    ).body;
    const f3 = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ description: 'Klotter på elskåpet', checklistItemKey: 'litter_graffiti' }))
        .expect(201)
    ).body;
    await caretaker.put(`/api/walks/${w.id}/findings/${f1.id}/settlement`).send({ outcome: 'noted', reason: 'Inget att göra' }).expect(403);
    let v = (await coordinator.get(`/api/walks/${w.id}`)).body.version;
    await coordinator.put(`/api/walks/${w.id}/findings/${f1.id}/settlement`).send({ outcome: 'noted', reason: 'Inget att göra' }).expect(409);
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'FINISH', version: v }).expect(200);
    const chief = (await coordinator.get('/api/users').expect((r) => r.status === 200 || r.status === 403)).body;
    const ownerId = Array.isArray(chief) ? chief.find((u: { email: string }) => u.email === 'sakerhetschef@exempelbostader.se')?.id : undefined;
    const owner = ownerId ?? (await t.dataSource.query(`SELECT id FROM users WHERE email = 'sakerhetschef@exempelbostader.se'`))[0].id;
    const bad = (
      await coordinator
        .put(`/api/walks/${w.id}/findings/${f1.id}/settlement`)
        .send({
          outcome: 'action',
          action: { cause: 'Trasig belysning', what: 'Byt armaturer', goal: 'Upplyst tunnel', organizationId: orgs['Norrby Centrum'], dueDate: '2027-01-31' },
        })
        .expect(422)
    ).body;
    expect(bad.field).toBe('action.organizationId');
    expect((await coordinator.put(`/api/walks/${w.id}/findings/${f1.id}/settlement`).send({ outcome: 'action' }).expect(422)).body.field).toBe('action');
    const s1 = (
      await coordinator
        .put(`/api/walks/${w.id}/findings/${f1.id}/settlement`)
        .send({
          outcome: 'action',
          action: {
            cause: 'Trasig belysning',
            what: 'Byt armaturer',
            goal: 'Upplyst tunnel',
            organizationId: orgs['Exempelbostäder AB'],
            ownerId: owner,
            dueDate: '2027-01-31',
            followUp: 'Kontroll vid nästa vandring',
          },
        })
        .expect(200)
    ).body;
    expect(s1.settlement).toMatchObject({ outcome: 'action', organizationName: 'Exempelbostäder AB', actionId: null });
    const existing = (await analyst.post('/api/cases').send({ areaId: centrumId, title: 'Skymd sikt vid resecentrum', description: 'Buskage' }).expect(201))
      .body;
    await coordinator.put(`/api/walks/${w.id}/findings/${f2.id}/settlement`).send({ outcome: 'case', caseId: existing.id }).expect(200);
    v = (await coordinator.get(`/api/walks/${w.id}`)).body.version;
    expect((await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'COMPLETE_SETTLEMENT', version: v }).expect(422)).body).toMatchObject({
      field: 'findings',
    });
    await coordinator.put(`/api/walks/${w.id}/findings/${f3.id}/settlement`).send({ outcome: 'noted', reason: 'Saneras redan enligt avtal' }).expect(200);
    v = (await coordinator.get(`/api/walks/${w.id}`)).body.version;
    const settled = (await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'COMPLETE_SETTLEMENT', version: v }).expect(200)).body;
    expect(settled.state).toBe('settled');
    expect(settled.caseId).toBeTruthy();
    const byId = Object.fromEntries(settled.findings.map((f: { id: string }) => [f.id, f]));
    expect(byId[f1.id].settlement).toMatchObject({ outcome: 'action', actionState: 'planned', daysOverdue: 0 });
    expect(byId[f2.id].settlement).toMatchObject({ outcome: 'case', caseId: existing.id, caseTitle: 'Skymd sikt vid resecentrum', caseState: 'reported' });
    expect(byId[f3.id].settlement).toEqual({ outcome: 'noted', reason: 'Saneras redan enligt avtal' });
    // The walk's case went through the case machine and holds the agreed action, owned by the security chief.
    const c = (await housingChief.get(`/api/cases/${settled.caseId}`).expect(200)).body;
    expect(c).toMatchObject({ state: 'agreed', actionCount: 1 });
    expect(c.actions[0]).toMatchObject({
      id: byId[f1.id].settlement.actionId,
      what: 'Byt armaturer',
      organization: { name: 'Exempelbostäder AB' },
      owner: { name: 'Sven Säkerhetschef' },
      dueDate: '2027-01-31',
    });
    expect(c.places.map((p: { name: string }) => p.name)).toEqual([places[0].name]);
    const history = (await coordinator.get(`/api/cases/${settled.caseId}/history`).expect(200)).body.map((h: { eventType: string }) => h.eventType);
    expect(history).toEqual(['CREATED', 'START_ANALYSIS', 'PROPOSE', 'AGREE']);
    const joined = (await coordinator.get(`/api/cases/${existing.id}/history`).expect(200)).body.map((h: { eventType: string }) => h.eventType);
    expect(joined).toContain('WALK_FINDING');
    // Settled: no more settlement changes; follow-up needs a note, then close.
    await coordinator.put(`/api/walks/${w.id}/findings/${f3.id}/settlement`).send({ outcome: 'noted', reason: 'Ändrat' }).expect(409);
    expect((await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'FOLLOW_UP', version: settled.version, note: '' }).expect(422)).body.field).toBe(
      'note',
    );
    const followed = (
      await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'FOLLOW_UP', version: settled.version, note: 'Belysningen bytt i januari' }).expect(200)
    ).body;
    expect(followed).toMatchObject({ state: 'followed_up', followUpNote: 'Belysningen bytt i januari', allowedEvents: ['CLOSE'] });
    expect((await analyst.post(`/api/walks/${w.id}/events`).send({ type: 'CLOSE', version: followed.version }).expect(200)).body.state).toBe('closed');
    const trail = await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [w.id]);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['walk.create', 'walk.start', 'walk.finish', 'walk.settle', 'walk.complete_settlement', 'walk.follow_up', 'walk.close']),
    );
    // The report: findings with their responsible organisation and status, the follow-up (read with pdftotext).
    const pdf = await police.get(`/api/walks/${w.id}/report.pdf`).buffer(true).parse(binaryParser).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.body as Buffer })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    for (const s of [
      'Trygghetsvandring – rapport: Vandring med uppföljning',
      'Två trasiga lampor i gångtunneln',
      'Insats: planerad, 2027-01-31',
      'Exempelbostäder AB',
      'Ärende: Skymd sikt vid resecentrum',
      'Noterad: Saneras redan enligt avtal',
      'Belysningen bytt i januari',
      'Avslutad',
    ])
      expect(text).toContain(s);
    const en = await coordinator.get(`/api/walks/${w.id}/report.pdf?lang=en`).buffer(true).parse(binaryParser).expect(200);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: en.body as Buffer }).toString('utf8')).toContain('Safety walk – report');
  });

  it('settles at most MAX_ACTIONS_PER_CASE findings of a walk as actions (one case holds that many): the next is 422 WALK.TOO_MANY_ACTIONS', async () => {
    const w = (
      await coordinator
        .post('/api/walks')
        .send(plan({ title: 'Vandring med många fynd' }))
        .expect(201)
    ).body;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    const ids: string[] = [];
    for (let i = 0; i <= MAX_ACTIONS_PER_CASE; i++) {
      ids.push(
        (
          await caretaker
            .post(`/api/walks/${w.id}/findings`)
            .send(finding({ description: `Trasig lampa nummer ${i + 1}` }))
            .expect(201)
        ).body.id,
      );
    }
    const v = (await coordinator.get(`/api/walks/${w.id}`)).body.version;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'FINISH', version: v }).expect(200);
    const action = (n: number) => ({
      outcome: 'action',
      action: { cause: 'Trasig belysning', what: `Byt lampa ${n}`, goal: 'Upplyst gångväg', organizationId: orgs['Exempelbostäder AB'], dueDate: '2027-01-31' },
    });
    for (let i = 0; i < MAX_ACTIONS_PER_CASE; i++) await coordinator.put(`/api/walks/${w.id}/findings/${ids[i]}/settlement`).send(action(i)).expect(200);
    const refused = (await coordinator.put(`/api/walks/${w.id}/findings/${ids[MAX_ACTIONS_PER_CASE]}/settlement`).send(action(99)).expect(422)).body;
    expect(refused).toMatchObject({ code: 'WALK.TOO_MANY_ACTIONS', field: 'outcome' });
    // an action already counted may be changed, and the last finding may still be settled otherwise
    await coordinator.put(`/api/walks/${w.id}/findings/${ids[0]}/settlement`).send(action(1000)).expect(200);
    await coordinator.put(`/api/walks/${w.id}/findings/${ids[MAX_ACTIONS_PER_CASE]}/settlement`).send({ outcome: 'noted', reason: 'Samma lampa' }).expect(200);
  });

  it('cancels a planned walk with a reason; events outside the contract are refused naming the type', async () => {
    const w = (await coordinator.post('/api/walks').send(plan()).expect(201)).body;
    expect((await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'RECORD', version: 1 }).expect(422)).body.field).toBe('type');
    expect((await caretaker.post(`/api/walks/${w.id}/events`).send({ type: 'CANCEL', version: 1, reason: 'Regn' }).expect(403)).body.code).toBe(
      'WALK.EVENT_FORBIDDEN',
    );
    expect((await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'CANCEL', version: 1, reason: 'Stormvarning' }).expect(200)).body).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Stormvarning',
    });
  });

  it('checklists are maintained by administrators; item keys are unique', async () => {
    const body = {
      nameSv: 'Kvällsvandring',
      nameEn: 'Evening walk',
      items: [
        { key: 'lighting', labelSv: 'Belysning', labelEn: 'Lighting' },
        { key: 'help', labelSv: 'Hjälp', labelEn: 'Help' },
      ],
    };
    await coordinator.post('/api/walk-checklists').send(body).expect(403);
    const created = (await admin.post('/api/walk-checklists').send(body).expect(201)).body;
    expect(created).toMatchObject({ active: true, isDefault: false, items: body.items });
    expect(
      (
        await admin
          .post('/api/walk-checklists')
          .send({ ...body, items: [body.items[0], body.items[0]] })
          .expect(422)
      ).body.field,
    ).toBe('items[1].key');
    expect((await admin.patch(`/api/walk-checklists/${checklistId}`).send({ active: false }).expect(422)).body.field).toBe('active');
    await admin.patch(`/api/walk-checklists/${created.id}`).send({ active: false }).expect(200);
    expect(
      (
        await coordinator
          .post('/api/walks')
          .send(plan({ checklistTemplateId: created.id }))
          .expect(422)
      ).body.field,
    ).toBe('checklistTemplateId');
  });

  it('a place names its responsible organisation, which a finding there proposes', async () => {
    const place = places.find((p) => p.name === 'Tvättstugan Kungsgatan 14')!;
    expect((await admin.patch(`/api/places/${place.id}`).send({ responsibleOrganizationId: orgs['Norrby Centrum'] }).expect(422)).body.field).toBe(
      'responsibleOrganizationId',
    );
    expect(
      (await admin.patch(`/api/places/${place.id}`).send({ responsibleOrganizationId: orgs['Hyresfastigheter i Exempelstad AB'] }).expect(200)).body
        .responsibleOrganizationId,
    ).toBe(orgs['Hyresfastigheter i Exempelstad AB']);
    const w = (await coordinator.post('/api/walks').send(plan()).expect(201)).body;
    await coordinator.post(`/api/walks/${w.id}/events`).send({ type: 'START', version: 1 }).expect(200);
    const f = (
      await caretaker
        .post(`/api/walks/${w.id}/findings`)
        .send(finding({ latitude: null, longitude: null, placeId: place.id }))
        .expect(201)
    ).body;
    expect(f.responsibleOrganization).toEqual({ id: orgs['Hyresfastigheter i Exempelstad AB'], name: 'Hyresfastigheter i Exempelstad AB' });
  });
});
