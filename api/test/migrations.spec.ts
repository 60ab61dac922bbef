import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '../src/database/data-source';
import { freshDatabase } from './harness';

describe('migrations', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let ds: DataSource | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db.drop();
  });

  it('run on an empty database and leave no difference between the schema and the entities', async () => {
    ds = await openDatabase(db.url);
    const pending = await ds.driver.createSchemaBuilder().log();
    // On failure this prints the SQL a new migration needs.
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied and can be undone and redone', async () => {
    const executed = await ds!.query('SELECT name FROM migrations ORDER BY id');
    expect(executed.map((r: { name: string }) => r.name)).toEqual(ds!.migrations.map((m) => m.name));
    for (let i = 0; i < ds!.migrations.length; i++) await ds!.undoLastMigration();
    expect(await ds!.query(`SELECT to_regclass('public.users') AS t`)).toEqual([{ t: null }]);
    await ds!.runMigrations();
    expect(await ds!.query(`SELECT to_regclass('public.users') AS t`)).toEqual([{ t: 'users' }]);
  });

  it('load the default report categories with Swedish and English labels', async () => {
    const rows = await ds!.query('SELECT code, label_sv, label_en FROM categories ORDER BY sort_order');
    expect(rows).toHaveLength(14);
    expect(rows[0]).toEqual({ code: 'skadegorelse', label_sv: 'Skadegörelse', label_en: 'Vandalism' });
  });

  it('never synchronize', () => {
    expect(dataSourceOptions('postgres://x/y').synchronize).toBe(false);
  });
});
