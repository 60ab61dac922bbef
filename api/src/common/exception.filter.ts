import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@samverka/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './errors';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'AUTH.REQUIRED',
  403: 'AUTH.FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
};

/** Statuses that refuse an input: their body always names the input at fault (`field`). */
const INPUT_STATUSES = new Set([400, 413, 415, 422]);

/**
 * The input at fault for an HttpException raised below our own code, which names none: Express's refusal of a path
 * with a broken percent-encoding (`path`), multer's refusal of an upload (`file`), otherwise the body.
 */
function inputAtFault(message: string, req?: Request): string {
  if (/^Failed to decode param/.test(message)) return 'path';
  if (req && typeof req.is === 'function' && req.is('multipart/form-data')) return 'file';
  return 'body';
}

/**
 * Node's socket errors and PostgreSQL's SQLSTATEs (besides class 08) for a database that is down, restarting,
 * unreachable or too slow: a statement cancelled by statement_timeout (57014) or a lock not granted within
 * lock_timeout (55P03) is worth a retry too.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
  '55P03',
]);
/** Also node-postgres's own: the pool's acquire timeout, a connection cut, a statement not answered in time (DB_TIMEOUT_MS). */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|not queryable|Query read timeout/i;

/**
 * Whether an error (or the driver error or cause inside it) says that PostgreSQL cannot be reached: worth a retry, so
 * 503, not 500. TypeORM releases the query runner of a connection that fails, so the rest of a transaction cut off by
 * a database shutdown fails with QueryRunner(Provider)AlreadyReleasedError.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  type Err = { name?: unknown; code?: unknown; message?: unknown; driverError?: Err; cause?: Err; errors?: Err[] };
  const seen = new Set<Err>();
  const queue: (Err | undefined)[] = [exception as Err];
  while (queue.length && seen.size < 8) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any message is tested; an object's never matches
    if (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_MESSAGES.test(String(e.message ?? ''))) return true;
    if (e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
    queue.push(e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : []));
  }
  return false;
}

/** Maps every error to the JSON body of `ApiError`, so that callers always get a stable `code`; never leaks internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception, host.switchToHttp().getRequest<Request>());
    if (body.code === 'SERVICE_UNAVAILABLE') this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    // A caller told to wait (sign-in throttling) also gets the standard header, which clients and proxies honour.
    const wait = (body as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof wait === 'number' && wait > 0) res.setHeader('Retry-After', String(Math.ceil(wait)));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req?: Request): ApiError {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.field ? { field: exception.field } : {}),
        ...(exception.details ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? (response as { message: string[] }).message.join('; ')
            : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Nest's response message is a string (arrays above)
              String((response as { message?: unknown }).message ?? exception.message);
      const field =
        typeof response === 'object' && typeof (response as { field?: unknown }).field === 'string'
          ? (response as { field: string }).field
          : INPUT_STATUSES.has(status)
            ? inputAtFault(message, req)
            : undefined;
      return { statusCode: status, code: CODES[status] ?? `HTTP_${status}`, message, ...(field ? { field } : {}) };
    }
    // body-parser errors (malformed JSON, too large) carry a status but are not HttpExceptions.
    const e = exception as { status?: number; type?: string; message?: string };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      const code = e.type === 'entity.parse.failed' ? 'BAD_JSON' : (CODES[e.status] ?? `HTTP_${e.status}`);
      const message = e.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : (e.message ?? 'Bad request');
      return { statusCode: e.status, code, message, field: 'body' };
    }
    if (exception instanceof QueryFailedError) {
      const driverError = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError;
      if (driverError?.code === '23505') {
        return { statusCode: HttpStatus.CONFLICT, code: 'CONFLICT.DUPLICATE', message: 'A record with these values already exists' };
      }
      if (driverError?.code === '23503') {
        return { statusCode: HttpStatus.CONFLICT, code: 'CONFLICT.IN_USE', message: 'The record is referred to by other records' };
      }
    }
    if (isDatabaseUnavailable(exception)) {
      // PostgreSQL is down or restarting: a temporary refusal the caller may retry (retryAfterSeconds becomes Retry-After).
      const unavailable: ApiError & { retryAfterSeconds: number } = {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database cannot be reached at the moment; try again shortly',
        retryAfterSeconds: 5,
      };
      return unavailable;
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal error' };
  }
}
