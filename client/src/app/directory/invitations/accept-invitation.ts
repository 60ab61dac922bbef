import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { DIRECTORY_LIMITS, type InvitationPreviewDto } from '@samverka/contracts';
import { switchMap } from 'rxjs';
import { AuthService } from '../../core/auth/auth';
import { applyServerErrors, errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { LangSwitch } from '../../core/ui/lang-switch';
import { DirectoryApi } from '../directory-api';

/** The API's minimum password length (api/src/auth/passwords.ts). */
const MIN_PASSWORD_LENGTH = 12;

function samePasswords(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string;
  const repeat = group.get('repeat');
  if (repeat && repeat.value && repeat.value !== password) {
    repeat.setErrors({ ...(repeat.errors ?? {}), message: 'invite.accept.mismatch' });
  }
  return null;
}

/**
 * The public page of an invitation link (`/invite/:token`): shows what the link invites to, lets the person choose a
 * name and a password, creates the account and signs in. A used, expired or withdrawn link says so.
 */
@Component({
  selector: 'sv-accept-invitation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatError, MatHint, MatInput, MatButton, MatProgressBar, TPipe, FieldErrorPipe, LangSwitch],
  template: `
    <div class="login-page">
      <header class="lang">
        <sv-lang-switch />
      </header>
      <main id="main" class="login-card" tabindex="-1">
        <h1 id="invite-accept-heading" class="title">{{ 'invite.accept.title' | t }}</h1>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'invite.accept.loading' | t" />
        } @else if (problem(); as message) {
          <p role="alert" data-testid="invite-problem">{{ message }}</p>
          <a matButton="outlined" routerLink="/login">{{ 'invite.accept.toLogin' | t }}</a>
        } @else if (preview(); as p) {
          <p data-testid="invite-intro">{{ 'invite.accept.intro' | t: { roles: roleLabels(p), organization: p.organizationName, email: p.email } }}</p>
          <form [formGroup]="form" (ngSubmit)="submit(p)" novalidate aria-labelledby="invite-accept-heading">
            <div class="form-alert" role="alert" aria-live="assertive">{{ formError() }}</div>
            <input type="email" name="email" autocomplete="username" [value]="p.email" readonly hidden />
            <mat-form-field appearance="outline">
              <mat-label>{{ 'invite.accept.name' | t }}</mat-label>
              <input matInput formControlName="name" name="name" required autocomplete="name" [maxlength]="limits.userName.max" />
              <mat-hint>{{ 'invite.accept.nameHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.name | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'invite.accept.password' | t }}</mat-label>
              <input matInput type="password" formControlName="password" name="password" required autocomplete="new-password" />
              <mat-hint>{{ 'invite.accept.passwordHint' | t: { min: minPassword } }}</mat-hint>
              <mat-error>{{ form.controls.password | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'invite.accept.repeat' | t }}</mat-label>
              <input matInput type="password" formControlName="repeat" name="repeat" required autocomplete="new-password" />
              <mat-error>{{ form.controls.repeat | fieldError }}</mat-error>
            </mat-form-field>
            <div class="progress-slot">
              @if (submitting()) {
                <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
              }
            </div>
            <button matButton="filled" type="submit" class="submit" [disabled]="submitting()" data-testid="invite-accept">
              {{ 'invite.accept.submit' | t }}
            </button>
          </form>
        }
      </main>
    </div>
  `,
  styleUrl: '../../core/auth/login.scss',
})
export class AcceptInvitation implements OnInit {
  /** The link's token (route parameter). */
  readonly token = input.required<string>();
  private readonly api = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly limits = DIRECTORY_LIMITS;
  protected readonly minPassword = MIN_PASSWORD_LENGTH;
  protected readonly loading = signal(true);
  protected readonly submitting = signal(false);
  protected readonly preview = signal<InvitationPreviewDto | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly formError = signal('');

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      name: ['', [Validators.required, Validators.minLength(DIRECTORY_LIMITS.userName.min), Validators.maxLength(DIRECTORY_LIMITS.userName.max)]],
      password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(DIRECTORY_LIMITS.password.max)]],
      repeat: ['', [Validators.required]],
    },
    { validators: [samePasswords] },
  );

  ngOnInit(): void {
    this.api.invitationPreview(this.token()).subscribe({
      next: (p) => {
        this.preview.set(p);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        const e = toApiError(err);
        this.problem.set(e.statusCode === 404 ? this.i18n.t('invite.accept.invalid') : errorMessage(e, this.i18n));
        this.loading.set(false);
      },
    });
  }

  protected roleLabels(p: InvitationPreviewDto): string {
    return p.roles.map((r) => this.i18n.role(r)).join(', ');
  }

  protected submit(p: InvitationPreviewDto): void {
    if (this.submitting()) return;
    this.formError.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const { name, password } = this.form.getRawValue();
    this.api
      .acceptInvitation(this.token(), { name: name.trim(), password })
      .pipe(switchMap(() => this.auth.login({ email: p.email, password })))
      .subscribe({
        next: () => {
          this.submitting.set(false);
          void this.router.navigateByUrl('/');
        },
        error: (err: unknown) => {
          this.submitting.set(false);
          const e = toApiError(err);
          if (e.statusCode === 410) this.problem.set(e.message);
          else if (!applyServerErrors(this.form, e)) this.formError.set(errorMessage(e, this.i18n));
        },
      });
  }
}
