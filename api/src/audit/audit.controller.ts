import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto, AuditVerifyDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { AuditQuery } from './audit.dto';
import { AuditReader } from './audit.reader';
import { Answers } from '../openapi/responses';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  /** Whether the hash chain of the whole audit trail is intact. */
  @Get('verify')
  @Roles('admin', 'coordinator', 'analyst')
  @Answers(200, 'AuditVerifyDto')
  verify(): Promise<AuditVerifyDto> {
    return this.reader.verify();
  }

  /** The audit entries of one entity. */
  @Get()
  @SignedIn()
  @Answers(200, 'AuditEntryDto[]')
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery): Promise<AuditEntryDto[]> {
    return this.reader.list(user, q.entityType, q.entityId);
  }
}
