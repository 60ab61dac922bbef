#!/usr/bin/env node
/**
 * Writes api/src/openapi/contract-schemas.ts: the JSON Schemas (OpenAPI 3.1 / JSON Schema 2020-12) of the response
 * types in contracts/src, made from the TypeScript types themselves with the compiler's type checker, so that the
 * OpenAPI document describes exactly the interfaces the API returns and the client reads.
 *
 *   node scripts/contract-schemas.mjs          rewrite the file
 *   node scripts/contract-schemas.mjs --check  exit 1 when the file is not what the contracts give
 *   node scripts/contract-schemas.mjs --json   print the schemas (contract-schemas.spec.ts compares them with the file's)
 *
 * Which types: every exported interface or type alias of contracts/src whose name ends in `Dto`, and `ApiError` and
 * `PersonalDataError` (the error bodies); the exported interfaces these refer to become schemas of their own ($ref),
 * everything else (inline object types, generic instances such as `Page<ReportDto>`, state unions) is inlined.
 * Objects are closed (`additionalProperties: false`) unless the type has an index signature (`Record<string, unknown>`);
 * a fixed tuple (`[number, number]`) is an array of exactly its items (`prefixItems`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INDEX = join(root, 'contracts/src/index.ts');
const OUT = join(root, 'api/src/openapi/contract-schemas.ts');
const ERROR_TYPES = ['ApiError', 'PersonalDataError'];

export function generate() {
  const program = ts.createProgram([INDEX], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, noEmit: true, skipLibCheck: true });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length)
    throw new Error(
      ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }),
    );
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(INDEX));
  const exported = new Map();
  for (const s of checker.getExportsOfModule(moduleSymbol)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    if (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) exported.set(s.name, target);
  }
  /** An exported, non-generic interface: referred to by name. */
  const refName = (type) => {
    const s = type.aliasSymbol ?? type.symbol;
    if (!s || !(s.flags & ts.SymbolFlags.Interface) || type.aliasTypeArguments?.length || type.typeArguments?.length) return null;
    return exported.get(s.name) === s ? s.name : null;
  };
  const doc = (symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();

  const schemas = {};
  const queue = [
    ...[...exported.keys()].filter((n) => n.endsWith('Dto') && !exported.get(n).declarations?.some((d) => d.typeParameters?.length)),
    ...ERROR_TYPES,
  ];
  const withNull = (schema) => {
    if (schema.$ref || schema.anyOf) return { anyOf: [schema.$ref ? schema : { anyOf: schema.anyOf }, { type: 'null' }] };
    const out = { ...schema, type: [schema.type, 'null'] };
    if (schema.enum) out.enum = [...schema.enum, null];
    return out;
  };

  const toSchema = (type, isRoot = false) => {
    if (!isRoot) {
      const name = refName(type);
      if (name) {
        if (!queue.includes(name)) queue.push(name);
        return { $ref: `#/components/schemas/${name}` };
      }
    }
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [type.value] };
    if (f & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [type.value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [checker.typeToString(type) === 'true'] };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isUnion()) {
      let parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      const nullable = type.types.some((t) => t.flags & ts.TypeFlags.Null);
      let schema;
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) schema = { type: 'boolean' };
      else if (parts.every((t) => t.flags & ts.TypeFlags.StringLiteral)) schema = { type: 'string', enum: parts.map((t) => t.value) };
      else if (parts.length === 1) schema = toSchema(parts[0]);
      else schema = { anyOf: parts.map((t) => toSchema(t)) };
      return nullable ? withNull(schema) : schema;
    }
    if (checker.isArrayType(type)) return { type: 'array', items: toSchema(checker.getTypeArguments(type)[0]) };
    if (checker.isTupleType(type)) {
      // A fixed tuple such as [longitude, latitude]: exactly these items, in this order.
      if (type.target.elementFlags.some((e) => !(e & ts.ElementFlags.Required)))
        throw new Error(`contract-schemas: no schema for the tuple ${checker.typeToString(type)} (only fixed tuples)`);
      const items = checker.getTypeArguments(type).map((t) => toSchema(t));
      return { type: 'array', prefixItems: items, items: false, minItems: items.length, maxItems: items.length };
    }
    if (checker.getSignaturesOfType(type, ts.SignatureKind.Call).length)
      throw new Error(`contract-schemas: no schema for the function type ${checker.typeToString(type)}`);
    if (f & ts.TypeFlags.Object || type.isIntersection()) {
      const properties = {};
      const required = [];
      for (const p of checker.getPropertiesOfType(type)) {
        const decl = p.valueDeclaration ?? p.declarations?.[0];
        const pType = decl ? checker.getTypeOfSymbolAtLocation(p, decl) : checker.getTypeOfSymbol(p);
        const schema = toSchema(pType);
        const description = doc(p);
        properties[p.name] = description ? (schema.$ref ? { allOf: [schema], description } : { ...schema, description }) : schema;
        if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.name);
      }
      const open = checker.getIndexInfosOfType(type).length > 0;
      return { type: 'object', properties, ...(required.length ? { required } : {}), ...(open ? {} : { additionalProperties: false }) };
    }
    throw new Error(`contract-schemas: no schema for the type ${checker.typeToString(type)}`);
  };

  for (let i = 0; i < queue.length; i++) {
    const name = queue[i];
    const symbol = exported.get(name);
    if (!symbol) throw new Error(`contract-schemas: ${name} is not exported by contracts/src/index.ts`);
    const schema = toSchema(checker.getDeclaredTypeOfSymbol(symbol), true);
    const description = doc(symbol);
    schemas[name] = description ? { description, ...schema } : schema;
  }
  const names = Object.keys(schemas).sort();
  return Object.fromEntries(names.map((n) => [n, schemas[n]]));
}

/** JSON with a value on one line where it fits in 110 characters. */
function stringify(value, indent = '') {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 110 || value === null || typeof value !== 'object') return flat;
  const inner = indent + '  ';
  const parts = Array.isArray(value)
    ? value.map((v) => inner + stringify(v, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`);
  return Array.isArray(value) ? `[\n${parts.join(',\n')}\n${indent}]` : `{\n${parts.join(',\n')}\n${indent}}`;
}

/** The TypeScript file of the schemas. */
export function render(sorted) {
  const names = Object.keys(sorted);
  return [
    `// Generated by scripts/contract-schemas.mjs from contracts/src: do not edit; run \`node scripts/contract-schemas.mjs\`.`,
    `// A test (contract-schemas.spec.ts) fails when this file is not what the contracts give.`,
    `import type * as C from '@samverka/contracts';`,
    ``,
    `/** The contract types that have a schema in the OpenAPI document, by schema name. */`,
    `export interface ContractTypes {`,
    ...names.map((n) => `  ${n}: C.${n};`),
    `}`,
    ``,
    `/** Their JSON Schemas (OpenAPI 3.1), refering to each other as \`#/components/schemas/<name>\`. */`,
    `export const CONTRACT_SCHEMAS: Record<keyof ContractTypes, object> = ${stringify(sorted)};`,
    ``,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const schemas = generate();
  const text = render(schemas);
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(schemas));
  else if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // no file yet: it differs
    }
    if (current !== text) {
      console.error(`${relative(root, OUT)} is not what contracts/src gives: run node scripts/contract-schemas.mjs`);
      process.exit(1);
    }
  } else writeFileSync(OUT, text);
}
