import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The client's API calls are the OpenAPI document's: every `/api/…` address in the client's sources exists in the
 * document (api/openapi.json, the document as the API serves it: api/test/openapi.spec.ts keeps it so), every
 * `http.get/post/put/patch/delete<T>(…)` call names an operation of the document with that method, and its `T` is the
 * contract type the document answers with (the schema generated from that very type), imported from
 * `@samverka/contracts` rather than written in the client.
 */

interface ApiCall {
  where: string;
  /** Upper-case HTTP method, or null for an address the browser fetches (a link, an EventSource). */
  method: string | null;
  path: string;
  /** The type argument as written (`CaseDto[]`), or null. */
  type: string | null;
  /** The names the file imports from @samverka/contracts. */
  contractImports: Set<string>;
}

type Schema = { $ref?: string; type?: string; items?: Schema };
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>> };

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** The address an expression builds, with `{}` for every path parameter and without the query string (null: not an address). */
function addressOf(node: ts.Expression, params: Map<string, string> = new Map()): string | null {
  const pathOnly = (s: string) => s.split('?')[0];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return addressOf(node.expression, params);
  if (ts.isIdentifier(node) && params.has(node.text)) return params.get(node.text)!;
  if (ts.isConditionalExpression(node)) return addressOf(node.whenFalse, params);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      // Past the `?` the rest is the query string.
      if (text.includes('?')) return pathOnly(text);
      const inner =
        ts.isIdentifier(span.expression) && params.has(span.expression.text)
          ? params.get(span.expression.text)!
          : ts.isConditionalExpression(span.expression)
            ? (addressOf(span.expression, params) ?? '')
            : '{}';
      text += inner + span.literal.text;
    }
    return pathOnly(text);
  }
  // `this.url(id, '/agenda')`: a private helper of the same class that returns a template of its parameters.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const name = node.expression.name.text;
    let cls: ts.Node | undefined = node;
    while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent;
    const method = cls && cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === name);
    const ret = method?.body?.statements.find(ts.isReturnStatement)?.expression;
    if (!method || !ret) return null;
    const bound = new Map<string, string>();
    method.parameters.forEach((p, i) => {
      const arg = node.arguments[i] ?? p.initializer;
      bound.set(p.name.getText(), arg ? (addressOf(arg, params) ?? '{}') : '{}');
    });
    const address = addressOf(ret, bound);
    return address === null ? null : pathOnly(address);
  }
  return null;
}

