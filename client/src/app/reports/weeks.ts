import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, setISOWeek, startOfISOWeek } from 'date-fns';

/**
 * ISO weeks as the API uses them: `YYYY-Www`, Monday to Sunday in Swedish local time.
 * (The same rules as `api/src/reports/weeks.ts`, for the week picker and the report filters.)
 */
export const TIME_ZONE = 'Europe/Stockholm';

const WEEK = /^(\d{4})-W(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');
const weekOfDate = (d: Date) => `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}`;

/** The ISO week a moment falls in, in Swedish time. */
export function isoWeekOf(moment: Date): string {
  return weekOfDate(new TZDate(moment, TIME_ZONE));
}

/** This week (in Swedish time). */
export function currentWeek(now: Date = new Date()): string {
  return isoWeekOf(now);
}

/** The Monday of a week as a calendar date (computed in UTC, whatever the device's zone), or null for anything but a real week. */
function mondayDate(week: string): Date | null {
  const m = WEEK.exec(week ?? '');
  if (!m) return null;
  const [year, w] = [Number(m[1]), Number(m[2])];
  const mid = new TZDate(Date.UTC(year, 5, 15, 12), 'UTC');
  if (year < 2000 || year > 2100 || w < 1 || w > getISOWeeksInYear(mid)) return null;
  return startOfISOWeek(setISOWeek(mid, w));
}

/** True for a real ISO week such as 2026-W47. */
export function isWeek(text: string | null | undefined): text is string {
  return !!text && mondayDate(text) !== null;
}

/** The Monday of a week as YYYY-MM-DD, or null. */
export function mondayOf(week: string): string | null {
  const d = mondayDate(week);
  return d ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : null;
}

/** The week `n` weeks after (negative: before) the given one. */
export function shiftWeek(week: string, n: number): string {
  const monday = mondayDate(week);
  return monday ? weekOfDate(addWeeks(monday, n)) : week;
}

/** The week's number (47 for 2026-W47). */
export function weekNumber(week: string): number {
  return Number(week.slice(-2));
}

/** The week as instants: from Monday 00:00 to the next Monday 00:00, Swedish time (ISO 8601, UTC). */
export function weekRange(week: string): { from: string; to: string } {
  const monday = mondayDate(week);
  if (!monday) throw new Error(`Not an ISO week: ${week}`);
  const local = (d: Date) => new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), 0, 0, 0, TIME_ZONE);
  return {
    from: new Date(local(monday).getTime()).toISOString(),
    to: new Date(local(addDays(monday, 7)).getTime()).toISOString(),
  };
}

/**
 * The week's dates for people: "16–22 november 2026", "30 november – 6 december 2026",
 * "29 december 2025 – 4 januari 2026" (in the locale's month names).
 */
export function weekDates(week: string, locale: string): string {
  const monday = mondayDate(week);
  if (!monday) return week;
  const sunday = addDays(monday, 6);
  const month = (d: Date) =>
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), 12)));
  const [d1, d2] = [monday.getDate(), sunday.getDate()];
  const [y1, y2] = [monday.getFullYear(), sunday.getFullYear()];
  if (y1 !== y2) return `${d1} ${month(monday)} ${y1} – ${d2} ${month(sunday)} ${y2}`;
  if (monday.getMonth() !== sunday.getMonth()) return `${d1} ${month(monday)} – ${d2} ${month(sunday)} ${y2}`;
  return `${d1}–${d2} ${month(sunday)} ${y2}`;
}
