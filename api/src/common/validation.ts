import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './errors';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The global pipe: whitelisted DTOs, unknown fields rejected, every failure a 422 naming the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      const first = list[0] ?? { field: 'body', message: 'Invalid input' };
      return new DomainError(422, 'VALIDATION_FAILED', first.message, first.field, { errors: list });
    },
  });
}

/** Parses a UUID route parameter; anything else is a 404 (an id that cannot exist), naming the parameter. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(404, 'NOT_FOUND', `No record with this ${name}`, name),
  });
