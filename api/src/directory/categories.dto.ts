import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class CreateCategoryBody {
  @ApiProperty({ example: 'skadegorelse' })
  @Matches(/^[a-z0-9_]{2,40}$/, { message: 'code must be 2–40 lower-case letters, digits or underscores' })
  code!: string;
  @ApiProperty({ example: 'Skadegörelse' }) @IsString() @Length(2, 80) labelSv!: string;
  @ApiProperty({ example: 'Vandalism' }) @IsString() @Length(2, 80) labelEn!: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
}

export class UpdateCategoryBody {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(2, 80) labelSv?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(2, 80) labelEn?: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
}

export class ListCategoriesQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) includeInactive?: 'true' | 'false';
}
