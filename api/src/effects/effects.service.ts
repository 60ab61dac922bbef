import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EffectFigureDto, EffectRegisterEntryDto } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';
import { toCsv } from '../common/csv';
import { swedishDate } from '../common/swedish-time';
import { toEvaluatedEffects } from './case-effects';
import { EffectRegisterQuery } from './effects.dto';
import { caseEffectsRepository } from './effects.repository';

const OUTCOME_SV: Record<string, string> = { effective: 'Effektiv', not_effective: 'Inte effektiv', escalate: 'Eskalerad' };

/**
 * The effect register ("Vad fungerar", issue #16): every evaluated case of the caller's partnerships with the figures
 * frozen at its last evaluation, its actions and categories. Only numbers and the case's own texts: no report detail.
 */
@Injectable()
export class EffectsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async register(user: AuthUser, q: EffectRegisterQuery): Promise<EffectRegisterEntryDto[]> {
    const rows = await caseEffectsRepository.register(this.db, {
      viewerOrg: user.roles.includes('admin') ? null : user.organizationId,
      areaId: q.areaId,
      categoryId: q.categoryId,
      outcome: q.outcome,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    return rows.map((r) => ({
      ...toEvaluatedEffects(r),
      caseId: r.case_id,
      title: r.title,
      areaId: r.area_id,
      areaName: r.area_name,
      categories: r.categories,
      actions: r.actions,
    }));
  }

  /** The register as CSV for Excel (UTF-8 with BOM, `;`), Swedish headers, every text cell through `toCsv`'s formula guard. */
  async exportCsv(user: AuthUser, q: EffectRegisterQuery): Promise<string> {
    const entries = await this.register(user, q);
    const figure = (list: EffectFigureDto[] | undefined, key: EffectFigureDto['key']) => list?.find((f) => f.key === key)?.sv ?? '';
    return toCsv(
      entries.map((e) => {
        const f = e.figures;
        return [
          swedishDate(e.evaluatedAt),
          e.areaName,
          e.title,
          OUTCOME_SV[e.outcome] ?? e.outcome,
          e.categories.map((c) => c.sv).join(', '),
          e.actions.map((a) => `${a.number}. ${a.what} (${a.organizationName})`).join(' | '),
          e.weeks,
          f?.counts.treatment.before ?? '',
          f?.counts.treatment.after ?? '',
          f?.counts.buffer.before ?? '',
          f?.counts.buffer.after ?? '',
          f?.counts.comparison.before ?? '',
          f?.counts.comparison.after ?? '',
          f?.treatmentChange ?? '',
          f?.didRatio ?? '',
          f?.wdq ?? '',
          f ? (f.tooFew ? 'ja' : 'nej') : '',
          figure(f?.figures, 'did'),
          e.methodVersion,
        ];
      }),
      {
        header: true,
        delimiter: ';',
        bom: true,
        columns: [
          'Utvärderad',
          'Område',
          'Ärende',
          'Utfall',
          'Kategorier',
          'Åtgärder',
          'Veckor',
          'Platserna före',
          'Platserna efter',
          'Buffertzon före',
          'Buffertzon efter',
          'Jämförelse före',
          'Jämförelse efter',
          'Förändring på platserna',
          'Skillnad i skillnader (kvot)',
          'Viktad förflyttningskvot',
          'För få för att säga något',
          'Vad det betyder',
          'Metodversion',
        ],
      },
    );
  }
}
