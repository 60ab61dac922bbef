// A flood of request bodies with 110 000 properties each (just under the 1 MB limit) while /api/health is polled:
// how long the API's event loop is held (the health check's latency) and what the flood is answered with.
import { existsSync, readFileSync } from 'node:fs';
import { login, request, sleep, summarize } from './util.mjs';

/** The API's own event-loop delay between two times, from the lines lib/eld-probe.cjs wrote (null without it). */
function eventLoopDelay(file, from, to) {
  if (!file || !existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => r.t >= from && r.t <= to + 500);
  if (!rows.length) return null;
  return { maxMs: Math.max(...rows.map((r) => r.max)), p99OfWindowsMs: summarize(rows.map((r) => r.p99)).p99, windows: rows.length };
}

/** `{"email":…,"password":…,"0":0,"1":0,…}` with `n` made-up properties (base-36 names: 110 000 fit in 1 MB). */
export function manyPropertiesBody(n) {
  const parts = ['"email":"analytiker@exempelstad.se"', '"password":"est-demo-2026"'];
  for (let i = 0; i < n; i++) parts.push(`"${i.toString(36)}":0`);
  return `{${parts.join(',')}}`;
}

/** Polls /api/health every `everyMs` until stopped; returns the latencies in ms (a stalled event loop shows here). */
function healthProbe(base, everyMs = 20) {
  let running = true;
  const latencies = [];
  const failures = [];
  const done = (async () => {
    while (running) {
      const t = process.hrtime.bigint();
      try {
        const r = await request('GET', `${base}/api/health`, { timeout: 120_000 });
        if (r.status !== 200) failures.push(r.status);
      } catch (e) {
        failures.push(String(e.message ?? e));
      }
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { ...summarize(latencies), failures };
    },
  };
}

/**
 * Sends `rounds` rounds of `concurrency` bodies at once (stopping early after `maxSeconds`), with the health probe
 * running; returns the answers (status, bytes, time) and the health latencies.
 */
async function flood(base, { path, headers, body, rounds, concurrency, maxSeconds, eldFile }) {
  const probe = healthProbe(base);
  const started = Date.now();
  const answers = [];
  const t0 = Date.now();
  for (let r = 0; r < rounds && Date.now() - t0 < maxSeconds * 1000; r++) {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const t = process.hrtime.bigint();
        try {
          const res = await request('POST', `${base}${path}`, { body, headers: { 'content-type': 'application/json', ...headers }, timeout: 300_000 });
          let code = null;
          try {
            code = JSON.parse(res.body).code ?? null;
          } catch {
            /* not JSON */
          }
          answers.push({ status: res.status, code, bytes: Buffer.byteLength(res.body), ms: Number(process.hrtime.bigint() - t) / 1e6 });
        } catch (e) {
          answers.push({ status: null, code: String(e.message ?? e), bytes: 0, ms: Number(process.hrtime.bigint() - t) / 1e6 });
        }
      }),
    );
  }
  const seconds = (Date.now() - t0) / 1000;
  const health = await probe.stop();
  const byStatus = {};
  for (const a of answers) byStatus[`${a.status} ${a.code}`] = (byStatus[`${a.status} ${a.code}`] ?? 0) + 1;
  return {
    sent: answers.length,
    seconds,
    byStatus,
    answerBytes: summarize(answers.map((a) => a.bytes)),
    answerMs: summarize(answers.map((a) => a.ms)),
    health,
    eventLoopDelay: eventLoopDelay(eldFile, started, Date.now()),
  };
}

/**
 * The benchmark: health latency at rest, during an anonymous flood of the sign-in (the per-address throttle may
 * turn it away), and during a signed-in user's flood of POST /api/reports (nothing throttles it: every body is
 * refused on its own merits).
 */
export async function bodyFlood(base, { properties = 110_000, rounds = 8, concurrency = 4, maxSeconds = 90, eldFile = null, log = () => {} } = {}) {
  const body = manyPropertiesBody(properties);
  const out = { properties, bodyBytes: Buffer.byteLength(body), rounds, concurrency };
  const idle = healthProbe(base);
  const idleFrom = Date.now();
  await sleep(3000);
  out.idleHealth = await idle.stop();
  out.idleEventLoopDelay = eventLoopDelay(eldFile, idleFrom, Date.now());
  log(`health at rest: p50 ${out.idleHealth.p50.toFixed(1)} ms, max ${out.idleHealth.max.toFixed(1)} ms`);
  out.anonymousSignIn = await flood(base, { path: '/api/auth/login', headers: {}, body, rounds, concurrency, maxSeconds, eldFile });
  log(
    `sign-in flood: ${JSON.stringify(out.anonymousSignIn.byStatus)}; health p50 ${out.anonymousSignIn.health.p50.toFixed(1)} ms, max ${out.anonymousSignIn.health.max.toFixed(1)} ms; API event-loop delay max ${out.anonymousSignIn.eventLoopDelay?.maxMs ?? '?'} ms`,
  );
  // The flood may have made this address wait: sign in as a user once it may again (nothing counts a success).
  let cookie = null;
  for (let i = 0; i < 200 && !cookie; i++) {
    try {
      cookie = await login(base, 'samordnare@exempelstad.se');
    } catch {
      await sleep(1000);
    }
  }
  if (!cookie) throw new Error('could not sign in after the flood');
  out.signedInReports = await flood(base, { path: '/api/reports', headers: { cookie, origin: base }, body, rounds, concurrency, maxSeconds, eldFile });
  log(
    `signed-in flood of POST /api/reports: ${JSON.stringify(out.signedInReports.byStatus)}; health p50 ${out.signedInReports.health.p50.toFixed(1)} ms, max ${out.signedInReports.health.max.toFixed(1)} ms; API event-loop delay max ${out.signedInReports.eventLoopDelay?.maxMs ?? '?'} ms`,
  );
  return out;
}
