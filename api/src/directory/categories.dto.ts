import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIRECTORY_LIMITS, type CreateCategoryRequest, type UpdateCategoryRequest } from '@samverka/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class CreateCategoryBody implements CreateCategoryRequest {
  @ApiProperty({ example: 'skadegorelse' })
  @Matches(new RegExp(`^[a-z0-9_]{${DIRECTORY_LIMITS.categoryCode.min},${DIRECTORY_LIMITS.categoryCode.max}}$`), {
    message: `code must be ${DIRECTORY_LIMITS.categoryCode.min}–${DIRECTORY_LIMITS.categoryCode.max} lower-case letters, digits or underscores`,
  })
  code!: string;
  @ApiProperty({ example: 'Skadegörelse' }) @IsString() @Length(DIRECTORY_LIMITS.categoryLabel.min, DIRECTORY_LIMITS.categoryLabel.max) labelSv!: string;
  @ApiProperty({ example: 'Vandalism' }) @IsString() @Length(DIRECTORY_LIMITS.categoryLabel.min, DIRECTORY_LIMITS.categoryLabel.max) labelEn!: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
}

export class UpdateCategoryBody implements UpdateCategoryRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.categoryLabel.min, DIRECTORY_LIMITS.categoryLabel.max) labelSv?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.categoryLabel.min, DIRECTORY_LIMITS.categoryLabel.max) labelEn?: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(0) @Max(10000) sortOrder?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
}

export class ListCategoriesQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) includeInactive?: 'true' | 'false';
}
