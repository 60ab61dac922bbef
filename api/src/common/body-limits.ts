import type { IncomingMessage } from 'node:http';
import iconv from 'iconv-lite';
import { MAX_INPUT_DEPTH } from './validation';

/**
 * The most object properties and array items a JSON request body may hold in total (all levels together). The largest
 * real bodies – a meeting with 200 participants, an attendance list of 200, a proposal of 50 actions, 500 report ids –
 * stay well below; a body at the 1 MB limit can otherwise hold 110 000 properties, which class-transformer and
 * class-validator take seconds of the one event loop to refuse.
 */
export const MAX_BODY_PROPERTIES = 2_000;
export const MAX_BODY_ITEMS = 2_000;

/** A body refused before it is parsed: what the error mapper in main.ts answers. */
export class BodyTooComplexError extends Error {
  readonly type = 'entity.too.complex';
  constructor(
    readonly status: 413 | 422,
    readonly code: string,
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * One pass over the raw bytes (UTF-8: no byte of a multi-byte character is ASCII, so the structure is found without
 * decoding): counts properties (`:` in an object), array items (`,` in an array: one less than the items) and the nesting,
 * and throws BodyTooComplexError at the first limit passed. Nothing is allocated per property; strings are skipped
 * with indexOf. Malformed JSON is left to the parser (it is refused there), unless it passes a limit first.
 *
 * Nesting deeper than MAX_INPUT_DEPTH is the same 422 the validation pipe gives (naming the top-level property
 * that holds it); too many properties or items is a 413 BODY_TOO_COMPLEX naming the body.
 */
export function scanJsonBody(buf: Buffer): void {
  // Container kinds by level (true = array); levels beyond the limit are never pushed.
  const arrays: boolean[] = [];
  let level = 0;
  let properties = 0;
  let items = 0;
  // Where the top-level property being read is named (to name it when what it holds is too deep).
  let expectKey = false;
  let keyStart = -1;
  let keyEnd = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    switch (c) {
      case QUOTE: {
        // A string: its closing quote is the next one not escaped (found by indexOf, not byte by byte).
        let end = buf.indexOf(QUOTE, i + 1);
        while (end > 0 && escaped(buf, end)) end = buf.indexOf(QUOTE, end + 1);
        if (end < 0) return; // unterminated: the parser refuses it
        if (expectKey && level === 1) [keyStart, keyEnd] = [i, end + 1];
        expectKey = false;
        i = end;
        break;
      }
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (level >= MAX_INPUT_DEPTH + 1) {
          const where = keyStart >= 0 ? decodeKey(buf, keyStart, keyEnd) : 'body';
          throw new BodyTooComplexError(422, 'VALIDATION_FAILED', `${where} is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`, where);
        }
        arrays[level++] = c === OPEN_ARRAY;
        expectKey = c === OPEN_OBJECT;
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        if (level > 0) level--;
        expectKey = false;
        break;
      case COLON:
        if (level > 0 && !arrays[level - 1] && ++properties > MAX_BODY_PROPERTIES) {
          throw new BodyTooComplexError(413, 'BODY_TOO_COMPLEX', `The request body has more than ${MAX_BODY_PROPERTIES} properties`, 'body');
        }
        break;
      case COMMA:
        if (level > 0 && arrays[level - 1]) {
          // `items` counts commas: one fewer than the items of each array, so this refuses only what is surely over.
          if (++items >= MAX_BODY_ITEMS)
            throw new BodyTooComplexError(413, 'BODY_TOO_COMPLEX', `The request body has more than ${MAX_BODY_ITEMS} array items`, 'body');
        } else expectKey = true;
        break;
      default:
        break;
    }
  }
}

/** Whether the quote at `at` is escaped (an odd number of backslashes before it). */
function escaped(buf: Buffer, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= 0 && buf[k] === BACKSLASH; k--) n++;
  return n % 2 === 1;
}

function decodeKey(buf: Buffer, start: number, end: number): string {
  try {
    const key = JSON.parse(buf.toString('utf8', start, end)) as string;
    return key || 'body';
  } catch {
    return 'body';
  }
}

/**
 * body-parser's `verify` hook: runs on the raw (inflated) body before JSON.parse. Bodies in another Unicode charset
 * (UTF-16) are decoded first, so that their structure is counted too.
 */
export function verifyJsonBody(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string | null): void {
  const enc = (encoding ?? 'utf-8').toLowerCase();
  scanJsonBody(enc === 'utf-8' || enc === 'utf8' ? buf : Buffer.from(iconv.decode(buf, enc), 'utf8'));
}
