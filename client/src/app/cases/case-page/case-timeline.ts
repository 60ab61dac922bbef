import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CASE_OUTCOMES, DISMISSAL_REASONS, type ActionDto, type CaseHistoryDto, type CaseOutcome, type DismissalReason } from '@samverka/contracts';
import { I18n, MessageKey, TPipe } from '../../core/i18n/i18n';
import { WhenPipe } from '../labels/pipes';
import { actionStateLabel, caseStateLabel } from '../labels/state-labels';

/** Case events with their own words in the timeline. */
const CASE_EVENTS = [
  'CREATED',
  'START_ANALYSIS',
  'SAVE_ANALYSIS',
  'PROPOSE',
  'AGREE',
  'SEND_BACK',
  'ESCALATE',
  'EVALUATE',
  'DISMISS',
  'REOPEN',
  'ACTION_STARTED',
  'ACTION_CLOSED',
] as const;
const ACTION_EVENTS = ['ASSIGN', 'START', 'COMPLETE', 'BLOCK', 'RESUME', 'CANCEL'] as const;

/** One line of the timeline, ready to show. */
interface Entry {
  id: string;
  at: string;
  text: string;
  actor: string;
  transition: string;
  details: { label: string; text: string }[];
}

/** The case's full history as a timeline: when, who (and their organisation), what happened in words, and from → to. */
@Component({
  selector: 'sv-case-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe, WhenPipe],
  template: `
    @if (entries().length) {
      <ol class="timeline" data-testid="history">
        @for (e of entries(); track e.id) {
          <li class="entry" data-testid="history-entry">
            <p class="head">
              <time [attr.datetime]="e.at">{{ e.at | when }}</time>{{ ' ' }}<span class="what">{{ e.text }}</span>
            </p>
            <p class="meta">{{ e.actor }} <span aria-hidden="true">·</span> {{ e.transition }}</p>
            @for (d of e.details; track $index) {
              <p class="detail">
                @if (d.label) {
                  <span class="detail-label">{{ d.label + ': ' }}</span>
                }
                {{ d.text }}
              </p>
            }
          </li>
        }
      </ol>
    } @else {
      <p class="empty-state">{{ 'cases.history.empty' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 1rem;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
    }
    .entry {
      position: relative;
      padding: 0 0 1rem 0.75rem;
    }
    .entry::before {
      content: '';
      position: absolute;
      inset-inline-start: calc(-1rem - 8px);
      top: 0.45rem;
      width: 13px;
      height: 13px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      border: 2px solid var(--mat-sys-surface);
    }
    .head {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      align-items: baseline;
    }
    time {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
    .what {
      font-weight: 600;
    }
    .meta,
    .detail {
      margin: 0.1rem 0 0;
      font: var(--mat-sys-body-medium);
    }
    .detail {
      white-space: pre-line;
    }
    .detail-label {
      color: var(--mat-sys-on-surface-variant);
      white-space: pre;
    }
  `,
})
export class CaseTimeline {
  private readonly i18n = inject(I18n);

  readonly history = input.required<CaseHistoryDto[]>();
  /** The case's actions, to name them by number. */
  readonly actions = input<ActionDto[]>([]);

  protected readonly entries = computed<Entry[]>(() => {
    this.i18n.lang();
    const numbers = new Map(this.actions().map((a) => [a.id, a.number]));
    return this.history().map((h) => this.entry(h, numbers));
  });

  private entry(h: CaseHistoryDto, numbers: Map<string, number>): Entry {
    const t = this.i18n;
    const forAction = !!h.actionId;
    const label = (s: string | null) => (forAction ? actionStateLabel(t, s) : caseStateLabel(t, s));
    let text: string;
    if (forAction && (ACTION_EVENTS as readonly string[]).includes(h.eventType)) {
      text = t.t(`cases.history.${h.eventType as (typeof ACTION_EVENTS)[number]}`, { number: numbers.get(h.actionId!) ?? '?' });
    } else if ((CASE_EVENTS as readonly string[]).includes(h.eventType)) {
      text = t.t(`cases.history.${h.eventType as (typeof CASE_EVENTS)[number]}`);
    } else {
      text = t.t('cases.history.other', { type: h.eventType });
    }
    const transition =
      h.fromState === null
        ? t.t('cases.history.start', { to: label(h.toState) })
        : h.fromState === h.toState
          ? t.t('cases.history.sameState', { state: label(h.toState) })
          : t.t('cases.history.transition', { from: label(h.fromState), to: label(h.toState) });
    const actor = h.actor ? [h.actor.name, h.actor.organizationName].filter(Boolean).join(', ') : t.t('cases.history.system');
    return { id: h.id, at: h.at, text, actor, transition, details: this.details(h) };
  }

  /** What the payload says in words: the outcome or reason chosen, and the note, reason or report written. */
  private details(h: CaseHistoryDto): Entry['details'] {
    const p = h.payload ?? {};
    const t = this.i18n;
    const out: Entry['details'] = [];
    const str = (key: string) => (typeof p[key] === 'string' && p[key].trim() ? p[key] : null);
    const outcome = str('outcome');
    if (h.eventType === 'EVALUATE' && outcome && (CASE_OUTCOMES as readonly string[]).includes(outcome)) {
      out.push({ label: t.t('cases.history.outcome'), text: t.t(`cases.outcome.${outcome as CaseOutcome}`) });
    }
    const reason = str('reason');
    if (h.eventType === 'DISMISS' && reason && (DISMISSAL_REASONS as readonly string[]).includes(reason)) {
      out.push({ label: t.t('cases.history.reason'), text: t.t(`cases.dismiss.${reason as DismissalReason}`) });
    } else if (reason) {
      out.push({ label: t.t('cases.history.reason'), text: reason });
    }
    const fields: [string, MessageKey][] = [
      ['note', 'cases.history.note'],
      ['report', 'cases.history.report'],
    ];
    for (const [key, labelKey] of fields) {
      const value = str(key);
      if (value) out.push({ label: t.t(labelKey), text: value });
    }
    if (str('meetingId')) out.push({ label: '', text: t.t('cases.history.byMeeting') });
    return out;
  }
}
