import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { type CaseDto, type CaseEffectsDto, type CaseHistoryDto, type CaseSummaryDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import { Idempotent } from '../idempotency/idempotency';
import { Answers } from '../openapi/responses';
import { EVENT_BODY, parseEventBody } from '../workflow/workflow-errors';
import { CaseEffectsQuery, CaseListQuery, CreateCaseBody } from './cases.dto';
import { CasesService } from './cases.service';

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

  /** Before/after effect figures of the case's places (issue #16), computed now: the evaluation dialog's preview. */
  @Get('cases/:id/effects')
  @SignedIn()
  @Answers(200, 'CaseEffectsDto')
  effects(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() q: CaseEffectsQuery): Promise<CaseEffectsDto> {
    return this.cases.effects(user, id, q.weeks);
  }
}
