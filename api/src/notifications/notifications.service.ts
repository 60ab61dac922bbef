import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind } from './mail-texts';
import { notificationsRepository } from './notifications.repository';

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
