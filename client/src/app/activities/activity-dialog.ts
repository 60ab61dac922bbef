import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ACTIVITY_LIMITS,
  ISO_WEEKDAYS,
  type ActivityDto,
  type ActivityRequest,
  type CaseSummaryDto,
  type IsoWeekday,
  type OrganizationDto,
  type PlaceDto,
} from '@samverka/contracts';
import { Observable } from 'rxjs';
import { applyServerErrors, errorMessage, toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/sv';
import { FieldErrorPipe } from '../core/ui/field-error';
import { normaliseDate, normaliseTime, SwedishDateInput, SwedishTimeInput } from '../core/ui/swedish-date';
import { ActivitiesApi } from './activities-api';

export interface ActivityDialogData {
  areaId: string;
  places: PlaceDto[];
  partners: OrganizationDto[];
  cases: CaseSummaryDto[];
  /** The entry to change; none to create one. */
  activity?: ActivityDto;
}

/** Creates or changes an entry of "Vem gör vad"; closes with the saved entry. */
@Component({
  selector: 'sv-activity-dialog',
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
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
    SwedishDateInput,
    SwedishTimeInput,
  ],
  template: `
    <h2 mat-dialog-title>{{ (data.activity ? 'activities.edit' : 'activities.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'activities.what' | t }}</mat-label>
          <input matInput formControlName="title" name="title" required [maxlength]="limits.title.max" />
          <mat-error>{{ form.controls.title | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'activities.targetGroup' | t }}</mat-label>
          <input matInput formControlName="targetGroup" name="targetGroup" [maxlength]="limits.targetGroup.max" />
          <mat-error>{{ form.controls.targetGroup | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'activities.description' | t }}</mat-label>
          <textarea matInput formControlName="description" name="description" rows="3" [maxlength]="limits.description.max"></textarea>
          <mat-error>{{ form.controls.description | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'activities.places' | t }}</mat-label>
          <mat-select formControlName="placeIds" name="placeIds" multiple>
            @for (p of data.places; track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.placeIds | fieldError }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'activities.startsOn' | t }}</mat-label>
            <input matInput svDate formControlName="startsOn" name="startsOn" required />
            <mat-error>{{ form.controls.startsOn | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'activities.endsOn' | t }}</mat-label>
            <input matInput svDate formControlName="endsOn" name="endsOn" [min]="form.controls.startsOn.value || null" />
            <mat-error>{{ form.controls.endsOn | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <fieldset class="checkbox-group">
          <legend>{{ 'activities.weekdays' | t }}</legend>
          <div class="weekdays">
            @for (d of weekdays; track d) {
              <mat-checkbox [checked]="form.controls.weekdays.value.includes(d)" (change)="toggleDay(d, $event.checked)" [name]="'weekday-' + d">{{
                dayKey(d) | t
              }}</mat-checkbox>
            }
          </div>
          <div class="field-error" aria-live="polite">
            @if (form.controls.weekdays.invalid) {
              {{ form.controls.weekdays | fieldError }}
            }
          </div>
        </fieldset>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'activities.startTime' | t }}</mat-label>
            <input matInput svTime formControlName="startTime" name="startTime" />
            <mat-error>{{ form.controls.startTime | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'activities.endTime' | t }}</mat-label>
            <input matInput svTime formControlName="endTime" name="endTime" />
            <mat-hint>{{ 'activities.timeHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.endTime | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'activities.contact' | t }}</mat-label>
          <mat-select formControlName="contactOrganizationId" name="contactOrganizationId">
            <mat-option value="">{{ 'activities.noContact' | t }}</mat-option>
            @for (o of data.partners; track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.contactOrganizationId | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'activities.funding' | t }}</mat-label>
          <input matInput svDate formControlName="fundingEndsOn" name="fundingEndsOn" />
          <mat-error>{{ form.controls.fundingEndsOn | fieldError }}</mat-error>
        </mat-form-field>
        @if (data.cases.length) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'activities.cases' | t }}</mat-label>
            <mat-select formControlName="caseIds" name="caseIds" multiple>
              @for (c of data.cases; track c.id) {
                <mat-option [value]="c.id">{{ c.title }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.caseIds | fieldError }}</mat-error>
          </mat-form-field>
        }
        @if (personalData()) {
          <mat-checkbox formControlName="confirmNoPersonalData" name="confirmNoPersonalData">{{ 'activities.confirmNoPersonalData' | t }}</mat-checkbox>
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
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: 0 0.75rem;
    }
    .weekdays {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      min-height: 1.25em;
    }
  `,
})
export class ActivityDialog {
  protected readonly data = inject<ActivityDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ActivitiesApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<ActivityDialog, ActivityDto>>(MatDialogRef);
  protected readonly limits = ACTIVITY_LIMITS;
  protected readonly weekdays = ISO_WEEKDAYS;
  protected readonly saving = signal(false);
  protected readonly formError = signal('');
  protected readonly personalData = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [
      this.data.activity?.title ?? '',
      [Validators.required, Validators.minLength(ACTIVITY_LIMITS.title.min), Validators.maxLength(ACTIVITY_LIMITS.title.max)],
    ],
    targetGroup: [this.data.activity?.targetGroup ?? '', [Validators.maxLength(ACTIVITY_LIMITS.targetGroup.max)]],
    description: [this.data.activity?.description ?? '', [Validators.maxLength(ACTIVITY_LIMITS.description.max)]],
    placeIds: [this.data.activity?.places.map((p) => p.id) ?? ([] as string[])],
    startsOn: [this.data.activity?.startsOn ?? '', [Validators.required]],
    endsOn: [this.data.activity?.endsOn ?? ''],
    weekdays: [this.data.activity?.weekdays ?? ([] as IsoWeekday[])],
    startTime: [this.data.activity?.startTime ?? ''],
    endTime: [this.data.activity?.endTime ?? ''],
    contactOrganizationId: [this.data.activity?.contactOrganization?.id ?? ''],
    fundingEndsOn: [this.data.activity?.fundingEndsOn ?? ''],
    caseIds: [this.data.activity?.cases.map((c) => c.id) ?? ([] as string[])],
    confirmNoPersonalData: [false],
  });

  protected dayKey(d: IsoWeekday): MessageKey {
    return `activities.weekday.${d}`;
  }

  protected toggleDay(d: IsoWeekday, checked: boolean): void {
    const rest = this.form.controls.weekdays.value.filter((x) => x !== d);
    this.form.controls.weekdays.setValue(checked ? [...rest, d].sort((a, b) => a - b) : rest);
  }

  protected save(): void {
    if (this.saving()) return;
    this.formError.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: ActivityRequest = {
      title: v.title.trim(),
      targetGroup: v.targetGroup.trim() || null,
      description: v.description.trim() || null,
      placeIds: v.placeIds,
      startsOn: normaliseDate(v.startsOn),
      endsOn: v.endsOn.trim() ? normaliseDate(v.endsOn) : null,
      weekdays: v.weekdays,
      startTime: v.startTime.trim() ? normaliseTime(v.startTime) : null,
      endTime: v.endTime.trim() ? normaliseTime(v.endTime) : null,
      contactOrganizationId: v.contactOrganizationId || null,
      fundingEndsOn: v.fundingEndsOn.trim() ? normaliseDate(v.fundingEndsOn) : null,
      caseIds: v.caseIds,
      ...(v.confirmNoPersonalData ? { confirmNoPersonalData: true } : {}),
    };
    const a = this.data.activity;
    const request: Observable<ActivityDto> = a
      ? this.api.update(this.data.areaId, a.id, { ...body, version: a.version })
      : this.api.create(this.data.areaId, body);
    this.saving.set(true);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (err: unknown) => {
        this.saving.set(false);
        const e = toApiError(err);
        if (e.code === 'REPORT.PERSONAL_DATA') this.personalData.set(true);
        if (!applyServerErrors(this.form, e)) this.formError.set(errorMessage(e, this.i18n));
      },
    });
  }
}
