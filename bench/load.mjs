#!/usr/bin/env node
// The load generator, run by run.mjs as a separate process so that it does not share an event loop with anything it
// measures: autocannon against one URL for a bounded time. Argument: JSON {url, method, headers, body, connections,
// duration}; prints one JSON line with the result.
import autocannon from 'autocannon';

const cfg = JSON.parse(process.argv[2]);
const result = await autocannon({
  url: cfg.url,
  method: cfg.method ?? 'GET',
  headers: cfg.headers ?? {},
  body: cfg.body,
  connections: cfg.connections ?? 50,
  duration: cfg.duration ?? 10,
  pipelining: 1,
  ...(cfg.rate ? { overallRate: cfg.rate } : {}),
  timeout: 30,
});
process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.average,
    totalRequests: result.requests.total,
    durationSeconds: result.duration,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodeStats: result.statusCodeStats,
  })}\n`,
);
