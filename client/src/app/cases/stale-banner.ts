import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';

/** Someone else changed the record first (409 stale version): says so and offers a reload. */
@Component({
  selector: 'sv-stale-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TPipe, Icon],
  host: { role: 'alert', 'data-testid': 'stale' },
  template: `
    <sv-icon name="warning" />
    <p>{{ 'cases.error.stale' | t }}</p>
    <button matButton="filled" type="button" (click)="reload.emit()" data-testid="reload">{{ 'cases.case.reload' | t }}</button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.75rem 1rem;
      margin-bottom: 1rem;
      border: 2px solid #8c1111;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
      flex: 1 1 20rem;
    }
  `,
})
export class StaleBanner {
  readonly reload = output();
}
