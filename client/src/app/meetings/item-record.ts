import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CASE_STATES, type AgendaItemDto } from '@samverka/contracts';
import { I18n, TPipe } from '../core/i18n/i18n';
import { meetingTime } from './meeting-format';

/** The texts the API stores when a decision has no note of its own (the decision's kind already says it). */
const DEFAULT_NOTES = new Set([
  'De föreslagna åtgärderna beslutades',
  'Ärendet återförvisades till analys',
  'Ärendet lyftes till chefssamrådet',
  'Antecknades',
]);

/** What has been recorded under an agenda item: the decision (with who and when) and the organisations' statements. */
@Component({
  selector: 'sv-item-record',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  template: `
    @if (item().decision; as d) {
      <div class="decision" data-testid="item-decision" [attr.data-kind]="d.kind">
        @if (d.kind === 'note') {
          <!-- A note is not a decision: "Anteckning", never "Beslut: Anteckning". -->
          <p class="headline" data-testid="decision-headline">
            <span class="label">{{ 'meetings.decisionKind.note' | t }}</span>
          </p>
        } @else {
          <p class="headline" data-testid="decision-headline">
            <span class="label">{{ 'meetings.decision.label' | t }}:</span> {{ kindText() }}
          </p>
        }
        @if (note(); as text) {
          <p class="note" data-testid="decision-text">{{ text }}</p>
        }
        <p class="by">
          {{ 'meetings.decision.by' | t: { name: d.by, when: when() } }}
          @if (caseState()) {
            · {{ caseState() }}
          }
        </p>
      </div>
    }
    @if (item().statements.length) {
      <dl class="statements" data-testid="item-statements">
        @for (s of item().statements; track s.organizationId) {
          <div>
            <dt>{{ s.organizationName }}</dt>
            <dd>{{ s.text }}</dd>
          </div>
        }
      </dl>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    :host:empty {
      display: none;
    }
    .decision {
      border-inline-start: 4px solid var(--mat-sys-primary);
      padding: 0.25rem 0.75rem;
      margin: 0.5rem 0;
      background: var(--mat-sys-surface-container-low);
    }
    .decision p {
      margin: 0.15rem 0;
    }
    .label {
      font-weight: 700;
    }
    .note {
      white-space: pre-line;
    }
    .by {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .statements {
      margin: 0.5rem 0;
    }
    .statements div {
      padding: 0.25rem 0;
    }
    .statements dt {
      font-weight: 700;
    }
    .statements dd {
      margin: 0;
      white-space: pre-line;
    }
  `,
})
export class ItemRecord {
  private readonly i18n = inject(I18n);
  readonly item = input.required<AgendaItemDto>();

  protected readonly kindText = computed(() => {
    const d = this.item().decision;
    return d ? this.i18n.t(`meetings.decisionKind.${d.kind}`) : '';
  });
  protected readonly note = computed(() => {
    const note = this.item().decision?.note ?? '';
    return DEFAULT_NOTES.has(note) ? '' : note;
  });
  protected readonly when = computed(() => {
    const d = this.item().decision;
    return d ? meetingTime(d.at, this.i18n.locale(), 'medium') : '';
  });
  protected readonly caseState = computed(() => {
    const state = this.item().decision?.caseState;
    return state ? this.i18n.t('meetings.decision.caseState', { state: this.caseStateLabel(state) }) : '';
  });

  private caseStateLabel(state: string): string {
    const match = CASE_STATES.find((s) => s === state);
    return match ? this.i18n.t(`meetings.caseState.${match}`) : state;
  }
}
