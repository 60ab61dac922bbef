import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { RetentionScheduleService } from './retention-schedule.service';
import { DEFAULT_BATCH_SIZE, RetentionService } from './retention.service';

/** The pg-boss queue of the retention run. */
export const RETENTION_QUEUE = 'retention';
/** pg-boss keeps its tables in this schema of the product's database. */
export const JOBS_SCHEMA = 'pgboss';

/** What a retention job may carry (tests and operators may ask for smaller batches). */
export interface RetentionJobData {
  batchSize?: number;
}

/**
 * The job queue (pg-boss, in PostgreSQL) and the daily retention schedule. Every API process may run it: the schedule
 * is the installation's (retention-schedule.service.ts; pg-boss's one row per queue follows it), pg-boss lets one process per minute turn a due schedule into a
 * job (singleton per time slot), the queue's `stately` policy holds at most one queued and one running job, and the
 * run itself takes an advisory lock. So the job runs once a day however many processes there are.
 */
@Injectable()
export class RetentionJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly retention: RetentionService,
    private readonly schedule: RetentionScheduleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether this process runs the job queue. */
  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.backgroundJobs) {
      // No job queue here: only say so if this process's RETENTION_SCHEDULE is not the installation's.
      await this.schedule.initialise(false);
      return;
    }
    const url = (this.db.options as PostgresConnectionOptions).url;
    const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, application_name: 'samverka-jobs', max: 3 });
    boss.on('error', (err: Error) => this.logger.error({ msg: 'job queue error', err: err.message }));
    try {
      await boss.start();
      await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'stately', retryLimit: 2, retryDelay: 600, expireInSeconds: 6 * 3600 });
      // The installation's schedule, stored once: set from RETENTION_SCHEDULE by the first process, never overwritten
      // by a later one (which warns if its value differs); pg-boss's schedule row follows it.
      await this.schedule.initialise(true);
      await boss.work<RetentionJobData>(RETENTION_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
        try {
          const run = await this.retention.run('schedule', undefined, job.data?.batchSize ?? DEFAULT_BATCH_SIZE);
          return run ? { counts: run.counts, interrupted: run.interrupted } : { skipped: 'another run in progress' };
        } catch (e) {
          // pg-boss retries the job (twice, ten minutes apart); batches already done stay done.
          this.logger.error({ msg: 'retention run failed', err: (e as Error).message });
          throw e;
        }
      });
    } catch (e) {
      await boss.stop({ graceful: false, wait: true, timeout: 1000 }).catch(() => undefined);
      const msg = (e as Error).message;
      throw new Error(`The job queue (pg-boss, schema "${JOBS_SCHEMA}") could not start: ${msg}. Set BACKGROUND_JOBS=false to run this process without it.`, {
        cause: e,
      });
    }
    this.boss = boss;
  }

  /**
   * Sends a retention job now, as the schedule does: jobs with the same key within the same hour are one job, and
   * one that is already queued absorbs another. Returns the job id, or null when the job was absorbed.
   */
  async enqueue(data: RetentionJobData = {}, singletonKey = 'daily'): Promise<string | null> {
    if (!this.boss) throw new Error('the job queue does not run in this process (BACKGROUND_JOBS=false)');
    return this.boss.send(RETENTION_QUEUE, data, { singletonKey, singletonSeconds: 3600 });
  }

  /** Stops taking jobs, lets a running retention batch finish, and closes the queue's connections. */
  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    this.retention.requestStop();
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
  }
}
