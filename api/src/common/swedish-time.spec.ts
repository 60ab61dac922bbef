import { swedishDate, swedishDateTime } from './swedish-time';

describe('Swedish time', () => {
  it('gives the date in Sweden, which differs from UTC around midnight', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1 in winter).
    expect(swedishDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
    // Summer time: UTC+2.
    expect(swedishDate('2026-06-30T22:30:00Z')).toBe('2026-07-01');
    expect(swedishDateTime('2026-06-30T22:30:00Z')).toBe('2026-07-01 00:30');
  });
});
