import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from './config';

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

/**
 * Refuses state-changing requests that a browser sends from another origin (defence in depth next to the
 * SameSite=Strict cookie). Requests without an Origin header come from non-browser clients and pass.
 */
export function sameOriginWrites(config: AppConfig): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!WRITES.has(req.method) || !origin || !req.path.startsWith('/api')) return next();
    const own = `${req.protocol}://${req.headers.host}`;
    if (origin === own || origin === config.publicOrigin) return next();
    res.status(403).json({ statusCode: 403, code: 'AUTH.BAD_ORIGIN', message: 'Requests that change data must come from Samverka itself', field: 'origin' });
  };
}
