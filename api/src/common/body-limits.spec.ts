import { MAX_BODY_ITEMS, MAX_BODY_PROPERTIES, scanJsonBody } from './body-limits';

const scan = (text: string) => {
  try {
    scanJsonBody(Buffer.from(text));
    return 'ok';
  } catch (e) {
    const err = e as { status: number; code: string; field: string };
    return `${err.status} ${err.code} ${err.field}`;
  }
};
const props = (n: number) => `{${Array.from({ length: n }, (_, i) => `"p${i}":0`).join(',')}}`;

describe('scanJsonBody', () => {
  it('counts properties and array items up to the limits, at every level', () => {
    expect(scan(props(MAX_BODY_PROPERTIES))).toBe('ok');
    expect(scan(props(MAX_BODY_PROPERTIES + 1))).toBe('413 BODY_TOO_COMPLEX body');
    expect(scan(`{"a":[${Array(MAX_BODY_ITEMS).fill(0).join(',')}]}`)).toBe('ok');
    expect(
      scan(
        `{"a":[${Array(MAX_BODY_ITEMS + 1)
          .fill(0)
          .join(',')}]}`,
      ),
    ).toBe('413 BODY_TOO_COMPLEX body');
    // Spread over many small objects and arrays, they still add up.
    expect(scan(`[${Array(1_100).fill('{"a":1,"b":2}').join(',')}]`)).toBe('413 BODY_TOO_COMPLEX body');
  });

  it('does not count what is inside strings, escaped quotes included', () => {
    const tricky = `"\\\\\\":,,,[[[{{{:::\\\\"`;
    expect(scan(`{"a":${tricky},"b":[${tricky}]}`)).toBe('ok');
    expect(scan(`{"text":"${':,'.repeat(10_000)}","x":"\\"${'[{'.repeat(100)}"}`)).toBe('ok');
    // Multi-byte UTF-8 and an unterminated string are left to the parser.
    expect(scan('{"å":"ä🙂ö:,[{","b":"')).toBe('ok');
  });

  it('refuses nesting deeper than 32 levels as the validation pipe does, naming the top-level property', () => {
    expect(scan(`{"a":${'['.repeat(31)}${']'.repeat(31)}}`)).toBe('ok');
    expect(scan(`{"first":1,"deep\\"key":${'{"x":'.repeat(40)}1${'}'.repeat(40)}}`)).toBe('422 VALIDATION_FAILED deep"key');
    expect(scan(`${'['.repeat(40)}${']'.repeat(40)}`)).toBe('422 VALIDATION_FAILED body');
  });
});
