import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AreaLevelDto, type MyReportDto, type Page, type ReportDto, type SituationPictureDto } from '@samverka/contracts';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import {
  CreateReportBody,
  RedactReportBody,
  ReportFilterQuery,
  ReportListQuery,
  ReviewReportBody,
  SetLevelBody,
  SituationPictureQuery,
  UpdateReportBody,
} from './report.dto';
import { ReportsService } from './reports.service';
import { SituationPictureService } from './situation-picture.service';
import { Idempotent } from '../idempotency/idempotency';
import { noStore } from '../common/security';
import { Answers, AnswersFile, Refuses } from '../openapi/responses';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly picture: SituationPictureService,
  ) {}

  /** Files a situation report for the caller's organisation (201 with the stored report). */
  @Post('reports')
  @SignedIn()
  @Idempotent()
  @Answers(201, 'ReportDto')
  @Refuses(422, ['PersonalDataError', 'ApiError'], 'REPORT.PERSONAL_DATA (with the hits) until confirmed, or another field at fault')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateReportBody): Promise<ReportDto> {
    return this.reports.create(user, body);
  }

  /** Reports of the caller's areas, filtered and paged, newest first. */
  @Get('reports')
  @SignedIn()
  @Answers(200, 'ReportPageDto')
  list(@CurrentUser() user: AuthUser, @Query() q: ReportListQuery): Promise<Page<ReportDto>> {
    return this.reports.list(user, q);
  }

  /** The filtered reports as CSV (UTF-8 with BOM and `;`, so Excel opens it with å, ä, ö). */
  @Get('reports/export.csv')
  @SignedIn()
  @AnswersFile('text/csv', 'UTF-8 with BOM, `;`-separated')
  async export(@CurrentUser() user: AuthUser, @Query() q: ReportFilterQuery, @Res() res: Response): Promise<void> {
    const { csv, filename } = await this.reports.exportCsv(user, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    noStore(res);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(csv);
  }

  /** "Mina rapporter": the caller's own reports (newest first, at most 200), each with the cases it became part of, their state, actions and outcome. */
  @Get('reports/mine')
  @SignedIn()
  @Answers(200, 'MyReportDto[]')
  mine(@CurrentUser() user: AuthUser): Promise<MyReportDto[]> {
    return this.reports.mine(user);
  }

  /** One report; with the cases it became part of that the caller may see. */
  @Get('reports/:id')
  @SignedIn()
  @Answers(200, 'ReportDto')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ReportDto> {
    return this.reports.get(user, id);
  }

  /** Corrects a report (its reporter within 24 hours, or a coordinator of its organisation); kept in the audit trail. */
  @Patch('reports/:id')
  @SignedIn()
  @Answers(200, 'ReportDto')
  @Refuses(422, ['PersonalDataError', 'ApiError'], 'REPORT.PERSONAL_DATA (with the hits) until confirmed, or another field at fault')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateReportBody): Promise<ReportDto> {
    return this.reports.update(user, id, body);
  }

  /**
   * Removes (gallrar) the free text, whole or a part, with a reason (201 with the report): the reporter, a coordinator or
   * administrator of the reporting organisation, or a coordinator of the partnership. Audited without the text.
   */
  @Post('reports/:id/redactions')
  @SignedIn()
  @Idempotent()
  @Answers(201, 'ReportDto', 'The report as it is now')
  @Refuses(422, ['PersonalDataError', 'ApiError'], 'REPORT.PERSONAL_DATA (with the hits) for a note with personal data, or another field at fault')
  redact(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: RedactReportBody): Promise<ReportDto> {
    return this.reports.redact(user, id, body);
  }

  /** A coordinator of the partnership confirms a flagged text that awaits review; it is then shared with the partners. */
  @Post('reports/:id/review')
  @HttpCode(200)
  @Roles('coordinator')
  @Answers(200, 'ReportDto')
  review(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ReviewReportBody): Promise<ReportDto> {
    return this.reports.review(user, id, body);
  }

  /** The weekly situational picture of an area (week defaults to the current Swedish week). */
  @Get('situation-picture')
  @SignedIn()
  @Answers(200, 'SituationPictureDto')
  situationPicture(@CurrentUser() user: AuthUser, @Query() q: SituationPictureQuery): Promise<SituationPictureDto> {
    return this.picture.picture(user, q.areaId, q.week, { sources: q.sources });
  }

  /** The area's weekly levels, newest first. */
  @Get('areas/:id/levels')
  @SignedIn()
  @Answers(200, 'AreaLevelDto[]')
  levels(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<AreaLevelDto[]> {
    return this.picture.levels(user, id);
  }

  /** Sets the area's level for a week (coordinators and analysts). */
  @Put('areas/:id/levels/:week')
  @Roles('coordinator', 'analyst')
  @Answers(200, 'AreaLevelDto')
  setLevel(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('week') week: string,
    @Body() body: SetLevelBody,
  ): Promise<AreaLevelDto> {
    return this.picture.setLevel(user, id, week, body);
  }
}
