/** Retention (gallring): what is removed after how long, when it runs, and what a run did (administrators). */

/**
 * The kinds of record retention removes, in the order a run handles them. Safety walks' photos and findings' free
 * text follow the period of report details (RETENTION_REPORT_DETAILS).
 */
export const RECORD_TYPES = ['reportDetails', 'walkPhotos', 'walkFindingDetails', 'sessions', 'loginAttempts', 'importErrors'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** What one run did: the cut-off per record type (null when the type is kept forever) and how many records it changed. */
export interface RetentionRunDto {
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

/** The schedule in force and how this process was configured. */
export interface RetentionScheduleStateDto {
  /** The installation's schedule (cron, Swedish time); this process's RETENTION_SCHEDULE while none is stored. */
  cron: string;
  timeZone: string;
  /** Whether the installation's schedule is stored (a process with the job queue has started, or an admin set it). */
  stored: boolean;
  updatedAt: string | null;
  /** This process's RETENTION_SCHEDULE, and whether it differs from the schedule in force (it is then ignored). */
  configuredInThisProcess: string;
  differsFromConfiguration: boolean;
}

/** `GET /api/retention` and `PUT /api/retention/schedule`: the schedule, and whether this process runs the job queue. */
export interface RetentionScheduleDto extends RetentionScheduleStateDto {
  jobQueueInThisProcess: boolean;
}

/** `GET /api/retention`: the settings per record type and the last run (from the audit trail). */
export interface RetentionOverviewDto {
  schedule: RetentionScheduleDto;
  rules: { recordType: RecordType; setting: string; period: string | null; removes: string; keeps: string; countedFrom: string }[];
  /** Kept for good: the audit trail (the legal record of who changed what) and everything not listed here. */
  lastRun: (RetentionRunDto & { auditEntryId: string }) | null;
}
