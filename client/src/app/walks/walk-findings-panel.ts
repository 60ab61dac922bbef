import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { WalkFindingsPictureDto } from '@samverka/contracts';
import { I18n, LocalNumberPipe, TPipe } from '../core/i18n/i18n';
import { ChangeText } from '../reports/change-text';
import { swedishParts, walkDate } from './walk-format';

/** A recurring place as the situational picture lists it: its name (or position) and how often walks found something there. */
export function repeatedPlaceName(r: WalkFindingsPictureDto['repeatedPlaces'][number], i18n: I18n): string {
  return r.name ?? i18n.t('walks.picture.spot', { latitude: i18n.formatNumber(r.latitude, 4), longitude: i18n.formatNumber(r.longitude, 4) });
}

/**
 * Safety-walk findings in the situational picture: the week's count against the four weeks before, and the places
 * found on two or more walks (marked with a ring on the picture's map).
 */
@Component({
  selector: 'sv-walk-findings-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe, LocalNumberPipe, ChangeText],
  template: `
    <div class="figures" data-testid="walk-figures">
      <div class="figure">
        <span class="figure-value" data-testid="walk-count">{{ findings().total.count }}</span>
        <span class="figure-label">{{ 'walks.picture.count' | t }}</span>
      </div>
      <div class="figure">
        <span class="figure-value" data-testid="walk-average">{{ findings().total.previousAverage | localNumber: 2 }}</span>
        <span class="figure-label">{{ 'picture.average' | t }}</span>
      </div>
      <div class="figure">
        <span class="figure-value figure-change" data-testid="walk-change"><sv-change [change]="findings().total.change" [long]="true" /></span>
        <span class="figure-label">{{ 'picture.changeLabel' | t }}</span>
      </div>
    </div>
    <h3 id="repeated-heading">{{ 'walks.picture.repeated' | t }}</h3>
    @if (rows().length) {
      <p class="intro">{{ 'walks.picture.repeatedIntro' | t }}</p>
      <ol class="repeated" aria-labelledby="repeated-heading" data-testid="repeated-places">
        @for (r of rows(); track r.key) {
          <li>
            <span class="repeated-name">{{ r.name }}</span> – <span>{{ r.detail }}</span>
          </li>
        }
      </ol>
    } @else {
      <p class="empty-state">{{ 'walks.picture.noRepeated' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 1.5rem;
    }
    .figure {
      display: flex;
      flex-direction: column;
    }
    .figure-value {
      font: var(--mat-sys-headline-medium);
    }
    .figure-label,
    .intro {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .repeated-name {
      font-weight: 700;
    }
  `,
})
export class WalkFindingsPanel {
  private readonly i18n = inject(I18n);
  readonly findings = input.required<WalkFindingsPictureDto>();

  protected readonly rows = computed(() =>
    this.findings().repeatedPlaces.map((r) => ({
      key: r.placeId ?? `${r.latitude},${r.longitude}`,
      name: repeatedPlaceName(r, this.i18n),
      detail: this.i18n.t('walks.picture.repeatedItem', {
        walks: r.walkCount,
        findings: r.findingCount,
        date: walkDate(swedishParts(r.lastRecordedAt).date, this.i18n.locale()),
      }),
    })),
  );
}
