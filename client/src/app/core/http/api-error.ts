import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError } from '@samverka/contracts';
import type { I18n } from '../i18n/i18n';

/** The `ApiError` carried by a failed request, or a synthesised one when the body is not one. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiError> | null;
    if (body && typeof body === 'object' && typeof body.message === 'string') {
      return {
        statusCode: body.statusCode ?? error.status,
        code: body.code ?? `HTTP.${error.status}`,
        message: body.message,
        field: body.field,
        errors: body.errors,
      };
    }
    return { statusCode: error.status, code: error.status === 0 ? 'NETWORK' : `HTTP.${error.status}`, message: '' };
  }
  return { statusCode: 0, code: 'UNKNOWN', message: '' };
}

/** A message fit to show the user: the API's own message, else a translated generic one. */
export function errorMessage(error: ApiError, i18n: I18n): string {
  if (error.message) return error.message;
  if (error.code === 'NETWORK') return i18n.t('common.networkError');
  if (error.statusCode === 403) return i18n.t('common.forbidden');
  return i18n.t('common.unexpectedError');
}

/**
 * Puts the API's field errors on the matching form controls (as the `server` error, shown by
 * mat-error) and marks them touched. Returns true when at least one error found its control.
 */
export function applyServerErrors(form: FormGroup, error: ApiError): boolean {
  const byField = new Map<string, string>();
  for (const e of error.errors ?? []) byField.set(e.field, e.message);
  if (error.field && !byField.has(error.field)) byField.set(error.field, error.message);

  let placed = false;
  for (const [field, message] of byField) {
    const control: AbstractControl | null = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
      placed = true;
    }
  }
  return placed;
}
