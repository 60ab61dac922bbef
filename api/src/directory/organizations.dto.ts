import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DIRECTORY_LIMITS,
  ORGANIZATION_TYPES,
  type CreateOrganizationRequest,
  type OrganizationType,
  type UpdateOrganizationRequest,
} from '@samverka/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class CreateOrganizationBody implements CreateOrganizationRequest {
  @ApiProperty({ example: 'Exempelstad kommun' })
  @IsString()
  @Length(DIRECTORY_LIMITS.organizationName.min, DIRECTORY_LIMITS.organizationName.max)
  name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) @IsIn(ORGANIZATION_TYPES) type!: OrganizationType;
}

export class UpdateOrganizationBody implements UpdateOrganizationRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.organizationName.min, DIRECTORY_LIMITS.organizationName.max) name?: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_TYPES }) @IsOmittable() @IsIn(ORGANIZATION_TYPES) type?: OrganizationType;
}
