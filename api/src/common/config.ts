import { z } from 'zod';
import { TIME_ZONE } from './swedish-time';
import { cronProblem } from './cron';

/** Log levels understood by pino. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const bool = (name: string) =>
  z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `${name} must be true or false` }).transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be an integer between ${min} and ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${name} must be an integer between ${min} and ${max}` });

/**
 * A retention period: an ISO 8601 duration in whole years, months, weeks or days (`P3Y`, `P18M`, `P30D`, `P1Y6M`), a
 * plain number of days, or `never`. Becomes an ISO string PostgreSQL reads as an interval, or null for never.
 */
const retentionPeriod = (name: string, minDays: number) =>
  z
    .string()
    .regex(/^(never|\d{1,6}|P(?=\d)(\d{1,4}Y)?(\d{1,5}M)?(\d{1,5}W)?(\d{1,6}D)?)$/i, {
      error: `${name} must be an ISO 8601 period such as P3Y, P18M or P30D, a number of days, or never`,
    })
    .transform((v) => (v.toLowerCase() === 'never' ? null : /^\d+$/.test(v) ? `P${Number(v)}D` : v.toUpperCase()))
    .refine((v) => v === null || approxDays(v) >= minDays, { error: `${name} must be at least ${minDays} day${minDays === 1 ? '' : 's'} (or never)` })
    // Longer than a century is "never" in practice, and PostgreSQL cannot subtract thousands of years from now().
    .refine((v) => v === null || approxDays(v) <= 100 * 365, { error: `${name} must be at most 100 years (or never)` });

/** Roughly how many days an ISO period (as produced above) spans; for the lower bounds only. */
export function approxDays(period: string): number {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
}

const schema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: int('PORT', 1, 65535).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { error: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  SESSION_SECRET: z.string().min(32, { error: 'SESSION_SECRET must be at least 32 characters' }).optional(),
  DEMO_MODE: bool('DEMO_MODE').optional(),
  DEMO_REPORTS: bool('DEMO_REPORTS').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'LOG_FORMAT must be json or pretty' }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  PG_PORT: int('PG_PORT', 1024, 65535).optional(),
  SESSION_IDLE_MINUTES: int('SESSION_IDLE_MINUTES', 5, 10080).optional(),
  SESSION_MAX_HOURS: int('SESSION_MAX_HOURS', 1, 2160).optional(),
  COOKIE_SECURE: bool('COOKIE_SECURE').optional(),
  ADMIN_EMAIL: z.email({ error: 'ADMIN_EMAIL must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, { error: 'ADMIN_PASSWORD must be at least 12 characters' }).optional(),
  ADMIN_NAME: z.string().min(1).optional(),
  ADMIN_ORGANIZATION: z.string().min(1).optional(),
  CLIENT_DIR: z.string().min(1).optional(),
  MAP_TILE_URL: z
    .string()
    .regex(/^(https?:\/\/.+\{z\}.+\{x\}.+\{y\}.*|none)$/, { error: 'MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, or none' })
    .optional(),
  MAP_ATTRIBUTION: z.string().max(300).optional(),
  SERVICE_ORGANIZATION: z.string().min(1).max(200).optional(),
  ACCESSIBILITY_EMAIL: z.email({ error: 'ACCESSIBILITY_EMAIL must be an e-mail address' }).optional(),
  ACCESSIBILITY_PHONE: z
    .string()
    .regex(/^\+?[\d\s()-]{5,30}$/, { error: 'ACCESSIBILITY_PHONE must be a phone number' })
    .optional(),
  CASE_REOPEN_DAYS: int('CASE_REOPEN_DAYS', 0, 3650).optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|yes|no|[0-9]|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
      error: "TRUST_PROXY must be true, false, a number of proxy hops, or the proxies' addresses (comma-separated, CIDR allowed)",
    })
    .transform((v): false | number | string[] =>
      v === 'false' || v === 'no' || v === '0' ? false : v === 'true' || v === 'yes' ? 1 : /^\d$/.test(v) ? Number(v) : v.split(',').map((a) => a.trim()),
    )
    .optional(),
  PUBLIC_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, { error: 'PUBLIC_ORIGIN must be an origin such as https://samverka.kommun.se' })
    .optional(),
  DB_TIMEOUT_MS: int('DB_TIMEOUT_MS', 1000, 600000).optional(),
  BACKGROUND_JOBS: bool('BACKGROUND_JOBS').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).max(300).optional(),
  RETENTION_SCHEDULE: z
    .string()
    .regex(/^\S+( \S+){4}$/, { error: 'RETENTION_SCHEDULE must be a cron expression with five fields, e.g. "15 3 * * *"' })
    .refine((v) => cronProblem(v, TIME_ZONE) === null, { error: 'RETENTION_SCHEDULE is not a valid cron expression' })
    .optional(),
  RETENTION_REPORT_DETAILS: retentionPeriod('RETENTION_REPORT_DETAILS', 30).optional(),
  RETENTION_SESSIONS: retentionPeriod('RETENTION_SESSIONS', 1).optional(),
  RETENTION_LOGIN_ATTEMPTS: retentionPeriod('RETENTION_LOGIN_ATTEMPTS', 1).optional(),
  RETENTION_IMPORT_ERRORS: retentionPeriod('RETENTION_IMPORT_ERRORS', 1).optional(),
});

