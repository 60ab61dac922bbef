import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@samverka/contracts';
import type { Response } from 'express';
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

/** Maps every error to the JSON body of `ApiError`, so that callers always get a stable `code`; never leaks internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    // A caller told to wait (sign-in throttling) also gets the standard header, which clients and proxies honour.
    const wait = (body as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof wait === 'number' && wait > 0) res.setHeader('Retry-After', String(Math.ceil(wait)));
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiError {
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
            ? ((response as { message: string[] }).message).join('; ')
            : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: CODES[status] ?? `HTTP_${status}`, message };
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
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal error' };
  }
}
