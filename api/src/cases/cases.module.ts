import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ReportsModule } from '../reports/reports.module';
import { SettingsModule } from '../settings/settings.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { CaseActions } from './case-actions.port';
import { CaseTransitions } from './case-transitions';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/**
 * Cases and the case workflow. Actions and meetings depend on cases (they move a case through `CaseTransitions`);
 * a case reaches its actions only through `CaseActions`, which the actions feature provides.
 */
@Module({
  imports: [AuditTrailModule, IdempotencyModule, ReportsModule, SettingsModule, WorkflowModule],
  controllers: [CasesController],
  providers: [CasesService, CaseTransitions, CaseActions],
  exports: [CaseTransitions, CaseActions],
})
export class CasesModule {}
