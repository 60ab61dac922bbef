import { I18n } from '../../core/i18n/i18n';

/** Texts with a singular and a plural form (`<base>.one`, `<base>.other`). */
export type PluralBase =
  | 'cases.count.actions'
  | 'cases.count.open'
  | 'cases.count.overdueActions'
  | 'cases.count.cases'
  | 'cases.count.daysLate'
  | 'cases.count.reports'
  | 'cases.count.dismissedHidden';

/** "1 insats" / "3 insatser", by the active language's plural rules (`I18n.pluralCategory`). */
export function plural(i18n: I18n, base: PluralBase, count: number): string {
  return i18n.pluralCategory(count) === 'one' ? i18n.t(`${base}.one`, { count }) : i18n.t(`${base}.other`, { count });
}
