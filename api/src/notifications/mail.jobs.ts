import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { JOBS_SCHEMA } from '../retention/retention.jobs';
import { MailDelivery } from './mail-delivery';

/** The pg-boss queue of mail delivery. */
export const MAIL_QUEUE = 'mail';
/** How often each process asks for a delivery run (the queue holds at most one queued and one running). */
const KICK_MS = 15_000;

/**
 * Mail delivery on pg-boss: every process that runs the job queue asks for a run every 15 s; the `stately` queue
 * keeps at most one queued and one running, and each mail is claimed with a row lock (mail-delivery.ts), so a mail
 * is sent once however many processes there are. A failed mail waits with backoff; requests never wait for mail.
 */
@Injectable()
export class MailJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailJobs');
  private boss: PgBoss | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: MailDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.backgroundJobs) return;
    const url = (this.db.options as PostgresConnectionOptions).url;
    const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, application_name: 'samverka-mail', max: 2 });
    boss.on('error', (err: Error) => this.logger.error({ msg: 'job queue error', err: err.message }));
    await boss.start();
    await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, policy: 'stately', retryLimit: 0, expireInSeconds: 3600 });
    await boss.work(MAIL_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async () => this.delivery.deliverPending());
    this.boss = boss;
    const kick = () => void boss.send(MAIL_QUEUE, {}).catch((e: unknown) => this.logger.warn({ msg: 'mail run not queued', err: (e as Error).message }));
    kick();
    this.timer = setInterval(kick, KICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }
}
