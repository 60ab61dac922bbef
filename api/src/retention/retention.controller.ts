import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RetentionOverviewDto, RetentionRunDto, RetentionScheduleDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, Roles } from '../auth/access.decorators';
import { conflict } from '../common/errors';
import { RetentionScheduleService } from './retention-schedule.service';
import { RetentionJobs } from './retention.jobs';
import { RECORD_TYPES, RETENTION_SETTINGS, RecordType, RetentionService, retentionPeriods } from './retention.service';
import { SetRetentionScheduleBody } from './retention.dto';
import { Answers } from '../openapi/responses';

/** What retention removes and keeps, per record type (shown to administrators next to the period). */
const RULES: Record<RecordType, { removes: string; keeps: string; countedFrom: string }> = {
  reportDetails: {
    removes: 'the free text, exact coordinates and reporter of a report; the time is rounded down to the hour',
    keeps: 'organisation, area, named place, category, hour, assessment, police notified, restricted: the situational picture is unchanged',
    countedFrom: 'the observation',
  },
  walkPhotos: {
    removes: 'the photos of a safety walk finding: the re-encoded image and its thumbnail (originals are never stored)',
    keeps: 'the finding itself',
    countedFrom: 'the recording of the finding',
  },
  walkFindingDetails: {
    removes: 'the free text (description) of a safety walk finding',
    keeps: "walk, position, named place, checklist item, category, severity, responsible organisation, settlement: the walk report's counts are unchanged",
    countedFrom: 'the recording of the finding',
  },
  sessions: { removes: 'the session (user, sign-in time, last request)', keeps: 'nothing', countedFrom: 'the end of the session (expiry or idle time-out)' },
  loginAttempts: { removes: 'the throttling record (e-mail or network address, number of failures)', keeps: 'nothing', countedFrom: 'the last failed sign-in' },
  importErrors: {
    removes: 'the list of rejected rows (line, column, reason) of an import',
    keeps: 'the import itself: file name, counts, outcome',
    countedFrom: 'the end of the import',
  },
};

/** The overview administrators read (a contract type). */
export type RetentionOverview = RetentionOverviewDto;

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(
    private readonly retention: RetentionService,
    private readonly jobs: RetentionJobs,
    private readonly schedule: RetentionScheduleService,
  ) {}

  /** The retention settings and the last run (from the audit trail). */
  @Get()
  @Roles('admin', 'coordinator')
  @Answers(200, 'RetentionOverviewDto')
  async overview(): Promise<RetentionOverview> {
    const periods = retentionPeriods(this.retention.settings);
    return {
      schedule: await this.scheduleState(),
      rules: RECORD_TYPES.map((t) => ({ recordType: t, setting: RETENTION_SETTINGS[t], period: periods[t], ...RULES[t] })),
      lastRun: await this.retention.lastRun(),
    };
  }

  /**
   * Sets when retention runs, for the whole installation (every API process; RETENTION_SCHEDULE only sets the first
   * schedule): administrators; 422 naming `cron` for an expression the job queue cannot run; audited.
   */
  @Put('schedule')
  @Roles('admin')
  @Answers(200, 'RetentionScheduleDto')
  async setSchedule(@CurrentUser() user: AuthUser, @Body() body: SetRetentionScheduleBody): Promise<RetentionScheduleDto> {
    await this.schedule.change(user, body.cron);
    return this.scheduleState();
  }

  private async scheduleState(): Promise<RetentionScheduleDto> {
    return { ...(await this.schedule.state()), jobQueueInThisProcess: this.jobs.running };
  }

  /** Applies retention now, in this process, instead of waiting for the night (409 while another run is going on). */
  @Post('run')
  @Roles('admin')
  @HttpCode(200)
  @Answers(200, 'RetentionRunDto')
  async runNow(@CurrentUser() user: AuthUser): Promise<RetentionRunDto> {
    const run = await this.retention.run('manual', user);
    if (!run) throw conflict('RETENTION.RUNNING', 'Retention is already running; try again when it has finished');
    return run;
  }
}
