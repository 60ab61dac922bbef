import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { AppConfig, RetentionSettings } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { liftServerLimits, withoutStatementLimit } from '../database/statement-limit';
import { IDEMPOTENCY_TTL } from '../idempotency/idempotency';

/** The kinds of record retention removes, in the order a run handles them. */
export const RECORD_TYPES = ['reportDetails', 'sessions', 'loginAttempts', 'importErrors'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** The environment variable of each record type's period. */
export const RETENTION_SETTINGS: Record<RecordType, string> = {
  reportDetails: 'RETENTION_REPORT_DETAILS',
  sessions: 'RETENTION_SESSIONS',
  loginAttempts: 'RETENTION_LOGIN_ATTEMPTS',
  importErrors: 'RETENTION_IMPORT_ERRORS',
};

/** What one run did: the cut-off per record type (null when the type is kept forever) and how many records it changed. */
export interface RetentionRun {
  trigger: 'schedule' | 'manual';
  startedAt: string;
  finishedAt: string;
  /** Periods the run applied (ISO 8601; null = kept). */
  periods: Record<RecordType, string | null>;
  cutoffs: Record<RecordType, string | null>;
  counts: Record<RecordType, number>;
  /** True when the process was stopping and the run ended early; the next run continues. */
  interrupted: boolean;
}

/** Reports changed per transaction: short transactions, so writers are never held up for long. */
export const DEFAULT_BATCH_SIZE = 1000;
/** Session-level advisory lock held for the length of a run, so two runs never overlap whatever started them. */
const RUN_LOCK = 7_263_010;
export const RETENTION_ACTION = 'retention.applied';

/**
 * Retention (gallring): removes what is kept only for a while. A report's free text, exact coordinates and reporter
 * go when its period is over; its category, area, named place, hour and assessment stay, so the situational picture
 * of past weeks does not change. Ended sessions, old throttling records and imports' lists of rejected rows are
 * deleted or emptied. Each run appends one entry (counts and cut-offs, no personal data) to the audit trail.
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
      const [{ locked }] = await lockRunner.query('SELECT pg_try_advisory_lock($1) AS locked', [RUN_LOCK]);
      if (!locked) {
        this.logger.log('another retention run is in progress; this one does nothing');
        return null;
      }
      try {
        return await this.runLocked(trigger, actor, Math.max(1, Math.floor(batchSize)));
      } finally {
        await lockRunner.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK]);
      }
    } finally {
      await lockRunner.release();
    }
  }

  private async runLocked(trigger: RetentionRun['trigger'], actor: Actor, batchSize: number): Promise<RetentionRun> {
    const s = this.settings;
    const periods: Record<RecordType, string | null> = { reportDetails: s.reportDetails, sessions: s.sessions, loginAttempts: s.loginAttempts, importErrors: s.importErrors };
    const startedAt = new Date();
    // Cut-offs are computed once, by PostgreSQL (calendar arithmetic on ISO 8601 intervals), and used by every batch.
    const [row] = await this.db.query(
      `SELECT now() - $1::interval AS "reportDetails", now() - $2::interval AS sessions, now() - $3::interval AS "loginAttempts", now() - $4::interval AS "importErrors"`,
      [periods.reportDetails, periods.sessions, periods.loginAttempts, periods.importErrors],
    );
    const cutoffs = Object.fromEntries(RECORD_TYPES.map((t) => [t, row[t] ? new Date(row[t]).toISOString() : null])) as Record<RecordType, string | null>;
    const counts: Record<RecordType, number> = { reportDetails: 0, sessions: 0, loginAttempts: 0, importErrors: 0 };
    let interrupted = false;

    if (cutoffs.reportDetails) {
      // SKIP LOCKED: a report being corrected right now is left for the next batch or run rather than waited for.
      const r = await this.inBatches(
        `WITH due AS (
           SELECT id FROM reports WHERE redacted_at IS NULL AND occurred_at < $1
           ORDER BY occurred_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE reports r SET description = '', latitude = NULL, longitude = NULL, reporter_id = NULL,
                occurred_at = date_trunc('hour', r.occurred_at), redacted_at = now(),
                -- With the text gone there is nothing left to review, and a redaction's note is free text too.
                review = NULL, text_redaction_note = NULL
         FROM due WHERE r.id = due.id`,
        [cutoffs.reportDetails, batchSize],
      );
      counts.reportDetails = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.sessions && !interrupted) {
      // A session ends when it expires, or when it has been idle too long; signed-out sessions are already gone.
      const idle = this.config.sessionIdleMinutes;
      const r = await this.inBatches(
        `DELETE FROM sessions WHERE id IN (
           SELECT id FROM sessions WHERE least(expires_at, last_seen_at + make_interval(mins => $3)) < $1
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoffs.sessions, batchSize, idle],
      );
      counts.sessions = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.loginAttempts && !interrupted) {
      const r = await this.inBatches(
        `DELETE FROM login_attempts WHERE key IN (
           SELECT key FROM login_attempts WHERE last_failure_at < $1 AND (blocked_until IS NULL OR blocked_until < now())
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoffs.loginAttempts, batchSize],
      );
      counts.loginAttempts = r.count;
      interrupted ||= r.interrupted;
    }
    if (cutoffs.importErrors && !interrupted) {
      const r = await this.inBatches(
        `UPDATE imports SET rejected = '[]'::jsonb WHERE id IN (
           SELECT id FROM imports WHERE status <> 'running' AND finished_at < $1 AND rejected <> '[]'::jsonb
           LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoffs.importErrors, batchSize],
      );
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
    const res = await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval`, [IDEMPOTENCY_TTL]);
    return Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
  }

  /** Runs a statement ($1 cut-off, $2 batch size) in its own transaction until it changes fewer rows than the batch. */
  private async inBatches(sql: string, params: [string, number, ...unknown[]]): Promise<{ count: number; interrupted: boolean }> {
    const limit = params[1];
    let count = 0;
    for (;;) {
      if (this.stopping) return { count, interrupted: true };
      const n = await this.db.transaction(async (m) => {
        await liftServerLimits(m);
        const res = await m.query(sql, params);
        // pg returns [rows, rowCount] for UPDATE/DELETE through TypeORM's query().
        return Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
      });
      count += n;
      if (n < limit) return { count, interrupted: false };
    }
  }

  /** The latest run, from the audit trail (where every run is recorded). */
  async lastRun(): Promise<(RetentionRun & { auditEntryId: string }) | null> {
    const [row] = await this.db.query(`SELECT id, after FROM audit_entries WHERE action = $1 ORDER BY id DESC LIMIT 1`, [RETENTION_ACTION]);
    return row ? { ...(row.after as RetentionRun), auditEntryId: String(row.id) } : null;
  }
}
