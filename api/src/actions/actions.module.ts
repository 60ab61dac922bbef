import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { CasesModule } from '../cases/cases.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SettingsModule } from '../settings/settings.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';

/** The agreed actions and their workflow; they move their case on, and provide the case its `CaseActions`. */
@Module({
  imports: [AuditTrailModule, CasesModule, IdempotencyModule, NotificationsModule, SettingsModule, WorkflowModule],
  controllers: [ActionsController],
  providers: [ActionsService],
})
export class ActionsModule {}
