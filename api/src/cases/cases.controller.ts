import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CASE_LIMITS, CASE_STATES, type CaseDto, type CaseHistoryDto, type CaseSummaryDto, type CreateCaseRequest } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam, IsOmittable } from '../common/validation';
import { CasesService } from './cases.service';
import { Idempotent } from '../idempotency/idempotency';
import { EVENT_BODY, parseEventBody } from '../workflow/workflow-errors';
import { Answers } from '../openapi/responses';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateCaseBody implements CreateCaseRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(CASE_LIMITS.title.min, CASE_LIMITS.title.max, { message: `title must be ${CASE_LIMITS.title.min}–${CASE_LIMITS.title.max} characters` })
  title!: string;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(CASE_LIMITS.description.min, CASE_LIMITS.description.max, {
    message: `description must be ${CASE_LIMITS.description.min}–${CASE_LIMITS.description.max} characters`,
  })
  description!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'reportIds must be report ids' })
  reportIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'placeIds must be place ids' })
  placeIds?: string[];
}

export class CaseListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES, { message: `state must be one of ${CASE_STATES.join(', ')}` }) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
}

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** Opens a case from reports and/or places of an area (analysts and coordinators). */
  @Post('cases')
  @Roles('analyst', 'coordinator')
  @Idempotent()
  @Answers(201, 'CaseDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCaseBody): Promise<CaseDto> {
    return this.cases.create(user, body);
  }

  @Get('cases')
  @SignedIn()
  @Answers(200, 'CaseSummaryDto[]')
  list(@CurrentUser() user: AuthUser, @Query() q: CaseListQuery): Promise<CaseSummaryDto[]> {
    return this.cases.list(user, q);
  }

  /** The case with its reports, actions and the events the caller may send now. */
  @Get('cases/:id')
  @SignedIn()
  @Answers(200, 'CaseDto')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CaseDto> {
    return this.cases.get(user, id);
  }

  /** Sends an event (`{type, version, …payload}`) to the case's workflow. */
  @Post('cases/:id/events')
  @SignedIn()
  @HttpCode(200)
  @Idempotent()
  @ApiBody(EVENT_BODY)
  @Answers(200, 'CaseDto', 'The case after the event')
  send(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: object): Promise<CaseDto> {
    const { type, version, payload } = parseEventBody(body);
    return this.cases.send(user, id, type, version, payload);
  }

  @Get('cases/:id/history')
  @SignedIn()
  @Answers(200, 'CaseHistoryDto[]')
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CaseHistoryDto[]> {
    return this.cases.historyOf(user, id);
  }
}
