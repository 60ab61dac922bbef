import { TZDate } from '@date-fns/tz';
import type { MeetingDto, MeetingState } from '@samverka/contracts';
import { addDays, format } from 'date-fns';
import { TIME_ZONE, currentWeek, isoWeekOf } from '../reports/weeks';

/** A date and a time typed in Swedish local time as ISO 8601 with the offset, or null when unreadable. */
export function swedishInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const local = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), 0, TIME_ZONE);
  if (Number.isNaN(local.getTime()) || local.getDate() !== Number(d[3]) || local.getHours() !== Number(t[1])) return null;
  return format(local, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** Today in Sweden (YYYY-MM-DD), or `days` later (negative: earlier). */
export function swedishDate(days = 0, now = new Date()): string {
  return format(addDays(new TZDate(now, TIME_ZONE), days), 'yyyy-MM-dd');
}

/** "tisdag 24 november 2026 09:00" in the UI's locale, Swedish time. */
export function meetingTime(iso: string, locale: string, dateStyle: 'full' | 'medium' = 'full'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "24 nov. 2026" for a date (YYYY-MM-DD) in the UI's locale. */
export function shortDate(date: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)));
}

/** "09:41", Swedish time. */
export function clockTime(now: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(now);
}

/** The week whose situational picture the meeting discusses: the meeting's week, never one that has not begun. */
export function meetingWeek(meeting: Pick<MeetingDto, 'startsAt'>, now = new Date()): string {
  const week = isoWeekOf(new Date(meeting.startsAt));
  const current = currentWeek(now);
  return week > current ? current : week;
}

/** Meetings still to be held or being held (the rest are past). */
export function isUpcoming(state: MeetingState): boolean {
  return state === 'planned' || state === 'in_session';
}
