import type { EntityManager } from 'typeorm';

/** What a new notification says: for whom, which kind, where it links to, and the (non-personal) values of its text. */
export interface NewNotification {
  userId: string;
  kind: string;
  link: string;
  params: Record<string, string | number>;
}

/** A notification due to be mailed, with what the mail needs of its recipient. */
export interface PendingMailRow {
  id: string;
  kind: string;
  link: string;
  params: Record<string, string | number>;
  mail_attempts: number;
  email: string;
  name: string;
  language: 'sv' | 'en';
  active: boolean;
}

/** One mail as administrators see it in the outbox list. */
export interface MailRow {
  id: string;
  kind: string;
  recipient: string;
  state: 'pending' | 'sent' | 'failed' | 'off';
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  transport: string | null;
  subject: string | null;
  last_error: string | null;
}

/** One mail with its text. */
export interface MailDetailRow extends MailRow {
  text: string | null;
}

const MAIL_COLUMNS = `n.id, n.kind, u.email AS recipient, n.mail_state AS state, n.mail_attempts AS attempts, n.created_at,
  n.mail_sent_at AS sent_at, n.mail_transport AS transport, n.mail_subject AS subject, n.mail_last_error AS last_error`;

/** One in-app notification of a user. */
export interface InboxRow {
  id: string;
  kind: string;
  link: string;
  params: Record<string, string | number>;
  created_at: Date;
  read_at: Date | null;
}

/** The raw SQL of notifications (the outbox of mails and the in-app notifications are the same rows). */
export const notificationsRepository = {
  /** Writes notifications in the caller's transaction: they exist exactly when the event that causes them does. */
  async add(m: EntityManager, rows: NewNotification[]): Promise<void> {
    for (const r of rows) {
      await m.query('INSERT INTO notifications (user_id, kind, link, params) VALUES ($1, $2, $3, $4)', [r.userId, r.kind, r.link, JSON.stringify(r.params)]);
    }
  },

  /** The user's newest notifications. */
  async inbox(m: EntityManager, userId: string, limit: number): Promise<InboxRow[]> {
    return m.query('SELECT id, kind, link, params, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [
      userId,
      limit,
    ]);
  },

  async unreadCount(m: EntityManager, userId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return row.n;
  },

  /** Marks the user's own notifications among `ids` as read; returns the ids that changed. */
  async markRead(m: EntityManager, userId: string, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id',
      [userId, ids],
    );
    return rows.map((r) => r.id);
  },

  async language(m: EntityManager, userId: string): Promise<'sv' | 'en'> {
    const [row]: { language: 'sv' | 'en' }[] = await m.query('SELECT language FROM users WHERE id = $1', [userId]);
    return row?.language ?? 'sv';
  },

  async setLanguage(m: EntityManager, userId: string, language: 'sv' | 'en'): Promise<void> {
    await m.query('UPDATE users SET language = $2 WHERE id = $1', [userId, language]);
  },

  /** Active users of an organisation holding one of the roles. */
  async usersOf(m: EntityManager, organizationId: string, roles: string[]): Promise<string[]> {
    const rows: { id: string }[] = await m.query('SELECT id FROM users WHERE organization_id = $1 AND active AND roles && $2::text[] ORDER BY id', [
      organizationId,
      roles,
    ]);
    return rows.map((r) => r.id);
  },

  /**
   * Claims the next due mail for the caller's transaction (row lock; other processes skip it), or null. The lock is
   * held while the mail is sent and its outcome stored, so a mail is sent by one process only.
   */
  async claimNext(m: EntityManager): Promise<PendingMailRow | null> {
    const [row]: PendingMailRow[] = await m.query(
      `SELECT n.id, n.kind, n.link, n.params, n.mail_attempts, u.email, u.name, u.language, u.active
         FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.mail_state = 'pending' AND n.mail_next_attempt_at <= now()
        ORDER BY n.mail_next_attempt_at, n.id
        LIMIT 1
          FOR UPDATE OF n SKIP LOCKED`,
    );
    return row ?? null;
  },

  async markSent(m: EntityManager, id: string, transport: string, subject: string, text: string): Promise<void> {
    await m.query(
      `UPDATE notifications SET mail_state = 'sent', mail_sent_at = now(), mail_attempts = mail_attempts + 1, mail_transport = $2,
              mail_subject = $3, mail_text = $4, mail_last_error = NULL WHERE id = $1`,
      [id, transport, subject, text],
    );
  },

  /** A mail that is not sent (an inactive recipient): kept as an in-app notification only. */
  async markOff(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE notifications SET mail_state = 'off' WHERE id = $1`, [id]);
  },

  /** A failed attempt: tried again after `delaySeconds`, or given up (`failed`) when `final`. */
  async markAttemptFailed(m: EntityManager, id: string, error: string, delaySeconds: number, final: boolean): Promise<void> {
    await m.query(
      `UPDATE notifications SET mail_attempts = mail_attempts + 1, mail_last_error = $2,
              mail_next_attempt_at = now() + make_interval(secs => $3), mail_state = CASE WHEN $4 THEN 'failed' ELSE 'pending' END
        WHERE id = $1`,
      [id, error.slice(0, 500), delaySeconds, final],
    );
  },

  /** The outbox for administrators: the newest mails first, optionally of one state. */
  async mails(m: EntityManager, state: string | undefined, limit: number): Promise<MailRow[]> {
    return m.query(
      `SELECT ${MAIL_COLUMNS} FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE ($1::text IS NULL OR n.mail_state = $1) ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [state ?? null, limit],
    );
  },

  async mail(m: EntityManager, id: string): Promise<MailDetailRow | null> {
    const [row]: MailDetailRow[] = await m.query(
      `SELECT ${MAIL_COLUMNS}, n.mail_text AS text FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
      [id],
    );
    return row ?? null;
  },
};
