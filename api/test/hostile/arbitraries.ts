import fc from 'fast-check';

/**
 * Generators for hostile input: values shaped by the OpenAPI schemas (so that some requests get past the first
 * checks and reach the services) mixed with values no schema allows.
 */

/** A JSON schema as @nestjs/swagger writes it (only what the generators read). */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  $ref?: string;
  additionalProperties?: boolean;
}

/** Ids of things that exist, by what a property or parameter name refers to; schema-shaped values use them. */
export type Fixtures = Record<string, string[]>;

export const SQL_FRAGMENTS = [
  "'; DROP TABLE reports;--",
  "' OR '1'='1",
  '1; SELECT pg_sleep(0);--',
  "\\'; DELETE FROM audit_entries;--",
  "%' AND 1=1 --",
  '$1::uuid',
  "E'\\x00'",
  '") OR ("a"="a',
  "00000000-0000-0000-0000-000000000000' OR '1'='1",
];

export const HTML_FRAGMENTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}<%= 7*7 %>',
  '<iframe src="//evil.example"></iframe>',
  '&lt;b&gt;&#x3C;',
];

export const UNICODE_FRAGMENTS = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uD83Dz',
  '\u0000',
  'x\u0000y',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  '\uFEFF',
  '🙂🚓👮‍♀️🏳️‍🌈',
  'Ω≈ç√∫˜µ',
  'e\u0301\u0327\u0308',
  'Z̵̡̢̛̗͚͔a̴̧̛͙l̷̢g̸o',
  '\u2028\u2029',
  '\r\n\t\v\f',
  'ÅÄÖåäö',
  '\uFFFF\uFFFE',
  '𝕳𝖊𝖑𝖑𝖔',
];

export const INVALID_WEEKS = [
  '2026-W54',
  '2026-W53',
  '2026-W00',
  'W1',
  '2026W01',
  '2026-W1',
  '2026-w01',
  '-2026-W01',
  '99999-W01',
  '2026-W01-1',
  '1999-W52',
  '2101-W01',
  ' 2026-W01',
  '2026-W01 ',
  '2026-W０１',
  'garbage',
  '',
  '%00',
];
export const VALID_WEEKS = ['2026-W47', '2026-W01', '2020-W53', '2026-W52'];

export const INVALID_DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-11-20T25:00:00Z',
  '20261120',
  'yesterday',
  '2026-11-20T21:30:00+99:00',
  '0000-00-00',
  '-271821-04-20',
  '+275760-09-13T00:00:00.001Z',
  '2026-11-20T21:30:00.000000000000001Z',
  'NaN',
  '1e10',
  '',
];

export const PAGE_VALUES = [
  '-1',
  '0',
  '1',
  '2',
  '500',
  '501',
  '-0',
  '1.5',
  '1e3',
  '1e400',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  ' 1',
  'abc',
  '',
  String(Number.MAX_SAFE_INTEGER + 2),
  '100001',
];

/** A random id-like value that is not a UUID (path and body). */
export const NOT_UUIDS = [
  'not-a-uuid',
  '1',
  '0',
  '-1',
  'null',
  'undefined',
  '00000000-0000-0000-0000-00000000000g',
  '{00000000-0000-0000-0000-000000000000}',
  'a'.repeat(5000),
  '..%2F..%2Fetc%2Fpasswd',
  "1' OR '1'='1",
];

const hugeString = fc
  .constantFrom(100_001, 150_000, 400_000)
  .chain((n) => fc.constantFrom('a', 'å', '🙂', '<', "'").map((c) => c.repeat(Math.ceil(n / c.length))));

/** Text that is hostile in content, not in type. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS),
  fc.constantFrom(...HTML_FRAGMENTS),
  fc.constantFrom(...UNICODE_FRAGMENTS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...UNICODE_FRAGMENTS, 'Norrby torg ', 'text '), { minLength: 1, maxLength: 6 })
    .map((a) => a.join('')),
  { arbitrary: hugeString, weight: 1 },
);

/** A JSON value nested `depth` levels (built as text: JSON.stringify of such values is itself recursive). */
export const deepJsonText = (depth: number, kind: 'object' | 'array' | 'mixed'): string => {
  if (kind === 'array') return '['.repeat(depth) + '1' + ']'.repeat(depth);
  if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
};

/** A JSON value of any type that fits no particular schema (wrong types for any field). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    '',
    ' ',
    '0',
    'true',
    'null',
    [],
    {},
    [null],
    { $gt: '' },
    { __proto__: { admin: true } },
    { constructor: { prototype: { x: 1 } } },
  ),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  fc.double({ noNaN: true }),
  fc.integer(),
  hostileText,
);

/** A value for an unknown/`object`-typed schema field (@nestjs/swagger writes unions such as `number | null` so). */
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.boolean(),
  fc.uuid(),
  fc.string({ maxLength: 10 }),
);

