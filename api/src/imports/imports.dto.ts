import { ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES, type ImportMode, type ImportRequest } from '@samverka/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class ImportBody implements ImportRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Area for rows without an area column' })
  @IsOptional()
  @IsUUID('all', { message: 'areaId must be an area id' })
  areaId?: string;
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'all_or_nothing' })
  @IsOptional()
  @IsIn(IMPORT_MODES, { message: 'mode must be all_or_nothing or valid_only' })
  mode?: ImportMode;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The organisation whose export the file is (default: the caller's); a coordinator may name another organisation of the area's partnership",
  })
  @IsOptional()
  @IsUUID('all', { message: 'sourceOrganizationId must be an organisation id' })
  sourceOrganizationId?: string;
}
