import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { MeetingState } from '@samverka/contracts';
import { I18n } from '../core/i18n/i18n';

/** A meeting's state as a chip with its word ("Pågår"): outlined, so that colour never carries the meaning alone. */
@Component({
  selector: 'sv-meeting-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"meeting-state state-" + state()', '[attr.data-state]': 'state()', 'data-testid': 'meeting-state' },
  template: `{{ text() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      padding: 0.1em 0.65em;
      border-radius: 999px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      line-height: 1.5;
      white-space: nowrap;
    }
    :host(.state-planned) {
      background: #e3ecfa;
      color: #163d7a;
    }
    :host(.state-in_session) {
      background: #fff1b8;
      color: #5b4300;
      font-weight: 700;
    }
    :host(.state-minutes_draft) {
      background: #f1e6fb;
      color: #4f1f7a;
    }
    :host(.state-approved) {
      background: #d7f0d8;
      color: #14501a;
    }
    :host(.state-cancelled) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      border-style: dashed;
    }
  `,
})
export class MeetingStateChip {
  private readonly i18n = inject(I18n);
  readonly state = input.required<MeetingState>();
  protected readonly text = computed(() => this.i18n.t(`meetings.state.${this.state()}`));
}
