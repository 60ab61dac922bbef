import type { FindingDto } from '@samverka/contracts';
import type { I18n } from '../core/i18n/i18n';
import { walkDate } from './walk-format';

/** A finding's status in words: not settled, or what was decided (an action with its organisation and due date, a case, or noted). */
export function settlementText(finding: FindingDto, i18n: I18n): string {
  const s = finding.settlement;
  if (!s) return i18n.t('walks.settle.status.open');
  switch (s.outcome) {
    case 'action': {
      const text = i18n.t('walks.settle.status.action', { organization: s.organizationName, date: walkDate(s.dueDate, i18n.locale()) });
      const state = s.actionState ? ` · ${i18n.t(`meetings.actionState.${s.actionState}`)}` : '';
      const overdue = s.daysOverdue > 0 ? ` · ${i18n.t('walks.settle.overdue', { days: s.daysOverdue })}` : '';
      return text + state + overdue;
    }
    case 'case':
      return i18n.t('walks.settle.status.case', { title: s.caseTitle });
    case 'noted':
      return i18n.t('walks.settle.status.noted', { reason: s.reason });
  }
}
