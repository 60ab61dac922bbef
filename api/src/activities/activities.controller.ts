import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ActivityDto, ActivityGapsDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import { Idempotent } from '../idempotency/idempotency';
import { Answers, AnswersNoContent } from '../openapi/responses';
import { ActivitiesService } from './activities.service';
import { ActivityBody, ActivityGapsQuery, UpdateActivityBody } from './activities.dto';

/** The roles that keep their organisation's entries (reporters only read them). */
const KEEPERS = ['admin', 'coordinator', 'analyst', 'commander', 'action_owner'] as const;

@ApiTags('activities')
@Controller('areas/:id')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  /** "Vem gör vad": the partners' activities and projects in the area. */
  @Get('activities')
  @SignedIn()
  @Answers(200, 'ActivityDto[]')
  list(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ActivityDto[]> {
    return this.activities.list(user, id);
  }

  /** A new entry of the caller's organisation. */
  @Post('activities')
  @Roles(...KEEPERS)
  @Idempotent()
  @Answers(201, 'ActivityDto')
  create(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ActivityBody): Promise<ActivityDto> {
    return this.activities.create(user, id, body);
  }

  @Patch('activities/:activityId')
  @Roles(...KEEPERS)
  @Answers(200, 'ActivityDto')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: UpdateActivityBody,
  ): Promise<ActivityDto> {
    return this.activities.update(user, id, activityId, body);
  }

  @Delete('activities/:activityId')
  @Roles(...KEEPERS)
  @HttpCode(204)
  @AnswersNoContent('Removed from the register')
  remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('activityId', uuidParam('activityId')) activityId: string): Promise<void> {
    return this.activities.remove(user, id, activityId);
  }

  /** Reports by weekday and hour of the last `weeks` weeks (default 12) against the hours the activities are there. */
  @Get('activity-gaps')
  @SignedIn()
  @Answers(200, 'ActivityGapsDto')
  gaps(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() q: ActivityGapsQuery): Promise<ActivityGapsDto> {
    return this.activities.gaps(user, id, q.weeks ?? 12);
  }
}
