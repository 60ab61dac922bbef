import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { RedactionReason, ReportDto } from '@samverka/contracts';
import { I18n, TPipe } from '../core/i18n/i18n';
import { Notifier } from '../core/ui/notifier';
import { RedactDialog, type RedactDialogData } from './redact-dialog';
import { ReportsApi } from './reports-api';

/**
 * Under a report's text: the badge "Väntar på granskning" (for those who see the text), when text was removed, and
 * the buttons "Gallra text" (who may) and, with `reviewActions`, "Godkänn texten" (coordinators). Emits the report
 * as the server answers it after a change.
 */
@Component({
  selector: 'sv-report-redaction',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TPipe],
  template: `
    @let r = report();
    @if (r.review === 'pending') {
      <p class="review-badge" data-testid="review-badge">
        <strong class="badge">{{ 'review.badge' | t }}</strong>
        <span class="explain">{{ 'review.badgeExplain' | t }}</span>
      </p>
    }
    @if (r.textRedaction; as red) {
      <p class="redacted-info" data-testid="redacted-info">{{ 'redaction.redactedInfo' | t: { date: date(red.at), reason: reasonLabel(red.reason) } }}</p>
    }
    @if (r.canRedact || (reviewActions() && r.canReview)) {
      <div class="actions">
        @if (reviewActions() && r.canReview) {
          <button
            matButton="filled"
            type="button"
            [disabled]="busy()"
            (click)="confirm()"
            [attr.aria-label]="'review.confirmFor' | t: { when: when() }"
            data-testid="review-confirm"
          >
            {{ 'review.confirm' | t }}
          </button>
        }
        @if (r.canRedact) {
          <button
            matButton="outlined"
            type="button"
            [disabled]="busy()"
            (click)="redact()"
            [attr.aria-label]="'redaction.actionFor' | t: { when: when() }"
            data-testid="redact-open"
          >
            {{ 'redaction.action' | t }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .review-badge {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
      margin: 0 0 0.5rem;
    }
    .badge {
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .explain,
    .redacted-info {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.25rem;
    }
  `,
})
export class ReportRedaction {
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(ReportsApi);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);

  readonly report = input.required<ReportDto>();
  /** Also offer "Godkänn texten" (the review list). */
  readonly reviewActions = input(false);
  readonly changed = output<ReportDto>();
  protected readonly busy = signal(false);

  protected reasonLabel(reason: RedactionReason): string {
    return this.i18n.t(`redaction.reason.${reason}`);
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
  }

  /** The report's time, to tell the buttons of several reports apart for screen readers. */
  protected when(): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(
      new Date(this.report().occurredAt),
    );
  }

  protected redact(): void {
    const ref = this.dialog.open<RedactDialog, RedactDialogData, ReportDto>(RedactDialog, {
      data: { report: this.report() },
      width: '40rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((report) => {
      if (!report) return;
      this.notifier.success('redaction.done');
      this.changed.emit(report);
    });
  }

  protected confirm(): void {
    this.busy.set(true);
    this.api.confirmReview(this.report().id).subscribe({
      next: (report) => {
        this.busy.set(false);
        this.notifier.success('review.confirmed');
        this.changed.emit(report);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.notifier.error(err);
      },
    });
  }
}
