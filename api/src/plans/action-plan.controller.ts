import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDateTime } from '../common/validation';
import type { Response } from 'express';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { ActionPlanService } from './action-plan.service';
import { noStore } from '../common/security';
import { AnswersFile } from '../openapi/responses';

export class ActionPlanQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'areaId must be an area id' }) areaId!: string;
  @ApiProperty({ example: '2026-11-01' }) @IsIsoDateTime({ message: 'from must be a date (YYYY-MM-DD)' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) @IsIsoDateTime({ message: 'to must be a date (YYYY-MM-DD)' }) to!: string;
  @ApiPropertyOptional({ enum: ['sv', 'en'] }) @IsOptional() @IsIn(['sv', 'en'], { message: 'lang must be sv or en' }) lang?: 'sv' | 'en';
}

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
