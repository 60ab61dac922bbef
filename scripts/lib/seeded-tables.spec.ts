import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `npm run restore` accepts a target database whose only rows are the reference data the migrations insert
 * themselves, and lets those rows give way to the backup's. A migration that starts seeding a new table must add it to
 * SEEDED_BY_MIGRATIONS, or every restore into a fresh database fails with "N rows instead of M" (it did, once, for
 * the safety walks' default checklist). This reads each migration's `up` and compares.
 */
const ROOT = resolve(__dirname, '../..');

/** Tables a migration writes only when there already is data (the audit trail's re-chaining entry): not seeded into
 *  an empty database. */
const WRITTEN_ONLY_OVER_EXISTING_DATA = ['audit_entries'];

function seededList(): string[] {
  const text = readFileSync(join(ROOT, 'scripts/lib/backup-format.mjs'), 'utf8');
  const m = /export const SEEDED_BY_MIGRATIONS = \[([^\]]*)\]/.exec(text);
  if (!m) throw new Error('SEEDED_BY_MIGRATIONS not found in backup-format.mjs');
  return [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
}

function tablesInsertedByMigrations(): Map<string, string[]> {
  const dir = join(ROOT, 'migrations/src');
  const found = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => /^\d+-.*\.ts$/.test(f))) {
    const source = readFileSync(join(dir, file), 'utf8');
    const up = source.split(/\n\s*(?:public\s+)?async down\(/)[0];
    for (const [, table] of up.matchAll(/INSERT INTO\s+"?([a-z_]+)"?/g)) found.set(table, [...(found.get(table) ?? []), file]);
  }
  return found;
}

describe('reference data the migrations insert', () => {
  it('is listed in SEEDED_BY_MIGRATIONS, so that a restore into a fresh database lets it give way', () => {
    const seeded = seededList();
    const inserted = tablesInsertedByMigrations();
    expect(inserted.has('categories')).toBe(true); // the scan finds the foundation's categories
    const missing = [...inserted.keys()].filter((t) => !seeded.includes(t) && !WRITTEN_ONLY_OVER_EXISTING_DATA.includes(t));
    expect(missing).toEqual([]);
  });
});
