import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  COORDINATOR_INVITABLE_ROLES,
  DIRECTORY_LIMITS,
  INVITATION_VALID_DAYS,
  ROLES,
  type CreatedInvitationDto,
  type InvitationDto,
  type OrganizationDto,
  type Role,
} from '@samverka/contracts';
import { forkJoin } from 'rxjs';
import { AuthService } from '../../core/auth/auth';
import { applyServerErrors, errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import type { MessageKey } from '../../core/i18n/sv';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { DirectoryApi } from '../directory-api';

function atLeastOneRole(control: AbstractControl<Role[]>): ValidationErrors | null {
  return control.value.length ? null : { message: 'invite.rolesRequired' };
}

/**
 * "Bjud in": a coordinator (for the organisations of its partnerships) or an administrator invites a person by
 * e-mail address. The single-use link is shown once, to copy or to send from the user's own mail program; the list
 * shows every invitation's status, and a pending one can be withdrawn.
 */
@Component({
  selector: 'sv-invitations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h1 id="invite-heading" tabindex="-1">{{ 'invite.title' | t }}</h1>
    <p class="intro">{{ 'invite.intro' | t: { days: validDays } }}</p>

    <form [formGroup]="form" (ngSubmit)="create()" novalidate class="invite-form" aria-labelledby="invite-heading">
      <div class="form-alert" role="alert">{{ formError() }}</div>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'invite.email' | t }}</mat-label>
        <input
          matInput
          type="email"
          formControlName="email"
          name="email"
          required
          [maxlength]="limits.email.max"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
        />
        <mat-error>{{ form.controls.email | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'invite.organization' | t }}</mat-label>
        <mat-select formControlName="organizationId" name="organizationId" required data-testid="invite-organization">
          @for (org of organizations(); track org.id) {
            <mat-option [value]="org.id">{{ org.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.organizationId | fieldError }}</mat-error>
      </mat-form-field>
      <fieldset class="checkbox-group" aria-describedby="invite-roles-hint invite-roles-error">
        <legend>{{ 'invite.roles' | t }} *</legend>
        <div class="role-grid">
          @for (role of roles(); track role) {
            <mat-checkbox [checked]="form.controls.roles.value.includes(role)" (change)="toggleRole(role, $event.checked)" [name]="'role-' + role">{{
              i18n.role(role)
            }}</mat-checkbox>
          }
        </div>
        @if (!isAdmin()) {
          <p id="invite-roles-hint" class="hint">{{ 'invite.rolesHint' | t }}</p>
        }
        <div id="invite-roles-error" class="field-error" aria-live="polite">
          @if (form.controls.roles.touched && form.controls.roles.invalid) {
            {{ form.controls.roles | fieldError }}
          }
        </div>
      </fieldset>
      <div class="progress-slot">
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
        }
      </div>
      <button matButton="filled" type="submit" [disabled]="saving()" data-testid="invite-create">{{ 'invite.create' | t }}</button>
    </form>

    <div aria-live="polite">
      @if (created(); as c) {
        <section class="created" data-testid="invite-created" aria-labelledby="invite-created-text">
          <p id="invite-created-text">{{ 'invite.created' | t: { email: c.email } }}</p>
          <mat-form-field appearance="outline" class="link-field">
            <mat-label>{{ 'invite.link' | t }}</mat-label>
            <input matInput readonly [value]="linkOf(c)" data-testid="invite-link" (focus)="$any($event.target).select()" />
          </mat-form-field>
          <div class="created-actions">
            <button matButton="tonal" type="button" (click)="copy(c)" data-testid="invite-copy">{{ 'invite.copy' | t }}</button>
            <a matButton="outlined" [href]="mailto(c)">{{ 'invite.mail' | t }}</a>
          </div>
        </section>
      }
      @if (notice(); as n) {
        <p class="notice">{{ n }}</p>
      }
    </div>

    <h2 id="invite-list-heading">{{ 'invite.listTitle' | t }}</h2>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    } @else if (!loading() && !rows().length) {
      <p>{{ 'invite.empty' | t }}</p>
    }
    @if (rows().length) {
      <div class="table-wrapper" role="region" tabindex="0" aria-labelledby="invite-list-heading">
        <table class="invitations" data-testid="invite-table">
          <thead>
            <tr>
              <th scope="col">{{ 'invite.email' | t }}</th>
              <th scope="col">{{ 'invite.organization' | t }}</th>
              <th scope="col">{{ 'invite.roles' | t }}</th>
              <th scope="col">{{ 'invite.status' | t }}</th>
              <th scope="col">{{ 'invite.expires' | t }}</th>
              <th scope="col">{{ 'invite.invitedBy' | t }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (inv of rows(); track inv.id) {
              <tr data-testid="invite-row">
                <td>{{ inv.email }}</td>
                <td>{{ inv.organization.name }}</td>
                <td>{{ roleLabels(inv.roles) }}</td>
                <td [class]="'status-' + inv.status">{{ statusKey(inv) | t }}</td>
                <td>{{ when(inv.expiresAt) }}</td>
                <td>{{ inv.invitedBy ?? '–' }}</td>
                <td>
                  @if (inv.status === 'pending') {
                    <button matButton type="button" (click)="revoke(inv)" [attr.aria-label]="'invite.revokeFor' | t: { email: inv.email }">
                      {{ 'invite.revoke' | t }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 64rem;
    }
    .invite-form {
      display: grid;
      gap: 0.25rem;
      max-width: 36rem;
    }
    .role-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    }
    .hint {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-small);
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      min-height: 1.25em;
    }
    .invite-form button[type='submit'] {
      justify-self: start;
    }
    .created {
      margin: 1rem 0;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      max-width: 48rem;
    }
    .link-field {
      width: 100%;
    }
    .created-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .invitations {
      border-collapse: collapse;
      width: 100%;
    }
    .invitations th,
    .invitations td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    .status-pending {
      font-weight: 600;
    }
  `,
})
export class InvitationsPage implements OnInit {
  private readonly api = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly clipboard = inject(Clipboard);
  protected readonly i18n = inject(I18n);
  protected readonly limits = DIRECTORY_LIMITS;
  protected readonly validDays = INVITATION_VALID_DAYS;

  protected readonly isAdmin = computed(() => this.auth.isAdmin());
  protected readonly roles = computed<readonly Role[]>(() => (this.isAdmin() ? ROLES : COORDINATOR_INVITABLE_ROLES));
  protected readonly organizations = signal<OrganizationDto[]>([]);
  protected readonly rows = signal<InvitationDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly formError = signal('');
  protected readonly created = signal<CreatedInvitationDto | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(DIRECTORY_LIMITS.email.max)]],
    organizationId: ['', [Validators.required]],
    roles: [['reporter'] as Role[], [atLeastOneRole]],
  });

  ngOnInit(): void {
    // A coordinator invites to its own organisation and its partners (those of its areas); an admin to any.
    forkJoin({ organizations: this.api.organizations(), areas: this.api.areas(), invitations: this.api.invitations() }).subscribe({
      next: ({ organizations, areas, invitations }) => {
        const own = this.auth.user()?.organization.id;
        const partners = new Set([...(own ? [own] : []), ...areas.flatMap((a) => a.partners.map((p) => p.id))]);
        this.organizations.set(this.isAdmin() ? organizations : organizations.filter((o) => partners.has(o.id)));
        this.rows.set(invitations);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }

  protected toggleRole(role: Role, checked: boolean): void {
    const current = this.form.controls.roles.value.filter((r) => r !== role);
    this.form.controls.roles.setValue(checked ? [...current, role] : current);
    this.form.controls.roles.markAsTouched();
  }

  protected statusKey(inv: InvitationDto): MessageKey {
    return `invite.status.${inv.status}`;
  }

  protected roleLabels(roles: Role[]): string {
    return roles.map((r) => this.i18n.role(r)).join(', ');
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
  }

  protected linkOf(c: CreatedInvitationDto): string {
    return `${location.origin}${c.path}`;
  }

  protected mailto(c: CreatedInvitationDto): string {
    const body = this.i18n.t('invite.mailBody', { organization: c.organization.name, expires: this.when(c.expiresAt), link: this.linkOf(c) });
    return `mailto:${encodeURIComponent(c.email)}?subject=${encodeURIComponent(this.i18n.t('invite.mailSubject'))}&body=${encodeURIComponent(body)}`;
  }

  protected copy(c: CreatedInvitationDto): void {
    if (this.clipboard.copy(this.linkOf(c))) this.notice.set(this.i18n.t('invite.copied'));
  }

  protected create(): void {
    if (this.saving()) return;
    this.formError.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    const { email, organizationId, roles } = this.form.getRawValue();
    this.api.createInvitation({ email: email.trim(), organizationId, roles }).subscribe({
      next: (c) => {
        this.saving.set(false);
        this.created.set(c);
        this.notice.set(null);
        // A new link for an address withdraws the earlier pending one.
        this.rows.update((rows) => [c, ...rows.map((r) => (r.email === c.email && r.status === 'pending' ? { ...r, status: 'revoked' as const } : r))]);
        this.form.reset({ email: '', organizationId, roles });
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (!applyServerErrors(this.form, e)) this.formError.set(errorMessage(e, this.i18n));
      },
    });
  }

  protected revoke(inv: InvitationDto): void {
    this.api.revokeInvitation(inv.id).subscribe({
      next: () => {
        this.rows.update((rows) => rows.map((r) => (r.id === inv.id ? { ...r, status: 'revoked' as const } : r)));
        if (this.created()?.id === inv.id) this.created.set(null);
        this.notice.set(this.i18n.t('invite.revoked', { email: inv.email }));
      },
      error: (err: unknown) => this.notice.set(errorMessage(toApiError(err), this.i18n)),
    });
  }
}
