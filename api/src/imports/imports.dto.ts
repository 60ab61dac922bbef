import { ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES, type ImportMode, type ImportRequest } from '@samverka/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ImportBody implements ImportRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Area for rows without an area column' })
  @IsOptional() @IsUUID('all', { message: 'areaId must be an area id' }) areaId?: string;
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all_or_nothing' })
  @IsOptional() @IsIn(IMPORT_MODES, { message: 'mode must be all_or_nothing or valid_only' }) mode?: ImportMode;
}
