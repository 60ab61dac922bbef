import { entryHash } from '../src/audit/audit.service';
import { startTestApp, TestApp } from './harness';

// Report entries written before retention existed carried the report's free text and coordinates. The migration
// AuditWithoutReportText rewrites them and recomputes the chain, so that retention can keep its promise.

/** Undoes the migrations from the newest back to and including `name`, so that running the migrations applies it again. */
async function undoThrough(t: TestApp, name: string): Promise<void> {
  for (;;) {
    const [last] = await t.dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await t.dataSource.undoLastMigration();
    if (!last || last.name === name) return;
  }
}

describe('the audit trail without report text (migration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("removes old report entries' free text and coordinates, keeps the chain valid and records the rewrite", async () => {
    const admin = await t.signIn('admin@exempelstad.se');
    // Append two report entries the way the old code did, correctly chained.
    const [last] = await t.dataSource.query(`SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1`);
    let prev: string = last?.hash ?? '0'.repeat(64);
    const entityId = '00000000-0000-4000-8000-00000000abcd';
    for (const [action, before, after] of [
      ['report.create', null, { description: 'Gammal fritext om Storgatan 5', latitude: 59.33, longitude: 18.06, categoryId: 'x' }],
      [
        'report.correct',
        { description: 'Gammal fritext om Storgatan 5', latitude: 59.33, longitude: 18.06 },
        { description: 'Rättad fritext', latitude: null, longitude: null },
      ],
    ] as const) {
      const entry = { at: new Date(), actorId: null, actorOrganizationId: null, action, entityType: 'report', entityId, before, after } as Parameters<
        typeof entryHash
      >[1];
      const hash = entryHash(prev, entry);
      await t.dataSource.query(
        `INSERT INTO audit_entries (at, actor_id, actor_organization_id, action, entity_type, entity_id, before, after, prev_hash, hash)
         VALUES ($1, NULL, NULL, $2, 'report', $3, $4, $5, $6, $7)`,
        [entry.at, action, entityId, before && JSON.stringify(before), JSON.stringify(after), prev, hash],
      );
      prev = hash;
    }
    // A later entry on top of them, so the rewrite has to re-chain what follows.
    const org = ((await admin.get('/api/organizations')).body as { id: string; name: string }[])[0];
    expect(
      (
        await admin
          .patch(`/api/organizations/${org.id}`)
          .send({ name: `${org.name} ` })
          .set('Origin', 'http://localhost')
      ).status,
    ).toBeLessThan(500);
    expect((await admin.get('/api/audit/verify')).body).toMatchObject({ valid: true });
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries`))[0].n;

    // Run the migration again, as on a database that had such entries when it was upgraded.
    await undoThrough(t, 'AuditWithoutReportText1763835000000');
    await t.dataSource.runMigrations({ transaction: 'each' });

    const texts = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE before::text LIKE '%fritext%' OR after::text LIKE '%fritext%'`);
    expect(texts[0].n).toBe(0);
    const rows = await t.dataSource.query(`SELECT before, after FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [entityId]);
    expect(rows[0].after).toEqual({ categoryId: 'x', descriptionLength: 29, hasCoordinates: true });
    expect(rows[1].before).toEqual({ descriptionLength: 29, hasCoordinates: true });
    expect(rows[1].after).toEqual({ descriptionLength: 14, hasCoordinates: false });
    const verify = (await admin.get('/api/audit/verify')).body;
    expect(verify).toMatchObject({ valid: true });
    const [rechained] = await t.dataSource.query(`SELECT before, after FROM audit_entries WHERE action = 'audit.rechained'`);
    expect(rechained.before.entries).toBe(before);
    expect(rechained.after.reportEntriesRewritten).toBe(2);
    // The trail is append-only again afterwards.
    await expect(t.dataSource.query(`UPDATE audit_entries SET action = 'x' WHERE action = 'audit.rechained'`)).rejects.toThrow();
  });
  it('refuses to re-hash a trail that was changed behind its back, so the upgrade cannot hide it', async () => {
    const [first] = await t.dataSource.query(`SELECT id FROM audit_entries ORDER BY id LIMIT 1`);
    // An old-style report entry makes the migration due; then someone edits an early entry directly in the database.
    const [last] = await t.dataSource.query(`SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1`);
    const entry = {
      at: new Date(),
      actorId: null,
      actorOrganizationId: null,
      action: 'report.create',
      entityType: 'report',
      entityId: 'r-2',
      before: null,
      after: { description: 'Text' },
    } as Parameters<typeof entryHash>[1];
    await t.dataSource.query(
      `INSERT INTO audit_entries (at, actor_id, actor_organization_id, action, entity_type, entity_id, before, after, prev_hash, hash)
       VALUES ($1, NULL, NULL, 'report.create', 'report', 'r-2', NULL, $2, $3, $4)`,
      [entry.at, JSON.stringify(entry.after), last.hash, entryHash(last.hash, entry)],
    );
    await t.dataSource.query(`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change`);
    await t.dataSource.query(`UPDATE audit_entries SET action = 'tampered' WHERE id = $1`, [first.id]);
    await t.dataSource.query(`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change`);

    await undoThrough(t, 'AuditWithoutReportText1763835000000');
    await expect(t.dataSource.runMigrations({ transaction: 'each' })).rejects.toThrow(`The audit trail is broken at entry ${first.id}`);
    // Nothing was rewritten: the break is still there to be found.
    expect((await t.dataSource.query(`SELECT action FROM audit_entries WHERE id = $1`, [first.id]))[0].action).toBe('tampered');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE after::text LIKE '%"description"%'`))[0].n).toBe(1);
  });
});
