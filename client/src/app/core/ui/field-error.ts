import { Pipe, PipeTransform, inject } from '@angular/core';
import { AbstractControl, ValidationErrors } from '@angular/forms';
import { I18n, MessageKey } from '../i18n/i18n';

/**
 * `<mat-error>{{ form.controls.name | fieldError }}</mat-error>`: the message for a control's first
 * error, translated. Understands Angular's built-in validators, the API's `server` error, and
 * custom validators that return `{ message: <dictionary key> }`.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  /** The message for the first error of `control`, or an empty string. */
  transform(control: AbstractControl | null | undefined): string {
    const errors: ValidationErrors | null | undefined = control?.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return this.i18n.t('common.required');
    if (errors['email']) return this.i18n.t('common.invalidEmail');
    if (errors['minlength']) return this.i18n.t('common.minLength', { min: (errors['minlength'] as { requiredLength: number }).requiredLength });
    if (errors['maxlength']) return this.i18n.t('common.maxLength', { max: (errors['maxlength'] as { requiredLength: number }).requiredLength });
    if (typeof errors['message'] === 'string') return this.i18n.t(errors['message'] as MessageKey);
    return this.i18n.t('common.unexpectedError');
  }
}
