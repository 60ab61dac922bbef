import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The layer rules of .dependency-cruiser.cjs, run by dependency-cruiser itself on a small workspace written for the
 * test: each rule must report the violation planted for it, and nothing else may be reported.
 */
const ROOT = resolve(__dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

type Violation = { rule: { name: string }; from: string; to: string };

/** Runs depcruise as `npm run lint:layers` does on a workspace of these files: its violations (read from the JSON
 *  report) and the exit status of the plain run (the error report a lint step prints). */
function cruise(files: Record<string, string>): { violations: Violation[]; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    copyFileSync(join(ROOT, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const roots = [...new Set(Object.keys(files).map((p) => p.split('/')[0]))];
    const depcruise = (...args: string[]) =>
      spawnSync(process.execPath, [DEPCRUISE, '--config', join(ROOT, '.dependency-cruiser.cjs'), ...args, ...roots], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    const json = depcruise('--output-type', 'json');
    if (!json.stdout) throw new Error(`depcruise printed nothing: ${json.stderr}`);
    const result = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
    return { violations: result.summary.violations, status: depcruise().status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A workspace that keeps every rule. */
const CLEAN: Record<string, string> = {
  'contracts/src/index.ts': `export type Role = 'admin';\nexport const LIMIT = 5;\n`,
  'workflows/src/machine.ts': `import { setup } from 'xstate';\nimport { LIMIT, type Role } from '@samverka/contracts';\nexport const m = setup({}); export const r: Role = 'admin'; export const l = LIMIT;\n`,
  // Tests of the workflows may use Node.
  'workflows/src/machine.spec.ts': `import { readFileSync } from 'node:fs';\nimport { m } from './machine';\nexport const x = [readFileSync, m];\n`,
  'api/src/cases/cases.service.ts': `import { DataSource } from 'typeorm';\nimport { Role } from '@samverka/contracts';\nexport const s = [DataSource, 'x' as Role];\n`,
  'api/src/cases/cases.controller.ts': `import { s } from './cases.service';\nexport const c = s;\n`,
  'api/src/actions/actions.service.ts': `import { s } from '../cases/cases.service';\nexport const a = s;\n`,
  // Entities are one model: relations both ways between features are no cycle.
  'api/src/cases/case.entity.ts': `import { Action } from '../actions/action.entity';\nexport class Case { a?: Action; }\n`,
  'api/src/actions/action.entity.ts': `import { Case } from '../cases/case.entity';\nexport class Action { c?: Case; }\n`,
  'client/src/app/core/shell.ts': `import { LIMIT } from '@samverka/contracts';\nexport const shell = LIMIT;\n`,
  'client/src/app/cases/case-page.ts': `import { shell } from '../core/shell';\nexport const page = shell;\n`,
};

const names = (vs: Violation[]) => vs.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*\/node_modules\//, 'node_modules/')}`).sort();

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('a workspace that keeps them passes', () => {
    const { violations, status } = cruise(CLEAN);
    expect(names(violations)).toEqual([]);
    expect(status).toBe(0);
  });

  it('each rule catches the violation planted for it', () => {
    const { violations, status } = cruise({
      ...CLEAN,
      'workflows/src/bare-fs.ts': `import { readFileSync } from 'fs';\nexport const f = readFileSync;\n`,
      'workflows/src/node-path.ts': `import { join } from 'node:path';\nexport const j = join;\n`,
      'workflows/src/framework.ts': `import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n`,
      'workflows/src/persistence.ts': `import type { DataSource } from 'typeorm';\nexport type D = DataSource;\n`,
      'contracts/src/bad.ts': `import { m } from '../../workflows/src/machine';\nexport const b = m;\n`,
      'contracts/src/node.ts': `import { join } from 'path';\nexport const j = join;\n`,
      'api/src/cases/cases.controller.ts': `import { DataSource } from 'typeorm';\nexport const c = DataSource;\n`,
      'api/src/cases/cases.service.ts': `import { a } from '../actions/actions.service';\nexport const s = a;\n`,
      'api/src/actions/actions.service.ts': `import { x } from '../cases/other';\nexport const a = x;\n`,
      'api/src/cases/other.ts': `export const x = 1;\n`,
      'client/src/app/core/shell.ts': `import { page } from '../cases/case-page';\nexport const shell = page;\n`,
      'client/src/app/cases/case-page.ts': `import { c } from '../../../../api/src/cases/cases.controller';\nexport const page = c;\n`,
      'client/src/app/cases/typo.ts': `import { nothing } from './does-not-exist';\nexport const t = nothing;\n`,
    });
    expect(names(violations)).toEqual(
      [
        'workflows-pure: workflows/src/bare-fs.ts -> fs',
        'workflows-pure: workflows/src/node-path.ts -> path',
        'workflows-pure: workflows/src/framework.ts -> node_modules/@nestjs/common/index.js',
        'workflows-pure: workflows/src/persistence.ts -> node_modules/typeorm/index.d.ts',
        'contracts-standalone: contracts/src/bad.ts -> workflows/src/machine.ts',
        'contracts-no-builtin: contracts/src/node.ts -> path',
        'controller-no-typeorm: api/src/cases/cases.controller.ts -> node_modules/typeorm/index.d.ts',
        'api-feature-cycle: api/src/cases -> api/src/actions',
        'api-feature-cycle: api/src/actions -> api/src/cases',
        'client-core-no-feature: client/src/app/core/shell.ts -> client/src/app/cases/case-page.ts',
        'client-no-api: client/src/app/cases/case-page.ts -> api/src/cases/cases.controller.ts',
        'not-to-unresolvable: client/src/app/cases/typo.ts -> ./does-not-exist',
      ].sort(),
    );
    // The lint step fails.
    expect(status).not.toBe(0);
  });
});
