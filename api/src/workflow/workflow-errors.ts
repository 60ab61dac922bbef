import type { Decision } from '@samverka/workflows';
import { DomainError } from '../common/errors';

/** The records moved by a workflow (prefix of their error codes). */
export type WorkflowEntity = 'CASE' | 'ACTION' | 'MEETING' | 'WALK';

/** Turns a machine's refusal into the HTTP answer: 409 with the accepted events, 403, or 422 naming the field. */
export function refusal(entity: WorkflowEntity, d: Exclude<Decision<unknown>, { ok: true }>, type: string, state: string): DomainError {
  switch (d.reason) {
    case 'not_accepted':
      return new DomainError(409, `${entity}.TRANSITION_NOT_ALLOWED`, `${type} is not possible in state ${state}`, 'type', {
        state,
        acceptedEvents: d.accepted,
      });
    case 'forbidden':
      return new DomainError(403, `${entity}.EVENT_FORBIDDEN`, `You may not send ${type} here (role or organisation)`, 'type');
    case 'invalid':
      return new DomainError(422, 'VALIDATION_FAILED', d.problem.message, d.problem.field);
  }
}

const STALE_MESSAGE = {
  CASE: 'Someone else changed this in the meantime; reload and try again',
  ACTION: 'Someone else changed this in the meantime; reload and try again',
  MEETING: 'The meeting changed in the meantime; reload and try again',
  WALK: 'The walk changed in the meantime; reload and try again',
} as const;

/** 409 for a request made against an older version than the stored one. */
export const staleVersion = (entity: WorkflowEntity, current: number) =>
  new DomainError(409, `${entity}.STALE_VERSION`, STALE_MESSAGE[entity], 'version', { currentVersion: current });

/** The OpenAPI body of an event endpoint: `{type, version, …payload}`. */
export const EVENT_BODY = {
  schema: { type: 'object', required: ['type', 'version'], properties: { type: { type: 'string' }, version: { type: 'integer' } }, additionalProperties: true },
};

/** Reads `type` and `version` of an event body and the rest as its payload; 422 naming the field otherwise. */
export function parseEventBody(body: unknown): { type: string; version: number; payload: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DomainError(422, 'VALIDATION_FAILED', 'The body must be a JSON object', 'body');
  const { type, version, actor: _a, now: _n, settings: _s, inMeeting: _m, ...payload } = body as Record<string, unknown>;
  if (typeof type !== 'string' || !/^[A-Z_]{2,40}$/.test(type))
    throw new DomainError(422, 'VALIDATION_FAILED', 'type must be an event type such as START_ANALYSIS', 'type');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new DomainError(422, 'VALIDATION_FAILED', 'version must be the version you read (a whole number)', 'version');
  if (JSON.stringify(payload).length > 100_000) throw new DomainError(422, 'VALIDATION_FAILED', 'The event payload is too large', 'body');
  return { type, version, payload };
}
