import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { CASE_LIMITS, CASE_OUTCOMES, type CaseOutcome, type EffectFiguresDto } from '@samverka/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { todayInSweden } from '../labels/dates';
import { EventDialogBase, EventDialogData, minTrimmed } from './dialog-base';
import { EffectFigures } from '../../effects/effect-figures';
import { EffectsApi } from '../../effects/effects-api';

/** The weeks before and after of the figures unless the user chooses others (the API's default too). */
const DEFAULT_EFFECT_WEEKS = 8;

interface EffectPreview {
  status: 'loading' | 'error' | 'done';
  figures: EffectFiguresDto | null;
}

export interface EvaluateDialogData<T> extends EventDialogData<T> {
  /** The case's title, for the dialog's heading. */
  caseTitle: string;
  /** Until when the actions have time to work (ISO 8601); evaluating before then needs a reason. */
  evaluationFrom?: string | null;
  /** The case: its before/after figures are shown (GET /api/cases/{id}/effects) and stored with the evaluation. */
  caseId?: string;
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
    MatSelect,
    MatOption,
    EffectFigures,
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
        @if (data.caseId) {
          <section class="effect-preview" aria-labelledby="effect-preview-heading" data-testid="effect-preview">
            <h3 id="effect-preview-heading">{{ 'effects.figures.heading' | t }}</h3>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'effects.figures.weeks' | t }}</mat-label>
              <mat-select formControlName="effectWeeks" name="effectWeeks" data-testid="effect-weeks">
                @for (w of weekChoices; track w) {
                  <mat-option [value]="w">{{ w }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            @switch (preview().status) {
              @case ('loading') {
                <p aria-live="polite">{{ 'effects.figures.loading' | t }}</p>
              }
              @case ('error') {
                <p class="error-text" role="alert">{{ 'effects.figures.error' | t }}</p>
              }
              @case ('done') {
                @if (preview().figures; as f) {
                  <sv-effect-figures [figures]="f" labelledBy="effect-preview-heading" />
                  <p class="intro">{{ 'effects.figures.storedNote' | t }}</p>
                } @else {
                  <p data-testid="effect-none">{{ 'effects.figures.none' | t }}</p>
                }
              }
            }
          </section>
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
    effectWeeks: [DEFAULT_EFFECT_WEEKS],
  });
  /** The weeks before and after that the method takes (4–26). */
  protected readonly weekChoices = Array.from({ length: 23 }, (_, i) => i + 4);
  private readonly effects = inject(EffectsApi);
  /** The figures over the chosen weeks, computed now: the same that EVALUATE stores. */
  protected readonly preview = toSignal(
    this.form.controls.effectWeeks.valueChanges.pipe(
      startWith(this.form.controls.effectWeeks.value),
      switchMap((weeks) =>
        this.data.caseId
          ? this.effects.caseEffects(this.data.caseId, weeks).pipe(
              map((r): EffectPreview => ({ status: 'done', figures: r.figures })),
              catchError(() => of<EffectPreview>({ status: 'error', figures: null })),
              startWith<EffectPreview>({ status: 'loading', figures: null }),
            )
          : of<EffectPreview>({ status: 'done', figures: null }),
      ),
    ),
    { initialValue: { status: 'loading', figures: null } },
  );

  protected save(): void {
    const { outcome, note, earlyReason, effectWeeks } = this.form.getRawValue();
    this.send(this.form, { outcome, note: note.trim(), effectWeeks, ...(this.early ? { earlyReason: earlyReason.trim() } : {}) });
  }
}
