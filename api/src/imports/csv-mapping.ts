import { TZDate } from '@date-fns/tz';
import { type Assessment, findPersonalData, type ImportRejectionCode, type RejectedImportRow } from '@samverka/contracts';
import { createHash } from 'node:crypto';
import { SWEDEN_BOUNDS } from '../reports/reports.service';
import { TIME_ZONE } from '../common/swedish-time';

/** The report fields a CSV column can be mapped to. */
export type ImportField =
  'occurredAt' | 'place' | 'latitude' | 'longitude' | 'category' | 'description' | 'externalId' | 'area' | 'assessment' | 'policeNotified';

/** Header names (lower case, Swedish and English) that name each field. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  occurredAt: ['tid', 'tidpunkt', 'datum', 'händelsetid', 'datum och tid', 'time', 'date', 'occurred_at', 'occurredat', 'occurred at', 'timestamp'],
  place: ['plats', 'platsnamn', 'adress', 'place', 'location', 'address'],
  latitude: ['lat', 'latitud', 'latitude'],
  longitude: ['lon', 'lng', 'long', 'longitud', 'longitude'],
  category: ['kategori', 'brottstyp', 'händelsetyp', 'typ', 'category', 'type'],
  description: ['beskrivning', 'händelse', 'kommentar', 'text', 'description', 'comment'],
  externalId: ['id', 'händelse-id', 'händelseid', 'diarienummer', 'ärendenummer', 'referens', 'external_id', 'externalid', 'external id', 'reference'],
  area: ['område', 'area'],
  assessment: ['bedömning', 'otrygghet', 'assessment'],
  policeNotified: ['polisen underrättad', 'polis underrättad', 'anmält till polis', 'police_notified', 'police notified'],
};

/** Which column holds which field; throws a readable message when a required column is missing. */
export function mapHeaders(headers: string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  headers.forEach((h, i) => {
    const name = h
      .replace(/^\ufeff/, '')
      .trim()
      .toLowerCase();
    for (const [field, names] of Object.entries(HEADER_NAMES) as [ImportField, string[]][]) {
      if (mapping[field] === undefined && names.includes(name)) mapping[field] = i;
    }
  });
  const missing: string[] = [];
  if (mapping.occurredAt === undefined) missing.push('time (tid/tidpunkt/datum)');
  if (mapping.category === undefined) missing.push('category (kategori)');
  if (mapping.description === undefined) missing.push('description (beskrivning)');
  if (mapping.place === undefined && (mapping.latitude === undefined || mapping.longitude === undefined))
    missing.push('place (plats) or coordinates (lat, lon)');
  if (missing.length) throw new Error(`The file has no column for: ${missing.join(', ')}`);
  return mapping;
}

/** The first line's delimiter: `;` (Swedish Excel) or `,`. */
export function detectDelimiter(firstLine: string): ';' | ',' {
  return (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel writes on Swedish Windows). */
export function detectEncoding(sample: Buffer): 'utf8' | 'win1252' {
  // The sample may end inside a multi-byte character: drop only such an incomplete final sequence.
  let end = sample.length;
  for (let i = sample.length - 1; i >= Math.max(0, sample.length - 3); i--) {
    const b = sample[i];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead byte
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (needed > sample.length - i) end = i;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch {
    return 'win1252';
  }
}

/** Lookups the row mapper needs: the area's places and the categories (by lower-case name or code). */
export interface ImportContext {
  areaIdByName: Map<string, string>;
  defaultAreaId: string | null;
  placeByAreaAndName: Map<string, { id: string; latitude: number | null; longitude: number | null }>;
  categoryByName: Map<string, string>;
  now: Date;
}

export interface ImportedRow {
  areaId: string;
  placeId: string | null;
  latitude: number | null;
  longitude: number | null;
  categoryId: string;
  occurredAt: Date;
  assessment: Assessment;
  policeNotified: boolean;
  description: string;
  dedupeKey: string;
}

/** A rejected row: the line, the field at fault, the reason in English and as a code (with the offending value). */
export type RejectedRow = RejectedImportRow & { code: ImportRejectionCode };

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

/** The UTC time of each local Swedish hour already seen: offsets change only on the hour, and imports repeat days. */
const hourStarts = new Map<string, number | null>();

function localHourStart(y: number, mo: number, d: number, h: number): number | null {
  const key = `${y}-${mo}-${d}-${h}`;
  let start = hourStarts.get(key);
  if (start === undefined) {
    const t = new TZDate(y, mo - 1, d, h, 0, 0, TIME_ZONE);
    // Reject overflow such as 2026-02-31 or hour 25.
    start = t.getMonth() !== mo - 1 || t.getDate() !== d || h > 23 ? null : t.getTime();
    if (hourStarts.size > 200_000) hourStarts.clear();
    hourStarts.set(key, start);
  }
  return start;
}

/** ISO 8601 with offset, or a local Swedish date and time such as 2026-11-20 21:30. */
export function parseTime(text: string): Date | null {
  const s = text.trim();
  const local = LOCAL_TIME.exec(s);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0'] = local;
    if (Number(mi) > 59 || Number(sec) > 59) return null;
    const start = localHourStart(Number(y), Number(mo), Number(d), Number(h));
    return start === null ? null : new Date(start + Number(mi) * 60_000 + Number(sec) * 1000);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = new Date(s);
    return Number.isNaN(t.getTime()) ? null : t;
  }
  return null;
}

const ASSESSMENT_NAMES: Record<string, Assessment> = { låg: 'low', low: 'low', medel: 'medium', medium: 'medium', hög: 'high', high: 'high' };
const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'x']);
const number = (s: string | undefined) => (s && s.trim() !== '' ? Number(s.trim().replace(',', '.')) : null);

