import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AppConfig, loadConfig } from '../src/common/config';
import { createApp, RunningApp } from '../src/main';
import { DEMO_PASSWORD } from '../src/demo/demo-data';

/**
 * What a browser says about a request from the product's own page: writes that carry the session cookie need this
 * (or an Origin of the product), as `sameOriginWrites` requires. For requests that set the cookie themselves.
 */
export const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' } as const;

/** A fresh database in the run's embedded PostgreSQL; dropped again by `drop()`. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set (jest globalSetup starts the embedded PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = base.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp extends RunningApp {
  /** A bare request: no cookie, no Origin (a non-browser client, or a test that sets its own headers). */
  http: () => TestAgent;
  /**
   * Signs in and returns an agent that keeps the session cookie and, as a browser does, says that its requests come
   * from the product's own page (`Sec-Fetch-Site: same-origin`): writes with a session cookie need that or an Origin.
   */
  signIn: (email: string, password?: string) => Promise<TestAgent>;
  config: AppConfig;
  stop: () => Promise<void>;
}

/**
 * The whole API on a fresh, migrated database with the demo data; for integration tests. The job queue (pg-boss)
 * is off unless `env` sets BACKGROUND_JOBS=true: installing its schema would add about 0.5–1 s to every test file.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', CLIENT_DIR: '/nonexistent', DEMO_REPORTS: 'false', BACKGROUND_JOBS: 'false', ...env }),
    databaseUrl: db.url,
  };
  const running = await createApp(config);
  const server = running.app.getHttpServer();
  return {
    ...running,
    config,
    http: () => request(server),
    signIn: async (email, password = DEMO_PASSWORD) => {
      const agent = request.agent(server).set(SAME_ORIGIN);
      const res = await agent.post('/api/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    stop: async () => {
      await running.close();
      await db.drop();
    },
  };
}
