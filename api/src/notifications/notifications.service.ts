import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MailDetailDto,
  MailDto,
  MailState,
  NotificationKind,
  NotificationListDto,
  NotificationPreferencesDto,
  NotificationPreferencesRequest,
} from '@samverka/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { notFound } from '../common/errors';
import { notificationTitle } from './mail-texts';
import { MailRow, notificationsRepository } from './notifications.repository';

/**
 * Writes notifications inside the transaction of the event that causes them (transactional outbox): a rolled-back
 * event leaves none, a committed one always has them. The mail job (mail.jobs.ts) sends them later; a request never
 * waits for mail. Texts carry numbers, dates and links only, never report text or places.
 */
@Injectable()
export class NotificationWriter {
  /** Notifies each user once (duplicates and `except`, usually the acting user, left out). */
  async notify(
    m: EntityManager,
    userIds: (string | null | undefined)[],
    kind: NotificationKind,
    link: string,
    params: Record<string, string | number>,
    except?: string | null,
  ): Promise<void> {
    const unique = [...new Set(userIds.filter((id): id is string => !!id && id !== except))];
    await notificationsRepository.add(
      m,
      unique.map((userId) => ({ userId, kind, link, params })),
    );
  }

  /** The active users of an organisation who hold one of `roles`. */
  usersOf(m: EntityManager, organizationId: string, roles: string[]): Promise<string[]> {
    return notificationsRepository.usersOf(m, organizationId, roles);
  }
}

/** The signed-in user's notifications and preferences, and the outbox administrators read. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, m: EntityManager = this.db.manager): Promise<NotificationListDto> {
    const language = await notificationsRepository.language(m, user.id);
    const rows = await notificationsRepository.inbox(m, user.id, 50);
    return {
      unread: await notificationsRepository.unreadCount(m, user.id),
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind as NotificationKind,
        title: notificationTitle(r.kind, language, r.params),
        link: r.link,
        createdAt: r.created_at.toISOString(),
        read: r.read_at !== null,
      })),
    };
  }

  /** Marks the caller's own notifications as read (others' ids change nothing), with the audit entry. */
  markRead(user: AuthUser, ids: string[]): Promise<NotificationListDto> {
    return this.db.transaction(async (m) => {
      const changed = await notificationsRepository.markRead(m, user.id, ids);
      if (changed.length) {
        await this.audit.record(m, user, { action: 'notification.read', entityType: 'user', entityId: user.id, after: { notificationIds: changed } });
      }
      return this.list(user, m);
    });
  }

  async preferences(user: AuthUser): Promise<NotificationPreferencesDto> {
    return { language: await notificationsRepository.language(this.db.manager, user.id) };
  }

  setPreferences(user: AuthUser, body: NotificationPreferencesRequest): Promise<NotificationPreferencesDto> {
    return this.db.transaction(async (m) => {
      const before = await notificationsRepository.language(m, user.id);
      await notificationsRepository.setLanguage(m, user.id, body.language);
      await this.audit.record(m, user, {
        action: 'notification.preferences',
        entityType: 'user',
        entityId: user.id,
        before: { language: before },
        after: { language: body.language },
      });
      return { language: body.language };
    });
  }

  async mails(state: MailState | undefined): Promise<MailDto[]> {
    return (await notificationsRepository.mails(this.db.manager, state, 200)).map(toMailDto);
  }

  async mail(id: string): Promise<MailDetailDto> {
    const row = await notificationsRepository.mail(this.db.manager, id);
    if (!row) throw notFound('Mail');
    return { ...toMailDto(row), text: row.text };
  }
}

function toMailDto(r: MailRow): MailDto {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    recipient: r.recipient,
    state: r.state,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    transport: r.transport,
    subject: r.subject,
    lastError: r.last_error,
  };
}
