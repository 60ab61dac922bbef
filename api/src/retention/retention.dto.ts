import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';

export class SetRetentionScheduleBody {
  @ApiProperty({ description: 'five-field cron expression in Swedish time (Europe/Stockholm), e.g. "15 3 * * *"', maxLength: 100, example: '15 3 * * *' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value))
  @IsString({ message: 'cron must be a cron expression with five fields, e.g. "15 3 * * *"' })
  @MaxLength(100, { message: 'cron must be at most 100 characters' })
  cron!: string;
}
