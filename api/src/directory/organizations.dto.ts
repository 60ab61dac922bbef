import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_TYPES, type OrganizationType } from '@samverka/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { IsOmittable } from '../common/validation';

export class CreateOrganizationBody {
  @ApiProperty({ example: 'Exempelstad kommun' }) @IsString() @Length(2, 200) name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) @IsIn(ORGANIZATION_TYPES) type!: OrganizationType;
}

export class UpdateOrganizationBody {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(2, 200) name?: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_TYPES }) @IsOmittable() @IsIn(ORGANIZATION_TYPES) type?: OrganizationType;
}
