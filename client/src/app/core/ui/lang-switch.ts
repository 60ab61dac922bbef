import { ChangeDetectionStrategy, Component } from '@angular/core';
import { inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { I18n } from '../i18n/i18n';
import { Icon } from './icon';

/**
 * Switches between Swedish and English. Labelled in the language it switches to ("English" while
 * Swedish is active), with `lang` set so screen readers pronounce it right.
 */
@Component({
  selector: 'sv-lang-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, Icon],
  template: `
    <button
      matButton
      type="button"
      data-testid="lang-switch"
      [attr.lang]="i18n.otherLang()"
      [attr.aria-label]="i18n.t('lang.switchAria')"
      (click)="i18n.toggle()"
    >
      <sv-icon name="language" />
      <span class="label">{{ i18n.t('lang.switchLabel') }}</span>
    </button>
  `,
  styles: `
    .label {
      margin-inline-start: 0.5rem;
    }
    /* On narrow screens only the icon shows; the aria-label still names the button. */
    @media (max-width: 599.98px) {
      .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    }
  `,
})
export class LangSwitch {
  protected readonly i18n = inject(I18n);
}
