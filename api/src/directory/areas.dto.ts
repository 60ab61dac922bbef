import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class CreateAreaBody {
  @ApiProperty({ example: 'Norrby' }) @IsString() @Length(2, 120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true, message: 'partnerIds must be organisation ids' })
  partnerIds!: string[];
}

export class UpdateAreaBody {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(2, 120) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable() @IsArray() @ArrayUnique() @IsUUID('all', { each: true, message: 'partnerIds must be organisation ids' })
  partnerIds?: string[];
}

// Coordinates come in pairs: both or neither (null clears them).
export class CreatePlaceBody {
  @ApiProperty({ example: 'Tvättstugan Norrbygatan 4' }) @IsString() @Length(1, 160) name!: string;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((o: CreatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLatitude({ message: 'latitude must be a number between -90 and 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((o: CreatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLongitude({ message: 'longitude must be a number between -180 and 180' })
  longitude?: number | null;
}

export class UpdatePlaceBody {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(1, 160) name?: string;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((o: UpdatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLatitude({ message: 'latitude must be a number between -90 and 90' })
  latitude?: number | null;
  @ApiPropertyOptional({ nullable: true }) @ValidateIf((o: UpdatePlaceBody) => o.latitude != null || o.longitude != null)
  @IsLongitude({ message: 'longitude must be a number between -180 and 180' })
  longitude?: number | null;
}
