import type { MailLanguage as Language, NotificationKind } from '@samverka/contracts';

/** A rendered mail: never report text, places or personal data other than the recipient's own name. */
export interface MailText {
  subject: string;
  text: string;
}

type Params = Record<string, string | number>;

const TEXTS: Record<NotificationKind, Record<Language, (p: Params) => { subject: string; body: string }>> = {
  action_assigned: {
    sv: (p) => ({ subject: `Du har tilldelats åtgärd ${p.number}`, body: `Du är ansvarig för åtgärd ${p.number} i ett EST-ärende. Sista dag: ${p.dueDate}.` }),
    en: (p) => ({
      subject: `You have been assigned action ${p.number}`,
      body: `You are responsible for action ${p.number} of an EST case. Due: ${p.dueDate}.`,
    }),
  },
  action_assigned_org: {
    sv: (p) => ({
      subject: `Er organisation har fått åtgärd ${p.number}`,
      body: `Er organisation ska genomföra åtgärd ${p.number} i ett EST-ärende. Ingen ansvarig är utsedd än. Sista dag: ${p.dueDate}.`,
    }),
    en: (p) => ({
      subject: `Your organisation has been given action ${p.number}`,
      body: `Your organisation is to carry out action ${p.number} of an EST case. Nobody is responsible for it yet. Due: ${p.dueDate}.`,
    }),
  },
};

const FRAME: Record<Language, { greeting: (name: string) => string; open: string; footer: string }> = {
  sv: { greeting: (n) => `Hej ${n},`, open: 'Öppna i Samverka:', footer: 'Det här meddelandet skickades automatiskt av Samverka.' },
  en: { greeting: (n) => `Hello ${n},`, open: 'Open in Samverka:', footer: 'This message was sent automatically by Samverka.' },
};

/** A notification's title (the mail's subject without the product's name) in `language`. */
export function notificationTitle(kind: string, language: Language, params: Params): string {
  const texts = TEXTS[kind as NotificationKind];
  return texts ? (texts[language] ?? texts.sv)(params).subject : kind;
}

/** The subject and plain text of a notification's mail in the recipient's language, with an absolute link. */
export function mailText(kind: string, language: Language, params: Params, recipientName: string, url: string): MailText {
  const texts = TEXTS[kind as NotificationKind];
  if (!texts) throw new Error(`no mail text for notification kind ${kind}`);
  const t = texts[language] ?? texts.sv;
  const { subject, body } = t(params);
  const f = FRAME[language] ?? FRAME.sv;
  return { subject: `Samverka: ${subject}`, text: `${f.greeting(recipientName)}\n\n${body}\n\n${f.open} ${url}\n\n-- \n${f.footer}\n` };
}
