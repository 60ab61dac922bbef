import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_OUTCOMES, type CaseOutcome, type EffectRegisterFilters } from '@samverka/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDateTime } from '../common/validation';

/** Filters of GET /api/effects and GET /api/effects/export.csv: the evaluation's area, category, outcome and time. */
export class EffectRegisterQuery implements EffectRegisterFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'categoryId must be a category id' }) categoryId?: string;
  @ApiPropertyOptional({ enum: CASE_OUTCOMES })
  @IsOptional()
  @IsIn(CASE_OUTCOMES, { message: `outcome must be one of ${CASE_OUTCOMES.join(', ')}` })
  outcome?: CaseOutcome;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'from must be an ISO 8601 date' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'to must be an ISO 8601 date' }) to?: string;
}
