import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** All .ts files under a folder. */
const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });

// The machines are shared by the API and the browser, so they may import nothing of either side's frameworks.
const FORBIDDEN = /from ['"](@nestjs\/|@angular\/|typeorm|pg['"]|express|node:)/;

describe('workflows stay pure TypeScript', () => {
  it('imports no framework, persistence or Node module', () => {
    const offenders = tsFiles(__dirname)
      .filter((f) => !f.endsWith('.spec.ts'))
      .filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the rule itself catches a framework import', () => {
    expect(FORBIDDEN.test(`import { Injectable } from '@nestjs/common';`)).toBe(true);
    expect(FORBIDDEN.test(`import { setup } from 'xstate';`)).toBe(false);
  });
});
