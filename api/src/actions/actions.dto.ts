import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_STATES } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDateTime, queryBoolean } from '../common/validation';

export class ActionListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'organizationId must be an organisation id' }) organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string;
  @ApiPropertyOptional({ enum: ACTION_STATES })
  @IsOptional()
  @IsIn(ACTION_STATES, { message: `state must be one of ${ACTION_STATES.join(', ')}` })
  state?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(queryBoolean) @IsIn([true, false], { message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime({ message: 'dueBefore must be a date (YYYY-MM-DD)' }) dueBefore?: string;
}
