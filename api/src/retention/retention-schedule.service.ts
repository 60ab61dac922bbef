import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RetentionScheduleStateDto } from '@samverka/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { AppConfig } from '../common/config';
import { cronProblem } from '../common/cron';
import { invalid } from '../common/errors';
import { APP_CONFIG } from '../common/tokens';
import { TIME_ZONE } from '../common/swedish-time';
import { retentionRepository } from './retention.repository';

/** The key of the retention schedule in `installation_settings`. */
export const SCHEDULE_KEY = 'retention.schedule';
export const SCHEDULE_ACTION = 'retention.schedule_changed';
/** Transaction-scoped advisory lock: one process at a time reads and writes the schedule. */
const SCHEDULE_LOCK = 7_263_011;
/** pg-boss's schedule of the retention queue (same names as retention.jobs.ts, which imports this file). */
const QUEUE = 'retention';
const JOBS_SCHEMA = 'pgboss';
/** pg-boss turns a due schedule into at most one job per key and hour. */
export const SCHEDULE_OPTIONS = { tz: TIME_ZONE, singletonKey: 'daily', singletonSeconds: 3600 };

export type RetentionScheduleState = RetentionScheduleStateDto;

/**
 * The retention schedule is one setting of the installation, not of a process: it is stored once in
 * `installation_settings`. The first process that runs the job queue stores its RETENTION_SCHEDULE; a process started
 * later with another value logs a warning and changes nothing. Only an administrator changes it afterwards
 * (PUT /api/retention/schedule, audited). pg-boss's own schedule row follows the stored one, written in the same
 * transaction, and every process's pg-boss reads that row: the change applies everywhere at once.
 */
@Injectable()
export class RetentionScheduleService {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The schedule in force. */
  async state(manager: EntityManager = this.db.manager): Promise<RetentionScheduleState> {
    const row = await retentionRepository.setting(manager, SCHEDULE_KEY);
    const configured = this.config.retention.schedule;
    const cron = row?.value ?? configured;
    return {
      cron,
      timeZone: TIME_ZONE,
      stored: !!row,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      configuredInThisProcess: configured,
      differsFromConfiguration: cron !== configured,
    };
  }

  /**
   * At the start of a process: stores this process's RETENTION_SCHEDULE if the installation has no schedule yet
   * (recorded in the audit trail), otherwise keeps the stored one and warns when this process's value differs. With
   * the job queue in this process (`jobQueue`), pg-boss's schedule row is made to match the stored schedule.
   */
  async initialise(jobQueue: boolean): Promise<RetentionScheduleState> {
    const configured = this.config.retention.schedule;
    const state = await this.db.transaction(async (m) => {
      await retentionRepository.lockForTransaction(m, SCHEDULE_LOCK);
      let s = await this.state(m);
      if (!s.stored && jobQueue) {
        await retentionRepository.insertSetting(m, SCHEDULE_KEY, configured);
        await this.audit.record(m, SYSTEM_ACTOR, {
          action: SCHEDULE_ACTION,
          entityType: 'retention',
          entityId: 'schedule',
          before: null,
          after: { cron: configured, timeZone: TIME_ZONE, source: 'RETENTION_SCHEDULE' },
        });
        s = await this.state(m);
      }
      if (jobQueue) await this.writeJobSchedule(m, s.cron);
      return s;
    });
    if (state.differsFromConfiguration) {
      this.logger.warn(
        `RETENTION_SCHEDULE "${configured}" of this process differs from the installation's retention schedule "${state.cron}", which stays in force; ` +
          `an administrator changes it with PUT /api/retention/schedule (RETENTION_SCHEDULE only sets the first schedule of an installation)`,
      );
    }
    return state;
  }

  /** Sets the installation's schedule (administrators): validated, stored, applied to pg-boss and audited, in one transaction. */
  async change(actor: Actor, cron: string): Promise<RetentionScheduleState> {
    const problem = cronProblem(cron, TIME_ZONE);
    if (problem) throw invalid('cron', `cron ${problem}`, 'RETENTION.INVALID_SCHEDULE');
    return this.db.transaction(async (m) => {
      await retentionRepository.lockForTransaction(m, SCHEDULE_LOCK);
      const before = await this.state(m);
      if (before.stored && before.cron === cron) return before;
      await retentionRepository.upsertSetting(m, SCHEDULE_KEY, cron);
      await this.writeJobSchedule(m, cron);
      await this.audit.record(m, actor, {
        action: SCHEDULE_ACTION,
        entityType: 'retention',
        entityId: 'schedule',
        before: before.stored ? { cron: before.cron, timeZone: TIME_ZONE } : null,
        after: { cron, timeZone: TIME_ZONE },
      });
      return this.state(m);
    });
  }

  /**
   * pg-boss's schedule row of the retention queue, as pg-boss's own `schedule()` writes it, but in the caller's
   * transaction. Skipped while no process has installed the job queue (it follows when one starts).
   */
  private async writeJobSchedule(m: EntityManager, cron: string): Promise<void> {
    if (!(await retentionRepository.relationExists(m, `${JOBS_SCHEMA}.schedule`))) return;
    await retentionRepository.writeJobSchedule(m, JOBS_SCHEMA, QUEUE, cron, TIME_ZONE, JSON.stringify(SCHEDULE_OPTIONS));
  }
}
