import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { errorMessage, toApiError } from '../http/api-error';
import { I18n, TPipe } from '../i18n/i18n';
import { LangSwitch } from '../ui/lang-switch';
import { AuthService } from './auth';

/** The sign-in page: e-mail and password, one generic message for wrong credentials. */
@Component({
  selector: 'sv-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatError, MatInput, MatButton, MatProgressBar, TPipe, LangSwitch],
  templateUrl: './login.html',
  styleUrl: './login.scss',
})
export class Login {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });

  /** True while the sign-in request runs. */
  protected readonly submitting = signal(false);

  /** The message shown above the form after a failed attempt (role="alert"). */
  protected readonly error = signal<string | null>(null);

  /** Signs in; on success goes to the page the user wanted, else to the overview. */
  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.auth.login({ email: email.trim(), password }).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl(this.returnUrl());
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.form.controls.password.reset('');
        const isWrongCredentials = err instanceof HttpErrorResponse && err.status === 401;
        this.error.set(isWrongCredentials ? this.i18n.t('login.wrongCredentials') : errorMessage(toApiError(err), this.i18n));
      },
    });
  }

  /** Only same-app paths are followed, never another origin. */
  private returnUrl(): string {
    const url = this.route.snapshot.queryParamMap.get('returnUrl');
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
  }
}
