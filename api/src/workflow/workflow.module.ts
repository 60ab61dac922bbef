import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { SettingsModule } from '../settings/settings.module';
import { WorkflowEvents } from './workflow-events';

/** `WorkflowEvents`: the one way an event of the case, action or meeting machine is applied. */
@Module({ imports: [AuditTrailModule, SettingsModule], providers: [WorkflowEvents], exports: [WorkflowEvents] })
export class WorkflowModule {}
