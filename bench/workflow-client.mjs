#!/usr/bin/env node
// Workflow load, run by run.mjs as a separate process: `clients` concurrent clients send SAVE_ANALYSIS events to
// cases for `duration` seconds, each with the version it last read; on 409 CASE.STALE_VERSION a client takes the
// current version (from the answer, else by reading the case) and tries again. Argument: JSON {base, cookie,
// caseIds, clients, duration, startVersions}; prints one JSON line: accepted per case, conflicts, errors, latency.
import http from 'node:http';

const cfg = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.clients + 4 });

function call(method, path, body) {
  return new Promise((ok, fail) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = http.request(
      `${cfg.base}${path}`,
      {
        method,
        agent,
        // A write with the session cookie must say it comes from the product itself (Origin), as a browser's does.
        headers: {
          cookie: cfg.cookie,
          ...(method !== 'GET' ? { origin: new URL(cfg.base).origin } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', fail);
    if (payload) req.write(payload);
    req.end();
  });
}

const version = new Map(cfg.caseIds.map((id, i) => [id, cfg.startVersions[i]]));
const accepted = Object.fromEntries(cfg.caseIds.map((id) => [id, 0]));
let conflicts = 0;
let otherErrors = 0;
const otherStatuses = {};
const latencies = [];
const deadline = Date.now() + cfg.duration * 1000;
let seq = 0;

async function client(i) {
  const caseId = cfg.caseIds[i % cfg.caseIds.length];
  // Every client keeps its own idea of the version, as a browser tab would.
  let v = version.get(caseId);
  while (Date.now() < deadline) {
    const t = process.hrtime.bigint();
    const res = await call('POST', `/api/cases/${caseId}/events`, {
      type: 'SAVE_ANALYSIS',
      version: v,
      analysis: `Analys ${++seq}: samlingar i tvättstugan fredag–lördag kväll`,
    });
    if (res.status === 200) {
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      accepted[caseId]++;
      v = JSON.parse(res.body).version;
    } else if (res.status === 409 && res.body.includes('STALE_VERSION')) {
      conflicts++;
      const current = JSON.parse(res.body).currentVersion;
      v = Number.isInteger(current) ? current : JSON.parse((await call('GET', `/api/cases/${caseId}`)).body).version;
    } else {
      otherErrors++;
      otherStatuses[res.status] = (otherStatuses[res.status] ?? 0) + 1;
      if (otherErrors > 1000) break;
    }
  }
}

const t0 = Date.now();
await Promise.all(Array.from({ length: cfg.clients }, (_, i) => client(i)));
const seconds = (Date.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? null;
const total = Object.values(accepted).reduce((a, b) => a + b, 0);
process.stdout.write(
  `${JSON.stringify({ seconds, accepted, acceptedTotal: total, eventsPerSecond: total / seconds, conflicts, otherErrors, otherStatuses, latency: { p50: pct(50), p99: pct(99) } })}\n`,
);
