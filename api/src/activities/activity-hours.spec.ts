import { activeDuring, presenceCells } from './activity-hours';

const cell = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

describe('presenceCells', () => {
  it('covers each started hour of the given weekdays', () => {
    // Youth centre, Tuesday and Thursday 18:00–21:30.
    const cells = [...presenceCells({ weekdays: [2, 4], startTime: '18:00', endTime: '21:30' })].sort((a, b) => a - b);
    expect(cells).toEqual([cell(2, 18), cell(2, 19), cell(2, 20), cell(2, 21), cell(4, 18), cell(4, 19), cell(4, 20), cell(4, 21)]);
  });

  it('runs past midnight into the next day, and from Sunday into Monday', () => {
    // Night walkers, Friday and Sunday 22:00–02:00.
    const cells = [...presenceCells({ weekdays: [5, 7], startTime: '22:00', endTime: '02:00' })].sort((a, b) => a - b);
    expect(cells).toEqual([cell(1, 0), cell(1, 1), cell(5, 22), cell(5, 23), cell(6, 0), cell(6, 1), cell(7, 22), cell(7, 23)]);
  });

  it('counts an hour begun at half past, and covers nothing without days or hours', () => {
    expect([...presenceCells({ weekdays: [1], startTime: '07:30', endTime: '08:15' })]).toEqual([cell(1, 7), cell(1, 8)]);
    expect(presenceCells({ weekdays: [], startTime: '07:00', endTime: '08:00' }).size).toBe(0);
    expect(presenceCells({ weekdays: [1], startTime: null, endTime: null }).size).toBe(0);
    // The same start and end: round the clock.
    expect(presenceCells({ weekdays: [3], startTime: '00:00', endTime: '00:00' }).size).toBe(24);
  });
});

describe('activeDuring', () => {
  it('overlaps the period by days, open-ended or not', () => {
    expect(activeDuring({ startsOn: '2026-01-01', endsOn: null }, '2026-10-01', '2026-12-01')).toBe(true);
    expect(activeDuring({ startsOn: '2026-01-01', endsOn: '2026-10-01' }, '2026-10-01', '2026-12-01')).toBe(true);
    expect(activeDuring({ startsOn: '2026-01-01', endsOn: '2026-09-30' }, '2026-10-01', '2026-12-01')).toBe(false);
    expect(activeDuring({ startsOn: '2026-12-02', endsOn: null }, '2026-10-01', '2026-12-01')).toBe(false);
  });
});
