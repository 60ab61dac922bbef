import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_LIMITS, CASE_STATES, type CreateCaseRequest } from '@samverka/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS } from '../effects/effect-statistics';
import { IsOmittable, queryBoolean, trimText } from '../common/validation';

export class CreateCaseBody implements CreateCaseRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiProperty()
  @Transform(trimText)
  @IsString()
  @Length(CASE_LIMITS.title.min, CASE_LIMITS.title.max, { message: `title must be ${CASE_LIMITS.title.min}–${CASE_LIMITS.title.max} characters` })
  title!: string;
  @ApiProperty()
  @Transform(trimText)
  @IsString()
  @Length(CASE_LIMITS.description.min, CASE_LIMITS.description.max, {
    message: `description must be ${CASE_LIMITS.description.min}–${CASE_LIMITS.description.max} characters`,
  })
  description!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'reportIds must be report ids' })
  reportIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'placeIds must be place ids' })
  placeIds?: string[];
}

export class CaseListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES, { message: `state must be one of ${CASE_STATES.join(', ')}` }) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(queryBoolean) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
}

const WEEKS_MESSAGE = `weeks must be a whole number from ${MIN_WEEKS} to ${MAX_WEEKS}`;

export class CaseEffectsQuery {
  @ApiPropertyOptional({ minimum: MIN_WEEKS, maximum: MAX_WEEKS, default: DEFAULT_WEEKS })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: WEEKS_MESSAGE })
  @Min(MIN_WEEKS, { message: WEEKS_MESSAGE })
  @Max(MAX_WEEKS, { message: WEEKS_MESSAGE })
  weeks?: number;
}
