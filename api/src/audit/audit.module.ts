import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { AuditController } from './audit.controller';
import { AuditReader } from './audit.reader';
import { AuditTrailModule } from './audit-trail.module';

/** Reading the audit trail (GET /api/audit): it applies the reports' and meetings' visibility rules, so it depends on reports. */
@Module({ imports: [AuditTrailModule, ReportsModule], controllers: [AuditController], providers: [AuditReader] })
export class AuditModule {}
