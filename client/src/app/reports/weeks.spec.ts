import { currentWeek, isWeek, mondayOf, shiftWeek, weekDates, weekRange } from './weeks';

describe('weeks', () => {
  it('finds the Swedish ISO week of a moment, also across the turn of the year', () => {
    expect(currentWeek(new Date('2026-11-21T12:00:00Z'))).toBe('2026-W47');
    // Sunday 23:30 in Stockholm is still the old week, though it is 22:30 UTC.
    expect(currentWeek(new Date('2026-11-22T22:30:00Z'))).toBe('2026-W47');
    expect(currentWeek(new Date('2026-11-22T23:30:00Z'))).toBe('2026-W48');
    expect(currentWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  });

  it('shifts weeks and checks them', () => {
    expect(shiftWeek('2026-W47', 1)).toBe('2026-W48');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(mondayOf('2026-W47')).toBe('2026-11-16');
    expect(isWeek('2026-W47')).toBe(true);
    expect(isWeek('2025-W53')).toBe(false);
    expect(isWeek('nonsense')).toBe(false);
  });

  it('gives the week as instants in Swedish time', () => {
    expect(weekRange('2026-W47')).toEqual({ from: '2026-11-15T23:00:00.000Z', to: '2026-11-22T23:00:00.000Z' });
    // Summer time.
    expect(weekRange('2026-W27').from).toBe('2026-06-28T22:00:00.000Z');
  });

  it('writes the dates of a week in Swedish and English', () => {
    expect(weekDates('2026-W47', 'sv-SE')).toBe('16–22 november 2026');
    expect(weekDates('2026-W47', 'en-GB')).toBe('16–22 November 2026');
    expect(weekDates('2026-W49', 'sv-SE')).toBe('30 november – 6 december 2026');
    expect(weekDates('2026-W53', 'sv-SE')).toBe('28 december 2026 – 3 januari 2027');
  });
});
