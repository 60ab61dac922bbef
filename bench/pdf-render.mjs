#!/usr/bin/env node
// Renders the joint action plan with N actions through the compiled templates (dist/api/templates/src:
// actionPlanDocument + renderPdf), in a fresh process per size so that its peak memory (VmHWM) belongs to that size
// alone. A first render of 20 actions (fonts, JIT; reported apart) and an untimed render of the size warm the process
// up as a running API is. Argument: JSON {root, actions, repeat}; prints one JSON line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const cfg = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);
const mem = () => {
  const s = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
};

const t = require(join(cfg.root, 'dist/api/templates/src/index.js'));
const CAUSES = [
  'Trasig belysning gör gångvägen mörk och otrygg kvällstid',
  'Ungdomar samlas i tvättstugan fredag–lördag kväll, dörren står öppen',
  'Nedskräpning och dumpade grovsopor vid återvinningsstationen',
];
const WHATS = [
  'Byta armaturer och trimma buskage längs gångvägen; felanmälan följs upp varje vecka av fastighetsägaren',
  'Kodlås på tvättstugan, förstärkt rond fredag och lördag 20–24 samt fältassistenter på plats',
  'Extra tömning två gånger i veckan och information till boende om grovsopsrummet',
];
const COLOURS = ['green', 'yellow', 'red', 'grey'];

function view(n) {
  const cases = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / 10);
    if (!cases[c]) cases[c] = { title: `Ärende ${c + 1}: återkommande samlingar och skadegörelse`, state: 'genomförande', rows: [] };
    cases[c].rows.push({
      number: `${c + 1}.${(i % 10) + 1}`,
      cause: CAUSES[i % 3],
      what: WHATS[i % 3],
      goal: 'Halvera antalet rapporter om samlingar inom åtta veckor',
      start: '2026-10-01',
      due: '2026-12-15',
      organization: i % 2 ? 'Exempelbostäder AB' : 'Exempelstad kommun',
      owner: i % 3 ? 'Sven Säkerhetschef' : null,
      status: COLOURS[i % 4],
      statusText: ['Pågår', 'Ej påbörjad, klar inom en vecka', 'Försenad 4 dagar', 'Avbruten: ersatt av annan åtgärd'][i % 4],
      kind: i % 2 ? 'ordinary' : 'one_off',
      term: i % 3 ? 'short' : 'long',
    });
  }
  const v = {
    lang: 'sv',
    partnership: ['Exempelbostäder AB', 'Exempelstad kommun', 'Lokalpolisområde Exempelstad'],
    areas: ['Benchområde 01'],
    period: { from: '2026-11-01', to: '2026-11-30' },
    meeting: null,
    version: 'aktuell 2026-11-21',
    generatedAt: '2026-11-21 10:00',
    picture: [
      {
        area: 'Benchområde 01',
        level: 'yellow',
        levelRationale: 'Förhöjt läge',
        reports: 190,
        previousAverage: 176.5,
        trend: [150, 160, 170, 180, 175, 190, 185, 170, 180, 200, 176, 190],
        topPlaces: [
          { name: 'Torget 01', count: 40 },
          { name: 'Parken 01', count: 31 },
          { name: 'Tvättstugan 01', count: 22 },
        ],
      },
    ],
    cases,
    participants: [],
    approval: null,
    fingerprint: '',
  };
  v.fingerprint = t.fingerprintOf(v);
  return v;
}

const afterLoad = mem();
// The first render of a process loads the fonts and compiles pdfmake's code paths: timed on its own.
const w0 = process.hrtime.bigint();
await t.renderPdf(t.actionPlanDocument(view(20)));
const first = Number(process.hrtime.bigint() - w0) / 1e6;
// And one untimed render of the size itself, so that the heap has grown as it has in a running API.
await t.renderPdf(t.actionPlanDocument(view(cfg.actions)));
const times = [];
let bytes = 0;
for (let r = 0; r < cfg.repeat; r++) {
  const t0 = process.hrtime.bigint();
  const pdf = await t.renderPdf(t.actionPlanDocument(view(cfg.actions)));
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  bytes = pdf.length;
}
const end = mem();
process.stdout.write(`${JSON.stringify({ actions: cfg.actions, first, times, bytes, rssAfterLoad: afterLoad.rss, peakRss: end.hwm })}\n`);
