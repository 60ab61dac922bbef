import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { ActionDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import { Idempotent } from '../idempotency/idempotency';
import { Answers } from '../openapi/responses';
import { EVENT_BODY, parseEventBody } from '../workflow/workflow-errors';
import { ActionListQuery } from './actions.dto';
import { ActionsService } from './actions.service';

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
