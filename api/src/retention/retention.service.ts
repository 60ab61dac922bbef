import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RECORD_TYPES, type RecordType, type RetentionRunDto } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { Actor, AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { AppConfig, RetentionSettings } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { liftServerLimits, withoutStatementLimit } from '../database/statement-limit';
import { IDEMPOTENCY_TTL } from '../idempotency/idempotency';
import { CutoffRow, RETENTION_SQL, retentionRepository } from './retention.repository';

/** The record types (RECORD_TYPES) and a run's outcome are contract types: administrators read them from the API. */
export { RECORD_TYPES, type RecordType };

/** The environment variable of each record type's period. */
export const RETENTION_SETTINGS: Record<RecordType, string> = {
  reportDetails: 'RETENTION_REPORT_DETAILS',
  walkPhotos: 'RETENTION_REPORT_DETAILS',
  walkFindingDetails: 'RETENTION_REPORT_DETAILS',
  sessions: 'RETENTION_SESSIONS',
  loginAttempts: 'RETENTION_LOGIN_ATTEMPTS',
  importErrors: 'RETENTION_IMPORT_ERRORS',
};

export type RetentionRun = RetentionRunDto;

/** The period of each record type: safety walks' photos and findings' free text follow the report details'. */
export const retentionPeriods = (s: RetentionSettings): Record<RecordType, string | null> => ({
  reportDetails: s.reportDetails,
  walkPhotos: s.reportDetails,
  walkFindingDetails: s.reportDetails,
  sessions: s.sessions,
  loginAttempts: s.loginAttempts,
  importErrors: s.importErrors,
});

/** Reports changed per transaction: short transactions, so writers are never held up for long. */
export const DEFAULT_BATCH_SIZE = 1000;
/** Session-level advisory lock held for the length of a run, so two runs never overlap whatever started them. */
const RUN_LOCK = 7_263_010;
export const RETENTION_ACTION = 'retention.applied';

/**
 * Retention (gallring): removes what is kept only for a while. A report's free text, exact coordinates and reporter
 * go when its period is over; its category, area, named place, hour and assessment stay, so the situational picture
 * of past weeks does not change. Ended sessions, old throttling records and imports' lists of rejected rows are
 * deleted or emptied. Safety walks' photos and findings' free text go after the report details' period; the finding
 * (position, place, category, severity, settlement) stays. Each run appends one entry (counts and cut-offs, no personal data) to the audit trail.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): RetentionSettings {
    return this.config.retention;
  }

  /** Asks a run in progress to stop after its current batch (the process is shutting down). */
  requestStop(): void {
    this.stopping = true;
  }

  /**
   * Applies every retention period once. Returns null without doing anything when another run (in this or another
   * process) holds the lock. Idempotent: what was removed is not counted again.
   */
  async run(trigger: RetentionRun['trigger'], actor: Actor = SYSTEM_ACTOR, batchSize = DEFAULT_BATCH_SIZE): Promise<RetentionRun | null> {
    // A run over millions of reports is long, legitimate work: DB_TIMEOUT_MS is for requests (statement-limit.ts).
    return withoutStatementLimit(() => this.runUnlimited(trigger, actor, batchSize));
  }

  private async runUnlimited(trigger: RetentionRun['trigger'], actor: Actor, batchSize: number): Promise<RetentionRun | null> {
    const lockRunner = this.db.createQueryRunner();
    await lockRunner.connect();
    try {
      const locked = await retentionRepository.tryLock(lockRunner, RUN_LOCK);
      if (!locked) {
        this.logger.log('another retention run is in progress; this one does nothing');
        return null;
      }
      try {
        return await this.runLocked(trigger, actor, Math.max(1, Math.floor(batchSize)));
      } finally {
        await retentionRepository.unlock(lockRunner, RUN_LOCK);
      }
    } finally {
      await lockRunner.release();
    }
  }

  private async runLocked(trigger: RetentionRun['trigger'], actor: Actor, batchSize: number): Promise<RetentionRun> {
    const periods = retentionPeriods(this.settings);
    const startedAt = new Date();
    // Cut-offs are computed once, by PostgreSQL (calendar arithmetic on ISO 8601 intervals), and used by every batch.
    const row = await retentionRepository.cutoffs(this.db, [periods.reportDetails, periods.sessions, periods.loginAttempts, periods.importErrors]);
    const cutoffOf = (t: keyof CutoffRow) => (row[t] ? new Date(row[t]).toISOString() : null);
    const cutoffs: Record<RecordType, string | null> = {
      reportDetails: cutoffOf('reportDetails'),
      walkPhotos: cutoffOf('reportDetails'),
      walkFindingDetails: cutoffOf('reportDetails'),
      sessions: cutoffOf('sessions'),
      loginAttempts: cutoffOf('loginAttempts'),
      importErrors: cutoffOf('importErrors'),
    };
    const counts = Object.fromEntries(RECORD_TYPES.map((t) => [t, 0])) as Record<RecordType, number>;
    let interrupted = false;

    if (cutoffs.reportDetails) {
      // SKIP LOCKED: a report being corrected right now is left for the next batch or run rather than waited for.
      const r = await this.inBatches(RETENTION_SQL.reportDetails, [cutoffs.reportDetails, batchSize]);
      counts.reportDetails = r.count;
      interrupted ||= r.interrupted;
    }
    // Safety walks: a finding's photos (rows and bytes) and its free text follow the report details' period.
    if (cutoffs.walkPhotos && !interrupted) {
      const r = await this.inBatches(RETENTION_SQL.walkPhotos, [cutoffs.walkPhotos, batchSize]);
      counts.walkPhotos = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.walkFindingDetails && !interrupted) {
      const r = await this.inBatches(RETENTION_SQL.walkFindingDetails, [cutoffs.walkFindingDetails, batchSize]);
      counts.walkFindingDetails = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.sessions && !interrupted) {
      // A session ends when it expires, or when it has been idle too long; signed-out sessions are already gone.
      const idle = this.config.sessionIdleMinutes;
      const r = await this.inBatches(RETENTION_SQL.sessions, [cutoffs.sessions, batchSize, idle]);
      counts.sessions = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.loginAttempts && !interrupted) {
      const r = await this.inBatches(RETENTION_SQL.loginAttempts, [cutoffs.loginAttempts, batchSize]);
      counts.loginAttempts = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.importErrors && !interrupted) {
      const r = await this.inBatches(RETENTION_SQL.importErrors, [cutoffs.importErrors, batchSize]);
      counts.importErrors = r.count;
      interrupted ||= r.interrupted;
    }

    // Answers kept for Idempotency-Key retries are replayed for 24 hours only; older ones are mere copies.
    const expiredKeys = interrupted ? 0 : await this.removeExpiredIdempotencyKeys();

    const result: RetentionRun = { trigger, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), periods, cutoffs, counts, interrupted };
    // One entry per run, also when nothing was due: the trail then shows that retention ran every day.
    await this.db.transaction(async (m) => {
      // It may wait for the audit trail's lock behind other writers: part of the run, not a request.
      await liftServerLimits(m);
      await this.audit.record(m, actor, { action: RETENTION_ACTION, entityType: 'retention', entityId: result.startedAt, after: { ...result } });
    });
    this.logger.log({ msg: 'retention applied', ...result, expiredIdempotencyKeys: expiredKeys });
    return result;
  }

  private async removeExpiredIdempotencyKeys(): Promise<number> {
    return retentionRepository.removeExpiredIdempotencyKeys(this.db, IDEMPOTENCY_TTL);
  }

  /** Runs a statement ($1 cut-off, $2 batch size) in its own transaction until it changes fewer rows than the batch. */
  private async inBatches(sql: string, params: [string, number, ...unknown[]]): Promise<{ count: number; interrupted: boolean }> {
    const limit = params[1];
    let count = 0;
    for (;;) {
      if (this.stopping) return { count, interrupted: true };
      const n = await this.db.transaction(async (m) => {
        await liftServerLimits(m);
        return retentionRepository.batch(m, sql, params);
      });
      count += n;
      if (n < limit) return { count, interrupted: false };
    }
  }

  /** The latest run, from the audit trail (where every run is recorded). */
  async lastRun(): Promise<(RetentionRun & { auditEntryId: string }) | null> {
    const row = await retentionRepository.lastRunEntry(this.db, RETENTION_ACTION);
    return row ? { ...(row.after as RetentionRun), auditEntryId: String(row.id) } : null;
  }
}
