// Loads the API's SQL modules from their TypeScript sources (transpiled in memory, relative imports followed), so that
// the benchmark runs the statements the sources hold today, before and without a build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const nodeRequire = createRequire(import.meta.url);
const loaded = new Map();
// The workspace's path aliases (`@samverka/contracts`, …) from tsconfig.base.json, resolved to their sources.
const ALIASES = Object.fromEntries(
  Object.entries(ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config.compilerOptions.paths).map(([alias, [target]]) => [
    alias,
    join(ROOT, target),
  ]),
);

/** The exports of an API source module, e.g. `apiModule('api/src/reports/situation-picture.repository')`. */
export function apiModule(path) {
  const file = resolve(ROOT, path.endsWith('.ts') ? path : `${path}.ts`);
  if (loaded.has(file)) return loaded.get(file).exports;
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const module = { exports: {} };
  loaded.set(file, module);
  const require = (spec) => (spec.startsWith('.') ? apiModule(join(dirname(file), spec)) : ALIASES[spec] ? apiModule(ALIASES[spec]) : nodeRequire(spec));
  new Function('exports', 'require', 'module', outputText)(module.exports, require, module);
  return module.exports;
}
