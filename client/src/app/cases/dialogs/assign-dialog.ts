import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EventDialogBase, EventDialogData } from './dialog-base';

export interface AssignDialogData<T> extends EventDialogData<T> {
  /** What the action is, for the heading. */
  what: string;
  /** The people to choose from: "Mig själv (Sven)", then the organisation's other people by name. */
  options: { id: string; label: string }[];
  /** The preselected person. */
  selected: string;
}

/** "Tilldela": who in the responsible organisation carries the action out (the user and their colleagues). */
@Component({
  selector: 'sv-assign-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'cases.dialog.assign.title' | t: { what: data.what } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <fieldset class="choice">
          <legend id="owner-legend">{{ 'cases.dialog.assign.who' | t }}</legend>
          <mat-radio-group formControlName="ownerId" name="ownerId" aria-labelledby="owner-legend" class="radio-column" required>
            @for (option of data.options; track option.id) {
              <mat-radio-button [value]="option.id">{{ option.label }}</mat-radio-button>
            }
          </mat-radio-group>
          @if (form.controls.ownerId.touched && form.controls.ownerId.invalid) {
            <p class="choice-error" role="alert">{{ form.controls.ownerId | fieldError }}</p>
          }
        </fieldset>
        <p class="hint">{{ 'cases.dialog.assign.hint' | t }}</p>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" disabledInteractive data-testid="confirm">{{ 'cases.actionEvent.ASSIGN' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './dialogs.scss',
  styles: `
    .hint {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AssignDialog<T> extends EventDialogBase<T> {
  protected readonly data = inject<AssignDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly base = this.data;
  protected readonly form = inject(NonNullableFormBuilder).group({ ownerId: [this.data.selected, Validators.required] });

  protected save(): void {
    this.send(this.form, { ownerId: this.form.controls.ownerId.value });
  }
}
