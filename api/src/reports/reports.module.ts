import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SituationPictureService } from './situation-picture.service';

/** Situation reports, the weekly situational picture and the areas' levels. */
@Module({
  imports: [AuditTrailModule, IdempotencyModule],
  controllers: [ReportsController],
  providers: [ReportsService, SituationPictureService],
  exports: [ReportsService, SituationPictureService],
})
export class ReportsModule {}
