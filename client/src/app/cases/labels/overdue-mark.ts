import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from '../../core/ui/icon';

/**
 * A lateness mark: a warning icon and words ("3 dagar sen", "1 försenad insats"), so that it never rests on
 * colour alone.
 */
@Component({
  selector: 'sv-overdue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: { class: 'overdue-mark', 'data-testid': 'overdue' },
  template: `<sv-icon name="warning" /><span>{{ text() }}</span>`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0.05em 0.5em 0.05em 0.35em;
      border-radius: 999px;
      border: 1px solid #8c1111;
      background: #ffe9e7;
      color: #8c1111;
      font-weight: 600;
      white-space: nowrap;
    }
    sv-icon {
      width: 1.1em;
      height: 1.1em;
    }
    @media print {
      :host {
        -webkit-print-color-adjust: exact;
        print-color-adjust: exact;
      }
    }
  `,
})
export class OverdueMark {
  /** The translated text, e.g. "3 dagar sen". */
  readonly text = input.required<string>();
}
