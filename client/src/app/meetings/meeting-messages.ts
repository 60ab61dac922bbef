import type { ApiError } from '@samverka/contracts';
import type { I18n, MessageKey } from '../core/i18n/i18n';
import { apiErrorText } from '../reports/api-messages';

/** An API error of the meeting screens matched to a dictionary text (by code, and by field where given). */
interface Rule {
  code: string;
  field?: RegExp;
  message?: RegExp;
  key: MessageKey;
}

const RULES: Rule[] = [
  { code: 'MEETING.STALE_VERSION', key: 'meetings.error.stale' },
  { code: 'MEETING.TRANSITION_NOT_ALLOWED', key: 'meetings.error.transition' },
  { code: 'MEETING.EVENT_FORBIDDEN', key: 'meetings.error.forbidden' },
  { code: 'MEETING.NOT_APPROVED', key: 'meetings.error.notApproved' },
  { code: 'CASE.TRANSITION_NOT_ALLOWED', key: 'meetings.error.caseTransition' },
  { code: 'CASE.EVENT_FORBIDDEN', key: 'meetings.error.caseForbidden' },
  { code: 'CASE.STALE_VERSION', key: 'meetings.error.stale' },
  { code: 'MEETING.NOT_FOUND', key: 'meetings.error.notFound' },
  { code: 'MEETING.PARTICIPANTS_ONLY', key: 'meetings.error.participantsOnly' },
  { code: 'VALIDATION_FAILED', field: /^actions\[\d+\]\.dueDate$/, key: 'meetings.error.dueDate' },
  { code: 'VALIDATION_FAILED', field: /^actions\[\d+\]\.startDate$/, key: 'meetings.error.startDate' },
  { code: 'VALIDATION_FAILED', field: /^actions\[\d+\]\.goal$/, key: 'meetings.error.goal' },
  { code: 'VALIDATION_FAILED', field: /^actions\[\d+\]\.organizationId$/, key: 'meetings.error.organization' },
  { code: 'VALIDATION_FAILED', field: /^actions$/, key: 'meetings.error.actions' },
  { code: 'VALIDATION_FAILED', field: /^note$/, key: 'meetings.error.note' },
  { code: 'VALIDATION_FAILED', field: /^reason$/, key: 'meetings.error.reason' },
  { code: 'VALIDATION_FAILED', field: /^title$/, key: 'meetings.error.title' },
  { code: 'VALIDATION_FAILED', field: /^place$/, key: 'meetings.error.place' },
  { code: 'VALIDATION_FAILED', field: /^startsAt$/, key: 'meetings.error.startsAt' },
  { code: 'VALIDATION_FAILED', field: /^areaIds$/, key: 'meetings.error.areas' },
  { code: 'VALIDATION_FAILED', field: /^organizationIds$/, key: 'meetings.error.organizations' },
  { code: 'VALIDATION_FAILED', field: /^participants\[\d+\]\.name$/, key: 'meetings.error.participantName' },
  { code: 'VALIDATION_FAILED', field: /^participants\[\d+\]\.organizationId$/, key: 'meetings.error.participantOrganization' },
  { code: 'VALIDATION_FAILED', field: /^items\[\d+\]\.caseId$/, key: 'meetings.error.itemCase' },
  { code: 'VALIDATION_FAILED', field: /^items\[\d+\]\.title$/, key: 'meetings.error.itemTitle' },
  { code: 'VALIDATION_FAILED', field: /^text$/, key: 'meetings.error.statement' },
  { code: 'VALIDATION_FAILED', field: /^(from|to)$/, key: 'meetings.error.period' },
];

function translate(i18n: I18n, code: string, field: string | undefined): string | null {
  for (const rule of RULES) {
    if (rule.code !== code) continue;
    if (rule.field && (field === undefined || !rule.field.test(field))) continue;
    return i18n.t(rule.key);
  }
  return null;
}

/** The text to show for a failed request of the meeting screens (a dictionary text where known). */
export function meetingErrorText(error: ApiError, i18n: I18n): string {
  return translate(i18n, error.code, error.field) ?? apiErrorText(error, i18n);
}

/** Each field the error names, with its text. Field paths such as `actions[0].dueDate` become `actions.0.dueDate`. */
export function meetingFieldErrors(error: ApiError, i18n: I18n): Map<string, string> {
  const byField = new Map<string, string>();
  const add = (field: string, message: string) => {
    const path = field.replace(/\[(\d+)\]/g, '.$1');
    if (!byField.has(path)) byField.set(path, translate(i18n, error.code, field) ?? message);
  };
  for (const e of error.errors ?? []) add(e.field, e.message);
  if (error.field) add(error.field, meetingErrorText(error, i18n));
  return byField;
}
