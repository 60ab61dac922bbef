/**
 * Before/after effect figures for an evaluated case (issue #16, part 1), pure and free of the database.
 *
 * - Windows: N weeks (default 8, 4–26) before the first action started and N weeks after the last was done.
 * - Treatment: the case's places (or within a radius of its points) and categories. Comparison: the rest of the area,
 *   same categories, treatment and buffer excluded.
 * - Difference-in-differences ratio: (after_t / before_t) / (after_c / before_c); below 1 means the case's places
 *   fell relative to the rest of the area.
 * - Weighted displacement quotient (Bowers & Johnson 2003): WDQ = (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb), with R the
 *   treatment, D the buffer and C the comparison. The buffer is a ring from 100 m to 300 m around the case's points
 *   (BUFFER_INNER_M–BUFFER_OUTER_M): 100 m keeps the places themselves (a stairwell, a square) out of the ring; 300 m is
 *   the short walk within which the literature finds most displacement, while staying inside a typical EST area.
 *   Meaningful only when the treatment improved relative to the comparison (success measure below zero).
 * - Counts below MIN_BEFORE_COUNT before the actions are flagged: too few to say anything.
 */
export const EFFECT_METHOD_VERSION = 1;
export const DEFAULT_WEEKS = 8;
export const MIN_WEEKS = 4;
export const MAX_WEEKS = 26;
export const MIN_BEFORE_COUNT = 10;
export const BUFFER_INNER_M = 100;
export const BUFFER_OUTER_M = 300;

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface EffectWindow {
  /** Inclusive start, exclusive end. */
  from: Date;
  to: Date;
}

export interface EffectWindows {
  weeks: number;
  before: EffectWindow;
  after: EffectWindow;
}

/** The before window ends where the first action started; the after window begins where the last one was done. */
export function effectWindows(firstStarted: Date, lastDone: Date, weeks: number = DEFAULT_WEEKS): EffectWindows {
  if (!Number.isInteger(weeks) || weeks < MIN_WEEKS || weeks > MAX_WEEKS) throw new RangeError(`weeks must be an integer from ${MIN_WEEKS} to ${MAX_WEEKS}`);
  if (lastDone.getTime() < firstStarted.getTime()) throw new RangeError('the last action was done before the first started');
  return {
    weeks,
    before: { from: new Date(firstStarted.getTime() - weeks * WEEK_MS), to: firstStarted },
    after: { from: lastDone, to: new Date(lastDone.getTime() + weeks * WEEK_MS) },
  };
}

export interface BeforeAfter {
  before: number;
  after: number;
}

export interface EffectCounts {
  treatment: BeforeAfter;
  comparison: BeforeAfter;
  buffer: BeforeAfter;
}

export type FigureKey = 'treatment' | 'did' | 'wdq';

export interface EffectFigure {
  key: FigureKey;
  /** Null where it cannot be computed (a zero denominator). */
  value: number | null;
  /** Counts too small to say anything. */
  tooFew: boolean;
  sv: string;
  en: string;
}

export interface EffectFigures {
  methodVersion: number;
  counts: EffectCounts;
  treatmentChange: number | null;
  didRatio: number | null;
  wdq: number | null;
  tooFew: boolean;
  figures: EffectFigure[];
}

/** Relative change after/before − 1 (e.g. −0.25 = 25 % fewer). */
export function relativeChange({ before, after }: BeforeAfter): number | null {
  return before === 0 ? null : after / before - 1;
}

/** (after_t/before_t) / (after_c/before_c); null when any of before_t, before_c, after_c is zero. */
export function didRatio(t: BeforeAfter, c: BeforeAfter): number | null {
  if (t.before === 0 || c.before === 0 || c.after === 0) return null;
  return t.after / t.before / (c.after / c.before);
}

/** Bowers & Johnson (2003): (Da/Ca − Db/Cb) / (Ra/Ca − Rb/Cb); null when a comparison count is zero or the treatment did not change relative to it. */
export function weightedDisplacementQuotient(r: BeforeAfter, d: BeforeAfter, c: BeforeAfter): number | null {
  if (c.before === 0 || c.after === 0) return null;
  const success = r.after / c.after - r.before / c.before;
  if (success === 0) return null;
  const displacement = d.after / c.after - d.before / c.before;
  return displacement / success;
}

const pct = (x: number) => `${Math.round(Math.abs(x) * 100)} %`;
const num = (x: number) => (Math.round(x * 100) / 100).toFixed(2);
const numSv = (x: number) => num(x).replace('.', ',');

function treatmentFigure(t: BeforeAfter, tooFew: boolean): EffectFigure {
  const change = relativeChange(t);
  const counts = { sv: `${t.before} rapporter före, ${t.after} efter`, en: `${t.before} reports before, ${t.after} after` };
  let sv: string;
  let en: string;
  if (change === null) {
    sv = `${counts.sv}: inga rapporter före, ingen förändring kan räknas ut.`;
    en = `${counts.en}: no reports before, no change can be computed.`;
  } else if (change === 0) {
    sv = `${counts.sv}: lika många efter insatserna som före.`;
    en = `${counts.en}: as many after the actions as before.`;
  } else {
    sv = `${counts.sv}: ${pct(change)} ${change < 0 ? 'färre' : 'fler'} i ärendets platser efter insatserna.`;
    en = `${counts.en}: ${pct(change)} ${change < 0 ? 'fewer' : 'more'} in the case's places after the actions.`;
  }
  return { key: 'treatment', value: change, tooFew, ...withWarning(sv, en, tooFew) };
}

