import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { errorMessage, toApiError } from '../http/api-error';
import { I18n, MessageKey } from '../i18n/i18n';

/** Short messages in a snackbar (announced politely by screen readers; errors assertively). */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  /** Shows a translated confirmation such as "Sparat". */
  success(key: MessageKey): void {
    this.snackBar.open(this.i18n.t(key), this.i18n.t('common.close'), { duration: 4000, politeness: 'polite' });
  }

  /** Shows the message of a failed request (the API's `ApiError.message` where there is one). */
  error(error: unknown): void {
    this.snackBar.open(errorMessage(toApiError(error), this.i18n), this.i18n.t('common.close'), {
      duration: 8000,
      politeness: 'assertive',
    });
  }
}
