import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ActionDto, PlannedActionDto } from '@samverka/contracts';
import { I18n, TPipe } from '../core/i18n/i18n';
import { shortDate } from './meeting-format';

/** One row of the list: an agreed action, or a proposed one with its organisation's name looked up. */
export interface ActionRow {
  key: string;
  number: number | null;
  cause: string;
  what: string;
  goal: string;
  organization: string;
  owner: string | null;
  dueDate: string;
  daysOverdue: number;
  state: ActionDto['state'] | null;
}

/** Agreed actions as rows. */
export function agreedRows(actions: ActionDto[]): ActionRow[] {
  return actions.map((a) => ({
    key: a.id,
    number: a.number,
    cause: a.cause,
    what: a.what,
    goal: a.goal,
    organization: a.organization.name,
    owner: a.owner?.name ?? null,
    dueDate: a.dueDate,
    daysOverdue: a.daysOverdue,
    state: a.state,
  }));
}

/** Proposed actions as rows (organisation names from `names`). */
export function proposedRows(actions: PlannedActionDto[], names: Map<string, string>): ActionRow[] {
  return actions.map((a, i) => ({
    key: `p${i}`,
    number: i + 1,
    cause: a.cause,
    what: a.what,
    goal: a.goal,
    organization: names.get(a.organizationId) ?? '',
    owner: null,
    dueDate: a.dueDate,
    daysOverdue: 0,
    state: null,
  }));
}

/** Actions in the plan's columns – cause, action, goal, who, when – as a list that reads well aloud and on a projector. */
@Component({
  selector: 'sv-action-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  template: `
    <ol class="actions" data-testid="action-list">
      @for (a of rows(); track a.key) {
        <li>
          <p class="what">
            @if (a.number !== null) {
              <span class="number">{{ a.number }}.</span>
            }
            {{ a.what }}
          </p>
          <dl>
            <div>
              <dt>{{ 'meetings.action.cause' | t }}</dt>
              <dd>{{ a.cause }}</dd>
            </div>
            <div>
              <dt>{{ 'meetings.action.goal' | t }}</dt>
              <dd>{{ a.goal }}</dd>
            </div>
            <div>
              <dt>{{ 'meetings.action.organization' | t }}</dt>
              <dd>
                {{ a.organization }}
                @if (a.owner) {
                  ({{ a.owner }})
                }
              </dd>
            </div>
            <div>
              <dt>{{ 'meetings.action.dueDate' | t }}</dt>
              <dd>
                {{ date(a.dueDate) }}
                @if (a.daysOverdue > 0) {
                  <strong class="overdue">{{ 'meetings.action.overdue' | t: { days: a.daysOverdue } }}</strong>
                }
              </dd>
            </div>
            @if (a.state) {
              <div>
                <dt>{{ 'meetings.action.state' | t }}</dt>
                <dd>{{ stateLabel(a.state) }}</dd>
              </div>
            }
          </dl>
        </li>
      } @empty {
        <li class="none">{{ 'meetings.action.none' | t }}</li>
      }
    </ol>
  `,
  styles: `
    :host {
      display: block;
    }
    .actions {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .actions > li {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .actions > li:last-child {
      border-bottom: 0;
    }
    .what {
      margin: 0 0 0.25rem;
      font-weight: 600;
    }
    .number {
      margin-inline-end: 0.25rem;
    }
    dl {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: 0.25rem 1rem;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .overdue {
      display: inline-block;
      margin-inline-start: 0.5rem;
      color: var(--mat-sys-error);
    }
    :host-context(.presenter) dt {
      color: inherit;
      font: inherit;
      font-size: 0.9em;
      font-weight: 700;
    }
  `,
})
export class ActionList {
  private readonly i18n = inject(I18n);
  readonly rows = input.required<ActionRow[]>();

  protected stateLabel(state: NonNullable<ActionRow['state']>): string {
    return this.i18n.t(`meetings.actionState.${state}`);
  }

  protected date(value: string): string {
    return shortDate(value, this.i18n.locale());
  }
}
