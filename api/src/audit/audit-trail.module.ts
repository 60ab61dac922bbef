import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit trail every change appends to inside its own transaction; imported by every feature that changes data. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditTrailModule {}
