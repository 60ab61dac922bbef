import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { EffectFiguresDto } from '@samverka/contracts';
import { I18n, TPipe } from '../core/i18n/i18n';
import { formatDay, todayInSweden } from '../cases/labels/dates';

/**
 * Before/after figures of a case (issue #16): the counts per zone in a table inside a focusable scroll region named
 * by `labelledBy`, each figure's plain sentence in the UI's language, the small-count warning and the windows.
 */
@Component({
  selector: 'sv-effect-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  template: `
    @let f = figures();
    <div class="table-scroll" tabindex="0" role="region" [attr.aria-labelledby]="labelledBy()">
      <table class="data-table" data-testid="effect-counts">
        <thead>
          <tr>
            <th scope="col">{{ 'effects.figures.zone' | t }}</th>
            <th scope="col" class="num">{{ 'effects.figures.before' | t }}</th>
            <th scope="col" class="num">{{ 'effects.figures.after' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (z of zones; track z.zone) {
            <tr>
              <th scope="row">{{ z.key | t }}</th>
              <td class="num" [attr.data-testid]="'effect-' + z.zone + '-before'">{{ f.counts[z.zone].before }}</td>
              <td class="num" [attr.data-testid]="'effect-' + z.zone + '-after'">{{ f.counts[z.zone].after }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (f.tooFew) {
      <p class="effect-warning" data-testid="effect-too-few">{{ 'effects.figures.tooFew' | t }}</p>
    }
    <ul class="effect-sentences" data-testid="effect-sentences">
      @for (figure of f.figures; track figure.key) {
        <li>{{ i18n.lang() === 'sv' ? figure.sv : figure.en }}</li>
      }
    </ul>
    <p class="effect-windows">{{ 'effects.figures.windows' | t: windows() }}</p>
  `,
  styles: `
    .effect-warning {
      font-weight: 600;
      color: var(--mat-sys-error);
    }
    .effect-sentences {
      padding-left: 1.25rem;
    }
    .effect-windows {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
  `,
})
export class EffectFigures {
  protected readonly i18n = inject(I18n);
  readonly figures = input.required<EffectFiguresDto>();
  /** The id of the heading that names the table. */
  readonly labelledBy = input.required<string>();
  protected readonly zones = (['treatment', 'buffer', 'comparison'] as const).map((zone) => ({ zone, key: `effects.figures.${zone}` as const }));

  protected readonly windows = computed(() => {
    const f = this.figures();
    // Windows end exclusive: the last day shown is the one before `to`.
    const day = (iso: string, last = false) => formatDay(this.i18n, todayInSweden(new Date(new Date(iso).getTime() - (last ? 1 : 0))));
    return {
      weeks: f.weeks,
      beforeFrom: day(f.before.from),
      beforeTo: day(f.before.to, true),
      afterFrom: day(f.after.from),
      afterTo: day(f.after.to, true),
      version: f.methodVersion,
    };
  });
}
