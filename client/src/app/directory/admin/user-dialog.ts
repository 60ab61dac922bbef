import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { DIRECTORY_LIMITS, OrganizationDto, ROLES, Role, UpdateUserRequest, UserDto } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EntityDialog } from './entity-dialog';

/** The organisations to choose from, and the user to edit (none to create one). */
export interface UserDialogData {
  organizations: OrganizationDto[];
  user?: UserDto;
}

/** Minimum length of a password set by an administrator. */
export const MIN_PASSWORD_LENGTH = 12;

function atLeastOneRole(control: AbstractControl<Role[]>): ValidationErrors | null {
  return control.value?.length ? null : { message: 'admin.users.rolesRequired' };
}

/** Create or edit a user; closes with the saved user. */
@Component({
  selector: 'sv-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatSlideToggle,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'admin.users.edit' : 'admin.users.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.users.name' | t }}</mat-label>
          <input matInput formControlName="name" name="name" required [maxlength]="limits.userName.max" autocomplete="off" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.users.email' | t }}</mat-label>
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
          <mat-label>{{ 'admin.users.organization' | t }}</mat-label>
          <mat-select formControlName="organizationId" name="organizationId" required>
            @for (org of data.organizations; track org.id) {
              <mat-option [value]="org.id">{{ org.name }}</mat-option>
            }
          </mat-select>
          @if (!data.organizations.length) {
            <mat-hint>{{ 'admin.users.noOrganizations' | t }}</mat-hint>
          }
          <mat-error>{{ form.controls.organizationId | fieldError }}</mat-error>
        </mat-form-field>

        <fieldset class="checkbox-group" aria-describedby="roles-error">
          <legend>{{ 'admin.users.roles' | t }} *</legend>
          <div class="role-grid">
            @for (role of roles; track role) {
              <mat-checkbox [checked]="form.controls.roles.value.includes(role)" (change)="toggleRole(role, $event.checked)" [name]="'role-' + role">{{
                i18n.role(role)
              }}</mat-checkbox>
            }
          </div>
          <div id="roles-error" class="field-error" aria-live="polite">
            @if (form.controls.roles.touched && form.controls.roles.invalid) {
              {{ form.controls.roles | fieldError }}
            }
          </div>
        </fieldset>

        <mat-form-field appearance="outline">
          <mat-label>{{ (editing ? 'admin.users.newPassword' : 'admin.users.password') | t }}</mat-label>
          <input matInput type="password" formControlName="password" name="password" autocomplete="new-password" [required]="!editing" />
          <mat-hint>{{ (editing ? 'admin.users.newPasswordHint' : 'admin.users.passwordHint') | t }}</mat-hint>
          <mat-error>{{ form.controls.password | fieldError }}</mat-error>
        </mat-form-field>

        @if (editing) {
          <mat-slide-toggle formControlName="active" name="active">{{ 'admin.users.active' | t }}</mat-slide-toggle>
        }

        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="save">{{ 'common.save' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .role-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      min-height: 1.25em;
    }
    mat-slide-toggle {
      margin-block: 0.5rem 1rem;
    }
  `,
})
export class UserDialog extends EntityDialog<UserDto> {
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);

  protected readonly editing = !!this.data.user;
  /** The API's text limits, so that a field cannot take more than the server accepts. */
  protected readonly limits = DIRECTORY_LIMITS;
  protected readonly roles = ROLES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.user?.name ?? '', [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.userName.max)]],
    email: [this.data.user?.email ?? '', [Validators.required, Validators.email, Validators.maxLength(DIRECTORY_LIMITS.email.max)]],
    organizationId: [this.data.user?.organization.id ?? '', [Validators.required]],
    roles: [[...(this.data.user?.roles ?? [])] as Role[], [atLeastOneRole]],
    password: ['', this.data.user ? [Validators.minLength(MIN_PASSWORD_LENGTH)] : [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
    active: [this.data.user?.active ?? true],
  });

  /** Adds or removes a role, keeping the order of `ROLES`. */
  protected toggleRole(role: Role, checked: boolean): void {
    const current = new Set(this.form.controls.roles.value);
    if (checked) current.add(role);
    else current.delete(role);
    this.form.controls.roles.setValue(ROLES.filter((r) => current.has(r)));
    this.form.controls.roles.markAsTouched();
  }

  /** Sends the form; field errors from the API are shown next to their fields. */
  protected save(): void {
    this.submit(this.form, () => {
      const { name, email, organizationId, roles, password, active } = this.form.getRawValue();
      const common = { name: name.trim(), email: email.trim(), organizationId, roles };
      if (!this.data.user) return this.api.createUser({ ...common, password });
      const body: UpdateUserRequest = { ...common, active };
      if (password) body.password = password;
      return this.api.updateUser(this.data.user.id, body);
    });
  }
}