/** Turns one CSV record into a report or the reason it is rejected (naming the column's field). */
export function mapRow(record: string[], line: number, mapping: Partial<Record<ImportField, number>>, ctx: ImportContext): ImportedRow | RejectedRow {
  const get = (f: ImportField) => (mapping[f] === undefined ? undefined : (record[mapping[f]] ?? '').trim());
  const reject = (field: string, reason: string, code: ImportRejectionCode, value?: string): RejectedRow =>
    value === undefined ? { line, field, reason, code } : { line, field, reason, code, value: value.slice(0, 200) };

  const areaName = get('area');
  const areaId = areaName ? ctx.areaIdByName.get(areaName.toLowerCase()) : ctx.defaultAreaId;
  if (!areaId)
    return areaName
      ? reject('area', `unknown area "${areaName}"`, 'area.unknown', areaName)
      : reject('area', 'no area: choose one for the file or add an area column', 'area.missing');

  const occurredAt = parseTime(get('occurredAt') ?? '');
  if (!occurredAt)
    return reject('occurredAt', `"${get('occurredAt') ?? ''}" is not a date and time (e.g. 2026-11-20 21:30)`, 'time.invalid', get('occurredAt') ?? '');
  if (occurredAt.getTime() > ctx.now.getTime() + 5 * 60_000) return reject('occurredAt', 'the time is in the future', 'time.future');

  const categoryName = get('category') ?? '';
  const categoryId = ctx.categoryByName.get(categoryName.toLowerCase());
  if (!categoryId) return reject('category', `unknown category "${categoryName}"`, 'category.unknown', categoryName);

  const description = get('description') ?? '';
  if (!description) return reject('description', 'the description is empty', 'description.empty');
  if (description.length > 2000) return reject('description', 'the description is longer than 2000 characters', 'description.tooLong');
  if (findPersonalData(description).length > 0)
    return reject(
      'description',
      'the description seems to contain personal data (identity number, phone number or e-mail address)',
      'description.personalData',
    );

  let latitude = number(get('latitude'));
  let longitude = number(get('longitude'));
  if ((latitude === null) !== (longitude === null) || Number.isNaN(latitude) || Number.isNaN(longitude))
    return reject('latitude', 'coordinates need both latitude and longitude as numbers', 'coordinates.incomplete');
  if (latitude !== null && (latitude < SWEDEN_BOUNDS.minLat || latitude > SWEDEN_BOUNDS.maxLat))
    return reject('latitude', 'latitude is outside Sweden', 'latitude.outside');
  if (longitude !== null && (longitude < SWEDEN_BOUNDS.minLng || longitude > SWEDEN_BOUNDS.maxLng))
    return reject('longitude', 'longitude is outside Sweden', 'longitude.outside');

  const placeName = get('place');
  let placeId: string | null = null;
  if (placeName) {
    const place = ctx.placeByAreaAndName.get(`${areaId}|${placeName.toLowerCase()}`);
    if (place) placeId = place.id;
    else if (latitude === null) return reject('place', `unknown place "${placeName}" in the area, and no coordinates`, 'place.unknown', placeName);
  } else if (latitude === null) {
    return reject('place', 'neither a place nor coordinates', 'place.missing');
  }

  const assessmentText = (get('assessment') ?? '').toLowerCase();
  const assessment = assessmentText ? ASSESSMENT_NAMES[assessmentText] : 'medium';
  if (!assessment) return reject('assessment', `unknown assessment "${assessmentText}" (låg, medel, hög)`, 'assessment.unknown', assessmentText);

  const externalId = get('externalId');
  const dedupeKey = externalId
    ? `ext:${externalId}`
    : `sha256:${createHash('sha256')
        .update([areaId, occurredAt.toISOString(), placeName ?? '', latitude ?? '', longitude ?? '', categoryId, description].join('\u001f'))
        .digest('hex')}`;

  latitude = latitude ?? null;
  longitude = longitude ?? null;
  return {
    areaId,
    placeId,
    latitude,
    longitude,
    categoryId,
    occurredAt,
    assessment,
    policeNotified: YES.has((get('policeNotified') ?? '').toLowerCase()),
    description,
    dedupeKey,
  };
}

export const isRejected = (r: ImportedRow | RejectedRow): r is RejectedRow => 'reason' in r;
