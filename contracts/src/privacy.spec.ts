import { findPersonalData } from './privacy';

const kinds = (t: string) => findPersonalData(t).map((h) => h.kind);

describe('findPersonalData', () => {
  it('finds personal identity numbers with a valid check digit, in both forms', () => {
    // 811218-9876 is the Swedish Tax Agency's textbook example (valid check digit).
    expect(kinds('Mannen hade id 811218-9876 på sig')).toEqual(['personal_identity_number']);
    expect(kinds('pnr 198112189876')).toEqual(['personal_identity_number']);
    expect(kinds('pnr 19811218-9876')).toEqual(['personal_identity_number']);
    expect(kinds('8112189876')).toEqual(['personal_identity_number']);
  });

  it('ignores numbers whose check digit is wrong or whose date is impossible', () => {
    expect(kinds('Ärende 811218-9875 i systemet')).toEqual([]);
    expect(kinds('Kod 811318-9876')).toEqual([]);
    expect(kinds('Ordernummer 198112189875')).toEqual([]);
  });

  it('finds coordination numbers (day + 60)', () => {
    // 701063-2391: day 63 = 3rd; check digit computed to be valid.
    expect(kinds('samordningsnr 701063-2391')).toEqual(['personal_identity_number']);
  });

  it('finds phone numbers and e-mail addresses', () => {
    expect(kinds('Ring 070-123 45 67 om det händer igen')).toEqual(['phone_number']);
    expect(kinds('ring +46 70 123 45 67')).toEqual(['phone_number']);
    expect(kinds('skriv till kalle.anka@example.se')).toEqual(['email']);
  });

  it('leaves ordinary place descriptions alone', () => {
    expect(kinds('Krossad ruta i trapphuset på Norrbyvägen 4, cirka 15 ungdomar vid 22-tiden, 3 mopeder')).toEqual([]);
    expect(kinds('Klotter på 2 väggar, ca 10 m2, anmält 2026-11-20 kl 21.30')).toEqual([]);
  });

  it('masks what it found', () => {
    expect(findPersonalData('811218-9876')[0].masked).toBe('••••••-••76');
  });
});
