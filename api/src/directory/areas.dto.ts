import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIRECTORY_LIMITS, type CreateAreaRequest, type CreatePlaceRequest, type UpdateAreaRequest, type UpdatePlaceRequest } from '@samverka/contracts';
import { ArrayUnique, IsArray, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class CreateAreaBody implements CreateAreaRequest {
  @ApiProperty({ example: 'Norrby' }) @IsString() @Length(DIRECTORY_LIMITS.areaName.min, DIRECTORY_LIMITS.areaName.max) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(DIRECTORY_LIMITS.areaDescription.max) description?: string | null;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'partnerIds must be organisation ids' })
  partnerIds!: string[];
}

export class UpdateAreaBody implements UpdateAreaRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.areaName.min, DIRECTORY_LIMITS.areaName.max) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(DIRECTORY_LIMITS.areaDescription.max) description?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'partnerIds must be organisation ids' })
  partnerIds?: string[];
}

// Coordinates come in pairs: both or neither (null clears them).
export class CreatePlaceBody implements CreatePlaceRequest {
  @ApiProperty({ example: 'Tvättstugan Norrbygatan 4' }) @IsString() @Length(DIRECTORY_LIMITS.placeName.min, DIRECTORY_LIMITS.placeName.max) name!: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLatitude({ message: 'latitude must be a number between -90 and 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: CreatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLongitude({ message: 'longitude must be a number between -180 and 180' })
  longitude?: number | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: "The organisation responsible for the place's physical environment (of the area's partnership)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleOrganizationId must be an organisation id' })
  responsibleOrganizationId?: string | null;
}

export class UpdatePlaceBody implements UpdatePlaceRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.placeName.min, DIRECTORY_LIMITS.placeName.max) name?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLatitude({ message: 'latitude must be a number between -90 and 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLongitude({ message: 'longitude must be a number between -180 and 180' })
  longitude?: number | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: "The organisation responsible for the place's physical environment (of the area's partnership)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleOrganizationId must be an organisation id' })
  responsibleOrganizationId?: string | null;
}
