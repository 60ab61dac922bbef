import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { AppConfig } from './common/config';
import { ApiExceptionFilter } from './common/exception.filter';
import { BodyTooComplexError, verifyJsonBody } from './common/body-limits';
import { DomainError } from './common/errors';
import { createValidationPipe } from './common/validation';
import { openDatabase } from './database/data-source';
import { noCachingOfApi, sameOriginWrites, securityHeaders, sessionCookie } from './common/security';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureInitialAdmin, seedDemoData } from './demo/demo-data';
import { buildOpenApiDocument } from './openapi/document';

export { loadConfig, ConfigError } from './common/config';

/** A running API with the means to stop it cleanly. */
export interface RunningApp {
  app: INestApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Builds the whole application on a migrated database (demo data or the first admin loaded); does not listen. */
export async function createApp(config: AppConfig & { databaseUrl: string }): Promise<RunningApp> {
  const dataSource = await openDatabase(config.databaseUrl, {
    timeoutMs: config.dbTimeoutMs,
    prepare: (setup) => (config.demoMode ? seedDemoData(setup, config.demoReports) : ensureInitialAdmin(setup, config.initialAdmin)),
  });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options as a class
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.use(noCachingOfApi);
  app.use(securityHeaders(config));
  app.use(sameOriginWrites(config));
  app.use(compressAnswers());
  // The product is not for search engines: its pages are behind sign-in, and its address need not be indexed.
  app.use('/robots.txt', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    res.type('text/plain').setHeader('Cache-Control', 'public, max-age=86400');
    res.send('User-agent: *\nDisallow: /\n');
  });
  app.setGlobalPrefix('api');
  app.use(cookieParser());
  const auth = app.get(AuthService);
  // An address that has to wait after failed sign-ins (or a flood of refused bodies) is turned away before its
  // sign-in body is read. Should the check itself fail (database down), the sign-in goes on and its own check answers.
  app.use('/api/auth/login', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') {
      next();
      return;
    }
    auth.checkAddress(req.ip ?? 'unknown').then(
      () => next(),
      (e: unknown) => (e instanceof DomainError ? sendDomainError(res, e) : next()),
    );
  });
  // The body's size and structure are bounded before it is parsed (verifyJsonBody), so that no body under the size
  // limit can hold the event loop in parsing and validation.
  app.use(json({ limit: '1mb', verify: verifyJsonBody }));
  // body-parser's own failures (malformed JSON, too large) become ApiError bodies here, before any route runs.
  app.use((err: { type?: string; status?: number } | undefined, req: Request, res: Response, next: NextFunction) => {
    if (!err?.type || !err.status) {
      next(err);
      return;
    }
    if (err instanceof BodyTooComplexError) {
      const answer = () => res.status(err.status).json({ statusCode: err.status, code: err.code, message: err.message, field: err.field });
      // Without a session such a body is an attack on the public sign-in: it counts against the address.
      if (sessionCookie(req)) return answer();
      // The refusal is answered even if it cannot be counted (database down).
      auth.recordAddressRefusal(req.ip ?? 'unknown').then(answer, answer);
      return;
    }
    const malformed = err.type === 'entity.parse.failed';
    res.status(err.status).json({
      statusCode: err.status,
      code: malformed ? 'BAD_JSON' : err.status === 413 ? 'PAYLOAD_TOO_LARGE' : err.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
      message: malformed
        ? 'The request body is not valid JSON'
        : err.status === 413
          ? 'The request body is too large (limit 1 MB)'
          : err.status === 415
            ? 'The request body must be UTF-8 JSON without a content encoding other than gzip, deflate or br'
            : 'The request body cannot be read',
      field: 'body',
    });
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  // The OpenAPI document is for signed-in users too: only health and sign-in answer without a session.
  app.use(['/api/docs', '/api/docs-json'], (req: Request, res: Response, next: NextFunction) => {
    auth
      .resolve(sessionCookie(req))
      .then((user) => (user ? next() : res.status(401).json({ statusCode: 401, code: 'AUTH.REQUIRED', message: 'Sign in to continue' })), next);
  });
  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  serveClient(app, config.clientDir);
  await app.init();
  answerUnparsableRequests(app.getHttpServer());
  return {
    app,
    dataSource,
    close: async () => {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** A DomainError answered outside Nest's exception filter (in a plain middleware), in the same shape. */
function sendDomainError(res: Response, e: DomainError): void {
  const wait = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof wait === 'number' && wait > 0) res.setHeader('Retry-After', String(Math.ceil(wait)));
  res.status(e.status).json({ statusCode: e.status, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...(e.details ?? {}) });
}

/**
 * gzip or brotli, as the browser accepts, for the client's files (the initial JavaScript: 392 kB raw, 113 kB gzipped)
 * and the API's JSON and CSV. Never for event streams (each event must leave at once, not wait in a compressor's
 * buffer; Nest's streams also say `no-transform`); PDFs are compressed already (compression's own filter skips them).
 */
function compressAnswers() {
  return compression({
    filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  });
}

/** Serves the built Angular client on the same port; every non-API page falls back to index.html (client routing). */
function serveClient(app: NestExpressApplication, clientDir: string): void {
  const dir = resolve(clientDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(dir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res: ServerResponse, path: string) => {
      if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      // The build names files by their content's hash: such a file never changes.
      else if (/-[A-Z0-9]{8}\.(js|css)$/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Starts the API on the configured port and says where it is and how to sign in. */
export async function startServer(config: AppConfig & { databaseUrl: string }): Promise<RunningApp> {
  const running = await createApp(config);
  await running.app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  const lines = [`Samverka is running on ${url}`];
  if (config.demoMode) {
    lines.push(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(36)} ${a.roles.join(', ')}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  return running;
}

/**
 * Requests Node refuses before the application sees them (a URL and headers over 16 KB, a malformed request line)
 * get the API's JSON error body too, instead of Node's bare status line.
 */
function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: nothing is written into a response already under way on this connection (keep-alive).
    const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || busy) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = tooLarge ? 431 : timeout ? 408 : 400;
    const body = JSON.stringify({
      statusCode: status,
      code: tooLarge ? 'HEADERS_TOO_LARGE' : timeout ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST',
      message: tooLarge ? 'The URL and headers together exceed 16 KB' : timeout ? 'The request took too long to arrive' : 'The request cannot be parsed',
      field: 'url',
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : timeout ? 'Request Timeout' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
