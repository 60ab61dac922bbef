import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { CASE_LIMITS, CASE_OUTCOMES, type CaseOutcome } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { todayInSweden } from '../labels/dates';
import { EventDialogBase, EventDialogData, minTrimmed } from './dialog-base';

export interface EvaluateDialogData<T> extends EventDialogData<T> {
  /** The case's title, for the dialog's heading. */
  caseTitle: string;
  /** Until when the actions have time to work (ISO 8601); evaluating before then needs a reason. */
  evaluationFrom?: string | null;
}

/** "Utvärdera": did the actions work? Effective closes the case, not effective sends it back to analysis, or escalate. */
@Component({
  selector: 'sv-evaluate-dialog',
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
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'cases.dialog.evaluate.title' | t: { title: data.caseTitle } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <p class="intro">{{ 'cases.dialog.evaluate.intro' | t }}</p>
        <fieldset class="choice">
          <legend id="outcome-legend">{{ 'cases.dialog.outcome' | t }}</legend>
          <mat-radio-group formControlName="outcome" name="outcome" aria-labelledby="outcome-legend" class="radio-column" required>
            @for (outcome of outcomes; track outcome.value) {
              <mat-radio-button [value]="outcome.value" [attr.data-testid]="'outcome-' + outcome.value">{{ outcome.key | t }}</mat-radio-button>
            }
          </mat-radio-group>
          @if (form.controls.outcome.touched && form.controls.outcome.invalid) {
            <p class="choice-error" role="alert">{{ form.controls.outcome | fieldError }}</p>
          }
        </fieldset>
        @if (early) {
          <p class="intro" data-testid="evaluate-early">{{ 'cases.dialog.evaluate.early' | t: { date: earlyUntil } }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'cases.dialog.evaluate.earlyReason' | t }}</mat-label>
            <textarea
              matInput
              formControlName="earlyReason"
              name="earlyReason"
              rows="3"
              required
              [maxlength]="limits.earlyReason.max"
              data-testid="early-reason"
            ></textarea>
            <mat-hint>{{ 'common.minLength' | t: { min: limits.earlyReason.min } }}</mat-hint>
            <mat-error>{{ form.controls.earlyReason | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'cases.dialog.evaluate.note' | t }}</mat-label>
          <textarea matInput formControlName="note" name="note" rows="4" required [maxlength]="limits.evaluationNote.max" data-testid="event-text"></textarea>
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
        <button matButton="filled" type="submit" [disabled]="saving()" disabledInteractive data-testid="confirm">{{ 'cases.event.EVALUATE' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './dialogs.scss',
})
export class EvaluateDialog<T> extends EventDialogBase<T> {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = CASE_LIMITS;
  protected readonly data = inject<EvaluateDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly base = this.data;
  /** Whether the actions still have time to work (the installation's minimum): a reason is then needed. */
  protected readonly early = !!this.data.evaluationFrom && new Date(this.data.evaluationFrom).getTime() > Date.now();
  protected readonly earlyUntil = this.data.evaluationFrom ? todayInSweden(new Date(this.data.evaluationFrom)) : '';
  protected readonly outcomes = CASE_OUTCOMES.map((value) => ({ value, key: `cases.outcome.${value}` as const }));
  protected readonly form = inject(NonNullableFormBuilder).group({
    outcome: ['' as CaseOutcome | '', Validators.required],
    note: ['', [minTrimmed(CASE_LIMITS.evaluationNote.min), Validators.maxLength(CASE_LIMITS.evaluationNote.max)]],
    earlyReason: ['', this.early ? [minTrimmed(CASE_LIMITS.earlyReason.min), Validators.maxLength(CASE_LIMITS.earlyReason.max)] : []],
  });

  protected save(): void {
    const { outcome, note, earlyReason } = this.form.getRawValue();
    this.send(this.form, { outcome, note: note.trim(), ...(this.early ? { earlyReason: earlyReason.trim() } : {}) });
  }
}
