/** Notifications (issue #15): the bell's in-app notifications, the user's mail preferences, and the outbox of mails. */

export const NOTIFICATION_KINDS = ['action_assigned', 'action_assigned_org'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const MAIL_LANGUAGES = ['sv', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export const MAIL_STATES = ['pending', 'sent', 'failed', 'off'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** One in-app notification: its title in the user's language and the client path it links to. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  /** A path of the client, e.g. `/cases/{id}`. */
  link: string;
  createdAt: string;
  read: boolean;
}

/** `GET /api/notifications`: the newest notifications of the signed-in user and how many are unread. */
export interface NotificationListDto {
  unread: number;
  items: NotificationDto[];
}

/** `PUT /api/notifications/read`: marks these notifications of the caller's as read. */
export interface MarkReadRequest {
  ids: string[];
}

/** The signed-in user's notification preferences. */
export interface NotificationPreferencesDto {
  language: MailLanguage;
}

/** `PUT /api/notifications/preferences`. */
export interface NotificationPreferencesRequest {
  language: MailLanguage;
}

/** One mail of the outbox (administrators): to whom, which kind, and what became of it. */
export interface MailDto {
  id: string;
  kind: NotificationKind;
  recipient: string;
  state: MailState;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  /** `smtp`, or `outbox` when no SMTP server is configured (demo mode). */
  transport: string | null;
  subject: string | null;
  lastError: string | null;
}

/** One mail with its text. */
export interface MailDetailDto extends MailDto {
  text: string | null;
}
