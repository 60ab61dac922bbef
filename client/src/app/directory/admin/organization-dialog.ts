import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { DIRECTORY_LIMITS, ORGANIZATION_TYPES, OrganizationDto } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EntityDialog } from './entity-dialog';

/** Opens with an organisation to edit, or with none to create one. */
export interface OrganizationDialogData {
  organization?: OrganizationDto;
}

/** Create or edit an organisation; closes with the saved organisation. */
@Component({
  selector: 'sv-organization-dialog',
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
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'admin.organizations.edit' : 'admin.organizations.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.organizations.name' | t }}</mat-label>
          <input matInput formControlName="name" name="name" required [maxlength]="limits.organizationName.max" autocomplete="organization" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.organizations.type' | t }}</mat-label>
          <mat-select formControlName="type" name="type" required>
            @for (type of types; track type) {
              <mat-option [value]="type">{{ i18n.orgType(type) }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.type | fieldError }}</mat-error>
        </mat-form-field>
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
})
export class OrganizationDialog extends EntityDialog<OrganizationDto> {
  private readonly data = inject<OrganizationDialogData>(MAT_DIALOG_DATA, { optional: true }) ?? {};

  protected readonly editing = !!this.data.organization;
  /** The API's text limits, so that a field cannot take more than the server accepts. */
  protected readonly limits = DIRECTORY_LIMITS;
  protected readonly types = ORGANIZATION_TYPES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.organization?.name ?? '', [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.organizationName.max)]],
    type: [this.data.organization?.type ?? 'kommun', [Validators.required]],
  });

  /** Sends the form; field errors from the API are shown next to their fields. */
  protected save(): void {
    this.submit(this.form, () => {
      const value = { ...this.form.getRawValue(), name: this.form.controls.name.value.trim() };
      return this.data.organization ? this.api.updateOrganization(this.data.organization.id, value) : this.api.createOrganization(value);
    });
  }
}
