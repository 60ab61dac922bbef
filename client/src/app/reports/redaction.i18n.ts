/**
 * Texts of removing (gallra) report text and of the review of flagged reports, registered with the Swedish and English
 * dictionaries (app.messages.ts). Keys start with 'redaction.'. `redactionEn` must have exactly the keys of `redactionSv`.
 */
export const redactionSv = {
  'redaction.action': 'Gallra text',
  'redaction.actionFor': 'Gallra text i rapporten från {when}',
  'redaction.title': 'Gallra text i rapporten',
  'redaction.intro':
    'Det du tar bort ersätts med [gallrat] i rapporten, i listor, export och ärenden. Texten går inte att återställa. Loggen visar vem som gallrade, när och varför, men aldrig texten.',
  'redaction.scope': 'Vad ska gallras?',
  'redaction.whole': 'Hela texten',
  'redaction.part': 'En markerad del',
  'redaction.textLabel': 'Rapportens text',
  'redaction.partHint': 'Markera det som ska bort (med musen, eller Skift + piltangenterna).',
  'redaction.marked': 'Markerat: ”{text}”',
  'redaction.noMark': 'Inget markerat ännu.',
  'redaction.preview': 'Efter gallring',
  'redaction.reason': 'Skäl',
  'redaction.reason.personal_data': 'Personuppgifter',
  'redaction.reason.sensitive': 'Känsliga uppgifter',
  'redaction.reason.irrelevant': 'Hör inte hit',
  'redaction.reason.other': 'Annat (beskriv)',
  'redaction.note': 'Kommentar (ingen personuppgift)',
  'redaction.noteRequired': 'Beskriv skälet.',
  'redaction.markRequired': 'Markera den del som ska gallras.',
  'redaction.reasonRequired': 'Välj ett skäl.',
  'redaction.confirm': 'Gallra',
  'redaction.done': 'Texten är gallrad.',
  'redaction.redactedInfo': 'Text gallrad {date} ({reason})',
  'redaction.error.personalData': 'Kommentaren verkar innehålla personuppgifter. Beskriv skälet utan dem.',
  'redaction.error.forbidden': 'Du får inte gallra den här rapportens text.',
  'redaction.error.changed': 'Rapportens text har ändrats. Stäng och försök igen.',
  'review.badge': 'Väntar på granskning',
  'review.badgeExplain': 'Texten syns bara för din organisation tills en samordnare har granskat den.',
  'review.nav': 'Granskning',
  'review.title': 'Rapporter som väntar på granskning',
  'review.intro':
    'Rapportören har intygat att texten inte handlar om en person, men kontrollen hittade något som liknar personuppgifter. Tills du godkänner eller gallrar texten syns den bara för den egna organisationen (och samordnarna).',
  'review.count': '{count, plural, one {# rapport väntar} other {# rapporter väntar}}',
  'review.empty': 'Inga rapporter väntar på granskning.',
  'review.confirm': 'Godkänn texten',
  'review.confirmFor': 'Godkänn texten i rapporten från {when}',
  'review.confirmed': 'Texten är godkänd och syns nu för samverkansparterna.',
  'review.from': '{organization}, {when}',
};

export const redactionEn: Record<keyof typeof redactionSv, string> = {
  'redaction.action': 'Redact text',
  'redaction.actionFor': 'Redact text in the report of {when}',
  'redaction.title': 'Redact text in the report',
  'redaction.intro':
    'What you remove is replaced by [gallrat] in the report, in lists, exports and cases. It cannot be restored. The log shows who redacted, when and why, but never the text.',
  'redaction.scope': 'What should be redacted?',
  'redaction.whole': 'The whole text',
  'redaction.part': 'A marked part',
  'redaction.textLabel': 'The report’s text',
  'redaction.partHint': 'Select what should go (with the mouse, or Shift + arrow keys).',
  'redaction.marked': 'Marked: “{text}”',
  'redaction.noMark': 'Nothing marked yet.',
  'redaction.preview': 'After redaction',
  'redaction.reason': 'Reason',
  'redaction.reason.personal_data': 'Personal data',
  'redaction.reason.sensitive': 'Sensitive information',
  'redaction.reason.irrelevant': 'Does not belong here',
  'redaction.reason.other': 'Other (describe)',
  'redaction.note': 'Comment (no personal data)',
  'redaction.noteRequired': 'Describe the reason.',
  'redaction.markRequired': 'Select the part to redact.',
  'redaction.reasonRequired': 'Choose a reason.',
  'redaction.confirm': 'Redact',
  'redaction.done': 'The text has been redacted.',
  'redaction.redactedInfo': 'Text redacted {date} ({reason})',
  'redaction.error.personalData': 'The comment seems to contain personal data. Describe the reason without it.',
  'redaction.error.forbidden': 'You may not redact this report’s text.',
  'redaction.error.changed': 'The report’s text has changed. Close and try again.',
  'review.badge': 'Awaiting review',
  'review.badgeExplain': 'The text is shown only to your organisation until a coordinator has reviewed it.',
  'review.nav': 'Review',
  'review.title': 'Reports awaiting review',
  'review.intro':
    'The reporter confirmed that the text is not about a person, but the check found something that looks like personal data. Until you confirm or redact the text, only the reporting organisation (and the coordinators) see it.',
  'review.count': '{count, plural, one {# report waiting} other {# reports waiting}}',
  'review.empty': 'No reports await review.',
  'review.confirm': 'Confirm the text',
  'review.confirmFor': 'Confirm the text of the report of {when}',
  'review.confirmed': 'The text is confirmed and now shown to the partners.',
  'review.from': '{organization}, {when}',
};

declare module '../core/i18n/messages' {
  /** This feature's keys, registered in app.config with `provideMessages`. */
  interface FeatureMessages extends Record<keyof typeof redactionSv, string> {}
}