/** Every `/api/` address and `http.<method><T>(address, …)` call of one source file. */
export function apiCallsOf(fileName: string, source: string): ApiCall[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const contractImports = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && (st.moduleSpecifier as ts.StringLiteral).text === '@samverka/contracts') {
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => contractImports.add(e.name.text));
    }
  }
  const calls: ApiCall[] = [];
  const claimed = new Set<ts.Node>();
  const where = (n: ts.Node) => `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      HTTP_METHODS.has(node.expression.name.text) &&
      /(^|\.)http$/.test(node.expression.expression.getText()) &&
      node.arguments[0]
    ) {
      const path = addressOf(node.arguments[0]);
      calls.push({
        where: where(node),
        method: node.expression.name.text.toUpperCase(),
        path: path ?? `(not an address: ${node.arguments[0].getText()})`,
        type: node.typeArguments?.[0]?.getText() ?? null,
        contractImports,
      });
      claimed.add(node.arguments[0]);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
      !claimed.has(node)
    ) {
      // `this.url(id, '/stream')` outside an http call: an address the browser fetches (an EventSource, a link).
      const path = addressOf(node);
      if (path?.startsWith('/api/')) calls.push({ where: where(node), method: null, path, type: null, contractImports });
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !claimed.has(node)) {
      const head = ts.isTemplateExpression(node) ? node.head.text : node.text;
      // A prefix ('/api/', '/api/auth/') is a rule about addresses, not an address.
      if (head.startsWith('/api/') && !(ts.isStringLiteral(node) && node.text.endsWith('/'))) {
        calls.push({ where: where(node), method: null, path: addressOf(node) ?? head, type: null, contractImports });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // A helper's own template (`/api/meetings/${id}${rest}`: two parameters in a row) is checked through its callers.
  return calls.filter((c) => c.method !== null || !c.path.includes('{}{}'));
}

/** The document's operations as `METHOD /api/x/{}` → the type name of its success answer (`X`, `X[]`, `void`, or a media type). */
export function operationsOf(doc: Doc): Map<string, string> {
  const ops = new Map<string, string>();
  const typeOf = (s: Schema | undefined): string =>
    s?.$ref ? s.$ref.replace('#/components/schemas/', '') : s?.type === 'array' && s.items ? `${typeOf(s.items)}[]` : JSON.stringify(s);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const [status, success] =
        Object.entries(op.responses)
          .filter(([s]) => /^2\d\d$/.test(s))
          .sort()[0] ?? [];
      const media = Object.entries(success?.content ?? {});
      const json = media.find(([m]) => m === 'application/json');
      ops.set(
        `${method.toUpperCase()} ${path.replace(/\{\w+\}/g, '{}')}`,
        status === '204' ? 'void' : json ? typeOf(json[1].schema) : media.map(([m]) => m).join(', '),
      );
    }
  }
  return ops;
}

/** What is wrong with the client's calls as the document describes the API (nothing: []). */
export function problemsOf(calls: ApiCall[], ops: Map<string, string>): string[] {
  const problems: string[] = [];
  const paths = new Set([...ops.keys()].map((k) => k.slice(k.indexOf(' ') + 1)));
  for (const c of calls) {
    if (c.method === null) {
      if (!ops.has(`GET ${c.path}`) && !paths.has(c.path)) problems.push(`${c.where}: ${c.path} is not in the OpenAPI document`);
      continue;
    }
    const expected = ops.get(`${c.method} ${c.path}`);
    if (expected === undefined) {
      problems.push(`${c.where}: ${c.method} ${c.path} is not in the OpenAPI document`);
      continue;
    }
    if (c.type === null) {
      problems.push(`${c.where}: ${c.method} ${c.path} names no response type (the document answers ${expected})`);
      continue;
    }
    if (c.type.replace(/\s/g, '') !== expected) problems.push(`${c.where}: ${c.method} ${c.path} reads ${c.type}, the document answers ${expected}`);
    const name = c.type.replace(/\[\]$/, '');
    if (name !== 'void' && !c.contractImports.has(name)) problems.push(`${c.where}: ${name} is not imported from @samverka/contracts`);
  }
  return problems;
}

const APP = __dirname;
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? (f === 'testing' ? [] : sources(p)) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });

describe("the client's API calls", () => {
  const doc = JSON.parse(readFileSync(join(APP, '../../../api/openapi.json'), 'utf8')) as Doc;
  const ops = operationsOf(doc);
  const calls = sources(APP).flatMap((file) => apiCallsOf(relative(APP, file), readFileSync(file, 'utf8')));

  it('are operations of the OpenAPI document, with its response types from @samverka/contracts', () => {
    expect(problemsOf(calls, ops)).toEqual([]);
    // The API services and the session calls (a parse that found nothing would prove nothing).
    expect(calls.filter((c) => c.method).length).toBeGreaterThan(45);
    expect(calls.filter((c) => !c.method).map((c) => c.path)).toEqual(
      expect.arrayContaining([
        '/api/meetings/{}/stream',
        '/api/meetings/{}/action-plan.pdf',
        '/api/meetings/{}/minutes.pdf',
        '/api/action-plan.pdf',
        '/api/reports/export.csv',
      ]),
    );
  });

  it('are refused when an address, a method or a type is not the document’s (the check can fail)', () => {
    const source = `
      import type { CaseDto, MeetingDto } from '@samverka/contracts';
      interface LocalCase { id: string }
      class X {
        private url(id: string, rest = '') { return \`/api/meetings/\${encodeURIComponent(id)}\${rest}\`; }
        a() { return this.http.get<CaseDto>('/api/casez'); }
        b(id: string) { return this.http.delete<CaseDto>(\`/api/cases/\${id}\`); }
        c(id: string) { return this.http.get<CaseDto[]>(\`/api/cases/\${id}\`); }
        d(id: string) { return this.http.get<LocalCase>(\`/api/cases/\${id}\`); }
        e(id: string) { return this.http.patch<MeetingDto>(this.url(id, '/agendas'), {}); }
        f(id: string) { return this.http.patch<MeetingDto>(this.url(id, '/agenda'), {}); }
        g() { return '/api/nowhere.pdf'; }
      }`;
    expect(problemsOf(apiCallsOf('x.ts', source), ops)).toEqual([
      'x.ts:6: GET /api/casez is not in the OpenAPI document',
      'x.ts:7: DELETE /api/cases/{} is not in the OpenAPI document',
      'x.ts:8: GET /api/cases/{} reads CaseDto[], the document answers CaseDto',
      'x.ts:9: GET /api/cases/{} reads LocalCase, the document answers CaseDto',
      'x.ts:9: LocalCase is not imported from @samverka/contracts',
      'x.ts:10: PATCH /api/meetings/{}/agendas is not in the OpenAPI document',
      'x.ts:12: /api/nowhere.pdf is not in the OpenAPI document',
    ]);
  });
});
