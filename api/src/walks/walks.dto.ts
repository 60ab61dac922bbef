import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECKLIST_ANSWERS,
  FINDING_SEVERITIES,
  SETTLEMENT_OUTCOMES,
  WALK_LIMITS,
  WALK_MAX,
  WALK_STATES,
  type ChecklistAnswer,
  type ChecklistAnswersRequest,
  type ChecklistItem,
  type ChecklistTemplateRequest,
  type CreateFindingRequest,
  type CreateWalkRequest,
  type FindingSeverity,
  type ParticipantCounts,
  type RouteLineString,
  type SettleFindingRequest,
  type SettlementOutcome,
  type TextLimit,
  type UpdateChecklistTemplateRequest,
  type UpdateFindingRequest,
  type UpdateWalkRequest,
} from '@samverka/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDateTime, IsOmittable, trimText } from '../common/validation';

const len = (field: string, l: TextLimit) => Length(l.min, l.max, { message: `${field} must be ${l.min}–${l.max} characters` });

export class ChecklistItemBody implements ChecklistItem {
  @ApiProperty()
  @IsString()
  @len('key', WALK_LIMITS.itemKey)
  @Matches(/^[a-z0-9_]+$/, { message: 'key must be lower-case letters, digits and _' })
  key!: string;
  @ApiProperty() @Transform(trimText) @IsString() @len('labelSv', WALK_LIMITS.itemLabel) labelSv!: string;
  @ApiProperty() @Transform(trimText) @IsString() @len('labelEn', WALK_LIMITS.itemLabel) labelEn!: string;
}

export class ChecklistTemplateBody implements ChecklistTemplateRequest {
  @ApiProperty() @Transform(trimText) @IsString() @len('nameSv', WALK_LIMITS.templateName) nameSv!: string;
  @ApiProperty() @Transform(trimText) @IsString() @len('nameEn', WALK_LIMITS.templateName) nameEn!: string;
  @ApiProperty({ type: [ChecklistItemBody] })
  @IsArray({ message: 'items must be a list' })
  @ArrayMinSize(1, { message: 'items needs at least one item' })
  @ArrayMaxSize(WALK_MAX.checklistItems, { message: `items holds at most ${WALK_MAX.checklistItems} items` })
  @IsObject({ each: true, message: 'items must be objects' })
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemBody)
  items!: ChecklistItemBody[];
}

export class UpdateChecklistTemplateBody implements UpdateChecklistTemplateRequest {
  @ApiPropertyOptional() @IsOmittable() @Transform(trimText) @IsString() @len('nameSv', WALK_LIMITS.templateName) nameSv?: string;
  @ApiPropertyOptional() @IsOmittable() @Transform(trimText) @IsString() @len('nameEn', WALK_LIMITS.templateName) nameEn?: string;
  @ApiPropertyOptional({ type: [ChecklistItemBody] })
  @IsOmittable()
  @IsArray({ message: 'items must be a list' })
  @ArrayMinSize(1, { message: 'items needs at least one item' })
  @ArrayMaxSize(WALK_MAX.checklistItems, { message: `items holds at most ${WALK_MAX.checklistItems} items` })
  @IsObject({ each: true, message: 'items must be objects' })
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemBody)
  items?: ChecklistItemBody[];
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'active must be true or false' }) active?: boolean;
}

/** The route and counts are checked in depth by the service (naming e.g. route.coordinates[3]). */
export class CreateWalkBody implements CreateWalkRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiProperty() @Transform(trimText) @IsString({ message: 'title must be text' }) @len('title', WALK_LIMITS.title) title!: string;
  @ApiProperty({ example: '2026-11-24T18:00:00+01:00' }) @IsIsoDateTime({ message: 'startsAt must be an ISO 8601 date and time' }) startsAt!: string;
  @ApiProperty() @Transform(trimText) @IsString({ message: 'meetingPoint must be text' }) @len('meetingPoint', WALK_LIMITS.meetingPoint) meetingPoint!: string;
  @ApiPropertyOptional({ nullable: true, description: 'GeoJSON LineString, [longitude, latitude] pairs' })
  @IsOptional()
  @IsObject({ message: 'route must be a GeoJSON LineString' })
  route?: RouteLineString | null;
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'invitedOrganizationIds must be a list' })
  @ArrayMaxSize(WALK_MAX.invitedOrganizations, { message: `invitedOrganizationIds holds at most ${WALK_MAX.invitedOrganizations}` })
  @IsUUID('all', { each: true, message: 'invitedOrganizationIds must be organisation ids' })
  invitedOrganizationIds!: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' } })
  @IsOmittable()
  @IsObject({ message: 'participantCounts must be an object of counts by group' })
  participantCounts?: ParticipantCounts;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'checklistTemplateId must be a checklist id' }) checklistTemplateId!: string;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'restricted must be true or false' }) restricted?: boolean;
}

