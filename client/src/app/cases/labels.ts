import { ChangeDetectionStrategy, Component, InjectionToken, Pipe, PipeTransform, inject, input } from '@angular/core';
import type { ActionDto, CaseState } from '@samverka/contracts';
import { I18n } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { TIME_ZONE } from '../reports/weeks';

/** The case states in the order of the EST cycle (the board's columns). */
export const CASE_STATES: readonly CaseState[] = ['reported', 'analysis', 'proposed', 'escalated', 'agreed', 'execution', 'follow_up', 'closed', 'dismissed'];

export type ActionState = ActionDto['state'];
export const ACTION_STATES: readonly ActionState[] = ['planned', 'assigned', 'in_progress', 'blocked', 'done', 'cancelled'];

/** Done and cancelled actions are closed. */
export const isClosedAction = (state: string) => state === 'done' || state === 'cancelled';

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

/** Texts with a singular and a plural form (`<base>.one`, `<base>.other`). */
export type PluralBase = 'cases.count.actions' | 'cases.count.open' | 'cases.count.overdueActions' | 'cases.count.cases' | 'cases.count.daysLate' | 'cases.count.reports' | 'cases.count.dismissedHidden';

/** "1 insats" / "3 insatser". */
export function plural(i18n: I18n, base: PluralBase, count: number): string {
  return count === 1 ? i18n.t(`${base}.one`) : i18n.t(`${base}.other`, { count });
}

/** The translated name of a case state ("Uppföljning"); unknown states as they are. */
export function caseStateLabel(i18n: I18n, state: string | null | undefined): string {
  if (!state) return '';
  return (CASE_STATES as readonly string[]).includes(state) ? i18n.t(`cases.state.${state as CaseState}`) : state;
}

/** The translated name of an action state ("Pågår"). */
export function actionStateLabel(i18n: I18n, state: string | null | undefined): string {
  if (!state) return '';
  return (ACTION_STATES as readonly string[]).includes(state) ? i18n.t(`cases.actionState.${state as ActionState}`) : state;
}

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

/** `{{ c.state | caseState }}`: "Analys". Impure so that it follows the language switch. */
@Pipe({ name: 'caseState', pure: false })
export class CaseStatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(state: string | null | undefined): string {
    return caseStateLabel(this.i18n, state);
  }
}

/** `{{ a.state | actionState }}`: "Pågår". */
@Pipe({ name: 'actionState', pure: false })
export class ActionStatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(state: string | null | undefined): string {
    return actionStateLabel(this.i18n, state);
  }
}

/** `{{ a.dueDate | day }}`: "1 dec. 2026". */
@Pipe({ name: 'day', pure: false })
export class DayPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(date: string | null | undefined): string {
    return formatDay(this.i18n, date);
  }
}

/** `{{ h.at | when }}`: "21 nov. 2026 14:05" (Swedish time). */
@Pipe({ name: 'when', pure: false })
export class WhenPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(iso: string | null | undefined): string {
    return formatWhen(this.i18n, iso);
  }
}

/** `{{ 3 | plural: 'cases.count.actions' }}`: "3 insatser". */
@Pipe({ name: 'plural', pure: false })
export class PluralPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(count: number, base: PluralBase): string {
    return plural(this.i18n, base, count);
  }
}

/**
 * A lateness mark: a warning icon and words ("3 dagar sen", "1 försenad insats"), so that it never rests on
 * colour alone.
 */
@Component({
  selector: 'sv-overdue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: { class: 'overdue-mark', 'data-testid': 'overdue' },
  template: `<sv-icon name="warning" /><span>{{ text() }}</span>`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0.05em 0.5em 0.05em 0.35em;
      border-radius: 999px;
      border: 1px solid #8c1111;
      background: #ffe9e7;
      color: #8c1111;
      font-weight: 600;
      white-space: nowrap;
    }
    sv-icon { width: 1.1em; height: 1.1em; }
    @media print { :host { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
  `,
})
export class OverdueMark {
  /** The translated text, e.g. "3 dagar sen". */
  readonly text = input.required<string>();
}

/** A state as a bordered chip with its word (never colour alone). */
@Component({
  selector: 'sv-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"state-chip state-" + state()', '[attr.data-state]': 'state()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.1em 0.6em;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      line-height: 1.5;
      white-space: nowrap;
    }
    :host(.state-done), :host(.state-closed) { background: #d7f0d8; color: #14501a; border-color: #14501a; }
    :host(.state-blocked), :host(.state-escalated) { background: #fff1b8; color: #5b4300; border-color: #5b4300; }
    :host(.state-cancelled), :host(.state-dismissed) { border-style: dashed; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class StateChip {
  private readonly i18n = inject(I18n);
  readonly state = input.required<string>();
  /** 'case' (default) or 'action'. */
  readonly kind = input<'case' | 'action'>('case');
  protected label(): string {
    return this.kind() === 'action' ? actionStateLabel(this.i18n, this.state()) : caseStateLabel(this.i18n, this.state());
  }
}

