import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { mailText } from './mail-texts';
import { notificationsRepository } from './notifications.repository';

/** After this many failed attempts a mail is given up (`failed`); the outbox shows it with its last error. */
export const MAX_MAIL_ATTEMPTS = 12;

/** Seconds before the next attempt after `attempts` failed ones: 1, 2, 4 … minutes, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);
}

/** What one delivery run did. */
export interface DeliveryRun {
  sent: number;
  failed: number;
  off: number;
}

/**
 * Sends the pending mails, one transaction per mail: the row is locked (other processes skip it), the mail sent, and
 * its outcome stored before the lock is released, so each mail goes out once however many processes run the job.
 * Without SMTP_URL (demo mode) the mail is only stored in the outbox that administrators read.
 */
@Injectable()
export class MailDelivery implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.mail.smtpUrl
      ? createTransport(config.mail.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  /** The absolute address of a link in the client. */
  url(link: string): string {
    return `${this.config.publicOrigin ?? `http://localhost:${this.config.port}`}${link}`;
  }

  /**
   * Sends what is due, until nothing is or the SMTP server fails (the failed mail waits for its backoff; the others
   * for the next run).
   */
  async deliverPending(limit = 500): Promise<DeliveryRun> {
    const run: DeliveryRun = { sent: 0, failed: 0, off: 0 };
    for (let i = 0; i < limit; i++) {
      const outcome = await this.db.transaction(async (m) => {
        const row = await notificationsRepository.claimNext(m);
        if (!row) return 'none' as const;
        if (!row.active) {
          await notificationsRepository.markOff(m, row.id);
          return 'off' as const;
        }
        const { subject, text } = mailText(row.kind, row.language, row.params, row.name, this.url(row.link));
        try {
          if (this.transport) await this.transport.sendMail({ from: this.config.mail.from, to: { name: row.name, address: row.email }, subject, text });
        } catch (e) {
          const attempts = row.mail_attempts + 1;
          await notificationsRepository.markAttemptFailed(m, row.id, (e as Error).message, backoffSeconds(attempts), attempts >= MAX_MAIL_ATTEMPTS);
          this.logger.warn({ msg: 'mail not sent', notification: row.id, attempts, err: (e as Error).message });
          return 'failed' as const;
        }
        await notificationsRepository.markSent(m, row.id, this.transport ? 'smtp' : 'outbox', subject, text);
        return 'sent' as const;
      });
      if (outcome === 'none') break;
      run[outcome]++;
      if (outcome === 'failed') break;
    }
    return run;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
