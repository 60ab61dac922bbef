import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DOCUMENT, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ActionDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { toApiError } from '../../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { ActionControls } from '../action-controls';
import { caseErrorText } from '../case-messages';
import { StaleBanner } from '../stale-banner';
import { CasesApi } from '../cases-api';
import { addDays, TODAY } from '../labels/dates';
import { OverdueMark } from '../labels/overdue-mark';
import { DayPipe, PluralPipe } from '../labels/pipes';
import { StateChip } from '../labels/state-chip';
import { isClosedAction } from '../labels/state-labels';

/** Open actions due within this many days count as "soon". */
export const SOON_DAYS = 14;

export interface ActionGroups {
  overdue: ActionDto[];
  soon: ActionDto[];
  later: ActionDto[];
  closed: ActionDto[];
}

/** Sorts open actions into overdue (most overdue first), due within 14 days and later; closed ones apart. */
export function groupActions(actions: ActionDto[], today: string): ActionGroups {
  const limit = addDays(today, SOON_DAYS);
  const groups: ActionGroups = { overdue: [], soon: [], later: [], closed: [] };
  for (const a of actions) {
    if (isClosedAction(a.state)) groups.closed.push(a);
    else if (a.daysOverdue > 0) groups.overdue.push(a);
    else if (a.dueDate <= limit) groups.soon.push(a);
    else groups.later.push(a);
  }
  groups.overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueDate.localeCompare(b.dueDate));
  groups.soon.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  groups.later.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  groups.closed.sort((a, b) => b.dueDate.localeCompare(a.dueDate));
  return groups;
}

/**
 * "Mina insatser": the agreed actions of the user's organisation – overdue, due within 14 days, later, and the
 * closed ones folded away – with the steps the user may take on each (assign, start, done, blocked, resume, cancel).
 */
@Component({
  selector: 'sv-my-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StaleBanner, NgTemplateOutlet, MatProgressBar, RouterLink, TPipe, Icon, DayPipe, PluralPipe, OverdueMark, StateChip, ActionControls],
  templateUrl: './my-actions.html',
  styleUrl: './my-actions.scss',
})
export class MyActions {
  private readonly api = inject(CasesApi);
  private readonly auth = inject(AuthService);
  private readonly today = inject(TODAY);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  protected readonly organization = computed(() => this.auth.user()?.organization ?? null);
  protected readonly actions = signal<ActionDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly stale = signal(false);
  protected readonly showClosed = signal(false);
  protected readonly groups = computed(() => groupActions(this.actions(), this.today()));
  protected readonly openGroups = computed(() => {
    const g = this.groups();
    const list: { id: string; key: MessageKey; actions: ActionDto[] }[] = [
      { id: 'overdue', key: 'cases.myActions.overdue', actions: g.overdue },
      { id: 'soon', key: 'cases.myActions.soon', actions: g.soon },
      { id: 'later', key: 'cases.myActions.later', actions: g.later },
    ];
    return list;
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    const org = this.organization();
    this.stale.set(false);
    if (!org) {
      this.loading.set(false);
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    this.api.actions({ organizationId: org.id }).subscribe({
      next: (actions) => {
        this.actions.set(actions);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(caseErrorText(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }

  /** An action changed: show it as the server answered (it may move to another group). */
  protected changed(updated: ActionDto): void {
    this.actions.update((list) => list.map((a) => (a.id === updated.id ? updated : a)));
    if (isClosedAction(updated.state)) this.showClosed.set(true);
    // The row may have moved to another group (and its button gone): keep the focus on the row.
    afterNextRender(
      () => {
        const active = this.document.activeElement;
        if (!active || active === this.document.body) this.document.getElementById(`action-${updated.id}`)?.focus();
      },
      { injector: this.injector },
    );
  }
}
