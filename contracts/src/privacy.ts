/**
 * Finds what looks like personal data in a report's free text: Swedish personal identity numbers (with a valid
 * check digit), phone numbers and e-mail addresses. Reports are about places and situations, not people.
 */
export type PersonalDataKind = 'personal_identity_number' | 'phone_number' | 'email';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** The matched text with all but the last two characters masked, so the warning itself does not repeat it. */
  masked: string;
}

/** Luhn check digit over the ten-digit form YYMMDDNNNC. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function plausibleDate(mm: string, dd: string): boolean {
  const m = Number(mm);
  const d = Number(dd);
  // Coordination numbers (samordningsnummer) add 60 to the day.
  const day = d > 60 ? d - 60 : d;
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

const mask = (s: string) => s.replace(/[^\s-](?=.{2})/g, '•');

const PIN = /(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})\s?([-+])?\s?(\d{4})(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Swedish numbers: 07x mobile, 0 + area code, or +46; at least 8 digits in all, separators allowed.
const PHONE = /(?<![\d])(?:\+46|0046|0)[\s-]?\d{1,3}(?:[\s-]?\d){5,8}(?![\d])/g;

/** Every hit of personal data in the text (empty when there is none). */
export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const pinSpans: [number, number][] = [];
  for (const m of text.matchAll(PIN)) {
    const [, century, yy, mm, dd, , last4] = m;
    if (!plausibleDate(mm, dd)) continue;
    if (!century && !m[5] && !/\s/.test(m[0]) && m[0].length !== 10) continue;
    if (century && !['18', '19', '20'].includes(century)) continue;
    if (!luhnValid(`${yy}${mm}${dd}${last4}`)) continue;
    hits.push({ kind: 'personal_identity_number', masked: mask(m[0]) });
    pinSpans.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(EMAIL)) hits.push({ kind: 'email', masked: mask(m[0]) });
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    if (pinSpans.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    hits.push({ kind: 'phone_number', masked: mask(m[0]) });
  }
  return hits;
}
