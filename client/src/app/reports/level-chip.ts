import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AreaLevel } from '@samverka/contracts';
import { I18n } from '../core/i18n/i18n';

const SYMBOLS: Record<AreaLevel, string> = { green: '●', yellow: '▲', red: '■' };

/**
 * An area's level as a coloured chip that always carries its word too ("Gul"), and a symbol whose shape
 * differs per level (● ▲ ■), so that colour is never the only signal. Without a level it says so.
 */
@Component({
  selector: 'sv-level-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"level-chip level-" + (level() ?? "none")', '[attr.data-level]': 'level() ?? "none"' },
  template: `@if (level()) {
      <span class="symbol" aria-hidden="true">{{ symbol() }}</span>
    }
    <span class="text">{{ text() }}</span>`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      padding: 0.15em 0.65em;
      border-radius: 999px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      line-height: 1.4;
      white-space: nowrap;
    }
    :host(.level-green) {
      background: #d7f0d8;
      color: #14501a;
    }
    :host(.level-yellow) {
      background: #fff1b8;
      color: #5b4300;
    }
    :host(.level-red) {
      background: #ffd9d6;
      color: #8c1111;
    }
    :host(.level-none) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
      border-style: dashed;
    }
    .symbol {
      font-size: 0.9em;
    }
    @media print {
      :host {
        -webkit-print-color-adjust: exact;
        print-color-adjust: exact;
      }
    }
  `,
})
export class LevelChip {
  private readonly i18n = inject(I18n);

  /** The level, or null for "no assessment". */
  readonly level = input<AreaLevel | null>(null);
  /** The text for a missing level (default "Ingen bedömning"). */
  readonly emptyText = input<string | null>(null);

  protected readonly symbol = computed(() => {
    const level = this.level();
    return level ? SYMBOLS[level] : '';
  });
  protected readonly text = computed(() => {
    const level = this.level();
    return level ? this.i18n.t(`level.${level}`) : (this.emptyText() ?? this.i18n.t('level.none'));
  });
}
