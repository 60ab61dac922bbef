import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { AREA_LEVELS, REPORT_LIMITS, type AreaLevel, type AreaLevelDto } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Notifier } from '../../core/ui/notifier';
import { apiErrorText, apiFieldErrors } from '../api-messages';
import { LevelChip } from '../level-chip';
import { ReportsApi } from '../reports-api';
import { TIME_ZONE, weekNumber } from '../weeks';

/**
 * The area's level for the week (grön / gul / röd with its rationale, who set it and when), the form to set it
 * (coordinators and analysts), and the levels of earlier weeks.
 */
@Component({
  selector: 'sv-level-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
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
    LevelChip,
  ],
  template: `
    <div class="current" data-testid="level-current">
      @if (level(); as l) {
        <p class="level-line">
          <sv-level-chip [level]="l.level" />
          <span class="meaning">{{ meaning(l.level) }}</span>
        </p>
        <p class="rationale" data-testid="level-rationale">{{ l.rationale }}</p>
        <p class="set-by">{{ 'level.setBy' | t: { name: l.setBy.name, when: when(l.setAt) } }}</p>
      } @else {
        <p class="level-line"><sv-level-chip [level]="null" /></p>
        <p>{{ 'level.noneForWeek' | t }}</p>
      }
    </div>

    @if (canSet() && !editing()) {
      <button #editButton matButton="outlined" type="button" class="no-print level-edit" (click)="editing.set(true)" data-testid="level-edit">
        {{ 'level.edit' | t: { week: number(week()) } }}
      </button>
    }
    @if (canSet() && editing()) {
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="level-form no-print" data-testid="level-form">
        <h3 id="level-form-heading">{{ 'level.formHeading' | t: { week: number(week()) } }}</h3>
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-radio-group formControlName="level" name="level" aria-labelledby="level-form-heading">
          @for (l of levels; track l) {
            <mat-radio-button [value]="l" [attr.data-testid]="'level-' + l">
              <sv-level-chip [level]="l" />
            </mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.level.touched && form.controls.level.invalid) {
          <p class="error-text field-error">{{ form.controls.level.hasError('server') ? (form.controls.level | fieldError) : ('level.error.level' | t) }}</p>
        }
        <mat-form-field appearance="outline" class="rationale-field" subscriptSizing="dynamic">
          <mat-label>{{ 'level.rationale' | t }}</mat-label>
          <textarea
            matInput
            formControlName="rationale"
            name="rationale"
            rows="3"
            required
            [maxlength]="limits.levelRationale.max"
            data-testid="level-rationale-input"
          ></textarea>
          <mat-hint>{{ 'level.rationaleHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.rationale | fieldError }}</mat-error>
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
        <div class="form-buttons">
          <button matButton="filled" type="submit" [disabled]="saving()" data-testid="level-save">{{ 'level.save' | t }}</button>
          @if (level()) {
            <button matButton type="button" (click)="cancel()" [disabled]="saving()" data-testid="level-cancel">{{ 'common.cancel' | t }}</button>
          }
        </div>
      </form>
    }

    <h3 id="level-history-heading" class="no-print">{{ 'level.history' | t }}</h3>
    @if (history().length) {
      <ol class="history no-print" aria-labelledby="level-history-heading" data-testid="level-history">
        @for (entry of history(); track entry.week) {
          <li [class.selected]="entry.week === week()">
            <a [routerLink]="[]" [queryParams]="{ week: entry.week }" queryParamsHandling="merge" class="history-week">
              {{ 'week.short' | t: { week: number(entry.week) } }}<span class="visually-hidden">, {{ entry.week.slice(0, 4) }}</span>
            </a>
            <sv-level-chip [level]="entry.level" />
            <span class="history-rationale">{{ entry.rationale }}</span>
          </li>
        }
      </ol>
    } @else if (!historyLoading()) {
      <p class="empty-state no-print">{{ 'level.noHistory' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .level-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      margin: 0 0 0.5rem;
    }
    .meaning {
      font: var(--mat-sys-title-medium);
    }
    .rationale {
      margin: 0 0 0.25rem;
      white-space: pre-line;
    }
    .set-by {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .level-form {
      margin-top: 1rem;
      padding: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      max-width: 40rem;
    }
    .level-form h3 {
      margin-top: 0;
    }
    .level-form .form-buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .level-edit {
      margin-top: 0.5rem;
    }
    .level-form mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .level-form mat-radio-button {
      min-height: 48px;
      display: inline-flex;
      align-items: center;
    }
    .rationale-field {
      width: 100%;
      margin: 0.5rem 0 0.75rem;
    }
    .field-error {
      margin: 0.25rem 0;
      font: var(--mat-sys-body-medium);
    }
    .history {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 22rem;
      overflow-y: auto;
    }
    .history li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: 0.4rem 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .history li.selected {
      background: var(--mat-sys-secondary-container);
    }
    .history-week {
      min-width: 3.5rem;
      display: inline-block;
      padding: 0.35rem 0;
    }
    .history-rationale {
      flex: 1 1 14rem;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LevelPanel {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = REPORT_LIMITS;
  private readonly api = inject(ReportsApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly areaId = input.required<string>();
  readonly week = input.required<string>();
  /** The week's level, or null. */
  readonly level = input<AreaLevelDto | null>(null);
  /** Whether the user may set the level (coordinator or analyst). */
  readonly canSet = input(false);
  /** After a level was saved. */
  readonly saved = output<AreaLevelDto>();

  protected readonly levels = AREA_LEVELS;
  protected readonly number = weekNumber;
  protected readonly history = signal<AreaLevelDto[]>([]);
  protected readonly historyLoading = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** Whether the form is open: at once for a week without a level; for a judged week after "Ändra", closed after saving. */
  protected readonly editing = signal(false);
  private readonly editButton = viewChild<string, ElementRef<HTMLButtonElement>>('editButton', { read: ElementRef });
  private readonly injector = inject(Injector);

  protected readonly form = inject(NonNullableFormBuilder).group({
    level: ['' as AreaLevel | '', Validators.required],
    rationale: ['', [Validators.required, Validators.minLength(REPORT_LIMITS.levelRationale.min), Validators.maxLength(REPORT_LIMITS.levelRationale.max)]],
  });

  private historyRequest?: Subscription;

  constructor() {
    effect(() => {
      const areaId = this.areaId();
      untracked(() => this.loadHistory(areaId));
    });
    // The form starts from the week's level, if any.
    effect(() => {
      const level = this.level();
      this.week();
      untracked(() => {
        this.form.reset({ level: level?.level ?? '', rationale: level?.rationale ?? '' });
        this.formError.set(null);
        this.editing.set(!level);
      });
    });
  }

  /** "förhöjd oro – bevaka". */
  protected meaning(level: AreaLevel): string {
    return this.i18n.t(`level.${level}.meaning`);
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
  }

  /** Saves the week's level. */
  protected save(): void {
    if (this.saving()) return;
    const { level, rationale } = this.form.getRawValue();
    if (rationale.trim().length < 3 && rationale.length >= 3) this.form.controls.rationale.setErrors({ minlength: { requiredLength: 3 } });
    if (this.form.invalid || !level) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    this.api.setLevel(this.areaId(), this.week(), { level, rationale: rationale.trim() }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.notifier.success('level.saved');
        this.saved.emit(saved);
        this.close();
        this.loadHistory(this.areaId());
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const error = toApiError(err);
        let placed = false;
        for (const [field, message] of apiFieldErrors(error, this.i18n)) {
          const control = this.form.get(field);
          if (control) {
            control.setErrors({ server: message });
            control.markAsTouched();
            placed = true;
          }
        }
        if (!placed) this.formError.set(apiErrorText(error, this.i18n));
      },
    });
  }

  /** Closes the form without saving, back to the week's level. */
  protected cancel(): void {
    const level = this.level();
    this.form.reset({ level: level?.level ?? '', rationale: level?.rationale ?? '' });
    this.formError.set(null);
    this.close();
  }

  /** Closes the form and puts the focus on the button that opens it again (the form's content is gone). */
  private close(): void {
    this.editing.set(false);
    afterNextRender(() => this.editButton()?.nativeElement.focus(), { injector: this.injector });
  }

  private loadHistory(areaId: string): void {
    this.historyRequest?.unsubscribe();
    this.historyLoading.set(true);
    this.historyRequest = this.api.levels(areaId).subscribe({
      next: (levels) => {
        this.history.set(levels);
        this.historyLoading.set(false);
      },
      error: () => {
        this.history.set([]);
        this.historyLoading.set(false);
      },
    });
  }
}
