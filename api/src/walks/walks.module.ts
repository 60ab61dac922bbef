import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { CasesModule } from '../cases/cases.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SettingsModule } from '../settings/settings.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ChecklistsController, ChecklistsService } from './checklists';
import { PgPhotoStorage, PhotoProcessor, PhotoStorage } from './photos';
import { WalkDocuments } from './walk-documents';
import { WalkDocumentsController, WalksController } from './walks.controller';
import { WalksService } from './walks.service';

/**
 * Safety walks (trygghetsvandringar) and their checklists. Depend on cases: a walk's findings become the actions of
 * its case through `CaseTransitions`. Photos are kept by `PhotoStorage` (PostgreSQL by default).
 */
@Module({
  imports: [AuditTrailModule, CasesModule, IdempotencyModule, SettingsModule, WorkflowModule],
  controllers: [WalksController, WalkDocumentsController, ChecklistsController],
  providers: [WalksService, WalkDocuments, ChecklistsService, PhotoProcessor, { provide: PhotoStorage, useClass: PgPhotoStorage }],
  exports: [WalksService],
})
export class WalksModule {}
