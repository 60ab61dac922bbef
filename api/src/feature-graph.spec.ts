import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import 'reflect-metadata';

/**
 * Features depend on each other in one direction only: e.g. actions and meetings on cases, plans on meetings, the
 * audit reading on reports. Checked on the source (which feature folder imports which) and on the Nest modules.
 */
const FEATURES = [
  'auth',
  'directory',
  'audit',
  'reports',
  'imports',
  'cases',
  'actions',
  'meetings',
  'plans',
  'retention',
  'health',
  'idempotency',
  'settings',
  'attention',
];

/**
 * Files every feature may use without depending on the feature they live in: the schema (entities and their
 * relations are one model), the signed-in user with the access decorators, the audit trail every change appends to,
 * and the password helpers (hashing only).
 */
const SHARED = [/\.entity\.ts$/, /^auth\/access\.decorators\.ts$/, /^auth\/passwords\.ts$/, /^audit\/audit\.service\.ts$/, /^audit\/audit-trail\.module\.ts$/];

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });

/** Feature → the features its files import (relative imports between folders of api/src). */
export function featureGraph(root: string): Map<string, Set<string>> {
  const graph = new Map(FEATURES.map((f) => [f, new Set<string>()]));
  for (const file of tsFiles(root)) {
    const from = relative(root, file).split('/')[0];
    if (!graph.has(from)) continue;
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'\.\.\/([^']+)'/g)) {
      const to = target.split('/')[0];
      const path = `${target}.ts`;
      if (to !== from && graph.has(to) && !SHARED.some((s) => s.test(path))) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** The cycles of a directed graph (each as a path a → … → a), found by depth-first search. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    if (path.includes(node)) return void found.push([...path.slice(path.indexOf(node)), node]);
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

type ModuleRef = { module?: unknown; imports?: unknown[] } | (new (...args: never[]) => unknown);

/** Module name → the modules it imports, from the @Module metadata (dynamic modules included). */
function moduleGraph(root: ModuleRef): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const visit = (m: ModuleRef) => {
    const cls = (typeof m === 'function' ? m : m.module) as (new () => unknown) | undefined;
    if (!cls || graph.has(cls.name)) return;
    const imports = [
      ...((Reflect.getMetadata('imports', cls) as ModuleRef[] | undefined) ?? []),
      ...(typeof m === 'function' ? [] : ((m.imports as ModuleRef[]) ?? [])),
    ];
    graph.set(cls.name, new Set());
    for (const i of imports) {
      const target = (typeof i === 'function' ? i : i.module) as { name: string } | undefined;
      if (!target) throw new Error(`${cls.name} imports an undefined module (a cycle between files?)`);
      graph.get(cls.name)!.add(target.name);
      visit(i);
    }
  };
  visit(root);
  return graph;
}

describe('dependencies between features', () => {
  it('no feature folder imports one that imports it back (directly or through others)', () => {
    expect(cycles(featureGraph(process.env.FEATURE_GRAPH_ROOT ?? __dirname))).toEqual([]);
  });

  it('the Nest modules form no cycle, and each feature has its module', async () => {
    const { AppModule } = await import('./app.module');
    const graph = moduleGraph(AppModule.forRoot({ logLevel: 'silent' } as never, { options: {} } as never));
    expect(cycles(graph)).toEqual([]);
    for (const f of ['Auth', 'Directory', 'Audit', 'Reports', 'Imports', 'Cases', 'Actions', 'Meetings', 'Plans', 'Retention', 'Health', 'Idempotency'])
      expect(graph.has(`${f}Module`)).toBe(true);
  });

  it('the search finds a cycle, also through a third feature', () => {
    const g = new Map([
      ['cases', new Set(['actions'])],
      ['actions', new Set(['meetings'])],
      ['meetings', new Set(['cases'])],
      ['plans', new Set(['meetings'])],
    ]);
    expect(cycles(g)).toEqual([['cases', 'actions', 'meetings', 'cases']]);
  });
});
