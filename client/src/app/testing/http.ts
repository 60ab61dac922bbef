import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

/**
 * Waits (a few macrotasks) until a request to `url` is pending and returns it. Needed where the
 * request is made behind an async step, e.g. a guard that awaits `GET /api/auth/session`.
 */
export async function nextRequest(http: HttpTestingController, url: string, method = 'GET'): Promise<TestRequest> {
  for (let i = 0; i < 50; i++) {
    const found = http.match((req) => req.url === url && req.method === method);
    if (found.length > 1) throw new Error(`${found.length} requests to ${method} ${url}, expected one`);
    if (found.length === 1) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`No request to ${method} ${url}`);
}

/** Lets pending promises, timers of 0 ms and change detection settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Material without animations, so dialogs and snackbars open and close at once in jsdom. */
export const noAnimations: Provider = { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } };

/** An `ApiError` body as the API sends it. */
export function apiError(statusCode: number, code: string, message: string, field?: string) {
  return { statusCode, code, message, ...(field ? { field } : {}) };
}
