import { inject, type ValueProvider } from '@angular/core';
import type { CanActivateFn } from '@angular/router';
import { attentionNav } from './attention/attention.nav';
import { casesNav } from './cases/cases.nav';
import { I18n } from './core/i18n/i18n';
import { directoryNav } from './directory/directory.nav';
import { effectsNav } from './effects/effects.nav';
import { provideNav } from './core/shell/nav-entry';
import { meetingsNav } from './meetings/meetings.nav';
import { reportsNav } from './reports/reports.nav';
import { walksNav } from './walks/walks.nav';

/**
 * What the features contribute to core at start-up (side-navigation links), so that core imports no feature:
 * provided in app.config, and to every component test by test-setup.ts (with the features' texts).
 */
export const featureProviders: ValueProvider[] = [
  provideNav(attentionNav),
  provideNav(casesNav),
  provideNav(meetingsNav),
  provideNav(walksNav),
  provideNav(effectsNav),
  provideNav(reportsNav),
  provideNav(directoryNav),
];

/**
 * Guard of every route outside the sign-in page: loads the features' texts (app.messages.ts, a lazy chunk) and adds
 * them to the dictionaries before the page renders, so that the sign-in page's initial JavaScript leaves them out.
 */
export const featureTexts: CanActivateFn = async () => {
  const i18n = inject(I18n);
  if (!i18n.hasFragments()) i18n.addFragments((await import('./app.messages')).featureMessages);
  return true;
};
