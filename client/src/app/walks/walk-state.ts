import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { WalkState } from '@samverka/contracts';
import { I18n } from '../core/i18n/i18n';

/** A walk's state as a chip with its word ("Pågår"): outlined, so that colour never carries the meaning alone. */
@Component({
  selector: 'sv-walk-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"walk-state state-" + state()', '[attr.data-state]': 'state()', 'data-testid': 'walk-state' },
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
    :host(.state-in_progress) {
      background: #fff1b8;
      color: #5b4300;
      font-weight: 700;
    }
    :host(.state-recorded) {
      background: #f1e6fb;
      color: #4f1f7a;
    }
    :host(.state-settled),
    :host(.state-followed_up) {
      background: #dff3f4;
      color: #0c4a4f;
    }
    :host(.state-closed) {
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
export class WalkStateChip {
  private readonly i18n = inject(I18n);
  readonly state = input.required<WalkState>();
  protected readonly text = computed(() => this.i18n.t(`walks.state.${this.state()}`));
}
