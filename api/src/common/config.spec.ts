import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives demo defaults without any settings', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.demoMode).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.cookieSecure).toBe(false);
  });

  it('rejects a port that is not a number, naming PORT in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")');
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('rejects a DATABASE_URL that is not a PostgreSQL URL without echoing it', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL must be a postgres/);
    expect(message).not.toContain('secret');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('believes only the proxies it is told to: one hop for true, a count, or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be/);
  });

  it('refuses retention periods PostgreSQL could not compute', () => {
    expect(() => loadConfig({ RETENTION_REPORT_DETAILS: 'P9999Y' })).toThrow(/RETENTION_REPORT_DETAILS must be at most 100 years/);
    expect(loadConfig({ RETENTION_REPORT_DETAILS: 'P100Y' }).retention.reportDetails).toBe('P100Y');
  });

  it('rejects an unknown log level and a short session secret', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32/);
  });

  it('requires a session secret in production and no demo data there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required/);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    expect(c.demoMode).toBe(false);
    expect(c.cookieSecure).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
  });

  it('accepts an external database and the first admin', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/samverka', ADMIN_EMAIL: 'It@Kommun.se', ADMIN_PASSWORD: 'a-long-password' });
    expect(c.databaseUrl).toBe('postgres://u:p@db:5432/samverka');
    expect(c.initialAdmin?.email).toBe('it@kommun.se');
    expect(() => loadConfig({ ADMIN_EMAIL: 'it@kommun.se' })).toThrow(/must be set together/);
  });

  it('configures the map tiles, or none', () => {
    expect(loadConfig({}).mapTileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(loadConfig({ MAP_TILE_URL: 'none' }).mapTileUrl).toBeNull();
    expect(() => loadConfig({ MAP_TILE_URL: 'ftp://tiles' })).toThrow(/MAP_TILE_URL must be/);
  });
});
