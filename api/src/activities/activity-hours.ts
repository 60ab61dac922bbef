/**
 * When a recurring activity is present, as cells of the week: `(weekday - 1) * 24 + hour` (Monday 00–01 is 0,
 * Sunday 23–24 is 167). An hour counts when the activity is there for any part of it; an end before the start runs
 * past midnight into the next day (Sunday's night runs into Monday). Activities without fixed weekdays or hours are
 * not a presence at any particular hour and cover no cell.
 */
export function presenceCells(a: { weekdays: number[]; startTime: string | null; endTime: string | null }): Set<number> {
  const cells = new Set<number>();
  if (a.weekdays.length === 0 || !a.startTime || !a.endTime) return cells;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const start = minutes(a.startTime);
  let end = minutes(a.endTime);
  if (end <= start) end += 24 * 60;
  for (const day of a.weekdays) {
    const base = (day - 1) * 24 * 60;
    for (let m = Math.floor(start / 60) * 60; m < end; m += 60) {
      cells.add(Math.floor(((base + m) % (7 * 24 * 60)) / 60));
    }
  }
  return cells;
}

/** Whether an activity's period (from `startsOn`, to `endsOn` inclusive or open) overlaps the days `from`–`to` (inclusive, YYYY-MM-DD). */
export const activeDuring = (a: { startsOn: string; endsOn: string | null }, from: string, to: string): boolean =>
  a.startsOn <= to && (a.endsOn === null || a.endsOn >= from);
