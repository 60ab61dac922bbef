import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CONTRACT_SCHEMAS } from './contract-schemas';

/** contract-schemas.ts is generated from contracts/src; it must be what the generator gives for today's contracts. */
describe('the contract schemas', () => {
  it('are what scripts/contract-schemas.mjs makes of contracts/src (else run it)', () => {
    const root = join(__dirname, '../../..');
    const generated = JSON.parse(
      execFileSync(process.execPath, [join(root, 'scripts/contract-schemas.mjs'), '--json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }),
    );
    expect(CONTRACT_SCHEMAS).toEqual(generated);
  });

  it('state a contract type as the compiler sees it: required and optional, null, enums, closed objects', () => {
    expect(CONTRACT_SCHEMAS.ReportDto).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: {
        assessment: { type: 'string', enum: ['low', 'medium', 'high'] },
        placeId: { type: ['string', 'null'] },
        reporter: { type: ['object', 'null'], required: ['id', 'name'], additionalProperties: false },
      },
    });
    const report = CONTRACT_SCHEMAS.ReportDto as { required: string[] };
    expect(report.required).toEqual(expect.arrayContaining(['id', 'description', 'detailsVisible']));
    expect(report.required).not.toContain('redactedAt');
    // A page of reports is the generic Page<ReportDto>, inlined; ReportDto itself is referred to.
    expect(CONTRACT_SCHEMAS.ReportPageDto).toMatchObject({ properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ReportDto' } } } });
    // Interfaces that extend others carry the inherited properties.
    expect(CONTRACT_SCHEMAS.CaseDto).toMatchObject({
      properties: { openActionCount: { type: 'number' }, actions: { items: { $ref: '#/components/schemas/ActionDto' } } },
    });
    // A fixed tuple ([longitude, latitude]) is an array of exactly its items, not an object with the array's methods.
    expect(CONTRACT_SCHEMAS.RouteLineString).toMatchObject({
      properties: {
        coordinates: { type: 'array', items: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false, minItems: 2, maxItems: 2 } },
      },
    });
    // No schema anywhere describes an array as an object with its methods.
    expect(JSON.stringify(CONTRACT_SCHEMAS)).not.toMatch(/"(toString|push|concat)"/);
  });
});
