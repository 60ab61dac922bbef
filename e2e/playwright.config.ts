import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Browser tests run the real product (`scripts/start.mjs`: API + embedded PostgreSQL + built client) on its own port
// and a fresh data directory, in Debian's Chromium (no browser download).
const port = Number(process.env.E2E_PORT ?? 3123);
process.env.E2E_DATA_DIR ??= join(tmpdir(), `samverka-e2e-${Date.now()}`);

export default defineConfig({
  testDir: './tests',
  // Set once for every spec, for a slow shared runner: the axe-core runs and sign-ins of one test took over a minute
  // with the machine's two cores loaded 8× over, although nothing was wrong. A hang still fails, just later.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: '..',
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      SAMVERKA_SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
