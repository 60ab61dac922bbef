import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, freshDatabase, ROOT } from './support/processes';

/**
 * What `npm start` shows: at a terminal (a pseudo-terminal made by util-linux `script`) readable pino-pretty lines,
 * and after the start-up logs the address and the demo accounts; with stdout a pipe (a service, a log collector)
 * one JSON object a line.
 */
describe('the console of npm start', () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  /** Runs scripts/start.mjs until the banner has been printed and a moment more, then stops it; its output. */
  async function run(terminal: boolean): Promise<string> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SAMVERKA_SKIP_BUILD: '1',
      DATABASE_URL: db.url,
      PORT: String(port),
      LOG_LEVEL: 'info',
      DEMO_MODE: 'true',
      DEMO_REPORTS: 'false',
      MAP_TILE_URL: 'none',
      CLIENT_DIR: '/nonexistent',
      NO_COLOR: '1',
    };
    delete env.NODE_ENV;
    delete env.LOG_FORMAT;
    const command = `${process.execPath} ${join(ROOT, 'scripts/start.mjs')}`;
    const child = terminal
      ? spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
    try {
      await new Promise<void>((ok, fail) => {
        const check = setInterval(() => {
          if (/est-demo-2026[\s\S]*reporter/.test(out)) {
            clearInterval(check);
            ok();
          }
        }, 100);
        child.on('exit', () => {
          clearInterval(check);
          fail(new Error(`start.mjs ended before its banner:\n${out}`));
        });
      });
      // A request after the start: its log line comes after the banner, as it should.
      await fetch(`http://127.0.0.1:${port}/api/auth/session`);
    } finally {
      child.kill('SIGTERM');
      if (terminal) child.stdin?.end();
      await exited;
    }
    return out.replace(/\r/g, '');
  }

  it('at a terminal: pino-pretty lines, then the address and the demo accounts below the start-up logs', async () => {
    const out = await run(true);
    const lines = out.split('\n');
    const banner = lines.findIndex((l) => l.startsWith('Samverka is running on http://localhost:'));
    const started = lines.findIndex((l) => /Nest application successfully started/.test(l));
    expect({ banner: banner >= 0, started: started >= 0 }).toEqual({ banner: true, started: true });
    expect(started).toBeLessThan(banner);
    // Readable lines, not JSON objects.
    expect(lines[started]).toMatch(/INFO/);
    expect(lines.some((l) => l.startsWith('{"level":'))).toBe(false);
    expect(lines.slice(banner).join('\n')).toMatch(/samordnare@exempelstad\.se\s+coordinator/);
    // Nothing of the start-up comes after the banner.
    const afterBanner = lines.slice(banner + 1).filter((l) => /INFO|WARN/.test(l));
    expect(afterBanner.filter((l) => !/request completed|GET \/api/.test(l))).toEqual([]);
  });

  it('without a terminal: one JSON object a line', async () => {
    const out = await run(false);
    const logLines = out.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const l of logLines) expect(() => JSON.parse(l)).not.toThrow();
    expect(logLines.some((l) => /Nest application successfully started/.test(l))).toBe(true);
    expect(out).toMatch(/Samverka is running on http:\/\/localhost:\d+/);
  });
});
