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
