import { TZDate } from '@date-fns/tz';
import { addWeeks, format, getISOWeek, getISOWeeksInYear, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns';
import { invalid } from '../common/errors';
import { TIME_ZONE } from '../common/swedish-time';

// Swedish weeks are ISO weeks in local time.

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week (YYYY-Www) a moment falls in, in Swedish time. */
export function isoWeekOf(moment: Date): string {
  const local = new TZDate(moment, TIME_ZONE);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

/** The Monday (YYYY-MM-DD) of an ISO week; throws a 422 naming `field` for anything but a real week. */
export function mondayOf(week: string, field = 'week'): string {
  const m = WEEK.exec(week);
  const message = `${field} must be an ISO week such as 2026-W47`;
  if (!m) throw invalid(field, message);
  const [year, w] = [Number(m[1]), Number(m[2])];
  // Any date in the middle of the year has the right ISO week-year.
  const mid = new Date(Date.UTC(year, 5, 15, 12));
  if (year < 2000 || year > 2100 || w < 1 || w > getISOWeeksInYear(mid)) throw invalid(field, message);
  return format(startOfISOWeek(setISOWeek(mid, w)), 'yyyy-MM-dd');
}

/** The ISO week `n` weeks after (negative: before) the given one. */
export function shiftWeek(week: string, n: number): string {
  const monday = new Date(`${mondayOf(week)}T12:00:00Z`);
  const d = addWeeks(monday, n);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}
