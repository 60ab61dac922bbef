import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ReportsModule } from '../reports/reports.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** The streamed CSV import of incidents into reports. */
@Module({ imports: [AuditTrailModule, IdempotencyModule, ReportsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