/** The validated settings the application runs with. */
export interface AppConfig {
  production: boolean;
  port: number;
  databaseUrl?: string;
  sessionSecret: string;
  demoMode: boolean;
  /** With the demo data, also six months of generated reports and weekly levels. */
  demoReports: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `pretty` (pino-pretty, for a person at a terminal) or `json` (one object a line, for log collectors). */
  logFormat: 'json' | 'pretty';
  dataDir: string;
  pgPort?: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  initialAdmin?: { email: string; password: string; name: string; organization: string };
  clientDir: string;
  /** Map tiles for the client (Leaflet URL template), or null for a map without a background. */
  mapTileUrl: string | null;
  mapAttribution: string;
  /** Who runs this installation and how to report accessibility problems, for the public accessibility statement. */
  accessibility: { organization: string | null; contactEmail: string | null; contactPhone: string | null };
  /** Days after closing during which a case can be reopened. */
  caseReopenDays: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for sign-in throttling). */
  /**
   * Which proxies' X-Forwarded-For to believe: false, a number of hops (true = 1, the proxy in front), or their
   * addresses. Never "every hop": the left end of the header is whatever the client sent.
   */
  trustProxy: false | number | string[];
  /** The origin browsers use, when it differs from the Host the API sees (behind a proxy). */
  publicOrigin?: string;
  /**
   * The longest a request waits for the database: for a connection from the pool, for one statement (client-side
   * read timeout, server-side statement_timeout and lock_timeout). Then it is answered 503 with Retry-After.
   */
  dbTimeoutMs: number;
  /** Run the job queue (pg-boss) and the scheduled jobs in this process. */
  backgroundJobs: boolean;
  /**
   * Where mails go: an SMTP server (`SMTP_URL`, sender `MAIL_FROM`), or, without one (demo mode), only the outbox that
   * administrators read in the client.
   */
  mail: { smtpUrl: string | null; from: string };
  /** Retention (gallring): when it runs, and how long each kind of record is kept (ISO 8601 periods; null = kept). */
  retention: RetentionSettings;
}

/** How long each kind of record is kept before the retention job removes it (ISO 8601 periods; null = never removed). */
export interface RetentionSettings {
  /**
   * Cron expression (Europe/Stockholm) of the daily retention run, as this process was configured: the installation's
   * schedule is stored once (retention-schedule.service.ts), initialised from the first process that runs the job queue.
   */
  schedule: string;
  /** A report's free text, exact coordinates and reporter, counted from when it was observed. */
  reportDetails: string | null;
  /** Sessions, counted from when they ended (expired or signed out). */
  sessions: string | null;
  /** Throttling records of failed sign-ins (e-mail address, network address), counted from the last failure. */
  loginAttempts: string | null;
  /** The list of rejected rows (line, column, reason) of an import, counted from when it finished. */
  importErrors: string | null;
}

