import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { CASE_LIMITS } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EventDialogBase, EventDialogData, minTrimmed } from './dialog-base';

export interface DismissDialogData<T> extends EventDialogData<T> {
  caseTitle: string;
  /** The other cases of the area, for "duplicate of". */
  candidates: { id: string; title: string; stateLabel: string }[];
}

/** "Avskriv": no action needed, or a duplicate of another case; with a note. */
@Component({
  selector: 'sv-dismiss-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'cases.dialog.dismiss.title' | t: { title: data.caseTitle } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <p class="intro">{{ 'cases.dialog.dismiss.intro' | t }}</p>
        <fieldset class="choice">
          <legend id="reason-legend">{{ 'cases.dialog.dismiss.reason' | t }}</legend>
          <mat-radio-group formControlName="reason" name="reason" aria-labelledby="reason-legend" class="radio-column" required>
            <mat-radio-button value="no_action" data-testid="reason-no_action">{{ 'cases.dismiss.no_action' | t }}</mat-radio-button>
            <mat-radio-button value="duplicate" data-testid="reason-duplicate">{{ 'cases.dismiss.duplicate' | t }}</mat-radio-button>
          </mat-radio-group>
          @if (form.controls.reason.touched && form.controls.reason.invalid) {
            <p class="choice-error" role="alert">{{ form.controls.reason | fieldError }}</p>
          }
        </fieldset>
        @if (form.controls.reason.value === 'duplicate') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cases.dialog.duplicateOf' | t }}</mat-label>
            <mat-select formControlName="duplicateOfCaseId" name="duplicateOfCaseId" required data-testid="duplicate-of">
              @for (c of data.candidates; track c.id) {
                <mat-option [value]="c.id">{{ c.title }} ({{ c.stateLabel }})</mat-option>
              }
            </mat-select>
            @if (!data.candidates.length) {
              <mat-hint>{{ 'cases.dialog.noCandidates' | t }}</mat-hint>
            }
            <mat-error>{{ form.controls.duplicateOfCaseId | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'cases.dialog.note' | t }}</mat-label>
          <textarea matInput formControlName="note" name="note" rows="3" required [maxlength]="limits.note.max" data-testid="event-text"></textarea>
          <mat-hint>{{ 'common.minLength' | t: { min: 3 } }}</mat-hint>
          <mat-error>{{ form.controls.note | fieldError }}</mat-error>
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" class="danger" [disabled]="saving()" disabledInteractive data-testid="confirm">
          {{ 'cases.event.DISMISS' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './dialogs.scss',
})
export class DismissDialog<T> extends EventDialogBase<T> {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = CASE_LIMITS;
  protected readonly data = inject<DismissDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly base = this.data;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['' as 'no_action' | 'duplicate' | '', Validators.required],
    duplicateOfCaseId: [{ value: '', disabled: true }, Validators.required],
    note: ['', [minTrimmed(CASE_LIMITS.note.min), Validators.maxLength(CASE_LIMITS.note.max)]],
  });

  constructor() {
    super();
    // "Duplicate of" is asked for (and required) only for a duplicate.
    this.form.controls.reason.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((reason) => {
      const other = this.form.controls.duplicateOfCaseId;
      if (reason === 'duplicate') other.enable();
      else other.disable();
    });
  }

  protected save(): void {
    const { reason, duplicateOfCaseId, note } = this.form.getRawValue();
    this.send(this.form, reason === 'duplicate' ? { reason, duplicateOfCaseId, note: note.trim() } : { reason, note: note.trim() });
  }
}
