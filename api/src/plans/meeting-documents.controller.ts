import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { noStore } from '../common/security';
import { uuidParam } from '../common/validation';
import { MeetingsService } from '../meetings/meetings.service';
import { AnswersFile } from '../openapi/responses';
import { ActionPlanService } from './action-plan.service';
import { LangQuery } from './plans.dto';

/** A meeting's documents: the joint action plan it decided and its minutes, as PDFs (participating organisations only). */
@ApiTags('meetings')
@Controller('meetings')
export class MeetingDocumentsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly plans: ActionPlanService,
  ) {}

  @Get(':id/action-plan.pdf')
  @SignedIn()
  @AnswersFile('application/pdf', 'The action plan the meeting decided (X-Document-Fingerprint: its SHA-256)')
  async plan(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() q: LangQuery, @Res() res: Response): Promise<void> {
    const m = await this.meetings.forDocuments(user, id);
    const { pdf, fingerprint } = await this.plans.meetingPlan(user, m, q.lang ?? 'sv');
    res.setHeader('Content-Type', 'application/pdf');
    noStore(res);
    res.setHeader('Content-Disposition', `inline; filename="handlingsplan-${m.startsAt.toISOString().slice(0, 10)}-v${m.revision}.pdf"`);
    res.setHeader('X-Document-Fingerprint', fingerprint);
    res.send(pdf);
  }

  @Get(':id/minutes.pdf')
  @SignedIn()
  @AnswersFile('application/pdf', 'The minutes (X-Document-Fingerprint: its SHA-256)')
  async minutes(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() q: LangQuery, @Res() res: Response): Promise<void> {
    const m = await this.meetings.forDocuments(user, id);
    const { pdf, fingerprint } = await this.plans.minutes(user, m, q.lang ?? 'sv');
    res.setHeader('Content-Type', 'application/pdf');
    noStore(res);
    res.setHeader('Content-Disposition', `inline; filename="protokoll-${m.startsAt.toISOString().slice(0, 10)}-v${m.revision}.pdf"`);
    res.setHeader('X-Document-Fingerprint', fingerprint);
    res.send(pdf);
  }
}
