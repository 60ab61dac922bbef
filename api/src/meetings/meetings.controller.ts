import { Body, Controller, Get, HttpCode, MessageEvent, Param, Patch, Post, Put, Query, Sse } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { type MeetingDto } from '@samverka/contracts';
import { concat, defer, from, interval, map, merge, Observable } from 'rxjs';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import { Idempotent } from '../idempotency/idempotency';
import { Answers, AnswersEventStream } from '../openapi/responses';
import { parseEventBody } from '../workflow/workflow-errors';
import { MeetingEventsService } from './meeting-events.service';
import { AgendaBody, AttendanceListBody, CreateMeetingBody, DecisionBody, MeetingListQuery, RevisionBody, StatementBody } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEventsService,
  ) {}

  /** Schedules a meeting and prepares its agenda from the data (coordinators). */
  @Post()
  @Roles('coordinator')
  @Idempotent()
  @Answers(201, 'MeetingDto', 'The meeting with the agenda prepared from the data')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMeetingBody): Promise<MeetingDto> {
    return this.meetings.create(user, body);
  }

  /** The meetings of the caller's organisation, newest first, optionally filtered; administrators also get the others' meetings, for administration only (`detailsVisible` false). */
  @Get()
  @SignedIn()
  @Answers(200, 'MeetingDto[]')
  list(@CurrentUser() user: AuthUser, @Query() q: MeetingListQuery): Promise<MeetingDto[]> {
    return this.meetings.list(user, q);
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, 'MeetingDto')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MeetingDto> {
    return this.meetings.get(user, id);
  }

  /** START, SET_CURRENT (`itemId`), END, APPROVE, CANCEL (`reason`), with the `version` read. */
  @Post(':id/events')
  @SignedIn()
  @HttpCode(200)
  @Idempotent()
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'version'],
      properties: { type: { type: 'string', example: 'START' }, version: { type: 'integer' } },
      additionalProperties: true,
    },
  })
  @Answers(200, 'MeetingDto', 'The meeting after the event')
  send(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: object): Promise<MeetingDto> {
    const { type, version, payload } = parseEventBody(body);
    return this.meetings.sendEvent(user, id, type, version, payload);
  }

  /** Reorders, adds and removes agenda items before the meeting. */
  @Patch(':id/agenda')
  @SignedIn()
  @Answers(200, 'MeetingDto')
  agenda(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: AgendaBody): Promise<MeetingDto> {
    return this.meetings.updateAgenda(user, id, body.version, body.items);
  }

  /** Records an agenda item's decision (`itemId`); for a case it sends the case event (agree, send back, escalate). */
  @Post(':id/decisions')
  @SignedIn()
  @HttpCode(200)
  @Idempotent()
  @Answers(200, 'MeetingDto')
  decision(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: DecisionBody): Promise<MeetingDto> {
    return this.meetings.recordDecision(user, id, body.itemId, body.version, body);
  }

  /** Records an organisation's round-the-table statement. */
  @Post(':id/items/:itemId/statements')
  @SignedIn()
  @HttpCode(200)
  @Idempotent()
  @Answers(200, 'MeetingDto')
  statement(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam('itemId')) itemId: string,
    @Body() body: StatementBody,
  ): Promise<MeetingDto> {
    return this.meetings.recordStatement(user, id, itemId, body.version, body);
  }

  @Put(':id/attendance')
  @SignedIn()
  @Answers(200, 'MeetingDto')
  attendance(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: AttendanceListBody): Promise<MeetingDto> {
    return this.meetings.recordAttendance(user, id, body.version, body.participants);
  }

  /** A new revision of approved minutes, referring to the approved one. */
  @Post(':id/revisions')
  @SignedIn()
  @Idempotent()
  @Answers(201, 'MeetingDto', 'The new revision (a minutes draft)')
  revise(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() _body: RevisionBody): Promise<MeetingDto> {
    return this.meetings.revise(user, id);
  }

  /** Server-sent events: the meeting's version and current item whenever it changes (from any API process). */
  @Sse(':id/stream')
  @SignedIn()
  @AnswersEventStream('`meeting` events ({meetingId, version, change, currentItemId}) and a `ping` every 25 s')
  async stream(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<Observable<MessageEvent>> {
    // A meeting that does not exist (or is not the caller's) is a 404 before the stream starts, not a 200 with an error
    // event; another organisation's administrator, who sees the meeting for administration only, gets a 403.
    await this.meetings.forDocuments(user, id);
    return concat(
      defer(() => from(this.meetings.get(user, id))).pipe(
        map((m) => ({ type: 'meeting', data: { meetingId: m.id, version: m.version, change: 'CONNECTED', currentItemId: m.currentItemId } })),
      ),
      merge(this.events.of(id).pipe(map((c) => ({ type: 'meeting', data: c }))), interval(25_000).pipe(map(() => ({ type: 'ping', data: '' })))),
    );
  }
}
