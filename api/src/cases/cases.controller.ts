import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ACTION_STATES, CASE_LIMITS, CASE_STATES, type ActionDto, type CaseDto, type CaseHistoryDto, type CaseSummaryDto, type CreateCaseRequest } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ActionsService } from '../actions/actions.service';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam, IsIsoDateTime, IsOmittable } from '../common/validation';
import { CasesService } from './cases.service';
import { parseEventBody } from './workflow-errors';
import { Idempotent } from '../idempotency/idempotency';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateCaseBody implements CreateCaseRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(CASE_LIMITS.title.min, CASE_LIMITS.title.max, { message: `title must be ${CASE_LIMITS.title.min}–${CASE_LIMITS.title.max} characters` }) title!: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(CASE_LIMITS.description.min, CASE_LIMITS.description.max, { message: `description must be ${CASE_LIMITS.description.min}–${CASE_LIMITS.description.max} characters` }) description!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'reportIds must be report ids' }) reportIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true, message: 'placeIds must be place ids' }) placeIds?: string[];
}

export class CaseListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES, { message: `state must be one of ${CASE_STATES.join(', ')}` }) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
}

export class ActionListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ enum: ACTION_STATES }) @IsOptional() @IsIn(ACTION_STATES, { message: `state must be one of ${ACTION_STATES.join(', ')}` }) state?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'dueBefore must be a date (YYYY-MM-DD)' }) dueBefore?: string;
}

const EVENT_BODY = { schema: { type: 'object', required: ['type', 'version'], properties: { type: { type: 'string' }, version: { type: 'integer' } }, additionalProperties: true } };

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly actions: ActionsService,
  ) {}

  /** Opens a case from reports and/or places of an area (analysts and coordinators). */
  @Post('cases') @Roles('analyst', 'coordinator') @Idempotent()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCaseBody): Promise<CaseDto> {
    return this.cases.create(user, body);
  }

  @Get('cases') @SignedIn()
  list(@CurrentUser() user: AuthUser, @Query() q: CaseListQuery): Promise<CaseSummaryDto[]> {
    return this.cases.list(user, q);
  }

  /** The case with its reports, actions and the events the caller may send now. */
  @Get('cases/:id') @SignedIn()
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CaseDto> {
    return this.cases.get(user, id);
  }

  /** Sends an event (`{type, version, …payload}`) to the case's workflow. */
  @Post('cases/:id/events') @SignedIn() @HttpCode(200) @Idempotent() @ApiBody(EVENT_BODY)
  send(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: object): Promise<CaseDto> {
    const { type, version, payload } = parseEventBody(body);
    return this.cases.send(user, id, type, version, payload);
  }

  @Get('cases/:id/history') @SignedIn()
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<CaseHistoryDto[]> {
    return this.cases.historyOf(user, id);
  }

  @Get('actions') @SignedIn()
  listActions(@CurrentUser() user: AuthUser, @Query() q: ActionListQuery): Promise<ActionDto[]> {
    return this.actions.list(user, q);
  }

  @Get('actions/:id') @SignedIn()
  getAction(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ActionDto> {
    return this.actions.get(user, id);
  }

  /** Sends an event (`{type, version, …payload}`) to the action's workflow. */
  @Post('actions/:id/events') @SignedIn() @HttpCode(200) @Idempotent() @ApiBody(EVENT_BODY)
  sendAction(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: object): Promise<ActionDto> {
    const { type, version, payload } = parseEventBody(body);
    return this.actions.send(user, id, type, version, payload);
  }
}
