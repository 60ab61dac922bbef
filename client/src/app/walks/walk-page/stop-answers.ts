import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { CHECKLIST_ANSWERS, WALK_LIMITS, WALK_MAX, type ChecklistAnswer, type ChecklistItem, type StopAnswersDto, type WalkDto } from '@samverka/contracts';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Notifier } from '../../core/ui/notifier';
import { WalksApi } from '../walks-api';
import { WALK_KEYS } from '../walk-keys';

interface Row {
  answer: ChecklistAnswer | '';
  comment: string;
}

/**
 * The checklist answered at one stop of the walk: a stop number and where it is, and for each checklist item good /
 * acceptable / poor / not applicable with an optional comment. Saving replaces that stop's answers.
 */
@Component({
  selector: 'sv-stop-answers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormField, MatLabel, MatInput, MatRadioGroup, MatRadioButton, MatButton, TPipe],
  template: `
    <form (ngSubmit)="save()" class="stop-form" data-testid="stop-form">
      <div class="stop-head">
        <mat-form-field appearance="outline" class="stop-number">
          <mat-label>{{ 'walks.stop.number' | t }}</mat-label>
          <input matInput type="number" inputmode="numeric" name="stop" min="1" [max]="maxStops" [ngModel]="stop()" (ngModelChange)="selectStop($event)" />
        </mat-form-field>
        <mat-form-field appearance="outline" class="stop-label">
          <mat-label>{{ 'walks.stop.label' | t }}</mat-label>
          <input matInput name="label" required [attr.maxlength]="labelMax" [(ngModel)]="label" data-testid="stop-label" />
        </mat-form-field>
      </div>
      @for (item of checklist(); track item.key; let i = $index) {
        <fieldset class="item">
          <legend [id]="'stop-item-' + i">{{ itemLabel(item) }}</legend>
          <mat-radio-group
            [name]="'answer-' + item.key"
            [attr.aria-labelledby]="'stop-item-' + i"
            [ngModel]="rows()[item.key]?.answer ?? ''"
            (ngModelChange)="setAnswer(item.key, $event)"
          >
            @for (a of answers; track a) {
              <mat-radio-button [value]="a">{{ keys.answer(a) | t }}</mat-radio-button>
            }
          </mat-radio-group>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="comment">
            <mat-label>{{ 'walks.stop.comment' | t }}</mat-label>
            <input
              matInput
              [name]="'comment-' + item.key"
              [attr.maxlength]="commentMax"
              [ngModel]="rows()[item.key]?.comment ?? ''"
              (ngModelChange)="setComment(item.key, $event)"
            />
          </mat-form-field>
        </fieldset>
      }
      <p class="error-text" role="alert">{{ error() }}</p>
      <button matButton="outlined" type="submit" [disabled]="saving() || !label.trim() || !answered()" data-testid="stop-save">
        {{ 'walks.stop.save' | t }}
      </button>
    </form>
  `,
  styles: `
    :host {
      display: block;
      --mat-button-outlined-container-height: 48px;
    }
    .stop-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .stop-number {
      flex: 0 1 8rem;
    }
    .stop-label {
      flex: 1 1 14rem;
    }
    .item {
      border: 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
      margin: 0;
      padding: 0.5rem 0;
      min-width: 0;
    }
    .item legend {
      font: var(--mat-sys-title-small);
      padding: 0.5rem 0 0;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
    }
    mat-radio-button {
      min-height: 48px;
      display: inline-flex;
      align-items: center;
    }
    .comment {
      width: 100%;
    }
    .error-text:empty {
      display: none;
    }
  `,
})
export class StopAnswers {
  protected readonly keys = WALK_KEYS;
  private readonly api = inject(WalksApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly walk = input.required<WalkDto>();
  /** The walk as the API answered after saving. */
  readonly saved = output<WalkDto>();

  protected readonly answers = CHECKLIST_ANSWERS;
  protected readonly maxStops = WALK_MAX.stops;
  protected readonly labelMax = WALK_LIMITS.stopLabel.max;
  protected readonly commentMax = WALK_LIMITS.answerComment.max;
  protected readonly checklist = computed<ChecklistItem[]>(() => this.walk().checklist);
  protected readonly stop = signal(1);
  protected label = '';
  protected readonly rows = signal<Record<string, Row>>({});
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly answered = computed(() => Object.values(this.rows()).some((r) => r.answer));

  constructor() {
    // Start at the first stop not yet answered.
    effect(() => {
      const stops = this.walk().stops;
      untracked(() => {
        if (!this.label && !this.answered()) this.selectStop(Math.min(WALK_MAX.stops, stops.length + 1));
      });
    });
  }

  protected itemLabel(item: ChecklistItem): string {
    return this.i18n.lang() === 'sv' ? item.labelSv : item.labelEn;
  }

  /** Shows the stop's saved answers (or an empty form for a new stop). */
  protected selectStop(value: number | string): void {
    const n = Math.max(1, Math.min(WALK_MAX.stops, Math.trunc(Number(value)) || 1));
    this.stop.set(n);
    const saved: StopAnswersDto | undefined = this.walk().stops.find((s) => s.stop === n);
    this.label = saved?.label ?? '';
    this.rows.set(Object.fromEntries((saved?.answers ?? []).map((a) => [a.itemKey, { answer: a.answer, comment: a.comment ?? '' }])));
  }

  protected setAnswer(key: string, answer: ChecklistAnswer): void {
    this.rows.update((r) => ({ ...r, [key]: { answer, comment: r[key]?.comment ?? '' } }));
  }

  protected setComment(key: string, comment: string): void {
    this.rows.update((r) => ({ ...r, [key]: { answer: r[key]?.answer ?? '', comment } }));
  }

  protected save(): void {
    if (this.saving()) return;
    const answers = Object.entries(this.rows())
      .filter(([, r]) => r.answer)
      .map(([itemKey, r]) => ({ itemKey, answer: r.answer as ChecklistAnswer, ...(r.comment.trim() ? { comment: r.comment.trim() } : {}) }));
    this.saving.set(true);
    this.error.set(null);
    const n = this.stop();
    this.api.answers(this.walk().id, { stop: n, label: this.label.trim(), answers }).subscribe({
      next: (walk) => {
        this.saving.set(false);
        this.notifier.success('common.saved');
        this.saved.emit(walk);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(errorMessage(toApiError(err), this.i18n));
      },
    });
  }
}
