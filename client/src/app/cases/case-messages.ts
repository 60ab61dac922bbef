import { Injector, afterNextRender } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import type { ApiError } from '@samverka/contracts';
import type { I18n } from '../core/i18n/i18n';
import { apiErrorText } from '../reports/api-messages';

/** Someone else changed the case or action since it was read (reload and retry). */
export const isStale = (error: ApiError) => error.code === 'CASE.STALE_VERSION' || error.code === 'ACTION.STALE_VERSION';

/** The dictionary text for one field problem of a case or action event (the API's messages are English). */
export function fieldText(i18n: I18n, field: string, message: string): string | null {
  const name = field.replace(/^actions\[\d+\]\./, '');
  const length = /must be (\d+)[–-](\d+) characters/.exec(message);
  if (length) return i18n.t('cases.error.length', { min: length[1], max: length[2] });
  const max = /at most (\d+) characters/.exec(message);
  if (max) return i18n.t('common.maxLength', { max: max[1] });
  switch (name) {
    case 'dueDate':
      return i18n.t('cases.error.dueDate');
    case 'startDate':
      return i18n.t('cases.error.startDate');
    case 'organizationId':
      return i18n.t('cases.error.organization');
    case 'ownerId':
      return i18n.t('cases.error.owner');
    case 'kind':
    case 'term':
    case 'outcome':
    case 'reason':
      return /required/.test(message) ? i18n.t('common.required') : i18n.t('cases.error.choose');
    case 'duplicateOfCaseId':
      return i18n.t('cases.error.duplicateOf');
    case 'reportIds':
      return i18n.t('cases.error.reports');
    case 'placeIds':
      return i18n.t('cases.error.places');
    case 'areaId':
      return i18n.t('report.error.area');
    case 'analysis':
      if (/before proposing/.test(message)) return i18n.t('cases.error.analysisFirst');
      return i18n.t('common.minLength', { min: 10 });
    case 'actions':
      return /at most/.test(message) ? i18n.t('cases.error.tooManyActions') : i18n.t('cases.error.noActions');
    case 'type': {
      const days = /within (\d+) days/.exec(message);
      return days ? i18n.t('cases.error.reopenWindow', { days: days[1] }) : null;
    }
  }
  if (/required/.test(message)) {
    return ['note', 'reason', 'report'].includes(name) ? i18n.t('common.minLength', { min: 3 }) : i18n.t('common.required');
  }
  return null;
}

/** The text to show for a failed case or action request. */
export function caseErrorText(error: ApiError, i18n: I18n): string {
  if (isStale(error)) return i18n.t('cases.error.stale');
  if (error.code.endsWith('.TRANSITION_NOT_ALLOWED')) return i18n.t('cases.error.notAllowed');
  if (error.code.endsWith('.EVENT_FORBIDDEN')) return i18n.t('cases.error.forbidden');
  if (error.code === 'CASE.NOT_FOUND' || error.code === 'ACTION.NOT_FOUND') return i18n.t('cases.error.notFound');
  if (error.code === 'VALIDATION_FAILED' && error.field) {
    const text = fieldText(i18n, error.field, error.message);
    if (text) return text;
  }
  return apiErrorText(error, i18n);
}

/** A form path for an API field: `actions[0].dueDate` → `actions.0.dueDate`. */
export const controlPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/**
 * Puts the API's field errors on the matching controls of `form` (as the `server` error shown by mat-error, in
 * the dictionary's words) and marks them touched. `pathOf` maps an API field to a control path where they differ.
 * Returns true when at least one error found its control.
 */
export function placeFieldErrors(form: AbstractControl, error: ApiError, i18n: I18n, pathOf: (field: string) => string = controlPath): boolean {
  const problems = new Map<string, string>();
  for (const e of error.errors ?? []) if (!problems.has(e.field)) problems.set(e.field, e.message);
  if (error.field && !problems.has(error.field)) problems.set(error.field, error.message);
  let placed = false;
  for (const [field, message] of problems) {
    const control = form.get(pathOf(field));
    if (!control) continue;
    control.setErrors({ ...(control.errors ?? {}), server: fieldText(i18n, field, message) ?? message });
    control.markAsTouched();
    placed = true;
  }
  return placed;
}

/** After the next render, moves focus to the first field shown as invalid inside `root` (so that its error is read). */
export function focusFirstInvalid(root: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const field = root.querySelector('.mat-form-field-invalid');
      field?.querySelector<HTMLElement>('input, textarea, [role="combobox"]')?.focus();
    },
    { injector },
  );
}