export class UpdateWalkBody implements UpdateWalkRequest {
  @ApiProperty() @IsInt({ message: 'version must be the version you read' }) @Min(1, { message: 'version must be the version you read' }) version!: number;
  @ApiPropertyOptional() @IsOmittable() @Transform(trimText) @IsString({ message: 'title must be text' }) @len('title', WALK_LIMITS.title) title?: string;
  @ApiPropertyOptional() @IsOmittable() @IsIsoDateTime({ message: 'startsAt must be an ISO 8601 date and time' }) startsAt?: string;
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'meetingPoint must be text' })
  @len('meetingPoint', WALK_LIMITS.meetingPoint)
  meetingPoint?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsObject({ message: 'route must be a GeoJSON LineString' }) route?: RouteLineString | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray({ message: 'invitedOrganizationIds must be a list' })
  @ArrayMaxSize(WALK_MAX.invitedOrganizations, { message: `invitedOrganizationIds holds at most ${WALK_MAX.invitedOrganizations}` })
  @IsUUID('all', { each: true, message: 'invitedOrganizationIds must be organisation ids' })
  invitedOrganizationIds?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' } })
  @IsOmittable()
  @IsObject({ message: 'participantCounts must be an object of counts by group' })
  participantCounts?: ParticipantCounts;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'checklistTemplateId must be a checklist id' })
  checklistTemplateId?: string;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'restricted must be true or false' }) restricted?: boolean;
}

export class WalkListQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ enum: WALK_STATES }) @IsOptional() @IsIn(WALK_STATES, { message: `state must be one of ${WALK_STATES.join(', ')}` }) state?: string;
}

export class AnswerBody {
  @ApiProperty() @IsString({ message: 'itemKey must be text' }) @len('itemKey', WALK_LIMITS.itemKey) itemKey!: string;
  @ApiProperty({ enum: CHECKLIST_ANSWERS })
  @IsIn(CHECKLIST_ANSWERS, { message: `answer must be one of ${CHECKLIST_ANSWERS.join(', ')}` })
  answer!: ChecklistAnswer;
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'comment must be text' })
  @len('comment', WALK_LIMITS.answerComment)
  comment?: string;
}

export class ChecklistAnswersBody implements ChecklistAnswersRequest {
  @ApiProperty()
  @IsInt({ message: 'stop must be a whole number' })
  @Min(1, { message: 'stop must be at least 1' })
  @Max(WALK_MAX.stops, { message: `stop must be at most ${WALK_MAX.stops}` })
  stop!: number;
  @ApiProperty() @Transform(trimText) @IsString({ message: 'label must be text' }) @len('label', WALK_LIMITS.stopLabel) label!: string;
  @ApiProperty({ type: [AnswerBody] })
  @IsArray({ message: 'answers must be a list' })
  @ArrayMaxSize(WALK_MAX.checklistItems, { message: `answers holds at most ${WALK_MAX.checklistItems}` })
  @IsObject({ each: true, message: 'answers must be objects' })
  @ValidateNested({ each: true })
  @Type(() => AnswerBody)
  answers!: AnswerBody[];
}

