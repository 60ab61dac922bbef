import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * Where raw SQL may run (ARCHITECTURE.md, "SQL lives in repositories"): each feature's `<feature>.repository.ts`, and
 * the infrastructure that is no feature's: the migration lock, the statement time limits and the demo data.
 */
const SQL_HOMES = [/\.repository\.ts$/, /^database\/data-source\.ts$/, /^database\/statement-limit\.ts$/, /^demo\//];

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });

/** The files under `root` that call `.query(` (raw SQL through TypeORM or pg) outside the places allowed to. */
export function sqlOutsideItsHomes(root: string): string[] {
  return tsFiles(root)
    .map((f) => relative(root, f))
    .filter((f) => !SQL_HOMES.some((h) => h.test(f)) && /\.query\s*\(/.test(readFileSync(join(root, f), 'utf8')))
    .sort();
}

describe('raw SQL lives in repositories', () => {
  it('no service, controller or helper of api/src runs raw SQL', () => {
    expect(sqlOutsideItsHomes(__dirname)).toEqual([]);
  });

  it('the check finds a query in a service and allows it in a repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'sql-homes-'));
    try {
      mkdirSync(join(root, 'cases'));
      writeFileSync(join(root, 'cases/cases.service.ts'), "await m.query('SELECT 1 FROM cases');\n");
      writeFileSync(join(root, 'cases/cases.repository.ts'), "await m.query('SELECT 1 FROM cases');\n");
      writeFileSync(join(root, 'cases/cases.controller.ts'), 'const x = 1;\n');
      expect(sqlOutsideItsHomes(root)).toEqual(['cases/cases.service.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
