import { TZDate } from '@date-fns/tz';
import type { WalkState } from '@samverka/contracts';
import { format } from 'date-fns';
import { TIME_ZONE } from '../reports/weeks';

/** A date and a time typed in Swedish local time as ISO 8601 with the offset, or null when unreadable. */
export function swedishInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const local = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), 0, TIME_ZONE);
  if (Number.isNaN(local.getTime()) || local.getDate() !== Number(d[3]) || local.getHours() !== Number(t[1])) return null;
  return format(local, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** An instant as the date and time inputs show it in Sweden. */
export function swedishParts(iso: string): { date: string; time: string } {
  const local = new TZDate(new Date(iso), TIME_ZONE);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}

/** "tisdag 24 november 2026 18:00" in the UI's locale, Swedish time. */
export function walkTime(iso: string, locale: string, dateStyle: 'full' | 'medium' = 'full'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** "24 nov. 2026" for a date (YYYY-MM-DD) in the UI's locale. */
export function walkDate(date: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)));
}

/** Which list a walk belongs in: planned, in progress (being walked), or past (recorded onwards, or cancelled). */
export function walkGroup(state: WalkState): 'planned' | 'in_progress' | 'past' {
  if (state === 'planned') return 'planned';
  if (state === 'in_progress') return 'in_progress';
  return 'past';
}
