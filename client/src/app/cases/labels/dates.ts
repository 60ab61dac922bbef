import { InjectionToken } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';
import { TIME_ZONE } from '../../reports/weeks';

/** Today in Sweden as YYYY-MM-DD, whatever the device's time zone. */
export function todayInSweden(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date (YYYY-MM-DD) `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in Sweden; replaced in the specs to make "overdue" and "within 14 days" fixed. */
export const TODAY = new InjectionToken<() => string>('TODAY', { providedIn: 'root', factory: () => () => todayInSweden() });

/** "1 dec. 2026" for a date (YYYY-MM-DD). */
export function formatDay(i18n: I18n, date: string | null | undefined): string {
  if (!date) return '';
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(i18n.locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** "21 nov. 2026 14:05" for an instant, in Swedish time. */
export function formatWhen(i18n: I18n, iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(i18n.locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}
