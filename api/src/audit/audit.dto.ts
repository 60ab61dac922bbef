import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

const ENTITY_TYPES = ['case', 'action', 'report', 'area_level', 'meeting', 'user', 'organization', 'area', 'place', 'category', 'import'] as const;

export class AuditQuery {
  @ApiProperty({ enum: ENTITY_TYPES }) @IsIn(ENTITY_TYPES, { message: `entityType must be one of ${ENTITY_TYPES.join(', ')}` }) entityType!: string;
  @ApiProperty() @IsString() @Length(1, 100, { message: 'entityId is required' }) entityId!: string;
}
