import { isoWeekOf, mondayOf, shiftWeek } from './weeks';

describe('ISO weeks in Swedish time', () => {
  it('finds the Monday of a week, also across year ends', () => {
    expect(mondayOf('2026-W47')).toBe('2026-11-16');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(mondayOf('2020-W53')).toBe('2020-12-28');
  });

  it('rejects weeks that do not exist, naming the field', () => {
    expect(() => mondayOf('2025-W53')).toThrow('week must be an ISO week');
    expect(mondayOf('2026-W53')).toBe('2026-12-28');
    expect(() => mondayOf('2026-W00')).toThrow();
    expect(() => mondayOf('2026-47')).toThrow();
    expect(() => mondayOf('vecka 47', 'from')).toThrow('from must be');
  });

  it('takes the week from Swedish local time, not UTC', () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Stockholm (winter time, UTC+1).
    expect(isoWeekOf(new Date('2026-11-22T23:30:00Z'))).toBe('2026-W48');
    expect(isoWeekOf(new Date('2026-11-22T22:30:00Z'))).toBe('2026-W47');
  });

  it('steps weeks across the year boundary', () => {
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W47', -11)).toBe('2026-W36');
  });
});

describe('the CSV file name', () => {
  // Imported here rather than at the top: reports.service pulls in the whole feature.
  const { exportFileName } = jest.requireActual<typeof import('./reports.service')>('./reports.service');

  it('says the area and the ISO week in Swedish time: rapporter-norrby-2026-v49.csv', () => {
    expect(exportFileName('Norrby', new Date('2026-11-30T00:00:00+01:00'))).toBe('rapporter-norrby-2026-v49.csv');
    // Sunday 23:30 UTC is already Monday in Sweden: week 49, not 48.
    expect(exportFileName('Norrby', new Date('2026-11-29T23:30:00Z'))).toBe('rapporter-norrby-2026-v49.csv');
    expect(exportFileName('Söderdal – Östra Åby', new Date('2027-01-01T12:00:00Z'))).toBe('rapporter-soderdal-ostra-aby-2026-v53.csv');
    expect(exportFileName(null, new Date('2026-12-02T12:00:00Z'))).toBe('rapporter-alla-2026-v49.csv');
  });
});
