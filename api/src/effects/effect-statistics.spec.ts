import {
  BUFFER_INNER_M,
  BUFFER_OUTER_M,
  DEFAULT_WEEKS,
  EFFECT_METHOD_VERSION,
  didRatio,
  distanceMetres,
  effectFigures,
  effectWindows,
  relativeChange,
  weightedDisplacementQuotient,
  zoneAt,
} from './effect-statistics';

describe('effect windows', () => {
  it('takes N weeks before the first start and N weeks after the last done, 8 by default', () => {
    const w = effectWindows(new Date('2027-03-01T00:00:00Z'), new Date('2027-04-12T00:00:00Z'));
    expect(w.weeks).toBe(DEFAULT_WEEKS);
    expect(w.before.from.toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(w.before.to.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(w.after.from.toISOString()).toBe('2027-04-12T00:00:00.000Z');
    expect(w.after.to.toISOString()).toBe('2027-06-07T00:00:00.000Z');
  });

  it('accepts 4 to 26 whole weeks only', () => {
    const s = new Date('2027-03-01T00:00:00Z');
    expect(effectWindows(s, s, 4).before.from.toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(effectWindows(s, s, 26).weeks).toBe(26);
    for (const bad of [3, 27, 8.5, Number.NaN]) expect(() => effectWindows(s, s, bad)).toThrow(RangeError);
    expect(() => effectWindows(s, new Date('2027-02-28T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('difference-in-differences ratio', () => {
  it('is (after_t/before_t)/(after_c/before_c), by hand', () => {
    // Treatment halves (40 → 20) while the comparison rises a quarter (400 → 500): 0.5 / 1.25 = 0.4.
    expect(didRatio({ before: 40, after: 20 }, { before: 400, after: 500 })).toBeCloseTo(0.4, 12);
    expect(didRatio({ before: 10, after: 10 }, { before: 100, after: 100 })).toBe(1);
    expect(relativeChange({ before: 40, after: 30 })).toBeCloseTo(-0.25, 12);
  });

  it('is absent where a denominator is zero', () => {
    expect(didRatio({ before: 0, after: 5 }, { before: 10, after: 10 })).toBeNull();
    expect(didRatio({ before: 5, after: 5 }, { before: 0, after: 10 })).toBeNull();
    expect(didRatio({ before: 5, after: 5 }, { before: 10, after: 0 })).toBeNull();
    expect(relativeChange({ before: 0, after: 3 })).toBeNull();
  });
});

describe('weighted displacement quotient (Bowers & Johnson 2003)', () => {
  it('worked example with displacement: R 40→20, D 30→36, C 400→400', () => {
    // Success measure Ra/Ca − Rb/Cb = 20/400 − 40/400 = −0.05; displacement Da/Ca − Db/Cb = 36/400 − 30/400 = 0.015.
    // WDQ = 0.015 / −0.05 = −0.3: some displacement to the buffer, less than the direct benefit.
    expect(weightedDisplacementQuotient({ before: 40, after: 20 }, { before: 30, after: 36 }, { before: 400, after: 400 })).toBeCloseTo(-0.3, 12);
    const f = effectFigures({ treatment: { before: 40, after: 20 }, buffer: { before: 30, after: 36 }, comparison: { before: 400, after: 400 } });
    expect(f.wdq).toBeCloseTo(-0.3, 12);
    expect(f.didRatio).toBeCloseTo(0.5, 12);
    expect(f.treatmentChange).toBeCloseTo(-0.5, 12);
    expect(f.methodVersion).toBe(EFFECT_METHOD_VERSION);
    expect(f.tooFew).toBe(false);
    expect(f.figures.map((x) => x.sv)).toEqual([
      '40 rapporter före, 20 efter: 50 % färre i ärendets platser efter insatserna.',
      'Kvot 0,50: ärendets platser minskade 50 % mer än resten av området (under 1 talar för effekt).',
      'WDQ -0,30: en del flyttade till zonen 100–300 m runt platserna, men mindre än vad som minskade i dem.',
    ]);
    expect(f.figures[2].en).toBe('WDQ -0.30: some moved to the zone 100–300 m around the places, but less than the fall in them.');
  });

  it('worked example with diffusion of benefits: R 40→20, D 30→24, C 400→500', () => {
    // Success 20/500 − 40/400 = −0.06; displacement 24/500 − 30/400 = −0.027; WDQ = 0.45 (> 0: diffusion).
    const f = effectFigures({ treatment: { before: 40, after: 20 }, buffer: { before: 30, after: 24 }, comparison: { before: 400, after: 500 } });
    expect(f.wdq).toBeCloseTo(0.45, 12);
    expect(f.didRatio).toBeCloseTo(0.4, 12);
    expect(f.figures[2].sv).toBe('WDQ 0,45: även zonen 100–300 m runt platserna minskade – effekten spred sig snarare än flyttade.');
  });

  it('more displaced than gained gives a WDQ below −1', () => {
    // Success 20/400 − 40/400 = −0.05; displacement 60/400 − 30/400 = 0.075; WDQ = −1.5.
    const f = effectFigures({ treatment: { before: 40, after: 20 }, buffer: { before: 30, after: 60 }, comparison: { before: 400, after: 400 } });
    expect(f.wdq).toBeCloseTo(-1.5, 12);
    expect(f.figures[2].en).toBe('WDQ -1.50: more moved to the zone 100–300 m around the places than fell in them.');
  });

  it('is not assessed when the treatment did not fall relative to the comparison', () => {
    const f = effectFigures({ treatment: { before: 20, after: 30 }, buffer: { before: 30, after: 20 }, comparison: { before: 400, after: 400 } });
    expect(f.wdq).toBeNull();
    expect(f.didRatio).toBeCloseTo(1.5, 12);
    expect(f.figures[1].sv).toBe('Kvot 1,50: ärendets platser ökade 50 % mer än resten av området (över 1 talar emot effekt).');
    expect(f.figures[2].sv).toBe('Förflyttning bedöms inte: ärendets platser minskade inte jämfört med resten av området.');
  });
});

describe('small counts', () => {
  it('warns in every sentence when fewer than 10 reports came before', () => {
    const f = effectFigures({ treatment: { before: 6, after: 3 }, buffer: { before: 30, after: 30 }, comparison: { before: 400, after: 400 } });
    expect(f.tooFew).toBe(true);
    expect(f.treatmentChange).toBeCloseTo(-0.5, 12);
    for (const fig of f.figures) {
      expect(fig.tooFew).toBe(true);
      expect(fig.sv).toContain('Varning: för få rapporter (under 10 före)');
      expect(fig.en).toContain('Warning: too few reports (under 10 before)');
    }
  });

  it('at 10 before there is no warning for the treatment, but a thin buffer is still flagged', () => {
    const f = effectFigures({ treatment: { before: 10, after: 5 }, buffer: { before: 4, after: 4 }, comparison: { before: 400, after: 400 } });
    expect(f.tooFew).toBe(false);
    expect(f.figures.map((x) => x.tooFew)).toEqual([false, false, true]);
  });

  it('says so when nothing was reported before', () => {
    const f = effectFigures({ treatment: { before: 0, after: 2 }, buffer: { before: 0, after: 0 }, comparison: { before: 0, after: 0 } });
    expect(f.treatmentChange).toBeNull();
    expect(f.didRatio).toBeNull();
    expect(f.wdq).toBeNull();
    expect(f.figures[0].en).toMatch(/^0 reports before, 2 after: no reports before, no change can be computed\. Warning/);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => effectFigures({ treatment: { before: -1, after: 0 }, buffer: { before: 0, after: 0 }, comparison: { before: 0, after: 0 } })).toThrow(
      RangeError,
    );
    expect(() => effectFigures({ treatment: { before: 1, after: 0 }, buffer: { before: 0.5, after: 0 }, comparison: { before: 0, after: 0 } })).toThrow(
      RangeError,
    );
  });
});

describe('buffer ring', () => {
  it('measures metres and puts reports in the case, the 100–300 m ring or the comparison', () => {
    // 0.001° of latitude ≈ 111.2 m anywhere.
    expect(distanceMetres({ lat: 59.3, lon: 18 }, { lat: 59.301, lon: 18 })).toBeCloseTo(111.19, 1);
    expect([50, BUFFER_INNER_M - 0.1, BUFFER_INNER_M, BUFFER_OUTER_M, BUFFER_OUTER_M + 0.1].map(zoneAt)).toEqual([
      'treatment',
      'treatment',
      'buffer',
      'buffer',
      'comparison',
    ]);
  });
});