export class CreateFindingBody implements CreateFindingRequest {
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateFindingBody) => o.latitude != null || o.longitude != null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'latitude must be a number' })
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateFindingBody) => o.latitude != null || o.longitude != null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'longitude must be a number' })
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  longitude?: number | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'checklistItemKey must be text' })
  @len('checklistItemKey', WALK_LIMITS.itemKey)
  checklistItemKey?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'categoryId must be a category id' }) categoryId?:
    string | null;
  @ApiProperty()
  @Transform(trimText)
  @IsString({ message: 'description must be text' })
  @len('description', WALK_LIMITS.findingDescription)
  description!: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) @IsIn(FINDING_SEVERITIES, { message: 'severity must be low, medium or high' }) severity!: FindingSeverity;
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleOrganizationId must be an organisation id' })
  responsibleOrganizationId?: string | null;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'confirmNoPersonalData must be true or false' }) confirmNoPersonalData?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsIsoDateTime({ message: 'recordedAt must be an ISO 8601 date and time' }) recordedAt?: string;
}

export class UpdateFindingBody implements UpdateFindingRequest {
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateFindingBody) => o.latitude != null || o.longitude != null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'latitude must be a number' })
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateFindingBody) => o.latitude != null || o.longitude != null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'longitude must be a number' })
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  longitude?: number | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'checklistItemKey must be text' })
  @len('checklistItemKey', WALK_LIMITS.itemKey)
  checklistItemKey?: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'categoryId must be a category id' }) categoryId?:
    string | null;
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'description must be text' })
  @len('description', WALK_LIMITS.findingDescription)
  description?: string;
  @ApiPropertyOptional({ enum: FINDING_SEVERITIES })
  @IsOmittable()
  @IsIn(FINDING_SEVERITIES, { message: 'severity must be low, medium or high' })
  severity?: FindingSeverity;
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleOrganizationId must be an organisation id' })
  responsibleOrganizationId?: string | null;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'confirmNoPersonalData must be true or false' }) confirmNoPersonalData?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsIsoDateTime({ message: 'recordedAt must be an ISO 8601 date and time' }) recordedAt?: string;
}

export class SettlementActionBody {
  @ApiProperty()
  @Transform(trimText)
  @IsString({ message: 'action.cause must be text' })
  @Length(1, 500, { message: 'action.cause must be 1–500 characters' })
  cause!: string;
  @ApiProperty()
  @Transform(trimText)
  @IsString({ message: 'action.what must be text' })
  @Length(1, 1000, { message: 'action.what must be 1–1000 characters' })
  what!: string;
  @ApiProperty()
  @Transform(trimText)
  @IsString({ message: 'action.goal must be text' })
  @Length(1, 500, { message: 'action.goal must be 1–500 characters' })
  goal!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'action.organizationId must be an organisation id' }) organizationId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'action.ownerId must be a user id' }) ownerId?:
    string | null;
  @ApiProperty({ example: '2027-01-31' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'action.dueDate must be a date (YYYY-MM-DD)' })
  dueDate!: string;
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'action.followUp must be text' })
  @len('action.followUp', WALK_LIMITS.followUp)
  followUp?: string;
}

export class SettleFindingBody implements SettleFindingRequest {
  @ApiProperty({ enum: SETTLEMENT_OUTCOMES }) @IsIn(SETTLEMENT_OUTCOMES, { message: 'outcome must be action, case or noted' }) outcome!: SettlementOutcome;
  @ApiPropertyOptional({ type: SettlementActionBody })
  @ValidateIf((o: SettleFindingBody) => o.outcome === 'action' || o.action !== undefined)
  @IsObject({ message: 'action is needed: cause, what, goal, organizationId, dueDate' })
  @ValidateNested()
  @Type(() => SettlementActionBody)
  action?: SettlementActionBody;
  @ApiPropertyOptional({ format: 'uuid' })
  @ValidateIf((o: SettleFindingBody) => o.outcome === 'case' || o.caseId !== undefined)
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;
  @ApiPropertyOptional()
  @ValidateIf((o: SettleFindingBody) => o.outcome === 'noted' || o.reason !== undefined)
  @Transform(trimText)
  @IsString({ message: 'reason must be text' })
  @len('reason', WALK_LIMITS.settlementReason)
  reason?: string;
}

export class WalkLangQuery {
  @ApiPropertyOptional({ enum: ['sv', 'en'] }) @IsOptional() @IsIn(['sv', 'en'], { message: 'lang must be sv or en' }) lang?: 'sv' | 'en';
}
