import { applyDecorators, CallHandler, UseInterceptors, ExecutionContext, HttpStatus, Injectable, Logger, NestInterceptor, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import { catchError, Observable, of, tap, throwError } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/access.decorators';
import { DomainError } from '../common/errors';
import { idempotencyRepository } from './idempotency.repository';

/** The request header a client sends on a create so that a retry returns the first answer instead of a duplicate. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that is the stored answer of an earlier request with the same key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a key's answer is kept and replayed. */
export const IDEMPOTENCY_TTL = '24 hours';
/** 1–255 visible ASCII characters (a UUID, a ULID, a random token…). */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

const IDEMPOTENT = 'samverka:idempotent';
/**
 * Marks a create whose service runs its transaction through `IdempotencyService.transaction`: an `Idempotency-Key`
 * is honoured there. On other handlers the header is ignored. The interceptor is bound here, not globally: a global
 * interceptor would turn an event stream's refusal (404/403 before it starts) into an error event after a 200.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'A key of your choosing (1–255 visible ASCII characters, e.g. a UUID) per submission: for 24 hours, a retry with the same key and body gets the first answer again (Idempotent-Replayed: true) and stores nothing more; another body is a 422 IDEMPOTENCY.KEY_REUSED',
    }),
  );

interface KeyContext {
  userId: string;
  key: string;
  /** `METHOD path` of the request. */
  target: string;
  /** The status the handler answers with on success (what a replay answers with too). */
  status: number;
  /** Digest of the request body; for multipart requests set by the handler once the upload is stored. */
  bodyDigest: string | null;
  claimed: boolean;
  done: boolean;
}

const requestKey = new AsyncLocalStorage<KeyContext>();

/** Thrown inside the create's transaction when the key already has a stored answer: rolls back, then replays it. */
class Replay extends Error {
  constructor(readonly body: unknown) {
    super('idempotent replay');
  }
}

/** JSON with object keys sorted, so that the same body in another key order is the same request. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const reused = () =>
  new DomainError(
    422,
    'IDEMPOTENCY.KEY_REUSED',
    'This Idempotency-Key was already used for a different request; use a new key for a new request',
    IDEMPOTENCY_HEADER,
  );

/**
 * Makes creates safe to retry. With an `Idempotency-Key`, the create's transaction first claims the key (a concurrent
 * request with the same key waits on the row until the first one ends) and writes the answer it returns next to it
 * before commit, so a committed create always has its stored answer. A later request with the same key and the same
 * method, path and body gets that answer again (`Idempotent-Replayed: true`), one with another body a 422
 * `IDEMPOTENCY.KEY_REUSED`. Keys are per user and kept 24 hours.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Sets the digest of a body the interceptor could not read (a multipart upload, once it is stored). */
  setBodyDigest(digest: string): void {
    const c = requestKey.getStore();
    if (c) c.bodyDigest = digest;
  }

  /** Whether the current request carries an Idempotency-Key (e.g. to hash an upload only when it matters). */
  hasKey(): boolean {
    return !!requestKey.getStore();
  }

  /** Runs `fn` in a transaction that claims the request's key first and stores `fn`'s result as the answer. */
  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (m) => {
      const c = await this.claim(m);
      const result = await fn(m);
      if (c) await this.complete(m, c, result);
      return result;
    });
  }

  private async claim(m: EntityManager): Promise<KeyContext | null> {
    const c = requestKey.getStore();
    if (!c || c.claimed || c.done) return null;
    if (c.bodyDigest === null) throw new Error(`no body digest for an idempotent ${c.target}`);
    c.claimed = true;
    const hash = sha256(`${c.target}\n${c.bodyDigest}`);
    // Takes the key, or replaces an expired entry; waits while another transaction holds the same key.
    if (await idempotencyRepository.claim(m, c.userId, c.key, hash, IDEMPOTENCY_TTL)) return c;
    const prior = await idempotencyRepository.find(m, c.userId, c.key);
    c.done = true;
    if (!prior || prior.request_hash !== hash) throw reused();
    throw new Replay(prior.response);
  }

  private async complete(m: EntityManager, c: KeyContext, body: unknown): Promise<void> {
    await idempotencyRepository.complete(m, c.userId, c.key, c.status, body);
    c.done = true;
  }
}

/**
 * Reads and checks the `Idempotency-Key` of a signed-in request to an `@Idempotent()` handler, makes it available to
 * `IdempotencyService.transaction` for the rest of the request, and answers a replay with the stored body.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http' || !this.reflector.get<boolean>(IDEMPOTENT, ctx.getHandler())) return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const raw = req.headers['idempotency-key'];
    if (raw === undefined || !req.user) return next.handle();
    const key = Array.isArray(raw) ? raw.join(', ') : raw;
    if (!KEY_FORMAT.test(key)) {
      return throwError(
        () => new DomainError(422, 'IDEMPOTENCY.INVALID_KEY', 'Idempotency-Key must be 1–255 visible ASCII characters (e.g. a UUID)', IDEMPOTENCY_HEADER),
      );
    }
    const multipart = /^multipart\//i.test(req.headers['content-type'] ?? '');
    const c: KeyContext = {
      userId: req.user.id,
      key,
      target: `${req.method} ${req.originalUrl}`,
      status: this.reflector.get<number>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK),
      bodyDigest: multipart ? null : sha256(canonical(req.body ?? null)),
      claimed: false,
      done: false,
    };
    const res = ctx.switchToHttp().getResponse<Response>();
    return requestKey
      .run(c, () => next.handle())
      .pipe(
        tap(() => {
          if (!c.claimed) this.logger.error(`${c.target} is @Idempotent() but its service did not claim the key`);
        }),
        catchError((e: unknown) => {
          if (!(e instanceof Replay)) return throwError(() => e);
          res.setHeader(REPLAYED_HEADER, 'true');
          return of(e.body);
        }),
      );
  }
}
