import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';

/** "Vem gör vad": the register of the partners' activities and projects per area, with its gap overlay. */
@Module({
  imports: [AuditTrailModule, IdempotencyModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService],
})
export class ActivitiesModule {}
