import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';
import { actionStateLabel, caseStateLabel } from './state-labels';

/** A state as a bordered chip with its word (never colour alone). */
@Component({
  selector: 'sv-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"state-chip state-" + state()', '[attr.data-state]': 'state()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 0.1em 0.6em;
      border-radius: 6px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      line-height: 1.5;
      white-space: nowrap;
    }
    :host(.state-done),
    :host(.state-closed) {
      background: #d7f0d8;
      color: #14501a;
      border-color: #14501a;
    }
    :host(.state-blocked),
    :host(.state-escalated) {
      background: #fff1b8;
      color: #5b4300;
      border-color: #5b4300;
    }
    :host(.state-cancelled),
    :host(.state-dismissed) {
      border-style: dashed;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StateChip {
  private readonly i18n = inject(I18n);
  readonly state = input.required<string>();
  /** 'case' (default) or 'action'. */
  readonly kind = input<'case' | 'action'>('case');
  protected label(): string {
    return this.kind() === 'action' ? actionStateLabel(this.i18n, this.state()) : caseStateLabel(this.i18n, this.state());
  }
}
