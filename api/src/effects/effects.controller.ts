import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EffectRegisterEntryDto } from '@samverka/contracts';
import type { Response } from 'express';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { noStore } from '../common/security';
import { Answers, AnswersFile } from '../openapi/responses';
import { EffectRegisterQuery } from './effects.dto';
import { EffectsService } from './effects.service';

@ApiTags('effects')
@Controller()
export class EffectsController {
  constructor(private readonly effects: EffectsService) {}

  /** The effect register ("Vad fungerar"): every evaluated case of the caller's partnerships, its frozen figures, actions and categories. */
  @Get('effects')
  @SignedIn()
  @Answers(200, 'EffectRegisterEntryDto[]')
  list(@CurrentUser() user: AuthUser, @Query() q: EffectRegisterQuery): Promise<EffectRegisterEntryDto[]> {
    return this.effects.register(user, q);
  }

  /** The filtered register as CSV (UTF-8 with BOM and `;`, so Excel opens it with å, ä, ö). */
  @Get('effects/export.csv')
  @SignedIn()
  @AnswersFile('text/csv', 'UTF-8 with BOM, `;`-separated')
  async export(@CurrentUser() user: AuthUser, @Query() q: EffectRegisterQuery, @Res() res: Response): Promise<void> {
    const csv = await this.effects.exportCsv(user, q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    noStore(res);
    res.setHeader('Content-Disposition', 'attachment; filename="vad-fungerar.csv"');
    res.send(csv);
  }
}
