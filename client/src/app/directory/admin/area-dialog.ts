import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { DIRECTORY_LIMITS, type AreaSummaryDto, type OrganizationDto } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EntityDialog } from './entity-dialog';

/** The organisations that may be partners, and the area to edit (none to create one). */
export interface AreaDialogData {
  organizations: OrganizationDto[];
  area?: AreaSummaryDto;
}

/** Create or edit an area and its partner organisations; closes with the saved area. */
@Component({
  selector: 'sv-area-dialog',
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
    <h2 mat-dialog-title>{{ (editing ? 'admin.areas.edit' : 'admin.areas.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.areas.name' | t }}</mat-label>
          <input matInput formControlName="name" name="name" required [maxlength]="limits.areaName.max" autocomplete="off" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.areas.description' | t }}</mat-label>
          <textarea matInput formControlName="description" name="description" rows="3" [maxlength]="limits.areaDescription.max"></textarea>
          <mat-error>{{ form.controls.description | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.areas.partners' | t }}</mat-label>
          <mat-select formControlName="partnerIds" name="partnerIds" multiple>
            @for (org of data.organizations; track org.id) {
              <mat-option [value]="org.id">{{ org.name }} ({{ i18n.orgType(org.type) }})</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.partnerIds | fieldError }}</mat-error>
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
export class AreaDialog extends EntityDialog<AreaSummaryDto> {
  protected readonly data = inject<AreaDialogData>(MAT_DIALOG_DATA);

  protected readonly editing = !!this.data.area;
  /** The API's text limits, so that a field cannot take more than the server accepts. */
  protected readonly limits = DIRECTORY_LIMITS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.area?.name ?? '', [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.areaName.max)]],
    description: [this.data.area?.description ?? '', [Validators.maxLength(DIRECTORY_LIMITS.areaDescription.max)]],
    partnerIds: [(this.data.area?.partners ?? []).map((p) => p.id)],
  });

  /** Sends the form; field errors from the API are shown next to their fields. */
  protected save(): void {
    this.submit(this.form, () => {
      const { name, description, partnerIds } = this.form.getRawValue();
      const body = { name: name.trim(), description: description.trim() || null, partnerIds };
      return this.data.area ? this.api.updateArea(this.data.area.id, body) : this.api.createArea(body);
    });
  }
}
