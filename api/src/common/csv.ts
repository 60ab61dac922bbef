import { stringify, type Options } from 'csv-stringify/sync';

/**
 * Characters that make a spreadsheet (Excel, LibreOffice Calc, Google Sheets) read a cell as a formula when they come
 * first: OWASP's list (= + - @ TAB CR), NUL (ASVS 5.0 1.2.10), and the full-width forms of = + - @, which some
 * spreadsheet locales fold into their ASCII twins.
 */
// eslint-disable-next-line no-control-regex -- NUL before a formula is what the pattern looks for
const FORMULA_START = /^[\s\u0000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\u0000]/;

/**
 * One CSV cell made safe to open in a spreadsheet (CSV or formula injection): a text that starts with a formula
 * character – also after leading white space, which spreadsheets skip – gets a single quote in front, so it is shown
 * as the text it is. Nothing else changes: the quote is the only addition, and a safe text comes back as it was.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Every CSV the product writes goes through here: each text cell is neutralised (`neutraliseCell`), also the
 * header. Numbers, booleans and empty cells pass as they are: they are written by the product, not typed by users
 * (a negative number such as -12.5 stays a number in the spreadsheet).
 */
export function toCsv(rows: unknown[][], options: Options & { columns?: string[] } = {}): string {
  const safe = (c: unknown) => (typeof c === 'string' ? neutraliseCell(c) : c);
  return stringify(
    rows.map((r) => r.map(safe)),
    { ...options, ...(options.columns ? { columns: options.columns.map((c) => neutraliseCell(c)) } : {}) },
  );
}
