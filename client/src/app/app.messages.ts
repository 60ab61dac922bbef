import { a11yEn, a11ySv } from './accessibility/accessibility.i18n';
import { activitiesEn, activitiesSv } from './activities/activities.i18n';
import { attentionEn, attentionSv } from './attention/attention.i18n';
import { casesEn, casesSv } from './cases/cases.i18n';
import type { MessageFragment } from './core/i18n/messages';
import { adminEn, adminSv } from './directory/admin/admin.i18n';
import { effectsEn, effectsSv } from './effects/effects.i18n';
import { invitationsEn, invitationsSv } from './directory/invitations.i18n';
import { meetingsEn, meetingsSv } from './meetings/meetings.i18n';
import { redactionEn, redactionSv } from './reports/redaction.i18n';
import { reportsEn, reportsSv } from './reports/reports.i18n';
import { walksEn, walksSv } from './walks/walks.i18n';

/**
 * The features' dictionary fragments, in the order they are merged after core's texts. A module of its own, loaded
 * lazily (`featureTexts` in app.features.ts) so that the sign-in page's JavaScript does not carry them.
 */
export const featureMessages: MessageFragment[] = [
  { sv: casesSv, en: casesEn },
  { sv: meetingsSv, en: meetingsEn },
  { sv: a11ySv, en: a11yEn },
  { sv: redactionSv, en: redactionEn },
  { sv: walksSv, en: walksEn },
  { sv: reportsSv, en: reportsEn },
  { sv: adminSv, en: adminEn },
  { sv: invitationsSv, en: invitationsEn },
  { sv: activitiesSv, en: activitiesEn },
  { sv: attentionSv, en: attentionEn },
  { sv: effectsSv, en: effectsEn },
];
