import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AREA_LEVELS,
  ASSESSMENTS,
  PICTURE_SOURCES,
  REDACTION_REASONS,
  REPORT_LIMITS,
  TIMES_OF_DAY,
  type AreaLevel,
  type Assessment,
  type PictureSource,
  type CreateReportRequest,
  type RedactionReason,
  type RedactReportRequest,
  type ReviewReportRequest,
  type SetAreaLevelRequest,
  type ReportFilters,
  type TimeOfDay,
} from '@samverka/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsIsoDateTime, IsOmittable, trimText } from '../common/validation';

/** Body of POST /api/reports. Cross-field rules (place in area, time not in future, Sweden's bounds) are checked in the service. */
export class CreateReportBody implements CreateReportRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateReportBody) => o.latitude != null || o.longitude != null)
  @IsNumber({}, { message: 'latitude must be a number' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreateReportBody) => o.latitude != null || o.longitude != null)
  @IsNumber({}, { message: 'longitude must be a number' })
  longitude?: number | null;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'categoryId must be a category id' }) categoryId!: string;
  @ApiProperty({ example: '2026-11-20T21:30:00+01:00' }) @IsIsoDateTime({ message: 'occurredAt must be an ISO 8601 date and time' }) occurredAt!: string;
  @ApiProperty({ enum: ASSESSMENTS }) @IsIn(ASSESSMENTS, { message: 'assessment must be low, medium or high' }) assessment!: Assessment;
  @ApiProperty() @IsBoolean({ message: 'policeNotified must be true or false' }) policeNotified!: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean({ message: 'publicPlace must be true or false' }) publicPlace?: boolean | null;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'restricted must be true or false' }) restricted?: boolean;
  @ApiProperty({ maxLength: REPORT_LIMITS.description.max })
  @Transform(trimText)
  @IsString({ message: 'description must be text' })
  @MaxLength(REPORT_LIMITS.description.max, { message: `description must be at most ${REPORT_LIMITS.description.max} characters` })
  description!: string;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() confirmNoPersonalData?: boolean;
}

/** Body of PATCH /api/reports/:id: any of the report's own fields. */
export class UpdateReportBody {
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateReportBody) => o.latitude != null || o.longitude != null)
  @IsNumber({}, { message: 'latitude must be a number' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateReportBody) => o.latitude != null || o.longitude != null)
  @IsNumber({}, { message: 'longitude must be a number' })
  longitude?: number | null;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID('all', { message: 'categoryId must be a category id' }) categoryId?: string;
  @ApiPropertyOptional() @IsOmittable() @IsIsoDateTime({ message: 'occurredAt must be an ISO 8601 date and time' }) occurredAt?: string;
  @ApiPropertyOptional({ enum: ASSESSMENTS }) @IsOmittable() @IsIn(ASSESSMENTS, { message: 'assessment must be low, medium or high' }) assessment?: Assessment;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'policeNotified must be true or false' }) policeNotified?: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsBoolean({ message: 'publicPlace must be true or false' }) publicPlace?: boolean | null;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'restricted must be true or false' }) restricted?: boolean;
  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'description must be text' })
  @MaxLength(REPORT_LIMITS.description.max, { message: `description must be at most ${REPORT_LIMITS.description.max} characters` })
  description?: string;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() confirmNoPersonalData?: boolean;
}

/** Filters of GET /api/reports and GET /api/reports/export.csv. */
export class ReportFilterQuery implements ReportFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'categoryId must be a category id' }) categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'from must be an ISO 8601 date' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'to must be an ISO 8601 date' }) to?: string;
  @ApiPropertyOptional({ enum: TIMES_OF_DAY })
  @IsOptional()
  @IsIn(TIMES_OF_DAY, { message: `timeOfDay must be one of ${TIMES_OF_DAY.join(', ')}` })
  timeOfDay?: TimeOfDay;
  /** `pending`: reports awaiting a coordinator's review whose text the caller may see (own organisation; coordinators: the partnership's). */
  @ApiPropertyOptional({ enum: ['pending'] }) @IsOptional() @IsIn(['pending'], { message: 'review must be pending' }) review?: 'pending';
}

export class ReportListQuery extends ReportFilterQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(100000)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be between 1 and 500' })
  @Max(500, { message: 'pageSize must be between 1 and 500' })
  pageSize?: number;
}

export class SituationPictureQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiPropertyOptional({ example: '2026-W47' }) @IsOptional() @IsString() week?: string;
  /** `reports,walks` (comma-separated): the sources to count; both when missing. */
  @ApiPropertyOptional({ example: 'reports,walks', description: 'Comma-separated sources to count: reports, walks (both by default).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsArray({ message: 'sources must be a comma-separated list of reports, walks' })
  @ArrayNotEmpty({ message: 'sources must name reports and/or walks' })
  @IsIn(PICTURE_SOURCES, { each: true, message: 'sources must be reports and/or walks' })
  sources?: PictureSource[];
}

/**
 * Body of POST /api/reports/:id/redactions: what to remove from the free text – the whole text (`whole`), a part by
 * its offsets in the current text (`start`, `end`, as String.prototype.slice), or every occurrence of `text` – and why.
 */
export class RedactReportBody implements RedactReportRequest {
  @ApiPropertyOptional() @IsOmittable() @IsBoolean({ message: 'whole must be true or false' }) whole?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 2000 })
  @IsOmittable()
  @IsInt({ message: 'start must be a whole number' })
  @Min(0, { message: 'start must be 0 or more' })
  @Max(2000, { message: 'start is after the end of the text' })
  start?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 2000 })
  @IsOmittable()
  @IsInt({ message: 'end must be a whole number' })
  @Min(1, { message: 'end must be 1 or more' })
  @Max(2000, { message: 'end is after the end of the text' })
  end?: number;
  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.redactionText.max })
  @IsOmittable()
  @IsString({ message: 'text must be text' })
  @MaxLength(REPORT_LIMITS.redactionText.max, { message: `text must be at most ${REPORT_LIMITS.redactionText.max} characters` })
  text?: string;
  @ApiProperty({ enum: REDACTION_REASONS })
  @IsIn(REDACTION_REASONS, { message: `reason must be one of ${REDACTION_REASONS.join(', ')}` })
  reason!: RedactionReason;
  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.redactionNote.max })
  @IsOmittable()
  @Transform(trimText)
  @IsString({ message: 'note must be text' })
  @MaxLength(REPORT_LIMITS.redactionNote.max, { message: `note must be at most ${REPORT_LIMITS.redactionNote.max} characters` })
  note?: string;
}

/** Body of POST /api/reports/:id/review: a coordinator confirms that the flagged text may be shared. */
export class ReviewReportBody implements ReviewReportRequest {
  @ApiProperty({ enum: ['confirm'] }) @IsIn(['confirm'], { message: 'decision must be confirm (to remove text, use redactions)' }) decision!: 'confirm';
}

export class SetLevelBody implements SetAreaLevelRequest {
  @ApiProperty({ enum: AREA_LEVELS }) @IsIn(AREA_LEVELS, { message: 'level must be green, yellow or red' }) level!: AreaLevel;
  @ApiProperty({ minLength: REPORT_LIMITS.levelRationale.min, maxLength: REPORT_LIMITS.levelRationale.max })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(REPORT_LIMITS.levelRationale.min, REPORT_LIMITS.levelRationale.max, {
    message: `rationale must be ${REPORT_LIMITS.levelRationale.min}–${REPORT_LIMITS.levelRationale.max} characters`,
  })
  rationale!: string;
}
