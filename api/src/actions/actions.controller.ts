import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { ActionDto } from '@samverka/contracts';
import { ACTION_STATES } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { IsIsoDateTime, uuidParam } from '../common/validation';
import { Idempotent } from '../idempotency/idempotency';
import { EVENT_BODY, parseEventBody } from '../workflow/workflow-errors';
import { ActionsService } from './actions.service';
import { Answers } from '../openapi/responses';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ActionListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ enum: ACTION_STATES })
  @IsOptional()
  @IsIn(ACTION_STATES, { message: `state must be one of ${ACTION_STATES.join(', ')}` })
  state?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'dueBefore must be a date (YYYY-MM-DD)' }) dueBefore?: string;
}

// Tagged with the cases, as before: the actions are the cases' agreed actions.
@ApiTags('cases')
@Controller()
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get('actions')
  @SignedIn()
  @Answers(200, 'ActionDto[]')
  listActions(@CurrentUser() user: AuthUser, @Query() q: ActionListQuery): Promise<ActionDto[]> {
    return this.actions.list(user, q);
  }

  @Get('actions/:id')
  @SignedIn()
  @Answers(200, 'ActionDto')
  getAction(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ActionDto> {
    return this.actions.get(user, id);
  }

  /** Sends an event (`{type, version, …payload}`) to the action's workflow. */
  @Post('actions/:id/events')
  @SignedIn()
  @HttpCode(200)
  @Idempotent()
  @ApiBody(EVENT_BODY)
  @Answers(200, 'ActionDto')
  sendAction(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: object): Promise<ActionDto> {
    const { type, version, payload } = parseEventBody(body);
    return this.actions.send(user, id, type, version, payload);
  }
}
