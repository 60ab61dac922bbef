import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { noStore } from '../common/security';
import { AnswersFile } from '../openapi/responses';
import { ActionPlanService } from './action-plan.service';
import { ActionPlanQuery } from './plans.dto';

@ApiTags('plans')
@Controller()
export class ActionPlanController {
  constructor(private readonly plans: ActionPlanService) {}

  /** The current joint action plan of an area for a period, as a PDF (Swedish by default). */
  @Get('action-plan.pdf')
  @SignedIn()
  @ApiProduces('application/pdf')
  @AnswersFile('application/pdf', 'The joint action plan (X-Document-Fingerprint: its SHA-256)')
  async areaPlan(@CurrentUser() user: AuthUser, @Query() q: ActionPlanQuery, @Res() res: Response): Promise<void> {
    const { pdf, fingerprint } = await this.plans.areaPlan(user, q.areaId, q.from.slice(0, 10), q.to.slice(0, 10), q.lang ?? 'sv');
    res.setHeader('Content-Type', 'application/pdf');
    noStore(res);
    res.setHeader('Content-Disposition', `inline; filename="handlingsplan-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}.pdf"`);
    res.setHeader('X-Document-Fingerprint', fingerprint);
    res.send(pdf);
  }
}
