import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDateTime } from '../common/validation';

export class ActionPlanQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiProperty({ example: '2026-11-01' }) @IsIsoDateTime({ message: 'from must be a date (YYYY-MM-DD)' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) @IsIsoDateTime({ message: 'to must be a date (YYYY-MM-DD)' }) to!: string;
  @ApiPropertyOptional({ enum: ['sv', 'en'] }) @IsOptional() @IsIn(['sv', 'en'], { message: 'lang must be sv or en' }) lang?: 'sv' | 'en';
}

export class LangQuery {
  @ApiPropertyOptional({ enum: ['sv', 'en'] }) @IsOptional() @IsIn(['sv', 'en'], { message: 'lang must be sv or en' }) lang?: 'sv' | 'en';
}
