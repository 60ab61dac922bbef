import type { CaseOutcome, EffectFiguresDto, EvaluatedEffectsDto } from '@samverka/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { invalid } from '../common/errors';
import { DEFAULT_WEEKS, EFFECT_METHOD_VERSION, effectFigures, effectWindows, MAX_WEEKS, MIN_WEEKS } from './effect-statistics';
import { CaseEffectRow, caseEffectsRepository, effectCaseRepository, effectsRepository } from './effects.repository';

type Db = DataSource | EntityManager;

/**
 * The case's before/after figures over `weeks` weeks, computed now from every report of the area (restricted reports
 * count, only numbers leave), with the categories of its scope. Null figures until an action has been started and one done.
 */
export async function computeCaseEffects(
  db: Db,
  caseId: string,
  weeks: number = DEFAULT_WEEKS,
): Promise<{ figures: EffectFiguresDto | null; categoryIds: string[] }> {
  const span = await effectCaseRepository.actionSpan(db, caseId);
  const scope = await effectCaseRepository.scope(db, caseId);
  if (!scope) return { figures: null, categoryIds: [] };
  if (!span.first_started || !span.last_done) return { figures: null, categoryIds: scope.categoryIds };
  const started = new Date(span.first_started);
  const done = new Date(span.last_done);
  if (done < started) return { figures: null, categoryIds: scope.categoryIds };
  const w = effectWindows(started, done, weeks);
  const f = effectFigures(await effectsRepository.counts(db, scope, w));
  const iso = (x: { from: Date; to: Date }) => ({ from: x.from.toISOString(), to: x.to.toISOString() });
  return { figures: { ...f, weeks: w.weeks, before: iso(w.before), after: iso(w.after) }, categoryIds: scope.categoryIds };
}

/** EVALUATE's `effectWeeks`: absent for the default, else a whole number of weeks in the method's range (422 naming the field). */
export function evaluationWeeks(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_WEEKS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_WEEKS || value > MAX_WEEKS)
    throw invalid('effectWeeks', `effectWeeks must be a whole number from ${MIN_WEEKS} to ${MAX_WEEKS}`);
  return value;
}

/** Freezes the figures of an evaluation (case version `version`) in the caller's transaction: computed once, never updated. */
export async function freezeEvaluationEffects(m: EntityManager, caseId: string, version: number, outcome: CaseOutcome, weeks: number): Promise<void> {
  const { figures, categoryIds } = await computeCaseEffects(m, caseId, weeks);
  await caseEffectsRepository.insert(m, {
    case_id: caseId,
    case_version: version,
    outcome,
    method_version: figures?.methodVersion ?? EFFECT_METHOD_VERSION,
    weeks,
    category_ids: categoryIds,
    figures,
  });
}

/** A stored evaluation as the API returns it. */
export function toEvaluatedEffects(row: CaseEffectRow): EvaluatedEffectsDto {
  return {
    evaluatedAt: new Date(row.evaluated_at).toISOString(),
    outcome: row.outcome as CaseOutcome,
    methodVersion: row.method_version,
    weeks: row.weeks,
    figures: row.figures,
  };
}
