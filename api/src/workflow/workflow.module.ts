import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { WorkflowEvents } from './workflow-events';

/** `WorkflowEvents`: the one way an event of the case, action or meeting machine is applied. */
@Module({ imports: [AuditTrailModule], providers: [WorkflowEvents], exports: [WorkflowEvents] })
export class WorkflowModule {}
