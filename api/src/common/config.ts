import { z } from 'zod';

/** Log levels understood by pino. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const bool = (name: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: `${name} must be true or false` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `${name} must be an integer between ${min} and ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `${name} must be an integer between ${min} and ${max}` });

const schema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: int('PORT', 1, 65535).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  SESSION_SECRET: z.string().min(32, { message: 'SESSION_SECRET must be at least 32 characters' }).optional(),
  DEMO_MODE: bool('DEMO_MODE').optional(),
  DEMO_REPORTS: bool('DEMO_REPORTS').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  DATA_DIR: z.string().min(1).optional(),
  PG_PORT: int('PG_PORT', 1024, 65535).optional(),
  SESSION_IDLE_MINUTES: int('SESSION_IDLE_MINUTES', 5, 10080).optional(),
  SESSION_MAX_HOURS: int('SESSION_MAX_HOURS', 1, 2160).optional(),
  COOKIE_SECURE: bool('COOKIE_SECURE').optional(),
  ADMIN_EMAIL: z.email({ message: 'ADMIN_EMAIL must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' }).optional(),
  ADMIN_NAME: z.string().min(1).optional(),
  ADMIN_ORGANIZATION: z.string().min(1).optional(),
  CLIENT_DIR: z.string().min(1).optional(),
  MAP_TILE_URL: z
    .string()
    .regex(/^(https?:\/\/.+\{z\}.+\{x\}.+\{y\}.*|none)$/, { message: 'MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, or none' })
    .optional(),
  MAP_ATTRIBUTION: z.string().max(300).optional(),
  CASE_REOPEN_DAYS: int('CASE_REOPEN_DAYS', 0, 3650).optional(),
  TRUST_PROXY: bool('TRUST_PROXY').optional(),
  PUBLIC_ORIGIN: z.string().regex(/^https?:\/\/[^/]+$/, { message: 'PUBLIC_ORIGIN must be an origin such as https://samverka.kommun.se' }).optional(),
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
  /** Days after closing during which a case can be reopened. */
  caseReopenDays: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for sign-in throttling). */
  trustProxy: boolean;
  /** The origin browsers use, when it differs from the Host the API sees (behind a proxy). */
  publicOrigin?: string;
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
    const shown = key.includes('SECRET') || key.includes('PASSWORD') || key === 'DATABASE_URL' ? '' : ` (got "${got}")`;
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
    caseReopenDays: e.CASE_REOPEN_DAYS ?? 90,
    trustProxy: e.TRUST_PROXY ?? false,
    publicOrigin: e.PUBLIC_ORIGIN,
  };
}
