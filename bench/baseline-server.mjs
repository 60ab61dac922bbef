#!/usr/bin/env node
// The SQL baseline for the load benchmarks: a minimal Node HTTP server that answers the three benchmarked
// requests by running the same SQL statements the API runs (lib/api-sql.mjs), through `pg` with a pool of the same
// size (20), on the same database, and nothing else: no framework, no validation, no ORM, no logging.
//   env: DATABASE_URL, SESSION_SECRET, PORT
import http from 'node:http';
import pg from 'pg';
import {
  AREA_SQL,
  AUDIT_CHAIN_LOCK,
  BOARD_SQL,
  CAN_SEE_SQL,
  CREATE_REPORT_SQL as C,
  entryHash,
  LEVEL_SQL,
  mondayOf,
  PICTURE_SQL,
  SESSION_SQL,
  tokenHash,
} from './lib/api-sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'samverka-bench-baseline' });
const SECRET = process.env.SESSION_SECRET;
const IDLE_MINUTES = 480;

const send = (res, status, body) => {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s) });
  res.end(s);
};

function cookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

async function user(req) {
  const token = cookie(req, 'samverka_session');
  if (!token) return null;
  const { rows } = await pool.query(SESSION_SQL, [tokenHash(SECRET, token), IDLE_MINUTES]);
  return rows[0] ? { id: rows[0].u_id, organizationId: rows[0].u_organization_id, roles: rows[0].u_roles } : null;
}

async function picture(u, areaId, week) {
  const monday = mondayOf(week);
  const area = (await pool.query(AREA_SQL, [areaId])).rows[0];
  if (!area || (await pool.query(CAN_SEE_SQL, [areaId, u.organizationId])).rows.length === 0) return null;
  const [cat, place, trend, points, level] = await Promise.all([
    pool.query(PICTURE_SQL.byCategory, [areaId, monday]),
    pool.query(PICTURE_SQL.byPlace, [areaId, monday, u.organizationId]),
    pool.query(PICTURE_SQL.trend, [areaId, monday]),
    pool.query(PICTURE_SQL.points, [areaId, monday, u.organizationId]),
    pool.query(LEVEL_SQL.ids, [areaId, week]).then((r) => (r.rows.length ? pool.query(LEVEL_SQL.row, [areaId, week, areaId, week]) : r)),
  ]);
  const fig = (c, p) => ({ count: c, previousAverage: Math.round((p / 4) * 100) / 100 });
  return {
    area: { id: area.Area_id, name: area.Area_name },
    week,
    byCategory: cat.rows.map((r) => ({ categoryId: r.id, code: r.code, labelSv: r.label_sv, labelEn: r.label_en, ...fig(r.cur, r.prev) })),
    byPlace: place.rows.map((r) => ({ placeId: r.id, name: r.name, latitude: r.latitude, longitude: r.longitude, ...fig(r.cur, r.prev) })),
    trend: trend.rows,
    points: points.rows,
    level: level.rows[0] ? { level: level.rows[0].AreaLevelEntry_level, rationale: level.rows[0].AreaLevelEntry_rationale } : null,
  };
}

async function createReport(u, b) {
  const c = await pool.connect();
  try {
    await c.query('START TRANSACTION');
    if ((await c.query(CAN_SEE_SQL, [b.areaId, u.organizationId])).rows.length === 0) throw Object.assign(new Error('area'), { status: 422 });
    if (b.placeId) await c.query(C.place, [b.placeId]);
    await c.query(C.category, [b.categoryId]);
    const ins = await c.query(C.insert, [
      b.areaId,
      b.placeId ?? null,
      b.latitude ?? null,
      b.longitude ?? null,
      b.categoryId,
      new Date(b.occurredAt),
      b.assessment,
      b.policeNotified,
      b.publicPlace ?? null,
      b.restricted ?? false,
      b.description.trim(),
      u.organizationId,
      u.id,
      'form',
      false,
    ]);
    const id = ins.rows[0].id;
    await c.query(C.loadIds, [id]);
    const row = (await c.query(C.load, [id, id])).rows[0];
    const dto = {
      id,
      areaId: row.SituationReport_area_id,
      placeId: row.SituationReport_place_id,
      categoryId: row.SituationReport_category_id,
      occurredAt: row.SituationReport_occurred_at,
      description: row.SituationReport_description,
    };
    await c.query(C.lock, [AUDIT_CHAIN_LOCK]);
    const prev = (await c.query(C.lastAudit)).rows[0]?.AuditEntry_hash ?? '0'.repeat(64);
    const entry = {
      at: new Date(),
      actorId: u.id,
      actorOrganizationId: u.organizationId,
      action: 'report.create',
      entityType: 'report',
      entityId: id,
      before: null,
      after: JSON.parse(JSON.stringify(dto)),
    };
    await c.query(C.audit, [
      entry.at,
      entry.actorId,
      entry.actorOrganizationId,
      entry.action,
      entry.entityType,
      entry.entityId,
      null,
      entry.after,
      prev,
      entryHash(prev, { ...entry, at: entry.at.toISOString() }),
    ]);
    await c.query('COMMIT');
    return dto;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === '/api/health') return send(res, 200, { status: 'ok' });
      const u = await user(req);
      if (!u) return send(res, 401, { code: 'AUTH.REQUIRED' });
      if (req.method === 'GET' && url.pathname === '/api/situation-picture') {
        const p = await picture(u, url.searchParams.get('areaId'), url.searchParams.get('week'));
        return p ? send(res, 200, p) : send(res, 404, { code: 'NOT_FOUND' });
      }
      if (req.method === 'GET' && url.pathname === '/api/cases') {
        const { rows } = await pool.query(BOARD_SQL, [u.organizationId, url.searchParams.get('areaId')]);
        return send(res, 200, rows);
      }
      if (req.method === 'POST' && url.pathname === '/api/reports') {
        return send(res, 201, await createReport(u, JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      }
      send(res, 404, { code: 'NOT_FOUND' });
    } catch (e) {
      send(res, e.status ?? 500, { message: String(e.message ?? e) });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`baseline listening on ${process.env.PORT}\n`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