/** Thrown for an invalid setting; its message is one readable line naming the setting. */
export class ConfigError extends Error {}

const DEMO_SECRET = 'samverka-demo-session-secret-do-not-use-in-production';

/** Reads and validates the configuration from environment variables; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings count as "not set", as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? 'configuration');
    const got = cleaned[key];
    const shown = key.includes('SECRET') || key.includes('PASSWORD') || key === 'DATABASE_URL' || key === 'SMTP_URL' ? '' : ` (got "${got}")`;
    throw new ConfigError(`Invalid configuration: ${issue.message}${got !== undefined ? shown : ''}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demoMode = e.DEMO_MODE ?? !production;
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET is required when NODE_ENV=production');
  }
  if (demoMode && production) {
    throw new ConfigError('Invalid configuration: DEMO_MODE cannot be true when NODE_ENV=production');
  }
  if ((e.ADMIN_EMAIL && !e.ADMIN_PASSWORD) || (!e.ADMIN_EMAIL && e.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return {
    production,
    port: e.PORT ?? 3000,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? DEMO_SECRET,
    demoMode,
    demoReports: e.DEMO_REPORTS ?? true,
    logLevel: e.LOG_LEVEL ?? 'info',
    // Readable lines for a person at a terminal outside production; JSON for everything else (files, collectors).
    logFormat: e.LOG_FORMAT ?? (!production && process.stdout.isTTY ? 'pretty' : 'json'),
    dataDir: e.DATA_DIR ?? '.data',
    pgPort: e.PG_PORT,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES ?? 480,
    sessionMaxHours: e.SESSION_MAX_HOURS ?? 168,
    cookieSecure: e.COOKIE_SECURE ?? production,
    initialAdmin:
      e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? {
            email: e.ADMIN_EMAIL.toLowerCase(),
            password: e.ADMIN_PASSWORD,
            name: e.ADMIN_NAME ?? 'Administratör',
            organization: e.ADMIN_ORGANIZATION ?? 'Kommunen',
          }
        : undefined,
    clientDir: e.CLIENT_DIR ?? 'dist/client/browser',
    mapTileUrl: e.MAP_TILE_URL === 'none' ? null : (e.MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    mapAttribution: e.MAP_ATTRIBUTION ?? '© OpenStreetMap contributors',
    accessibility: { organization: e.SERVICE_ORGANIZATION ?? null, contactEmail: e.ACCESSIBILITY_EMAIL ?? null, contactPhone: e.ACCESSIBILITY_PHONE ?? null },
    caseReopenDays: e.CASE_REOPEN_DAYS ?? 90,
    trustProxy: e.TRUST_PROXY ?? false,
    publicOrigin: e.PUBLIC_ORIGIN,
    dbTimeoutMs: e.DB_TIMEOUT_MS ?? 10_000,
    backgroundJobs: e.BACKGROUND_JOBS ?? true,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM ?? 'Samverka <noreply@samverka.invalid>' },
    retention: {
      schedule: e.RETENTION_SCHEDULE ?? '15 3 * * *',
      reportDetails: e.RETENTION_REPORT_DETAILS === undefined ? 'P3Y' : e.RETENTION_REPORT_DETAILS,
      sessions: e.RETENTION_SESSIONS === undefined ? 'P30D' : e.RETENTION_SESSIONS,
      loginAttempts: e.RETENTION_LOGIN_ATTEMPTS === undefined ? 'P30D' : e.RETENTION_LOGIN_ATTEMPTS,
      importErrors: e.RETENTION_IMPORT_ERRORS === undefined ? 'P90D' : e.RETENTION_IMPORT_ERRORS,
    },
  };
}
