import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TPipe } from '../../core/i18n/i18n';
import { DayPipe } from '../labels/pipes';
import { EventDialogBase, EventDialogData } from './dialog-base';

export interface AgreeDialogData<T> extends EventDialogData<T> {
  caseTitle: string;
  /** The proposed actions that become agreed. */
  actions: { what: string; goal: string; organizationName: string; dueDate: string }[];
}

/** "Besluta": the decider agrees the proposed actions as they stand (changes are made at the meeting or sent back). */
@Component({
  selector: 'sv-agree-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, MatProgressBar, TPipe, DayPipe],
  template: `
    <h2 mat-dialog-title>{{ 'cases.dialog.agree.title' | t: { title: data.caseTitle } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <p class="intro">{{ 'cases.dialog.agree.intro' | t }}</p>
        <ol class="summary" data-testid="agree-summary">
          @for (a of data.actions; track $index) {
            <li>
              <strong>{{ a.what }}</strong>
              <span class="summary-meta">{{ 'cases.plan.goal' | t }}: {{ a.goal }}</span>
              <span class="summary-meta">{{ a.organizationName }} · {{ 'cases.plan.dueDate' | t }} {{ a.dueDate | day }}</span>
            </li>
          }
        </ol>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" disabledInteractive data-testid="confirm">{{ 'cases.event.AGREE' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './dialogs.scss',
})
export class AgreeDialog<T> extends EventDialogBase<T> {
  protected readonly data = inject<AgreeDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly base = this.data;
  protected readonly form = new FormGroup({});

  protected save(): void {
    this.send(this.form, {});
  }
}