const isoMoment = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10), d.toISOString().replace('Z', '+01:00'))),
  // Valid, but at the edges of what a date column holds.
  fc.constantFrom('0001-01-01', '9999-12-31', '1970-01-01T00:00:00Z', '2026-03-29T02:30:00+01:00', '2026-10-25T02:30:00', '2024-02-29'),
);

const DATE_NAMES = /^(occurredAt|startsAt|from|to|dueBefore|dueDate)$/;

/** Looks up a name in the fixtures: `areaIds` → `areaId`, `partnerIds` → `organizationId`, … */
function fixtureFor(name: string | undefined, fixtures: Fixtures): string[] | undefined {
  if (!name) return undefined;
  const singular = name.replace(/Ids$/, 'Id');
  const alias: Record<string, string> = { partnerId: 'organizationId', ownerId: 'userId', entityId: 'anyId', id: 'anyId' };
  return fixtures[singular] ?? fixtures[alias[singular] ?? ''];
}

/** A value of the schema's shape (sometimes not strictly valid: lengths and cross-field rules are not modelled). */
export function fromSchema(
  schema: Schema,
  doc: { components: { schemas: Record<string, Schema> } },
  fixtures: Fixtures,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(doc.components.schemas[schema.$ref.split('/').pop()!], doc, fixtures, name, depth);
  const known = fixtureFor(name, fixtures);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'binary') return fc.constant('file');
      if (schema.format === 'uuid' || known)
        return known?.length ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
      if (name && DATE_NAMES.test(name)) return isoMoment;
      if (name === 'week') return fc.constantFrom(...VALID_WEEKS);
      if (name === 'type' && schema.type === 'string')
        return fc.constantFrom('START_ANALYSIS', 'SAVE_ANALYSIS', 'DISMISS', 'ASSIGN', 'START', 'CANCEL', 'SET_CURRENT', 'NOPE');
      const min = schema.minLength ?? 0;
      const max = Math.min(schema.maxLength ?? 60, 60);
      return fc.oneof(
        fc.string({ minLength: Math.min(min, max), maxLength: max }),
        fc.constantFrom('Norrby torg', 'Klotter på väggen', 'Ett tjugotal ungdomar samlades'),
      );
    }
    case 'number':
    case 'integer':
      if (name === 'version') return fc.integer({ min: 1, max: 4 });
      if (schema.minimum !== undefined || schema.maximum !== undefined) {
        // Bounded (page sizes): the bounds themselves and what lies between them.
        const [min, max] = [schema.minimum ?? 0, schema.maximum ?? 100_000];
        return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
      }
      return schema.type === 'integer'
        ? fc.integer({ min: -5, max: 1000 })
        : fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double({ min: -200, max: 200, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(fromSchema(schema.items ?? {}, doc, fixtures, name, depth + 1), { maxLength: 3 });
    case 'object': {
      if (!schema.properties) return anything;
      const props = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, fromSchema(s, doc, fixtures, k, depth + 1)]));
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return anything;
  }
}

/** A hostile value for a named field: its wrong types, plus the hostile content its name invites. */
export function hostileFor(name: string, fixtures: Fixtures): fc.Arbitrary<unknown> {
  const extra: fc.Arbitrary<unknown>[] = [];
  if (/Id$|Ids$|^id$/.test(name)) extra.push(fc.constantFrom(...NOT_UUIDS));
  if (DATE_NAMES.test(name)) extra.push(fc.constantFrom(...INVALID_DATES));
  if (name === 'week') extra.push(fc.constantFrom(...INVALID_WEEKS));
  if (/^(page|pageSize|version|sortOrder|latitude|longitude)$/.test(name))
    extra.push(fc.constantFrom(-1, 0, 1e9, -1e9, 2 ** 53 + 1, 1.5, 1e308, '1', '-1', 'NaN'));
  if (/Ids$|roles|items|participants|actions/.test(name))
    extra.push(fc.array(wrongType, { maxLength: 3 }), fc.constant(Array.from({ length: 1000 }, (_, i) => fixtureFor(name, fixtures)?.[0] ?? String(i))));
  return fc.oneof(wrongType, ...extra);
}

/** Query parameter values (always text on the wire); `name` picks the hostile values that fit. */
export function hostileQueryValue(name: string): fc.Arbitrary<string | string[]> {
  const extra: fc.Arbitrary<string | string[]>[] = [];
  if (/^(page|pageSize)$/.test(name)) extra.push(fc.constantFrom(...PAGE_VALUES));
  if (/Id$/.test(name)) extra.push(fc.constantFrom(...NOT_UUIDS.filter((s) => s.length < 100)));
  if (DATE_NAMES.test(name)) extra.push(fc.constantFrom(...INVALID_DATES));
  if (name === 'week') extra.push(fc.constantFrom(...INVALID_WEEKS));
  return fc.oneof(
    fc.constantFrom(...SQL_FRAGMENTS, ...HTML_FRAGMENTS, 'true', 'false', '1', 'x'.repeat(6000), 'åäö', '🙂', 'null', 'undefined', '[]', '{}'),
    fc.array(fc.constantFrom('1', 'a', '2026-W47', 'true'), { minLength: 2, maxLength: 3 }), // ?x=1&x=2
    fc.string({ maxLength: 20 }),
    ...extra,
  );
}

