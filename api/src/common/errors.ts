/**
 * A failure the API explains to its caller: an HTTP status, a stable `code` (e.g. `AUTH.INVALID_CREDENTIALS`)
 * and, where an input is at fault, the `field` it concerns. The exception filter turns it into the response body.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** 404 for an entity that does not exist or that the caller may not see (we do not tell the two apart). */
export const notFound = (entity: string, field = 'id') => new DomainError(404, `${entity.toUpperCase()}.NOT_FOUND`, `${entity} not found`, field);

/** 422 for an input that is well-formed but refers to something invalid. */
export const invalid = (field: string, message: string, code = 'VALIDATION_FAILED') => new DomainError(422, code, message, field);

/** 409 for a request that conflicts with what is stored. */
export const conflict = (code: string, message: string, field?: string) => new DomainError(409, code, message, field);
