// Renders action plans through the compiled render pool (dist/api) in a process of its own, and reports whether
// pdfmake was ever loaded into the main thread. Argument: the number of actions.
const { join } = require('node:path');
const dist = join(__dirname, '..', '..', '..', 'dist', 'api', 'templates', 'src');
const { renderDocument, stopRenderWorker } = require(join(dist, 'render-pool.js'));

const actions = Number(process.argv[2] ?? 300);
const row = (i) => ({
  number: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
  cause: 'Trasig belysning gör tvättstugan till tillhåll',
  what: `Åtgärd nummer ${i + 1}`,
  goal: 'Inga samlingar efter kl 22',
  start: '2026-11-23',
  due: '2026-12-15',
  organization: 'Exempelbostäder AB',
  owner: 'Sven Säkerhetschef',
  status: 'green',
  statusText: 'Pågår',
  kind: 'one_off',
  term: 'short',
});
const rows = Array.from({ length: actions }, (_, i) => row(i));
const view = {
  lang: 'sv',
  partnership: ['Exempelstad kommun', 'Lokalpolisområde Exempelstad', 'Exempelbostäder AB'],
  areas: ['Norrby'],
  period: { from: '2026-11-01', to: '2026-11-30' },
  meeting: { title: 'Chefssamråd november', date: '2026-11-20' },
  version: '1',
  generatedAt: '2026-11-21 10:00',
  picture: [
    {
      area: 'Norrby',
      level: 'yellow',
      levelRationale: 'Ökning',
      reports: 23,
      previousAverage: 14.25,
      trend: [9, 11, 10, 12, 14, 15, 13, 16, 18, 21, 19, 23],
      topPlaces: [],
    },
  ],
  cases: Array.from({ length: Math.ceil(actions / 10) }, (_, c) => ({ title: `Ärende ${c + 1}`, state: 'execution', rows: rows.slice(c * 10, c * 10 + 10) })),
  participants: [],
  approval: null,
  fingerprint: 'f'.repeat(64),
};

(async () => {
  // Ticks of the main thread while the documents are laid out: the worker must leave it free to tick.
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 10);
  const [a, b] = await Promise.all([renderDocument({ kind: 'action-plan', view }), renderDocument({ kind: 'action-plan', view: { ...view, lang: 'en' } })]);
  clearInterval(ticker);
  // A worker stopped under a job rejects it; the next job starts a new worker.
  const interrupted = renderDocument({ kind: 'action-plan', view });
  await stopRenderWorker();
  const interruptedError = await interrupted.then(
    () => null,
    (e) => e.message,
  );
  const again = await renderDocument({ kind: 'action-plan', view: { ...view, cases: view.cases.slice(0, 1) } });
  await stopRenderWorker();
  const pdfmakeInMain = Object.keys(require.cache).some((k) => k.includes(`${require('node:path').sep}pdfmake${require('node:path').sep}`));
  process.stdout.write(
    JSON.stringify({ sv: a.toString('base64'), en: b.toString('base64'), again: again.toString('base64'), interruptedError, pdfmakeInMain, ticks }),
  );
})().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
