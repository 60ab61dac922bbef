import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { REDACTED_MARK, REDACTION_REASONS, REPORT_LIMITS, type RedactReportRequest, type RedactionReason, type ReportDto } from '@samverka/contracts';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import { ReportsApi } from './reports-api';

export interface RedactDialogData {
  report: ReportDto;
}

/**
 * "Gallra text": removes the whole free text or the part the user marks in it (mouse, or Shift + arrow keys in the
 * read-only text field), with a fixed reason and an optional note. Closes with the report as the server answers it.
 */
@Component({
  selector: 'sv-redact-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    MatProgressBar,
    TPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'redaction.title' | t }}</h2>
    <form (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert" data-testid="redact-error">{{ error() }}</div>
        <p class="intro">{{ 'redaction.intro' | t }}</p>
        <p id="redact-scope-label" class="legend">{{ 'redaction.scope' | t }}</p>
        <mat-radio-group [ngModel]="scope()" (ngModelChange)="scope.set($event)" name="scope" aria-labelledby="redact-scope-label" class="radio-column">
          <mat-radio-button value="part" data-testid="redact-part">{{ 'redaction.part' | t }}</mat-radio-button>
          <mat-radio-button value="whole" data-testid="redact-whole">{{ 'redaction.whole' | t }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'redaction.textLabel' | t }}</mat-label>
          <!-- Not readonly: browsers give a read-only field no caret, so Shift + arrow keys could not mark a part.
               Edits are refused instead (beforeinput), and any that slip through are undone. -->
          <textarea
            #area
            matInput
            aria-readonly="true"
            rows="5"
            name="text"
            [value]="text"
            (beforeinput)="$event.preventDefault()"
            (input)="area.value = text"
            (select)="mark($event)"
            (keyup)="mark($event)"
            (mouseup)="mark($event)"
            aria-describedby="redact-marked"
            data-testid="redact-text"
          ></textarea>
          @if (scope() === 'part') {
            <mat-hint>{{ 'redaction.partHint' | t }}</mat-hint>
          }
        </mat-form-field>
        @if (scope() === 'part') {
          <p id="redact-marked" class="marked" aria-live="polite" data-testid="redact-marked">
            @if (selection(); as s) {
              {{ 'redaction.marked' | t: { text: text.slice(s.start, s.end) } }}
            } @else {
              {{ 'redaction.noMark' | t }}
            }
          </p>
        }
        <p class="preview-label">{{ 'redaction.preview' | t }}</p>
        <p class="preview" data-testid="redact-preview">{{ preview() }}</p>
        <p id="redact-reason-label" class="legend">{{ 'redaction.reason' | t }}</p>
        <mat-radio-group
          [ngModel]="reason()"
          (ngModelChange)="reason.set($event)"
          name="reason"
          aria-labelledby="redact-reason-label"
          class="radio-column"
          required
        >
          @for (r of reasons; track r) {
            <mat-radio-button [value]="r" [attr.data-testid]="'redact-reason-' + r">{{ reasonLabel(r) }}</mat-radio-button>
          }
        </mat-radio-group>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'redaction.note' | t }}</mat-label>
          <textarea
            matInput
            rows="2"
            [maxlength]="noteMax"
            name="note"
            [ngModel]="note()"
            (ngModelChange)="note.set($event)"
            [required]="reason() === 'other'"
            data-testid="redact-note"
          ></textarea>
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" class="danger" [disabled]="saving()" disabledInteractive data-testid="redact-confirm">
          {{ 'redaction.confirm' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin-top: 0;
    }
    .legend,
    .preview-label {
      margin: 0.75rem 0 0.25rem;
      font-weight: 500;
    }
    .radio-column {
      display: flex;
      flex-direction: column;
      margin-bottom: 0.5rem;
    }
    mat-form-field {
      width: 100%;
    }
    .marked {
      margin: 0 0 0.5rem;
    }
    .preview {
      margin: 0 0 0.5rem;
      padding: 0.5rem;
      border: 1px dashed var(--mat-sys-outline-variant);
      white-space: pre-wrap;
    }
  `,
})
export class RedactDialog {
  /** The longest note the API accepts (contracts/). */
  protected readonly noteMax = REPORT_LIMITS.redactionNote.max;
  private readonly data = inject<RedactDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RedactDialog, ReportDto>>(MatDialogRef);
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);

  protected readonly text = this.data.report.description ?? '';
  protected readonly reasons = REDACTION_REASONS;
  protected readonly scope = signal<'part' | 'whole'>('part');
  protected readonly selection = signal<{ start: number; end: number } | null>(null);
  protected readonly reason = signal<RedactionReason | null>(null);
  protected readonly note = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal('');

  /** The text as it will read afterwards. */
  protected readonly preview = computed(() => {
    const s = this.selection();
    if (this.scope() === 'whole') return REDACTED_MARK;
    return s ? this.text.slice(0, s.start) + REDACTED_MARK + this.text.slice(s.end) : this.text;
  });

  protected reasonLabel(reason: RedactionReason): string {
    return this.i18n.t(`redaction.reason.${reason}`);
  }

  /** Follows the selection in the text field (mouse or keyboard). */
  protected mark(event: Event): void {
    const area = event.target as HTMLTextAreaElement;
    const [start, end] = [area.selectionStart ?? 0, area.selectionEnd ?? 0];
    this.selection.set(end > start ? { start, end } : null);
  }

  protected save(): void {
    const reason = this.reason();
    const note = this.note().trim();
    const s = this.selection();
    if (this.scope() === 'part' && !s) {
      this.error.set(this.i18n.t('redaction.markRequired'));
      return;
    }
    if (!reason) {
      this.error.set(this.i18n.t('redaction.reasonRequired'));
      return;
    }
    if (reason === 'other' && !note) {
      this.error.set(this.i18n.t('redaction.noteRequired'));
      return;
    }
    const body: RedactReportRequest = { reason, ...(note ? { note } : {}), ...(this.scope() === 'whole' ? { whole: true } : { start: s!.start, end: s!.end }) };
    this.error.set('');
    this.saving.set(true);
    this.api.redact(this.data.report.id, body).subscribe({
      next: (report) => this.ref.close(report),
      error: (err: unknown) => {
        const e = toApiError(err);
        this.saving.set(false);
        this.error.set(
          e.code === 'REPORT.PERSONAL_DATA'
            ? this.i18n.t('redaction.error.personalData')
            : e.code === 'REPORT.REDACT_FORBIDDEN'
              ? this.i18n.t('redaction.error.forbidden')
              : e.field === 'start' || e.field === 'end'
                ? this.i18n.t('redaction.error.changed')
                : errorMessage(e, this.i18n),
        );
      },
    });
  }
}
