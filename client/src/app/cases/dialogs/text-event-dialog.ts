import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { EventDialogBase, EventDialogData, minTrimmed } from './dialog-base';

/** An event whose payload is one text: a note (send back, escalate, reopen), a reason (block, cancel) or a report (done). */
export interface TextEventDialogData<T> extends EventDialogData<T> {
  /** Translated texts. */
  title: string;
  intro: string;
  label: string;
  confirmLabel: string;
  /** The payload's field: note, reason or report. */
  field: string;
  min: number;
  max: number;
}

/** Asks for the note, reason or report of an event and sends it. */
@Component({
  selector: 'sv-text-event-dialog',
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
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <p class="intro">{{ data.intro }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ data.label }}</mat-label>
          <textarea
            matInput
            formControlName="text"
            [name]="data.field"
            rows="4"
            [required]="data.min > 0"
            [maxlength]="data.max"
            data-testid="event-text"
          ></textarea>
          @if (data.min > 0) {
            <mat-hint>{{ 'common.minLength' | t: { min: data.min } }}</mat-hint>
          }
          <mat-error>{{ form.controls.text | fieldError }}</mat-error>
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" disabledInteractive data-testid="confirm">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin-top: 0;
    }
  `,
})
export class TextEventDialog<T> extends EventDialogBase<T> {
  protected readonly data = inject<TextEventDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly base = this.data;
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [minTrimmed(this.data.min), Validators.maxLength(this.data.max)]],
  });

  protected override pathOf(field: string): string {
    return field === this.data.field ? 'text' : field;
  }

  protected save(): void {
    this.send(this.form, { [this.data.field]: this.form.controls.text.value.trim() });
  }
}
