import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { CasesModule } from '../cases/cases.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SettingsModule } from '../settings/settings.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { MeetingEventsService } from './meeting-events.service';
import { MeetingPlans } from './meeting-plans.port';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/** Meetings, their agenda, decisions (sent to the cases) and minutes, with live updates; the plans feature provides `MeetingPlans`. */
@Module({
  imports: [AuditTrailModule, CasesModule, IdempotencyModule, SettingsModule, WorkflowModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingEventsService, MeetingPlans],
  exports: [MeetingsService, MeetingPlans],
})
export class MeetingsModule {}
