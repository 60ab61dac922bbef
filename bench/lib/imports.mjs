// The import benchmark's files and transfers: one pass writes the CSV the API imports and the COPY file with the very
// same rows already mapped to the reports table (the ceiling), then a streamed multipart upload.
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { TEXTS } from './data.mjs';

const DAY = 86_400_000;

/** Swedish local time: CET, CEST from the last Sunday of March to the last Sunday of October (01:00 UTC). */
const dstCache = new Map();
function dstBounds(year) {
  let b = dstCache.get(year);
  if (!b) {
    const lastSunday = (month) => {
      const d = new Date(Date.UTC(year, month + 1, 0, 1));
      d.setUTCDate(d.getUTCDate() - d.getUTCDay());
      return d.getTime();
    };
    b = [lastSunday(2), lastSunday(9)];
    dstCache.set(year, b);
  }
  return b;
}
const pad = (n) => (n < 10 ? `0${n}` : String(n));
function stockholmLocal(ms) {
  const [s, e] = dstBounds(new Date(ms).getUTCFullYear());
  const d = new Date(ms + (ms >= s && ms < e ? 2 : 1) * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * Writes `n` rows as a `;`-separated CSV for POST /api/reports/import (columns id;tid;område;plats;kategori;beskrivning)
 * and as COPY text rows of the reports table as the import maps them (same area, place, category, time, text,
 * dedupe key `ext:<id>`, organisation, reporter, source, import id).
 */
export async function writeImportFiles({ n, tag, areas, categories, organizationId, reporterId, csvPath, copyPath }) {
  const csv = createWriteStream(csvPath);
  const copy = createWriteStream(copyPath);
  const importId = '00000000-0000-4000-8000-000000000001';
  const end = Math.floor((Date.now() - 2 * DAY) / 60_000) * 60_000;
  const span = 5 * 365 * DAY;
  csv.write('id;tid;område;plats;kategori;beskrivning\n');
  let a = '';
  let b = '';
  for (let i = 0; i < n; i++) {
    const area = areas[i % areas.length];
    const place = area.places[(i * 7 + (i >> 3)) % area.places.length];
    const cat = categories[(i * 5 + (i >> 4)) % categories.length];
    const t = end - span + Math.floor(((i / n) * span) / 60_000) * 60_000;
    const text = TEXTS[(i * 11) % TEXTS.length];
    const id = `${tag}-${i}`;
    a += `${id};${stockholmLocal(t)};${area.name};${place.name};${cat.label_sv};${text}\n`;
    b += `${area.id}\t${place.id}\t${cat.id}\t${new Date(t).toISOString()}\tmedium\tf\t${text}\text:${id}\t${organizationId}\t${reporterId}\timport\t${importId}\n`;
    if (a.length > 1 << 20) {
      csv.write(a);
      copy.write(b);
      a = '';
      b = '';
      // Wait for each stream that asks for it (checked afresh, so a 'drain' that came meanwhile is not waited for).
      if (csv.writableNeedDrain) await once(csv, 'drain');
      if (copy.writableNeedDrain) await once(copy, 'drain');
    }
  }
  csv.end(a);
  copy.end(b);
  await Promise.all([once(csv, 'finish'), once(copy, 'finish')]);
  return { csvBytes: statSync(csvPath).size, copyBytes: statSync(copyPath).size };
}

export const COPY_COLUMNS =
  'area_id, place_id, category_id, occurred_at, assessment, police_notified, description, dedupe_key, organization_id, reporter_id, source, import_id';

/** POST /api/reports/import with the file streamed from disk (multipart, field `file`); resolves with the JSON answer. */
export function uploadCsv(base, cookie, path, filename, mode = 'all_or_nothing') {
  return new Promise((ok, fail) => {
    const boundary = `----samverka-bench-${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\n${mode}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const size = statSync(path).size;
    const req = http.request(
      `${base}/api/reports/import`,
      {
        method: 'POST',
        headers: {
          cookie,
          origin: new URL(base).origin,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 202) return fail(new Error(`import answered ${res.statusCode}: ${body.slice(0, 300)}`));
          ok(JSON.parse(body));
        });
      },
    );
    req.on('error', fail);
    req.write(head);
    const file = createReadStream(path);
    file.on('error', fail);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}
