import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ActionDto, CaseSummaryDto } from '@samverka/contracts';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Notifier } from '../../core/ui/notifier';
import { caseErrorText } from '../case-messages';
import { StaleBanner } from '../stale-banner';
import { CasesApi } from '../cases-api';
import { EventRunner } from '../event-runner';
import { OverdueMark } from '../labels/overdue-mark';
import { DayPipe, PluralPipe, WhenPipe } from '../labels/pipes';
import { StateChip } from '../labels/state-chip';

/**
 * "Uppföljning": the cases whose actions are all closed, waiting to be evaluated, and every overdue action across
 * the organisations, the most overdue first, so that the coordinator can chase them.
 */
@Component({
  selector: 'sv-follow-up',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StaleBanner, MatButton, MatProgressBar, RouterLink, TPipe, DayPipe, WhenPipe, PluralPipe, OverdueMark, StateChip],
  templateUrl: './follow-up.html',
  styleUrl: './follow-up.scss',
})
export class FollowUp {
  private readonly api = inject(CasesApi);
  private readonly runner = inject(EventRunner);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);

  protected readonly cases = signal<CaseSummaryDto[]>([]);
  protected readonly overdue = signal<ActionDto[]>([]);
  protected readonly loadingCases = signal(true);
  protected readonly loadingActions = signal(true);
  protected readonly casesError = signal<string | null>(null);
  protected readonly actionsError = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly busy = signal(false);
  protected readonly sortedOverdue = computed(() => [...this.overdue()].sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueDate.localeCompare(b.dueDate)));

  constructor() {
    this.load();
  }

  protected load(): void {
    this.stale.set(false);
    this.loadCases();
    this.loadActions();
  }

  /** EVALUATE through its dialog; the list is fetched again afterwards. */
  protected evaluate(c: CaseSummaryDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.casesError.set(null);
    this.runner.caseEvent(c, 'EVALUATE').subscribe({
      next: (outcome) => {
        this.busy.set(false);
        if (!outcome) return;
        if ('stale' in outcome) {
          this.stale.set(true);
          return;
        }
        this.notifier.success('cases.followUp.evaluated');
        this.loadCases();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.casesError.set(caseErrorText(toApiError(err), this.i18n));
      },
    });
  }

  private loadCases(): void {
    this.loadingCases.set(true);
    this.casesError.set(null);
    this.api.list({ state: 'follow_up' }).subscribe({
      next: (cases) => {
        this.cases.set(cases);
        this.loadingCases.set(false);
      },
      error: (err: unknown) => {
        this.casesError.set(caseErrorText(toApiError(err), this.i18n));
        this.loadingCases.set(false);
      },
    });
  }

  private loadActions(): void {
    this.loadingActions.set(true);
    this.actionsError.set(null);
    this.api.actions({ overdue: true }).subscribe({
      next: (actions) => {
        this.overdue.set(actions);
        this.loadingActions.set(false);
      },
      error: (err: unknown) => {
        this.actionsError.set(caseErrorText(toApiError(err), this.i18n));
        this.loadingActions.set(false);
      },
    });
  }
}
