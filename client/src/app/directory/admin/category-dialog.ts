import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { DIRECTORY_LIMITS, type CategoryDto } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EntityDialog } from './entity-dialog';

/** Empty, or a whole number ≥ 0. */
function nonNegativeInteger(control: AbstractControl<number | string | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === '') return null;
  return Number.isInteger(Number(value)) && Number(value) >= 0 ? null : { message: 'common.integer' };
}

/** The category to edit (none to create one). */
export interface CategoryDialogData {
  category?: CategoryDto;
}

/** Create or edit a report category; closes with the saved category. The code is fixed once created. */
@Component({
  selector: 'sv-category-dialog',
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
    MatSlideToggle,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'admin.categories.edit' : 'admin.categories.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.categories.code' | t }}</mat-label>
          <input
            matInput
            formControlName="code"
            name="code"
            required
            [maxlength]="limits.categoryCode.max"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
          />
          <mat-hint>{{ 'admin.categories.codeHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.code | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.categories.labelSv' | t }}</mat-label>
          <input matInput formControlName="labelSv" name="labelSv" lang="sv" required [maxlength]="limits.categoryLabel.max" autocomplete="off" />
          <mat-error>{{ form.controls.labelSv | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.categories.labelEn' | t }}</mat-label>
          <input matInput formControlName="labelEn" name="labelEn" lang="en" required [maxlength]="limits.categoryLabel.max" autocomplete="off" />
          <mat-error>{{ form.controls.labelEn | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.categories.sortOrder' | t }}</mat-label>
          <input matInput type="number" formControlName="sortOrder" name="sortOrder" min="0" step="1" inputmode="numeric" />
          <mat-error>{{ form.controls.sortOrder | fieldError }}</mat-error>
        </mat-form-field>
        @if (editing) {
          <mat-slide-toggle formControlName="active" name="active">{{ 'admin.categories.active' | t }}</mat-slide-toggle>
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
    mat-slide-toggle {
      margin-block: 0.5rem 1rem;
    }
  `,
})
export class CategoryDialog extends EntityDialog<CategoryDto> {
  private readonly data = inject<CategoryDialogData>(MAT_DIALOG_DATA, { optional: true }) ?? {};

  protected readonly editing = !!this.data.category;
  /** The API's text limits, so that a field cannot take more than the server accepts. */
  protected readonly limits = DIRECTORY_LIMITS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [{ value: this.data.category?.code ?? '', disabled: this.editing }, [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.categoryCode.max)]],
    labelSv: [this.data.category?.labelSv ?? '', [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.categoryLabel.max)]],
    labelEn: [this.data.category?.labelEn ?? '', [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.categoryLabel.max)]],
    sortOrder: [this.data.category?.sortOrder ?? (null as number | null), [nonNegativeInteger]],
    active: [this.data.category?.active ?? true],
  });

  /** Sends the form; field errors from the API are shown next to their fields. */
  protected save(): void {
    this.submit(this.form, () => {
      const { code, labelSv, labelEn, sortOrder, active } = this.form.getRawValue();
      const labels = { labelSv: labelSv.trim(), labelEn: labelEn.trim() };
      const order = sortOrder === null || (sortOrder as unknown) === '' ? undefined : Number(sortOrder);
      return this.data.category
        ? this.api.updateCategory(this.data.category.id, { ...labels, sortOrder: order, active })
        : this.api.createCategory({ code: code.trim(), ...labels, sortOrder: order });
    });
  }
}
