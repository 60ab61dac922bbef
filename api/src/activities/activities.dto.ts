import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_LIMITS,
  ACTIVITY_MAX_CASES,
  ACTIVITY_MAX_PLACES,
  ISO_WEEKDAYS,
  type ActivityRequest,
  type IsoWeekday,
  type UpdateActivityRequest,
} from '@samverka/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsOmittable, trimText } from '../common/validation';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Present and not null (null clears an optional field). */
const given = (_o: object, v: unknown) => v !== undefined && v !== null;

export class ActivityBody implements ActivityRequest {
  @ApiProperty() @Transform(trimText) @IsString() @Length(ACTIVITY_LIMITS.title.min, ACTIVITY_LIMITS.title.max) title!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @Transform(trimText)
  @IsString()
  @Length(ACTIVITY_LIMITS.description.min, ACTIVITY_LIMITS.description.max)
  description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @Transform(trimText)
  @IsString()
  @Length(ACTIVITY_LIMITS.targetGroup.min, ACTIVITY_LIMITS.targetGroup.max)
  targetGroup?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ACTIVITY_MAX_PLACES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'placeIds must be UUIDs' })
  placeIds?: string[];
  @ApiProperty({ example: '2026-09-01' }) @IsString() @Matches(DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' }) startsOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2027-06-30' })
  @ValidateIf(given)
  @IsString()
  @Matches(DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  endsOn?: string | null;
  @ApiPropertyOptional({ type: [Number], enum: ISO_WEEKDAYS, description: 'ISO weekdays, 1 = Monday' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Type(() => Number)
  @IsInt({ each: true, message: 'weekdays must be whole numbers 1–7' })
  @IsIn(ISO_WEEKDAYS, { each: true, message: 'weekdays must be 1 (Monday) to 7 (Sunday)' })
  weekdays?: IsoWeekday[];
  @ApiPropertyOptional({ nullable: true, type: String, example: '22:00' })
  @ValidateIf(given)
  @IsString()
  @Matches(TIME, { message: 'startTime must be a time HH:MM' })
  startTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '02:00' })
  @ValidateIf(given)
  @IsString()
  @Matches(TIME, { message: 'endTime must be a time HH:MM' })
  endTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf(given)
  @IsUUID('all', { message: 'contactOrganizationId must be a UUID' })
  contactOrganizationId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @IsString()
  @Matches(DATE, { message: 'fundingEndsOn must be a date (YYYY-MM-DD)' })
  fundingEndsOn?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ACTIVITY_MAX_CASES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'caseIds must be UUIDs' })
  caseIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confirmNoPersonalData?: boolean;
}

export class UpdateActivityBody implements UpdateActivityRequest {
  @ApiProperty() @Type(() => Number) @IsInt({ message: 'version must be a whole number' }) @Min(1) version!: number;
  @ApiPropertyOptional() @IsOmittable() @Transform(trimText) @IsString() @Length(ACTIVITY_LIMITS.title.min, ACTIVITY_LIMITS.title.max) title?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @Transform(trimText)
  @IsString()
  @Length(ACTIVITY_LIMITS.description.min, ACTIVITY_LIMITS.description.max)
  description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @Transform(trimText)
  @IsString()
  @Length(ACTIVITY_LIMITS.targetGroup.min, ACTIVITY_LIMITS.targetGroup.max)
  targetGroup?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(ACTIVITY_MAX_PLACES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'placeIds must be UUIDs' })
  placeIds?: string[];
  @ApiPropertyOptional() @IsOmittable() @IsString() @Matches(DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' }) startsOn?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @IsString()
  @Matches(DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  endsOn?: string | null;
  @ApiPropertyOptional({ type: [Number], enum: ISO_WEEKDAYS })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @Type(() => Number)
  @IsInt({ each: true, message: 'weekdays must be whole numbers 1–7' })
  @IsIn(ISO_WEEKDAYS, { each: true, message: 'weekdays must be 1 (Monday) to 7 (Sunday)' })
  weekdays?: IsoWeekday[];
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @IsString()
  @Matches(TIME, { message: 'startTime must be a time HH:MM' })
  startTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @IsString()
  @Matches(TIME, { message: 'endTime must be a time HH:MM' })
  endTime?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf(given)
  @IsUUID('all', { message: 'contactOrganizationId must be a UUID' })
  contactOrganizationId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @ValidateIf(given)
  @IsString()
  @Matches(DATE, { message: 'fundingEndsOn must be a date (YYYY-MM-DD)' })
  fundingEndsOn?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(ACTIVITY_MAX_CASES)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'caseIds must be UUIDs' })
  caseIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confirmNoPersonalData?: boolean;
}

export class ActivityGapsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 52, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'weeks must be a whole number' })
  @Min(1, { message: 'weeks must be 1–52' })
  @Max(52, { message: 'weeks must be 1–52' })
  weeks?: number;
}
