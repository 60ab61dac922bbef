// Preloaded into the product's process by bench/body-flood.mjs (`node --require`): samples the event loop's delay
// (perf_hooks.monitorEventLoopDelay, 10 ms resolution) and appends one JSON line per 250 ms to BENCH_ELD_FILE:
// {t, max, p99, p50, mean} in ms, the histogram reset after each line. A stalled loop shows as a large max.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_ELD_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  setInterval(() => {
    if (h.count > 0)
      appendFileSync(file, `${JSON.stringify({ t: Date.now(), max: ms(h.max), p99: ms(h.percentile(99)), p50: ms(h.percentile(50)), mean: ms(h.mean) })}\n`);
    h.reset();
  }, 250).unref();
}
