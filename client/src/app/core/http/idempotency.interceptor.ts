import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { tap } from 'rxjs';

/** A random UUID (v4); `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Submissions whose outcome is unknown (no answer, or a 5xx): resent as they are, they keep their key. */
const MAX_PENDING = 100;

/**
 * The keys of submissions in flight or whose outcome is unknown, by what was submitted (method, URL and body). A
 * submission sent again while its key is here – a double click, or "try again" after a 503 or a lost connection –
 * carries the same key, so the API stores it once and answers with what it stored. A submission that got an answer
 * (2xx or 4xx) forgets its key: the same form sent again afterwards is a new create with a new key.
 */
@Injectable({ providedIn: 'root' })
export class IdempotencyKeys {
  private readonly pending = new Map<string, string>();

  keyFor(fingerprint: string): string {
    let key = this.pending.get(fingerprint);
    if (!key) {
      key = newIdempotencyKey();
      this.pending.set(fingerprint, key);
      if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    }
    return key;
  }

  settled(fingerprint: string, key: string): void {
    if (this.pending.get(fingerprint) === key) this.pending.delete(fingerprint);
  }
}

/** What a submission is, for recognising the same one sent again (files by name, size, type and date). */
function fingerprint(method: string, url: string, body: unknown): string {
  let text: string;
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const parts: string[] = [];
    body.forEach((v, k) => parts.push(JSON.stringify([k, typeof v === 'string' ? v : { name: v.name, size: v.size, type: v.type, modified: v.lastModified }])));
    text = parts.join('&');
  } else {
    text = JSON.stringify(body ?? null);
  }
  return `${method} ${url}\n${text}`;
}

/** An answer after which the create may or may not be stored: no answer at all, or a server or gateway error. */
const outcomeUnknown = (e: unknown) => e instanceof HttpErrorResponse && (e.status === 0 || e.status >= 500);

/**
 * Sends an `Idempotency-Key` with every create (POST) to the API but sign-in and sign-out, and the same key again
 * when the same submission is retried, so that a retry after a lost answer never stores it twice.
 */
export const idempotencyInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.method !== 'POST' || !req.url.startsWith('/api/') || req.url.startsWith('/api/auth/') || req.headers.has('Idempotency-Key')) return next(req);
  const keys = inject(IdempotencyKeys);
  const fp = fingerprint(req.method, req.urlWithParams, req.body);
  const key = keys.keyFor(fp);
  return next(req.clone({ setHeaders: { 'Idempotency-Key': key } })).pipe(
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) keys.settled(fp, key);
      },
      error: (e) => {
        if (!outcomeUnknown(e)) keys.settled(fp, key);
      },
    }),
  );
};