function didFigure(value: number | null, tooFew: boolean): EffectFigure {
  let sv: string;
  let en: string;
  if (value === null) {
    sv = 'Jämförelsen med resten av området kan inte räknas ut (inga rapporter i en av perioderna).';
    en = 'The comparison with the rest of the area cannot be computed (no reports in one of the periods).';
  } else if (value < 1) {
    sv = `Kvot ${numSv(value)}: ärendets platser minskade ${pct(1 - value)} mer än resten av området (under 1 talar för effekt).`;
    en = `Ratio ${num(value)}: the case's places fell ${pct(1 - value)} more than the rest of the area (below 1 suggests an effect).`;
  } else if (value > 1) {
    sv = `Kvot ${numSv(value)}: ärendets platser ökade ${pct(value - 1)} mer än resten av området (över 1 talar emot effekt).`;
    en = `Ratio ${num(value)}: the case's places rose ${pct(value - 1)} more than the rest of the area (above 1 speaks against an effect).`;
  } else {
    sv = 'Kvot 1,00: ärendets platser förändrades som resten av området.';
    en = "Ratio 1.00: the case's places changed like the rest of the area.";
  }
  return { key: 'did', value, tooFew, ...withWarning(sv, en, tooFew) };
}

function wdqFigure(value: number | null, success: boolean, tooFew: boolean): EffectFigure {
  let sv: string;
  let en: string;
  if (value === null || !success) {
    sv = 'Förflyttning bedöms inte: ärendets platser minskade inte jämfört med resten av området.';
    en = "Displacement is not assessed: the case's places did not fall relative to the rest of the area.";
  } else if (value > 0) {
    sv = `WDQ ${numSv(value)}: även zonen 100–300 m runt platserna minskade – effekten spred sig snarare än flyttade.`;
    en = `WDQ ${num(value)}: the zone 100–300 m around the places fell too – the benefit spread rather than moved.`;
  } else if (value === 0) {
    sv = 'WDQ 0,00: zonen 100–300 m runt platserna förändrades som resten av området – ingen förflyttning syns.';
    en = 'WDQ 0.00: the zone 100–300 m around the places changed like the rest of the area – no displacement seen.';
  } else if (value >= -1) {
    sv = `WDQ ${numSv(value)}: en del flyttade till zonen 100–300 m runt platserna, men mindre än vad som minskade i dem.`;
    en = `WDQ ${num(value)}: some moved to the zone 100–300 m around the places, but less than the fall in them.`;
  } else {
    sv = `WDQ ${numSv(value)}: mer flyttade till zonen 100–300 m runt platserna än vad som minskade i dem.`;
    en = `WDQ ${num(value)}: more moved to the zone 100–300 m around the places than fell in them.`;
  }
  return { key: 'wdq', value: success ? value : null, tooFew, ...withWarning(sv, en, tooFew) };
}

function withWarning(sv: string, en: string, tooFew: boolean): { sv: string; en: string } {
  if (!tooFew) return { sv, en };
  return {
    sv: `${sv} Varning: för få rapporter (under ${MIN_BEFORE_COUNT} före) för att säga något säkert.`,
    en: `${en} Warning: too few reports (under ${MIN_BEFORE_COUNT} before) to say anything with confidence.`,
  };
}

/** All figures, each with its sentence, from the six (treatment, buffer, comparison × before, after) counts. */
export function effectFigures(counts: EffectCounts): EffectFigures {
  for (const [zone, ba] of Object.entries(counts) as [string, BeforeAfter][]) {
    for (const n of [ba.before, ba.after]) if (!Number.isInteger(n) || n < 0) throw new RangeError(`${zone} counts must be non-negative integers`);
  }
  const { treatment, comparison, buffer } = counts;
  const tooFewT = treatment.before < MIN_BEFORE_COUNT;
  const tooFewC = tooFewT || comparison.before < MIN_BEFORE_COUNT;
  const tooFewB = tooFewC || buffer.before < MIN_BEFORE_COUNT;
  const change = relativeChange(treatment);
  const did = didRatio(treatment, comparison);
  const wdq = weightedDisplacementQuotient(treatment, buffer, comparison);
  const success = comparison.before > 0 && comparison.after > 0 && treatment.after / comparison.after - treatment.before / comparison.before < 0;
  const figures = [treatmentFigure(treatment, tooFewT), didFigure(did, tooFewC), wdqFigure(wdq, success, tooFewB)];
  return {
    methodVersion: EFFECT_METHOD_VERSION,
    counts,
    treatmentChange: change,
    didRatio: did,
    wdq: success ? wdq : null,
    tooFew: tooFewT,
    figures,
  };
}

/** Great-circle distance in metres (haversine), for the ring test below. */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type EffectZone = 'treatment' | 'buffer' | 'comparison';

/** Where a report lies, from its distance in metres to the nearest of the case's points. */
export function zoneAt(distance: number): EffectZone {
  if (distance < BUFFER_INNER_M) return 'treatment';
  if (distance <= BUFFER_OUTER_M) return 'buffer';
  return 'comparison';
}
