import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { ReportsModule } from '../reports/reports.module';
import { ActionPlanController } from './action-plan.controller';
import { ActionPlanService } from './action-plan.service';
import { MeetingDocumentsController } from './meeting-documents.controller';

/** The joint action plan and the minutes as PDFs; provides meetings the plan's fingerprint (`MeetingPlans`). */
@Module({ imports: [MeetingsModule, ReportsModule], controllers: [ActionPlanController, MeetingDocumentsController], providers: [ActionPlanService] })
export class PlansModule {}
