import type { CaseOutcome } from './cases';

/** Before/after effect figures of a case (issue #16): counts, ratios and a sentence each, in Swedish and English. */

export interface EffectBeforeAfterDto {
  before: number;
  after: number;
}

export interface EffectFigureDto {
  /** treatment: change in the case's places; did: difference-in-differences ratio; wdq: weighted displacement quotient. */
  key: 'treatment' | 'did' | 'wdq';
  /** Null where it cannot be computed. */
  value: number | null;
  /** Counts too small to say anything; the sentences then end in a warning. */
  tooFew: boolean;
  sv: string;
  en: string;
}

export interface EffectFiguresDto {
  methodVersion: number;
  weeks: number;
  /** The windows, ISO instants: from inclusive, to exclusive. */
  before: { from: string; to: string };
  after: { from: string; to: string };
  counts: { treatment: EffectBeforeAfterDto; buffer: EffectBeforeAfterDto; comparison: EffectBeforeAfterDto };
  treatmentChange: number | null;
  didRatio: number | null;
  wdq: number | null;
  tooFew: boolean;
  figures: EffectFigureDto[];
}

export interface CaseEffectsDto {
  caseId: string;
  /** Null until one of the case's actions has been started and one done. */
  figures: EffectFiguresDto | null;
}

/** The figures stored with an evaluation (EVALUATE), frozen: they never change afterwards, even when reports are added. */
export interface EvaluatedEffectsDto {
  evaluatedAt: string;
  outcome: CaseOutcome;
  methodVersion: number;
  weeks: number;
  /** Null when none could be computed at the evaluation (no action had been started and done). */
  figures: EffectFiguresDto | null;
}

/** One evaluated case in the effect register ("Vad fungerar"): its last evaluation, frozen figures, actions and categories. */
export interface EffectRegisterEntryDto extends EvaluatedEffectsDto {
  caseId: string;
  title: string;
  areaId: string;
  areaName: string;
  categories: { id: string; sv: string; en: string }[];
  actions: { number: number; what: string; organizationName: string; state: string }[];
}

/** The filters of `GET /api/effects` and its CSV (query parameters; all optional). from (inclusive) / to (exclusive): ISO 8601 instants of the evaluation. */
export interface EffectRegisterFilters {
  areaId?: string;
  categoryId?: string;
  outcome?: CaseOutcome;
  from?: string;
  to?: string;
}
