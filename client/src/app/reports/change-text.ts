import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n';

/**
 * A change against the average of earlier weeks: an arrow (↑ ↓ →) and words ("3,5 fler"), so that
 * neither the arrow's colour nor its direction alone carries the meaning.
 */
@Component({
  selector: 'sv-change',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"change change-" + direction()' },
  template: `<span class="arrow" aria-hidden="true">{{ arrow() }}</span> {{ text() }}`,
  styles: `
    :host {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    :host(.change-up) .arrow {
      color: #a31515;
    }
    :host(.change-down) .arrow {
      color: #1b5e20;
    }
    .arrow {
      font-weight: 700;
    }
  `,
})
export class ChangeText {
  private readonly i18n = inject(I18n);

  /** This week's count minus the earlier average. */
  readonly change = input.required<number>();
  /** "3,5 fler än snittet" instead of "3,5 fler". */
  readonly long = input(false);

  protected readonly direction = computed(() => (this.change() > 0 ? 'up' : this.change() < 0 ? 'down' : 'same'));
  protected readonly arrow = computed(() => ({ up: '↑', down: '↓', same: '→' })[this.direction()]);
  protected readonly text = computed(() => {
    const value = this.i18n.formatNumber(Math.abs(this.change()), 2);
    const direction = this.direction();
    if (this.long()) return this.i18n.t(`change.long.${direction}`, { value });
    return this.i18n.t(`change.${direction}`, { value });
  });
}
