import type { ValueProvider } from '@angular/core';
import { a11yEn, a11ySv } from './accessibility/accessibility.i18n';
import { casesNav } from './cases/cases.nav';
import { casesEn, casesSv } from './cases/cases.i18n';
import { effectsNav } from './effects/effects.nav';
import { effectsEn, effectsSv } from './effects/effects.i18n';
import { provideMessages } from './core/i18n/messages';
import { provideNav } from './core/shell/nav-entry';
import { meetingsNav } from './meetings/meetings.nav';
import { meetingsEn, meetingsSv } from './meetings/meetings.i18n';
import { redactionEn, redactionSv } from './reports/redaction.i18n';
import { reportsNav } from './reports/reports.nav';
import { walksNav } from './walks/walks.nav';
import { walksEn, walksSv } from './walks/walks.i18n';

/** The features' dictionary fragments, in the order they are merged after core's texts. */
export const featureMessages = [
  { sv: casesSv, en: casesEn },
  { sv: meetingsSv, en: meetingsEn },
  { sv: a11ySv, en: a11yEn },
  { sv: redactionSv, en: redactionEn },
  { sv: walksSv, en: walksEn },
  { sv: effectsSv, en: effectsEn },
];

/**
 * What the features contribute to core (texts, side-navigation links), so that core imports no feature: provided in
 * app.config, and to every component test by test-setup.ts.
 */
export const featureProviders: ValueProvider[] = [
  ...provideMessages(...featureMessages),
  provideNav(casesNav),
  provideNav(meetingsNav),
  provideNav(walksNav),
  provideNav(effectsNav),
  provideNav(reportsNav),
];
