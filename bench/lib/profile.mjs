// Reads a V8 CPU profile (node --cpu-prof) of the API process and attributes its samples to packages, for the
// report's "where the API's CPU goes" tables.
import { readFileSync } from 'node:fs';

// Not CPU spent on the benchmarked work: waiting, module loading at start-up. Socket writes are reported apart: on
// a machine with fewer cores than busy processes a thread that wakes its peer inside writev() is often descheduled
// there, so the sampled wall time overstates their cost.
const IDLE = new Set(['(idle)', '(program)']);
const LOADING = new Set([
  'stat',
  'lstat',
  'internalModuleStat',
  'wrapSafe',
  'compileFunction',
  'readFileUtf8',
  'realpathSync',
  'internalModuleReadJSON',
  'read',
]);

function packageOf(url, fn) {
  if (url.includes('node_modules/')) {
    const rest = url.split('node_modules/').pop();
    return rest
      .split('/')
      .slice(0, rest.startsWith('@') ? 2 : 1)
      .join('/');
  }
  if (url.includes('/dist/api/')) return `samverka: ${url.split('/dist/api/')[1].split('/').slice(0, 1).join('/')}`;
  if (url.startsWith('node:')) {
    if (/async_hooks|task_queues|timers/.test(url)) return 'node: async hooks, promises, timers';
    if (/http|net|stream/.test(url)) return 'node: http, net, streams';
    if (/events/.test(url)) return 'node: events';
    if (/buffer|string_decoder|util/.test(url)) return 'node: buffers, strings';
    return 'node: other';
  }
  if (fn === 'runMicrotasks') return 'node: async hooks, promises, timers';
  if (/^(utf8Slice|latin1Slice|asciiSlice|ucs2Slice|utf8Write|byteLengthUtf8|copy|compare|fill)$/.test(fn)) return 'node: buffers, strings';
  if (fn === '(garbage collector)') return 'garbage collector';
  if (fn.startsWith('RegExp:')) return 'regular expressions';
  return 'native / other';
}

/**
 * @returns {{ busyMs: number, socketWritesMs: number, byPackage: {name: string, ms: number, share: number}[] }}
 */
export function analyzeProfile(file, window = null) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // Sample times are on CLOCK_MONOTONIC in µs, like process.hrtime() in any process: keep those inside the window.
  let t = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    t += prof.timeDeltas[i] ?? 0;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const by = {};
  let busy = 0;
  let writes = 0;
  for (const [id, us] of self) {
    const { functionName: fn, url = '' } = nodes.get(id).callFrame;
    if (IDLE.has(fn) || LOADING.has(fn) || url.includes('cjs/loader') || url.includes('tsconfig-paths') || url.includes('package_json_reader')) continue;
    if (fn === 'writev') {
      writes += us;
      continue;
    }
    const k = fn === 'writeString' || fn === 'writeBuffer' ? 'file writes (the JSON request log)' : packageOf(url, fn);
    by[k] = (by[k] ?? 0) + us;
    busy += us;
  }
  return {
    busyMs: busy / 1000,
    socketWritesMs: writes / 1000,
    byPackage: Object.entries(by)
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busy })),
  };
}
