import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENDA_ITEM_KINDS,
  DECISION_KINDS,
  MAX_ACTIONS_PER_CASE,
  MEETING_KINDS,
  MEETING_LIMITS,
  MEETING_ROLES,
  MEETING_STATES,
  type AgendaItemInput,
  type AgendaItemKind,
  type AttendanceRequest,
  type AttendanceRow,
  type CreateMeetingRequest,
  type DecisionKind,
  type MeetingKind,
  type MeetingRole,
  type ParticipantInput,
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
import { IsIsoDateTime, IsOmittable, trimText } from '../common/validation';

export class ParticipantBody implements ParticipantInput {
  @ApiProperty()
  @Transform(trimText)
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
  @Transform(trimText)
  @IsString()
  @Length(MEETING_LIMITS.title.min, MEETING_LIMITS.title.max, { message: `title must be ${MEETING_LIMITS.title.min}–${MEETING_LIMITS.title.max} characters` })
  title!: string;
  @ApiProperty() @IsIsoDateTime({ message: 'startsAt must be an ISO 8601 date and time' }) startsAt!: string;
  @ApiProperty()
  @Transform(trimText)
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
  @Transform(trimText)
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
  @ApiProperty() @Transform(trimText) @IsString() @MaxLength(MEETING_LIMITS.decisionNote.max) note!: string;
  /** Adjusted actions (responsible organisation, owner, due date, goal) for `agree`; checked by the case workflow. */
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) @IsOmittable() @IsArray() @ArrayMaxSize(MAX_ACTIONS_PER_CASE) actions?: never[];
}

export class StatementBody implements StatementRequest {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1) version!: number;
  @ApiProperty() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId!: string;
  @ApiProperty()
  @Transform(trimText)
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
