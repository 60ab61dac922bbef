import { Directive, inject, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { caseErrorText, isStale, placeFieldErrors } from '../case-messages';

/** How an event dialog closed: sent (with the answer), or refused because someone else changed the record first. */
export type DialogOutcome<T> = { done: T } | { stale: true };

/** What every event dialog gets: how to send its payload (the page decides which endpoint and version). */
export interface EventDialogData<T> {
  submit: (payload: Record<string, unknown>) => Observable<T>;
}

/**
 * The common part of the event dialogs: sends the payload, closes with the answer, puts field errors next to
 * their fields, closes as `stale` on a version conflict (the page then offers a reload), and shows anything else
 * in the dialog's alert line.
 */
@Directive()
export abstract class EventDialogBase<T> {
  protected readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<unknown, DialogOutcome<T>>>(MatDialogRef);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected abstract readonly base: EventDialogData<T>;

  /** The control that shows the API's error for `field` (the same name unless a dialog says otherwise). */
  protected pathOf(field: string): string {
    return field;
  }

  /** Sends `payload` unless the form is invalid. */
  protected send(form: AbstractControl, payload: Record<string, unknown>): void {
    if (this.saving()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    this.base.submit(payload).subscribe({
      next: (result) => this.ref.close({ done: result }),
      error: (err: unknown) => {
        this.saving.set(false);
        const error = toApiError(err);
        if (isStale(error)) {
          this.ref.close({ stale: true });
          return;
        }
        if (error.code === 'VALIDATION_FAILED' && placeFieldErrors(form, error, this.i18n, (f) => this.pathOf(f))) return;
        this.formError.set(caseErrorText(error, this.i18n));
      },
    });
  }
}

/** Required, and not only blanks; `minTrimmed` characters after trimming. */
export function minTrimmed(min: number) {
  return (control: AbstractControl<string>) => {
    const length = (control.value ?? '').trim().length;
    if (length === 0) return { required: true };
    return length < min ? { minlength: { requiredLength: min, actualLength: length } } : null;
  };
}
