import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/access.decorators';
import { conflict } from '../common/errors';
import { RetentionScheduleService, RetentionScheduleState } from './retention-schedule.service';
import { RetentionJobs } from './retention.jobs';
import { RECORD_TYPES, RETENTION_SETTINGS, RecordType, RetentionRun, RetentionService } from './retention.service';
import { SetRetentionScheduleBody } from './retention.dto';

/** What retention removes and keeps, per record type (shown to administrators next to the period). */
const RULES: Record<RecordType, { removes: string; keeps: string; countedFrom: string }> = {
  reportDetails: {
    removes: 'the free text, exact coordinates and reporter of a report; the time is rounded down to the hour',
    keeps: 'organisation, area, named place, category, hour, assessment, police notified, restricted: the situational picture is unchanged',
    countedFrom: 'the observation',
  },
  sessions: { removes: 'the session (user, sign-in time, last request)', keeps: 'nothing', countedFrom: 'the end of the session (expiry or idle time-out)' },
  loginAttempts: { removes: 'the throttling record (e-mail or network address, number of failures)', keeps: 'nothing', countedFrom: 'the last failed sign-in' },
  importErrors: { removes: 'the list of rejected rows (line, column, reason) of an import', keeps: 'the import itself: file name, counts, outcome', countedFrom: 'the end of the import' },
};

export interface RetentionOverview {
  /** The installation's schedule (stored once; see RetentionScheduleService) and whether this process runs the job queue. */
  schedule: RetentionScheduleState & { jobQueueInThisProcess: boolean };
  rules: { recordType: RecordType; setting: string; period: string | null; removes: string; keeps: string; countedFrom: string }[];
  /** Kept for good: the audit trail (the legal record of who changed what) and everything not listed here. */
  lastRun: (RetentionRun & { auditEntryId: string }) | null;
}

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(
    private readonly retention: RetentionService,
    private readonly jobs: RetentionJobs,
    private readonly schedule: RetentionScheduleService,
  ) {}

  /** The retention settings and the last run (from the audit trail). */
  @Get() @Roles('admin', 'coordinator')
  async overview(): Promise<RetentionOverview> {
    const s = this.retention.settings;
    return {
      schedule: await this.scheduleState(),
      rules: RECORD_TYPES.map((t) => ({ recordType: t, setting: RETENTION_SETTINGS[t], period: s[t], ...RULES[t] })),
      lastRun: await this.retention.lastRun(),
    };
  }

  /**
   * Sets when retention runs, for the whole installation (every API process; RETENTION_SCHEDULE only sets the first
   * schedule): administrators; 422 naming `cron` for an expression the job queue cannot run; audited.
   */
  @Put('schedule') @Roles('admin')
  async setSchedule(@CurrentUser() user: AuthUser, @Body() body: SetRetentionScheduleBody): Promise<RetentionOverview['schedule']> {
    await this.schedule.change(user, body.cron);
    return this.scheduleState();
  }

  private async scheduleState(): Promise<RetentionOverview['schedule']> {
    return { ...(await this.schedule.state()), jobQueueInThisProcess: this.jobs.running };
  }

  /** Applies retention now, in this process, instead of waiting for the night (409 while another run is going on). */
  @Post('run') @Roles('admin') @HttpCode(200)
  async runNow(@CurrentUser() user: AuthUser): Promise<RetentionRun> {
    const run = await this.retention.run('manual', user);
    if (!run) throw conflict('RETENTION.RUNNING', 'Retention is already running; try again when it has finished');
    return run;
  }
}
