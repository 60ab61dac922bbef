import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { DECISION_RULES, DEFAULT_WORKFLOW_SETTINGS, MINUTES_APPROVALS, WORKFLOW_SETTING_LIMITS, type WorkflowSettings } from '@samverka/contracts';
import { Observable } from 'rxjs';
import { applyServerErrors, errorMessage, toApiError } from '../../core/http/api-error';
import { MessageKey, TPipe } from '../../core/i18n/i18n';
import { AdminPage, AdminStatus } from './admin-list';
import { SettingsApi } from './settings-api';

/** A whole number within `limits` (the API's own limits). */
function wholeNumberIn(limits: { min: number; max: number }): ValidatorFn {
  return (control: AbstractControl<number | string | null>): ValidationErrors | null => {
    const value = control.value;
    if (value === null || value === '') return { required: true };
    const n = Number(value);
    return Number.isInteger(n) && n >= limits.min && n <= limits.max ? null : { range: limits };
  };
}

/**
 * Admin: the installation's workflow settings, each explained (who agrees actions, who approves minutes, the days
 * before evaluation, how early a meeting starts). The case and meeting pages explain and follow what is set here.
 */
@Component({
  selector: 'sv-workflow-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatRadioGroup,
    MatRadioButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    TPipe,
    AdminStatus,
  ],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.settings.title' | t }}</h1>
    </div>
    <p class="intro">{{ 'admin.settings.intro' | t }}</p>
    <sv-admin-status [loading]="loading()" [error]="error()" />
    @if (loaded()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="settings-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <fieldset data-testid="decision-rule">
          <legend>{{ 'admin.settings.decisionRule' | t }}</legend>
          <mat-radio-group formControlName="decisionRule" [attr.aria-label]="'admin.settings.decisionRule' | t">
            @for (rule of decisionRules; track rule) {
              <div class="choice">
                <mat-radio-button [value]="rule" [attr.data-testid]="'rule-' + rule" [aria-describedby]="'rule-' + rule + '-explain'">
                  {{ ruleKey(rule) | t }}
                </mat-radio-button>
                <p class="explain" [id]="'rule-' + rule + '-explain'">{{ explainKey(ruleKey(rule)) | t }}</p>
              </div>
            }
          </mat-radio-group>
        </fieldset>
        <fieldset data-testid="minutes-approval">
          <legend>{{ 'admin.settings.minutesApproval' | t }}</legend>
          <mat-radio-group formControlName="minutesApproval" [attr.aria-label]="'admin.settings.minutesApproval' | t">
            @for (approval of minutesApprovals; track approval) {
              <div class="choice">
                <mat-radio-button [value]="approval" [attr.data-testid]="'approval-' + approval" [aria-describedby]="'approval-' + approval + '-explain'">
                  {{ approvalKey(approval) | t }}
                </mat-radio-button>
                <p class="explain" [id]="'approval-' + approval + '-explain'">{{ explainKey(approvalKey(approval)) | t }}</p>
              </div>
            }
          </mat-radio-group>
        </fieldset>
        <div class="numbers">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'admin.settings.evaluationMinDays' | t }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              formControlName="evaluationMinDays"
              name="evaluationMinDays"
              [min]="limits.evaluationMinDays.min"
              [max]="limits.evaluationMinDays.max"
              step="1"
            />
            <mat-hint>{{ 'admin.settings.evaluationMinDays.explain' | t }}</mat-hint>
            <mat-error>{{ numberError(form.controls.evaluationMinDays) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'admin.settings.meetingStartHoursBefore' | t }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              formControlName="meetingStartHoursBefore"
              name="meetingStartHoursBefore"
              [min]="limits.meetingStartHoursBefore.min"
              [max]="limits.meetingStartHoursBefore.max"
              step="1"
            />
            <mat-hint>{{ 'admin.settings.meetingStartHoursBefore.explain' | t }}</mat-hint>
            <mat-error>{{ numberError(form.controls.meetingStartHoursBefore) }}</mat-error>
          </mat-form-field>
        </div>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
        <div class="page-actions">
          <button matButton="filled" type="submit" [disabled]="saving()" data-testid="save">{{ 'common.save' | t }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    .intro {
      max-width: 48rem;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0 0 1.5rem;
      padding: 0.5rem 1rem 1rem;
      max-width: 48rem;
    }
    legend {
      font-weight: 600;
      padding-inline: 0.25rem;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .explain {
      margin: 0 0 0 2.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .numbers {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      max-width: 48rem;
    }
  `,
})
export class WorkflowSettingsPage extends AdminPage<WorkflowSettings> {
  private readonly settingsApi = inject(SettingsApi);
  protected readonly decisionRules = DECISION_RULES;
  protected readonly minutesApprovals = MINUTES_APPROVALS;
  protected readonly limits = WORKFLOW_SETTING_LIMITS;
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    decisionRule: [DEFAULT_WORKFLOW_SETTINGS.decisionRule, [Validators.required]],
    minutesApproval: [DEFAULT_WORKFLOW_SETTINGS.minutesApproval, [Validators.required]],
    evaluationMinDays: [DEFAULT_WORKFLOW_SETTINGS.evaluationMinDays as number | string, [wholeNumberIn(WORKFLOW_SETTING_LIMITS.evaluationMinDays)]],
    meetingStartHoursBefore: [
      DEFAULT_WORKFLOW_SETTINGS.meetingStartHoursBefore as number | string,
      [wholeNumberIn(WORKFLOW_SETTING_LIMITS.meetingStartHoursBefore)],
    ],
  });

  constructor() {
    super();
    this.load();
  }

  protected ruleKey(rule: WorkflowSettings['decisionRule']): MessageKey {
    return `admin.settings.decisionRule.${rule}`;
  }
  protected approvalKey(approval: WorkflowSettings['minutesApproval']): MessageKey {
    return `admin.settings.minutesApproval.${approval}`;
  }
  /** The explanation of a choice, kept under its label's key. */
  protected explainKey(key: MessageKey): MessageKey {
    return `${key}.explain` as MessageKey;
  }

  /** The message of a number field: the allowed range, or the API's or the common messages. */
  protected numberError(control: AbstractControl): string {
    const range = control.errors?.['range'] as { min: number; max: number } | undefined;
    if (range) return this.i18n.t('admin.settings.range', range);
    const server: unknown = control.errors?.['server'];
    if (typeof server === 'string') return server;
    return control.errors?.['required'] ? this.i18n.t('common.required') : '';
  }

  protected fetch(): Observable<WorkflowSettings> {
    return this.settingsApi.workflow();
  }

  protected show(settings: WorkflowSettings): void {
    this.form.reset(settings);
    this.loaded.set(true);
  }

  /** Sends the settings; the API's field errors go next to their fields, a saved change is confirmed. */
  protected save(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: WorkflowSettings = {
      decisionRule: v.decisionRule,
      minutesApproval: v.minutesApproval,
      evaluationMinDays: Number(v.evaluationMinDays),
      meetingStartHoursBefore: Number(v.meetingStartHoursBefore),
    };
    this.saving.set(true);
    this.formError.set(null);
    this.settingsApi.updateWorkflow(body).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.form.reset(saved);
        this.notifier.success('common.saved');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const apiError = toApiError(err);
        if (!applyServerErrors(this.form, apiError)) this.formError.set(errorMessage(apiError, this.i18n));
      },
    });
  }
}
