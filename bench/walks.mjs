#!/usr/bin/env node
// Safety walks: the photo processing per upload (decode, rotate, strip metadata, re-encode to ≤ 2000 px plus a
// 320 px thumbnail: the compiled PhotoProcessor of dist/) and the walk report PDF of a walk with 200 findings and 400
// photos (two thumbnails per finding shown; the compiled walkReportDocument + renderPdf). Not a test: prints figures
// and writes bench/results/walks.json. Run after `npx nx run api:build`: `node bench/walks.mjs` (BENCH_UPLOADS=n).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const sharp = require('sharp');
// The workspace's path aliases, mapped into dist/ as scripts/start.mjs does for the API.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@samverka\/(\w+)$/.exec(request);
  return resolve.call(this, m ? join(root, 'dist/api', m[1], 'src/index.js') : request, ...rest);
};
const { PhotoProcessor } = require(join(root, 'dist/api/api/src/walks/photos.js'));
const t = require(join(root, 'dist/api/templates/src/index.js'));

const ms = (a, b) => Number(b - a) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1].toFixed(1) };
};

// A phone photo: 4032 × 3024, noisy (so that JPEG does not compress it away), with EXIF GPS, camera and owner.
async function phonePhoto(seed) {
  const w = 4032,
    h = 3024;
  const raw = Buffer.alloc(w * h * 3);
  let x = seed;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (i % 3 === 0 ? 90 : 140) + (x & 63);
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'Fabrikam', Model: 'Phone 12', Artist: 'Ägaren' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 16/1 2667/100', GPSLongitudeRef: 'E', GPSLongitude: '15/1 12/1 2376/100' },
    })
    .toBuffer();
}

const uploads = Number(process.env.BENCH_UPLOADS ?? 20);
const p = new PhotoProcessor();
const photos = [await phonePhoto(1), await phonePhoto(2)];
await p.process('warm-up.jpg', photos[0]);
const times = [];
let out;
for (let i = 0; i < uploads; i++) {
  const a = process.hrtime.bigint();
  out = await p.process(`IMG_${i}.jpg`, photos[i % 2]);
  times.push(ms(a, process.hrtime.bigint()));
}
const meta = await sharp(out.image).metadata();
const photo = {
  input: { width: 4032, height: 3024, bytes: photos[0].length },
  output: { width: out.width, height: out.height, bytes: out.image.length, thumbnailBytes: out.thumbnail.length, exif: meta.exif !== undefined },
  ms: stats(times),
};

// The report of a walk with 200 findings and 400 photos (two thumbnails each, as the table shows at most two).
const thumb = out.thumbnail.toString('base64');
const route = Array.from({ length: 60 }, (_, i) => [15.2 + i * 0.0005, 59.27 + Math.sin(i / 6) * 0.002]);
const base = {
  lang: 'sv',
  title: 'Bench: stor vandring',
  area: 'Centrum',
  date: '2026-11-24 18:00',
  meetingPoint: 'Stortorget',
  organization: 'Exempelstad kommun',
  invited: ['Exempelbostäder AB', 'Lokalpolisområde Exempelstad'],
  participants: [{ group: 'Boende', count: 12 }],
  state: 'Uppföljd',
  route,
  findings: Array.from({ length: 200 }, (_, i) => ({
    number: i + 1,
    where: `Plats ${i % 40}`,
    position: route[i % 60],
    what: 'Belysning',
    description: 'Två trasiga lampor i gångtunneln, mörkt efter klockan fem',
    severity: ['Låg', 'Medel', 'Hög'][i % 3],
    severityLevel: ['low', 'medium', 'high'][i % 3],
    responsible: 'Exempelbostäder AB',
    status: 'Insats: pågår, 2027-01-31',
    thumbnails: [thumb, thumb],
  })),
  stops: Array.from({ length: 10 }, (_, i) => ({ stop: i + 1, label: `Stopp ${i + 1}`, answers: [{ item: 'Belysning', answer: 'Dålig', comment: 'Mörkt' }] })),
  followUpNote: 'Uppföljd.',
  generatedAt: '2026-12-01 10:00',
};
const view = { ...base, fingerprint: t.fingerprintOf(base) };
await t.renderPdf(t.walkReportDocument({ ...view, findings: view.findings.slice(0, 5) })); // fonts, JIT
const pdfTimes = [];
let pdf;
for (let i = 0; i < 3; i++) {
  const a = process.hrtime.bigint();
  pdf = await t.renderPdf(t.walkReportDocument(view));
  pdfTimes.push(ms(a, process.hrtime.bigint()));
}
const report = { findings: 200, photos: 400, thumbnailsShown: 400, bytes: pdf.length, ms: stats(pdfTimes), target: '< 3000 ms' };
const result = {
  date: new Date().toISOString(),
  node: process.version,
  sharp: sharp.versions.sharp,
  vips: sharp.versions.vips,
  cpus: (await import('node:os')).cpus().length,
  photo,
  report,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/walks.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
