import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { ContractTypes } from './contract-schemas';

/**
 * The response decorators of the handlers. Each documents a success answer in the OpenAPI document with the schema
 * of a contract type (generated from contracts/src, see contract-schemas.ts) and is typed so that the handler must
 * return that type: `@Answers(200, 'CaseDto')` on a handler that returns `Promise<CaseSummaryDto>` does not compile.
 * The error answers (4XX, 5XX: the ApiError envelope) are added to every operation by `buildOpenApiDocument`.
 */

export type SchemaName = keyof ContractTypes;
/** A contract type by schema name, or a list of it (`'CaseDto[]'`). */
export type SchemaRef = SchemaName | `${SchemaName}[]`;
export type TypeOf<R extends SchemaRef> = R extends `${infer N extends SchemaName}[]` ? ContractTypes[N][] : R extends SchemaName ? ContractTypes[R] : never;

/** A method decorator that only fits a handler returning T (or a promise of T). */
type HandlerReturning<T> = <F extends (...args: never[]) => T | Promise<T>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<F>,
) => void;

export const schemaRef = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
export const schemaOf = (r: SchemaRef): object =>
  r.endsWith('[]') ? { type: 'array', items: schemaRef(r.slice(0, -2) as SchemaName) } : schemaRef(r as SchemaName);

const DESCRIPTIONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work goes on after the answer',
  204: 'No content',
  503: 'Service unavailable',
};

/** The handler answers `status` with the JSON of the contract type `schema`. */
export function Answers<R extends SchemaRef>(status: 200 | 201 | 202 | 503, schema: R, description = DESCRIPTIONS[status]): HandlerReturning<TypeOf<R>> {
  const decorator = ApiResponse({ status, description, schema: schemaOf(schema) });
  return (target, key, descriptor) => void decorator(target, key, descriptor);
}

/** The handler answers 204 without a body. */
export function AnswersNoContent(description = DESCRIPTIONS[204]): HandlerReturning<void> {
  const decorator = ApiResponse({ status: 204, description });
  return (target, key, descriptor) => void decorator(target, key, descriptor);
}

/** The handler writes a file itself (`@Res()`): 200 with this content type, a binary (PDF, JPEG) or text (CSV) body. */
export function AnswersFile(contentType: 'application/pdf' | 'image/jpeg' | 'text/csv', description: string): MethodDecorator {
  return applyDecorators(
    ApiProduces(contentType),
    ApiResponse({
      status: 200,
      description,
      content: { [contentType]: { schema: contentType === 'text/csv' ? { type: 'string' } : { type: 'string', format: 'binary' } } },
    }),
  );
}

/** Server-sent events: 200 with `text/event-stream`. */
export function AnswersEventStream(description: string): MethodDecorator {
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiResponse({ status: 200, description, content: { 'text/event-stream': { schema: { type: 'string' } } } }),
  );
}

/** A refusal whose body is one of these error types (e.g. 422 with PersonalDataError or ApiError). */
export function Refuses(status: 409 | 422, schemas: SchemaName[], description: string): MethodDecorator {
  return ApiResponse({ status, description, content: { 'application/json': { schema: { anyOf: schemas.map(schemaRef) } } } });
}
