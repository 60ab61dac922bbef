import { REPORT_LIMITS, type ApiError } from '@samverka/contracts';
import { errorMessage } from '../core/http/api-error';
import type { I18n, MessageKey, MessageParams } from '../core/i18n/i18n';

/** A message of the API (English) matched to a dictionary text, by code, field and wording. */
interface Rule {
  code: string;
  field?: string | RegExp;
  message?: RegExp;
  key: MessageKey;
  params?: (match: RegExpExecArray | null) => MessageParams;
}

/** The errors a user of the report screens can meet; anything else keeps the API's own message. */
const RULES: Rule[] = [
  { code: 'REPORT.PERSONAL_DATA', key: 'report.error.personalData' },
  { code: 'REPORT.LOCKED', key: 'report.error.locked' },
  { code: 'VALIDATION_FAILED', field: 'areaId', key: 'report.error.area' },
  { code: 'AREA.NOT_FOUND', field: 'areaId', key: 'report.error.area' },
  { code: 'VALIDATION_FAILED', field: 'placeId', key: 'report.error.place' },
  { code: 'VALIDATION_FAILED', field: /^(latitude|longitude)$/, message: /outside Sweden/, key: 'report.error.outsideSweden' },
  { code: 'VALIDATION_FAILED', field: /^(latitude|longitude)$/, key: 'report.error.position' },
  { code: 'VALIDATION_FAILED', field: 'categoryId', key: 'report.error.category' },
  { code: 'VALIDATION_FAILED', field: 'occurredAt', message: /future/, key: 'report.error.future' },
  { code: 'VALIDATION_FAILED', field: 'occurredAt', key: 'report.error.time' },
  { code: 'VALIDATION_FAILED', field: 'description', message: /at most/, key: 'common.maxLength', params: () => ({ max: REPORT_LIMITS.description.max }) },
  { code: 'VALIDATION_FAILED', field: 'description', message: /empty|must be text/, key: 'common.required' },
  { code: 'VALIDATION_FAILED', field: 'assessment', key: 'report.error.assessment' },
  { code: 'VALIDATION_FAILED', field: 'rationale', key: 'level.error.rationale' },
  { code: 'VALIDATION_FAILED', field: 'level', key: 'level.error.level' },
  { code: 'VALIDATION_FAILED', field: 'week', key: 'picture.error.week' },
  { code: 'VALIDATION_FAILED', field: 'file', message: /required/, key: 'import.error.fileRequired' },
  { code: 'VALIDATION_FAILED', field: 'file', message: /must be a CSV/, key: 'import.error.notCsv' },
  { code: 'VALIDATION_FAILED', field: 'file', message: /empty/, key: 'import.error.empty' },
  {
    code: 'VALIDATION_FAILED',
    field: 'file',
    message: /no column for: (.*)$/,
    key: 'import.error.columns',
    params: (m) => ({ columns: m?.[1] ?? '' }),
  },
  { code: 'VALIDATION_FAILED', field: 'mode', key: 'import.error.mode' },
  { code: 'VALIDATION_FAILED', field: 'sourceOrganizationId', key: 'import.error.source' },
  { code: 'IMPORT.SOURCE_FORBIDDEN', key: 'import.error.sourceForbidden' },
  { code: 'IMPORT.BUSY', key: 'import.error.busy' },
];

/** The columns the API names as missing (its English words), as the dictionary's texts. */
const MISSING_COLUMNS: [RegExp, MessageKey][] = [
  [/^time\b/, 'import.column.time'],
  [/^category\b/, 'import.column.category'],
  [/^description\b/, 'import.column.description'],
  [/^place\b/, 'import.column.place'],
];

/** The dictionary text for one API message, or null when there is none. */
export function translateApiMessage(i18n: I18n, code: string, field: string | undefined, message: string): string | null {
  for (const rule of RULES) {
    if (rule.code !== code) continue;
    if (rule.field !== undefined) {
      if (field === undefined) continue;
      if (typeof rule.field === 'string' ? rule.field !== field : !rule.field.test(field)) continue;
    }
    const match = rule.message ? rule.message.exec(message) : null;
    if (rule.message && !match) continue;
    const params = rule.params?.(match);
    if (rule.key === 'import.error.columns' && params) params['columns'] = translateColumns(i18n, String(params['columns']));
    return i18n.t(rule.key, params);
  }
  return null;
}

function translateColumns(i18n: I18n, columns: string): string {
  return columns
    .split(/, (?=time|category|description|place)/)
    .map((c) => {
      const known = MISSING_COLUMNS.find(([pattern]) => pattern.test(c));
      return known ? i18n.t(known[1]) : c;
    })
    .join(', ');
}

/** The failure of a finished import (the API's English sentence) in the user's language; null when unknown. */
export function importFailureText(i18n: I18n, error: string, counts: { rejectedCount: number; rowsRead: number }): string | null {
  if (/rows were rejected, so nothing was imported/.test(error))
    return i18n.t('import.error.rejectedRows', { rejected: counts.rejectedCount, rows: counts.rowsRead });
  if (/^Interrupted/.test(error)) return i18n.t('import.error.interrupted');
  const unreadable = /^The file could not be read: (.*); nothing was imported$/.exec(error);
  if (unreadable) return i18n.t('import.error.unreadable', { detail: unreadable[1] });
  return null;
}

/** The text to show for a failed request: a dictionary text where the error is known, else the API's message. */
export function apiErrorText(error: ApiError, i18n: I18n): string {
  return translateApiMessage(i18n, error.code, error.field, error.message) ?? errorMessage(error, i18n);
}

/** Every field the error names, with its text (translated where known). */
export function apiFieldErrors(error: ApiError, i18n: I18n): Map<string, string> {
  const byField = new Map<string, string>();
  for (const e of error.errors ?? []) {
    if (!byField.has(e.field)) byField.set(e.field, translateApiMessage(i18n, error.code, e.field, e.message) ?? e.message);
  }
  if (error.field && !byField.has(error.field)) byField.set(error.field, apiErrorText(error, i18n));
  return byField;
}