/**
 * Query-string text that is not what encodeURIComponent makes: raw percent escapes of NUL, of bytes that are
 * no UTF-8 (lone surrogates encoded as CESU-8, 0xFF), broken escapes and bracket syntax (`a[b]=1`).
 */
export const RAW_QUERY_VALUES = ['%00', '%ED%A0%80', '%FF%FE', '%E0%A4%A', '%', '%%', '%zz', '%C0%AF', '%E2%80%AE', '%F0%9F%99%82'];
export const RAW_QUERY_TAILS = ['x[y]=1', '__proto__[admin]=1', 'constructor[prototype][admin]=1', '&&&', '=1', 'a=1=2', '[]=1'];

/** CSV uploads that are not a good CSV of incidents. */
export const HOSTILE_CSV: fc.Arbitrary<{ what: string; content: Buffer; filename: string; contentType?: string }> = fc.oneof(
  fc.constantFrom(
    { what: 'empty', content: Buffer.alloc(0), filename: 'tom.csv' },
    { what: 'header only', content: Buffer.from('Händelse-id;Tidpunkt;Område;Plats;Kategori;Beskrivning\r\n'), filename: 'rubrik.csv' },
    {
      what: 'mismatched quotes',
      content: Buffer.from('id;tid;område;plats;kategori;beskrivning\n"Q-1;2026-10-10 20:00;Norrby;"Norrby torg;Klotter;"ett ""citat\n'),
      filename: 'citat.csv',
    },
    { what: 'binary', content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), filename: 'binär.csv' },
    {
      what: 'gzip bytes',
      content: Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xfe, 0, 0]),
      filename: 'x.csv.gz',
      contentType: 'application/gzip',
    },
    { what: 'pdf named .pdf', content: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), filename: 'plan.pdf', contentType: 'application/pdf' },
    { what: 'exe', content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), filename: 'virus.exe', contentType: 'application/x-msdownload' },
    {
      what: 'utf-16 with BOM',
      content: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('id;tid;område;plats;kategori;beskrivning\nU-1;2026-10-10 20:00;Norrby;Norrby torg;Klotter;text\n', 'utf16le'),
      ]),
      filename: 'utf16.csv',
    },
    {
      what: 'NUL bytes',
      content: Buffer.from('id;tid;område;plats;kategori;beskrivning\nN-1;2026-10-10 20:00;Norrby;Norrby torg;Klotter;te\u0000xt\n'),
      filename: 'nul.csv',
    },
    {
      what: 'lone surrogate as CESU-8',
      content: Buffer.concat([
        Buffer.from('id;tid;område;plats;kategori;beskrivning\nS-1;2026-10-10 20:00;Norrby;Norrby torg;Klotter;'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('\n'),
      ]),
      filename: 'surrogat.csv',
    },
    {
      what: 'huge single field',
      content: Buffer.from(`id;tid;område;plats;kategori;beskrivning\nH-1;2026-10-10 20:00;Norrby;Norrby torg;Klotter;"${'x'.repeat(3_000_000)}"\n`),
      filename: 'stor.csv',
    },
    { what: 'huge header', content: Buffer.from(`${'kolumn;'.repeat(100_000)}\n1;2\n`), filename: 'bred.csv' },
    { what: 'only separators', content: Buffer.from(';;;;;;\n;;;;;;\n,,,,\n'), filename: 'tomma.csv' },
    {
      what: 'SQL and HTML in cells',
      content: Buffer.from(
        `id;tid;område;plats;kategori;beskrivning\n'; DROP TABLE reports;--;2026-10-10 20:00;Norrby';--;<script>alert(1)</script>;Klotter;${SQL_FRAGMENTS.join(' ')}\n`,
      ),
      filename: 'sql.csv',
    },
    { what: 'wrong content type, csv name', content: Buffer.from('id;tid\n1;2\n'), filename: 'x.csv', contentType: 'image/png' },
    { what: 'no extension, octet-stream', content: Buffer.from('id;tid\n1;2\n'), filename: 'noext', contentType: 'application/octet-stream' },
    { what: 'path traversal name', content: Buffer.from('id;tid\n1;2\n'), filename: '../../../../etc/passwd.csv' },
  ),
  fc.uint8Array({ maxLength: 2000 }).map((a) => ({ what: 'random bytes', content: Buffer.from(a), filename: 'slump.csv' })),
  fc
    .array(
      fc.array(
        fc.oneof(
          hostileText.filter((s) => s.length < 1000),
          fc.constantFrom('"', '""', ';', ',', '\n', '\r'),
        ),
        { maxLength: 8 },
      ),
      { maxLength: 6 },
    )
    .map((rows) => ({
      what: 'random cells',
      content: Buffer.from(['id;tid;område;plats;kategori;beskrivning', ...rows.map((r) => r.join(';'))].join('\n')),
      filename: 'celler.csv',
    })),
);
