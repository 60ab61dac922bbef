import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { SettingsController } from './settings.controller';
import { WorkflowSettingsService } from './settings.service';

/** The installation's workflow settings (`/api/settings/workflow`), read by the workflows with every event. */
@Module({ imports: [AuditTrailModule], controllers: [SettingsController], providers: [WorkflowSettingsService], exports: [WorkflowSettingsService] })
export class SettingsModule {}
