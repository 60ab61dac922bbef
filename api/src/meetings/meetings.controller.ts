import { Body, Controller, Get, HttpCode, MessageEvent, Param, Patch, Post, Put, Query, Sse } from '@nestjs/common';
import { ApiBody, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  AGENDA_ITEM_KINDS,
  DECISION_KINDS,
  MAX_ACTIONS_PER_CASE,
  MEETING_KINDS,
  MEETING_LIMITS,
  MEETING_STATES,
  type AgendaItemInput,
  type AgendaItemKind,
  type AttendanceRequest,
  type AttendanceRow,
  type CreateMeetingRequest,
  type DecisionKind,
  MEETING_ROLES,
  type MeetingRole,
  type ParticipantInput,
  type MeetingDto,
  type MeetingKind,
  type RecordDecisionRequest,
  type StatementRequest,
  type UpdateAgendaRequest,
} from '@samverka/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { concat, defer, from, interval, map, merge, Observable } from 'rxjs';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam, IsIsoDateTime, IsOmittable } from '../common/validation';
import { MeetingEventsService } from './meeting-events.service';
import { MeetingsService } from './meetings.service';
import { Idempotent } from '../idempotency/idempotency';
import { parseEventBody } from '../workflow/workflow-errors';
import { Answers, AnswersEventStream } from '../openapi/responses';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ParticipantBody implements ParticipantInput {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(MEETING_LIMITS.participantName.min, MEETING_LIMITS.participantName.max, {
    message: `name must be ${MEETING_LIMITS.participantName.min}–${MEETING_LIMITS.participantName.max} characters`,
  })
  name!: string;
  @ApiProperty() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the person’s account; none for a guest' })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a user id' })
  userId?: string | null;
  @ApiPropertyOptional({ enum: MEETING_ROLES })
  @IsOptional()
  @IsIn(MEETING_ROLES, { message: 'role must be chair, secretary or adjuster' })
  role?: MeetingRole | null;
}

export class AttendanceBody extends ParticipantBody implements AttendanceRow {
  @ApiProperty() @IsBoolean({ message: 'present must be true or false' }) present!: boolean;
}

export class CreateMeetingBody implements CreateMeetingRequest {
  @ApiProperty({ enum: MEETING_KINDS }) @IsIn(MEETING_KINDS, { message: 'kind must be leadership or operational' }) kind!: MeetingKind;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(MEETING_LIMITS.title.min, MEETING_LIMITS.title.max, { message: `title must be ${MEETING_LIMITS.title.min}–${MEETING_LIMITS.title.max} characters` })
  title!: string;
  @ApiProperty() @IsIsoDateTime({ message: 'startsAt must be an ISO 8601 date and time' }) startsAt!: string;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(MEETING_LIMITS.place.min, MEETING_LIMITS.place.max, { message: `place must be ${MEETING_LIMITS.place.min}–${MEETING_LIMITS.place.max} characters` })
  place!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'areaIds needs at least one area' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'areaIds must be area ids' })
  areaIds!: string[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'organizationIds must be organisation ids' })
  organizationIds!: string[];
  @ApiPropertyOptional({ type: [ParticipantBody] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'participants must be objects' })
  @ValidateNested({ each: true })
  @Type(() => ParticipantBody)
  participants?: ParticipantBody[];
  @ApiPropertyOptional({ enum: ['sv', 'en'] }) @IsOmittable() @IsIn(['sv', 'en'], { message: 'lang must be sv or en' }) lang?: 'sv' | 'en';
}

export class AgendaItemBody implements AgendaItemInput {
  @ApiPropertyOptional() @IsOmittable() @IsUUID('all', { message: 'id must be an agenda item id' }) id?: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS })
  @IsIn(AGENDA_ITEM_KINDS, { message: 'kind must be picture, decision, follow_up, round or other' })
  kind!: AgendaItemKind;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(MEETING_LIMITS.agendaItemTitle.min, MEETING_LIMITS.agendaItemTitle.max, {
    message: `title must be ${MEETING_LIMITS.agendaItemTitle.min}–${MEETING_LIMITS.agendaItemTitle.max} characters`,
  })
  title!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'caseId must be a case id' }) caseId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string | null;
}

export class AgendaBody implements UpdateAgendaRequest {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1) version!: number;
  @ApiProperty({ type: [AgendaItemBody] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'items must be objects' })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemBody)
  items!: AgendaItemBody[];
}

export class DecisionBody implements RecordDecisionRequest {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1) version!: number;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'itemId must be an agenda item id' }) itemId!: string;
  @ApiProperty({ enum: DECISION_KINDS }) @IsIn(DECISION_KINDS, { message: 'kind must be agree, send_back, escalate or note' }) kind!: DecisionKind;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(MEETING_LIMITS.decisionNote.max) note!: string;
  /** Adjusted actions (responsible organisation, owner, due date, goal) for `agree`; checked by the case workflow. */
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) @IsOmittable() @IsArray() @ArrayMaxSize(MAX_ACTIONS_PER_CASE) actions?: never[];
}

export class StatementBody implements StatementRequest {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1) version!: number;
  @ApiProperty() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId!: string;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(MEETING_LIMITS.statement.min, MEETING_LIMITS.statement.max, {
    message: `text must be ${MEETING_LIMITS.statement.min}–${MEETING_LIMITS.statement.max} characters`,
  })
  text!: string;
}

export class AttendanceListBody implements AttendanceRequest {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1) version!: number;
  @ApiProperty({ type: [AttendanceBody] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'participants must be objects' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceBody)
  participants!: AttendanceBody[];
}

export class RevisionBody {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1) version!: number;
}

export class MeetingListQuery {
  @ApiPropertyOptional({ enum: MEETING_STATES })
  @IsOptional()
  @IsIn(MEETING_STATES, { message: 'state must be planned, in_session, minutes_draft, approved or cancelled' })
  state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'from must be an ISO 8601 date' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'to must be an ISO 8601 date' }) to?: string;
}

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
        map((m) => ({ type: 'meeting', data: { meetingId: m.id, version: m.version, change: 'CONNECTED', currentItemId: m.currentItemId } }) as MessageEvent),
      ),
      merge(
        this.events.of(id).pipe(map((c) => ({ type: 'meeting', data: c }) as MessageEvent)),
        interval(25_000).pipe(map(() => ({ type: 'ping', data: '' }) as MessageEvent)),
      ),
    );
  }
}
