import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { AuthService } from '../../core/auth/auth';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { swedishDate } from '../meeting-format';
import { MeetingsApi } from '../meetings-api';
import { SwedishDateInput } from '../../core/ui/swedish-date';

/**
 * "Aktuell handlingsplan": an area and a period give the link to the area's current joint action plan as a PDF
 * (the actions open in the period or closed during it), in Swedish or English.
 */
@Component({
  selector: 'sv-plan-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SwedishDateInput, ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatInput, MatSelect, MatOption, MatButton, TPipe, Icon],
  template: `
    <form [formGroup]="form" class="plan-form" (submit)="$event.preventDefault()" data-testid="plan-form">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'meetings.plan.area' | t }}</mat-label>
        <mat-select formControlName="areaId" data-testid="plan-area">
          @for (a of areas(); track a.id) {
            <mat-option [value]="a.id">{{ a.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'meetings.plan.from' | t }}</mat-label>
        <input matInput svDate formControlName="from" data-testid="plan-from" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'meetings.plan.to' | t }}</mat-label>
        <input matInput svDate formControlName="to" data-testid="plan-to" />
        @if (periodInvalid()) {
          <mat-hint class="error-hint">{{ 'meetings.error.period' | t }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'meetings.plan.lang' | t }}</mat-label>
        <mat-select formControlName="lang" data-testid="plan-lang">
          <mat-option value="sv">Svenska</mat-option>
          <mat-option value="en">English</mat-option>
        </mat-select>
      </mat-form-field>
      @if (url(); as href) {
        <a matButton="filled" [href]="href" target="_blank" rel="noopener" data-testid="plan-download">
          <sv-icon name="download" /> {{ 'meetings.plan.download' | t }}<span class="visually-hidden"> {{ 'meetings.newTab' | t }}</span>
        </a>
      } @else {
        <button matButton="filled" type="button" disabled data-testid="plan-download"><sv-icon name="download" /> {{ 'meetings.plan.download' | t }}</button>
      }
    </form>
  `,
  styles: `
    .plan-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 1rem;
    }
    .plan-form mat-form-field {
      flex: 1 1 12rem;
    }
    .plan-form a,
    .plan-form button {
      margin-top: 0.5rem;
    }
    .error-hint {
      color: var(--mat-sys-error);
    }
  `,
})
export class PlanDownload {
  private readonly api = inject(MeetingsApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthService);
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);

  protected readonly form = inject(NonNullableFormBuilder).group({
    areaId: ['', Validators.required],
    from: [swedishDate(-90), Validators.required],
    to: [swedishDate(), Validators.required],
    lang: [this.i18n.lang()],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly periodInvalid = computed(() => {
    const { from, to } = this.value();
    return !!from && !!to && from > to;
  });
  protected readonly url = computed(() => {
    const { areaId, from, to, lang } = { ...this.form.getRawValue(), ...this.value() };
    if (!areaId || !from || !to || from > to) return null;
    return this.api.areaPlanPdfUrl(areaId, from, to, lang ?? 'sv');
  });

  constructor() {
    // The user's only area, or the first one, is chosen from the start.
    effect(() => {
      const areas = this.areas();
      untracked(() => {
        if (!this.form.controls.areaId.value && areas.length) this.form.controls.areaId.setValue(areas[0].id);
      });
    });
  }
}
