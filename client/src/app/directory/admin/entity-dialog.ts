import { Directive, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { applyServerErrors, errorMessage, toApiError } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { DirectoryApi } from '../directory-api';

/**
 * The common part of the admin create/edit dialogs: sends the request, closes with the saved entity, puts the
 * API's field errors next to their fields and shows anything else in the dialog's alert line.
 */
@Directive()
export abstract class EntityDialog<T> {
  protected readonly api = inject(DirectoryApi);
  protected readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<unknown, T>>(MatDialogRef);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  /** Sends `request()` unless `form` is invalid (then every field shows its error). */
  protected submit(form: FormGroup, request: () => Observable<T>): void {
    if (this.saving()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const saving = request();
    this.saving.set(true);
    this.formError.set(null);
    saving.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (err: unknown) => {
        this.saving.set(false);
        const apiError = toApiError(err);
        if (!applyServerErrors(form, apiError)) this.formError.set(errorMessage(apiError, this.i18n));
      },
    });
  }
}
