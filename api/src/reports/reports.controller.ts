import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { AREA_LEVELS, REPORT_LIMITS, type AreaLevel, type AreaLevelDto, type Page, type ReportDto, type SetAreaLevelRequest, type SituationPictureDto } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import { CreateReportBody, RedactReportBody, ReportFilterQuery, ReportListQuery, ReviewReportBody, SituationPictureQuery, UpdateReportBody } from './report.dto';
import { ReportsService } from './reports.service';
import { SituationPictureService } from './situation-picture.service';
import { Idempotent } from '../idempotency/idempotency';
import { noStore } from '../common/security';

export class SetLevelBody implements SetAreaLevelRequest {
  @ApiProperty({ enum: AREA_LEVELS }) @IsIn(AREA_LEVELS, { message: 'level must be green, yellow or red' }) level!: AreaLevel;
  @ApiProperty({ minLength: REPORT_LIMITS.levelRationale.min, maxLength: REPORT_LIMITS.levelRationale.max })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @Length(REPORT_LIMITS.levelRationale.min, REPORT_LIMITS.levelRationale.max, { message: `rationale must be ${REPORT_LIMITS.levelRationale.min}–${REPORT_LIMITS.levelRationale.max} characters` })
  rationale!: string;
}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly picture: SituationPictureService,
  ) {}

  /** Files a situation report for the caller's organisation (201 with the stored report). */
  @Post('reports') @SignedIn() @Idempotent()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateReportBody): Promise<ReportDto> {
    return this.reports.create(user, body);
  }

  /** Reports of the caller's areas, filtered and paged, newest first. */
  @Get('reports') @SignedIn()
  list(@CurrentUser() user: AuthUser, @Query() q: ReportListQuery): Promise<Page<ReportDto>> {
    return this.reports.list(user, q);
  }

  /** The filtered reports as CSV (UTF-8 with BOM and `;`, so Excel opens it with å, ä, ö). */
  @Get('reports/export.csv') @SignedIn()
  async export(@CurrentUser() user: AuthUser, @Query() q: ReportFilterQuery, @Res() res: Response): Promise<void> {
    const body = await this.reports.exportCsv(user, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    noStore(res);
    res.setHeader('Content-Disposition', `attachment; filename="rapporter-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.send(body);
  }

  @Get('reports/:id') @SignedIn()
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ReportDto> {
    return this.reports.get(user, id);
  }

  /** Corrects a report (its reporter within 24 hours, or a coordinator of its organisation); kept in the audit trail. */
  @Patch('reports/:id') @SignedIn()
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateReportBody): Promise<ReportDto> {
    return this.reports.update(user, id, body);
  }

  /**
   * Removes (gallrar) the free text, whole or a part, with a reason (201 with the report): the reporter, a coordinator or
   * administrator of the reporting organisation, or a coordinator of the partnership. Audited without the text.
   */
  @Post('reports/:id/redactions') @SignedIn() @Idempotent()
  redact(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RedactReportBody): Promise<ReportDto> {
    return this.reports.redact(user, id, body);
  }

  /** A coordinator of the partnership confirms a flagged text that awaits review; it is then shared with the partners. */
  @Post('reports/:id/review') @HttpCode(200) @Roles('coordinator')
  review(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ReviewReportBody): Promise<ReportDto> {
    return this.reports.review(user, id, body);
  }

  /** The weekly situational picture of an area (week defaults to the current Swedish week). */
  @Get('situation-picture') @SignedIn()
  situationPicture(@CurrentUser() user: AuthUser, @Query() q: SituationPictureQuery): Promise<SituationPictureDto> {
    return this.picture.picture(user, q.areaId, q.week);
  }

  /** The area's weekly levels, newest first. */
  @Get('areas/:id/levels') @SignedIn()
  levels(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<AreaLevelDto[]> {
    return this.picture.levels(user, id);
  }

  /** Sets the area's level for a week (coordinators and analysts). */
  @Put('areas/:id/levels/:week') @Roles('coordinator', 'analyst')
  setLevel(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('week') week: string, @Body() body: SetLevelBody): Promise<AreaLevelDto> {
    return this.picture.setLevel(user, id, week, body);
  }
}
