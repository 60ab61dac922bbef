import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from './config';

/** The name of the session cookie (set by auth/, read here before cookie-parser runs). */
export const SESSION_COOKIE = 'samverka_session';

/** The session cookie's value once cookie-parser has run (`req.cookies` is untyped in Express). */
export function sessionCookie(req: Request): string | undefined {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Security headers for the API and the client: a CSP the Angular app works under (no inline scripts; Angular and
 * Material set inline styles), map tiles only from the configured server, no framing, no referrer leaks.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const tiles = config.mapTileUrl ? new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, 'a')).origin : null;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * No cache (the browser's, a proxy's, a shared computer's) may keep an API answer: they hold restricted reports and
 * names. JSON answers, errors included, are `private, no-store`; the PDF and CSV downloads set `no-store` themselves
 * (`noStore`), and Nest's event streams send their own no-cache, no-store. The client's static files are not under
 * /api and keep their own caching.
 */
export function noCachingOfApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'private, no-store');
  next();
}

/** For a download (PDF, CSV) of restricted data: no cache keeps it, and the browser does not store it on disk. */
export function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const SESSION_COOKIE_SENT = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);

/** Whether the request carries a session cookie (read from the raw header: this runs before cookie-parser). */
function hasSessionCookie(req: Request): boolean {
  return typeof req.headers.cookie === 'string' && SESSION_COOKIE_SENT.test(req.headers.cookie);
}

/**
 * Refuses state-changing requests that a browser sends from another origin (defence in depth next to the
 * SameSite=Strict cookie). A write is accepted when its `Origin` is the product's own (the Host it was sent to, or
 * PUBLIC_ORIGIN behind a proxy that changes the Host) or, without an Origin, when `Sec-Fetch-Site` says
 * `same-origin` (browsers set both; scripts in a page cannot forge them). A write that shows neither is accepted only
 * without a session cookie: a non-browser client signing in. Once a session cookie is sent, the request is
 * cookie-authenticated and must show where it comes from (non-browser clients are to use API tokens, not cookies).
 */
export function sameOriginWrites(config: AppConfig): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!WRITES.has(req.method) || !(req.path === '/api' || req.path.startsWith('/api/'))) {
      next();
      return;
    }
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    let verdict: 'own' | 'foreign' | 'unshown';
    if (origin !== undefined) verdict = origin === `${req.protocol}://${req.headers.host}` || origin === config.publicOrigin ? 'own' : 'foreign';
    else if (site !== undefined) verdict = site === 'same-origin' ? 'own' : 'foreign';
    else verdict = 'unshown';
    if (verdict === 'own' || (verdict === 'unshown' && !hasSessionCookie(req))) {
      next();
      return;
    }
    res.status(403).json({
      statusCode: 403,
      code: 'AUTH.BAD_ORIGIN',
      message:
        verdict === 'foreign'
          ? 'Requests that change data must come from Samverka itself'
          : 'Requests that change data with a session must say where they come from (Origin or Sec-Fetch-Site)',
      field: 'origin',
    });
  };
}
