import { ArgumentMetadata, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { IsISO8601, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { DomainError } from './errors';

interface FieldError {
  field: string;
  message: string;
  /** A property no DTO has (class-validator's whitelist). */
  unknown?: boolean;
}

function flatten(errors: ValidationError[], prefix = '', out: FieldError[] = []): FieldError[] {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [name, message] of Object.entries(e.constraints ?? {}))
      out.push({ field, message, ...(name === 'whitelistValidation' ? { unknown: true } : {}) });
    if (e.children?.length) flatten(e.children, field, out);
  }
  return out;
}

/** How many unknown properties a 422 names; the rest are counted in one more entry. */
export const MAX_UNKNOWN_NAMED = 5;

/**
 * The error list of a 422: every failure of a known field, but at most MAX_UNKNOWN_NAMED unknown properties by name
 * (a body of thousands of unknown properties is answered in a few hundred bytes, not megabytes).
 */
export function errorList(all: FieldError[]): { field: string; message: string }[] {
  const list: { field: string; message: string }[] = [];
  let unknown = 0;
  for (const e of all) {
    if (e.unknown && ++unknown > MAX_UNKNOWN_NAMED) continue;
    list.push({ field: e.field, message: e.message });
  }
  if (unknown > MAX_UNKNOWN_NAMED) {
    const more = unknown - MAX_UNKNOWN_NAMED;
    const first = all.find((e) => e.unknown)!;
    const parent = first.field.includes('.') ? first.field.slice(0, first.field.lastIndexOf('.')) : 'body';
    list.push({ field: parent, message: `and ${more} more ${more === 1 ? 'property' : 'properties'} that should not exist` });
  }
  return list;
}

/** Half of a UTF-16 surrogate pair without its other half: JSON can carry it, but it is no text (and validators throw on it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deepest nesting of a request body, query or parameter value; deeper input is refused before anything reads it. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Refuses what no DTO can sensibly take and what would otherwise fail below the API: JSON nested deeper than
 * MAX_INPUT_DEPTH (recursive transformers and PostgreSQL's jsonb overflow their stacks), text with NUL
 * characters (PostgreSQL cannot store them) and text with lone surrogates (validator's isEmail throws on them).
 * Iterative, so that the check itself cannot overflow.
 */
function guardInput(value: unknown, root: string): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw new DomainError(422, 'VALIDATION_FAILED', `${path} must not contain NUL characters`, path);
      if (LONE_SURROGATE.test(v)) throw new DomainError(422, 'VALIDATION_FAILED', `${path} is not valid Unicode text (a lone surrogate)`, path);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) throw new DomainError(422, 'VALIDATION_FAILED', `${path} is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)`, path);
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000') || LONE_SURROGATE.test(k))
        throw new DomainError(422, 'VALIDATION_FAILED', `${path} has a property name with a NUL character or a lone surrogate`, path);
      stack.push({ v: child, path: depth === 0 && (root === 'body' || root === 'query') ? k || root : `${path}.${k}`, depth: depth + 1 });
    }
  }
}

/**
 * The global pipe: whitelisted DTOs, unknown fields rejected, every failure a 422 naming the field. Bodies, queries
 * and parameters are guarded first (depth, NUL, lone surrogates) whatever their type, including the untyped bodies of workflow events.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const where = metadata.type === 'param' ? (metadata.data ?? 'param') : metadata.type === 'query' ? 'query' : 'body';
    if (metadata.type !== 'custom') guardInput(value, where);
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      // A property without a name (`?=1`, `{"": 1}`) is still an input of this part of the request.
      if (e instanceof DomainError && !e.field) throw new DomainError(e.status, e.code, e.message, where, e.details);
      throw e;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = errorList(flatten(errors));
      const first = list[0] ?? { field: 'body', message: 'Invalid input' };
      return new DomainError(422, 'VALIDATION_FAILED', first.message, first.field, { errors: list });
    },
  });
}

/**
 * A strict ISO 8601 date (YYYY-MM-DD) or date and time that is also a real moment (`20261120` and `2026-11` are
 * ISO 8601 too, but JavaScript or PostgreSQL cannot read them) in a year PostgreSQL can store.
 */
export function IsIsoDateTime(options: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }, options),
    ValidateBy(
      {
        name: 'isIsoDateTime',
        validator: {
          validate: (value: unknown) => {
            // A full calendar date first: `2026` and `2026-11` are ISO 8601 and JavaScript reads them, PostgreSQL does not.
            if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:$|T)/.test(value)) return false;
            const year = new Date(value).getUTCFullYear();
            return Number.isFinite(year) && year >= 1 && year <= 9999;
          },
        },
      },
      options,
    ),
  );
}

/**
 * An optional body property that, when sent, must not be null either: `@IsOptional()` also skips the checks for
 * null, which then reaches the service as a value (`null.trim()`, a NOT NULL column). For non-nullable fields.
 */
export const IsOmittable = (options?: ValidationOptions): PropertyDecorator => ValidateIf((_o: object, v: unknown) => v !== undefined, options);

/** Parses a UUID route parameter; anything else is a 404 (an id that cannot exist), naming the parameter. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(404, 'NOT_FOUND', `No record with this ${name}`, name),
  });

/** `@Transform(trimText)`: surrounding white space is no part of a text field. */
export const trimText = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** `@Transform(lowerText)`: an e-mail address is compared in lower case, without surrounding white space. */
export const lowerText = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** `@Transform(queryBoolean)`: a query string's `true` / `false` as booleans (anything else is left for validation). */
export const queryBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
