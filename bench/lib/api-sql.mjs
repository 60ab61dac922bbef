// The SQL the API sends for the benchmarked requests, so that the SQL baselines run exactly the same statements. The
// hand-written statements are imported from the API's repositories and SQL fragments (lib/api-source.mjs); TypeORM's
// generated statements are transcribed from pg_stat_statements of a running product, built from the same fragments
// (keep those in step with api/src/cases/cases.service.ts, api/src/reports/reports.service.ts and
// api/src/auth/auth.service.ts). Also the hand-written query for the situational picture.
import { createHash, createHmac } from 'node:crypto';
import { apiModule } from './api-source.mjs';

const { openActionSql, overdueActionSql, takesPartSql } = apiModule('api/src/database/sql-fragments');
export const { TIME_ZONE: TZ } = apiModule('api/src/common/swedish-time');

const sel = (alias, prefix, cols) => cols.map((c) => `"${alias}"."${c}" AS "${prefix}_${c}"`).join(', ');
const REPORT_COLS = [
  'id',
  'area_id',
  'place_id',
  'latitude',
  'longitude',
  'category_id',
  'occurred_at',
  'reported_at',
  'assessment',
  'police_notified',
  'public_place',
  'restricted',
  'description',
  'organization_id',
  'reporter_id',
  'source',
  'personal_data_confirmed',
  'dedupe_key',
  'import_id',
];
const PLACE_COLS = ['id', 'area_id', 'name', 'latitude', 'longitude'];
const ORG_COLS = ['id', 'name', 'type', 'created_at'];
const USER_COLS = ['id', 'name', 'email', 'password_hash', 'organization_id', 'roles', 'active', 'created_at'];
const LEVEL_COLS = ['area_id', 'week', 'level', 'rationale', 'set_by_id', 'set_at'];

/** AuthService.resolve: [tokenHash, idleMinutes]. */
export const SESSION_SQL = `SELECT ${sel('s', 's', ['id', 'token_hash', 'user_id', 'created_at', 'last_seen_at', 'expires_at'])}, ${sel('u', 'u', USER_COLS)} FROM "sessions" "s" INNER JOIN "users" "u" ON "u"."id"="s"."user_id" WHERE "s"."token_hash" = $1 AND "s"."expires_at" > now() AND "s"."last_seen_at" > now() - make_interval(mins => $2) AND "u"."active"`;

export const tokenHash = (secret, token) => createHmac('sha256', secret).update(token).digest('hex');

/** Repository.findOneBy({id}) on areas: [id]. */
export const AREA_SQL = `SELECT ${sel('Area', 'Area', ['id', 'name', 'description', 'created_at'])} FROM "areas" "Area" WHERE (("Area"."id" = $1)) LIMIT 1`;
/** ReportsService.canSeeArea: [areaId, organizationId]. */
export const { CAN_SEE_SQL } = apiModule('api/src/reports/reports.repository');

/** SituationPictureService.picture, the four statements: [areaId, monday] (+ viewerOrg for byPlace and points). */
export const { PICTURE_SQL } = apiModule('api/src/reports/situation-picture.repository');

const LEVEL_INNER = `SELECT ${sel('AreaLevelEntry', 'AreaLevelEntry', LEVEL_COLS)}, ${sel('AreaLevelEntry__AreaLevelEntry_setBy', 'AreaLevelEntry__AreaLevelEntry_setBy', USER_COLS)} FROM "area_levels" "AreaLevelEntry" LEFT JOIN "users" "AreaLevelEntry__AreaLevelEntry_setBy" ON "AreaLevelEntry__AreaLevelEntry_setBy"."id"="AreaLevelEntry"."set_by_id"`;
/** Repository.findOne({where: {areaId, week}, relations: {setBy}}): TypeORM's two statements. */
export const LEVEL_SQL = {
  ids: `SELECT DISTINCT "distinctAlias"."AreaLevelEntry_area_id" AS "ids_AreaLevelEntry_area_id", "distinctAlias"."AreaLevelEntry_week" AS "ids_AreaLevelEntry_week" FROM (${LEVEL_INNER} WHERE (("AreaLevelEntry"."area_id" = $1) AND ("AreaLevelEntry"."week" = $2))) "distinctAlias" ORDER BY "AreaLevelEntry_area_id" ASC, "AreaLevelEntry_week" ASC LIMIT 1`,
  row: `${LEVEL_INNER} WHERE ( (("AreaLevelEntry"."area_id" = $1) AND ("AreaLevelEntry"."week" = $2)) ) AND ( "AreaLevelEntry"."area_id"=$3 AND "AreaLevelEntry"."week"=$4 )`,
};

/** CasesService.list with an areaId filter (the board): [viewerOrg, areaId]. */
export const BOARD_SQL = `SELECT "c"."id" AS id, "c"."area_id" AS "areaId", "a"."name" AS "areaName", "c"."title" AS title, "c"."state" AS state, "c"."version" AS version, "c"."created_at" AS "createdAt", "c"."updated_at" AS "updatedAt", count("x"."id")::int AS "actionCount", count("x"."id") FILTER (WHERE ${openActionSql('"x"')})::int AS "openActionCount", count("x"."id") FILTER (WHERE ${overdueActionSql('"x"')})::int AS "overdueActionCount" FROM "cases" "c" INNER JOIN "areas" "a" ON "a"."id" = "c"."area_id"  LEFT JOIN "case_actions" "x" ON "x"."case_id" = "c"."id" WHERE ${takesPartSql('"c"."area_id"', '$1')} AND "c"."area_id" = $2 GROUP BY "c"."id", "a"."name" ORDER BY "c"."updated_at" DESC`;

/** ReportsService.create: the statements of the transaction, in order. */
export const CREATE_REPORT_SQL = {
  place: `SELECT ${sel('Place', 'Place', PLACE_COLS)} FROM "places" "Place" WHERE (("Place"."id" = $1)) LIMIT 1`,
  category: `SELECT ${sel('Category', 'Category', ['id', 'code', 'label_sv', 'label_en', 'active', 'sort_order'])} FROM "categories" "Category" WHERE (("Category"."id" = $1)) LIMIT 1`,
  insert: `INSERT INTO "reports"("id", "area_id", "place_id", "latitude", "longitude", "category_id", "occurred_at", "reported_at", "assessment", "police_notified", "public_place", "restricted", "description", "organization_id", "reporter_id", "source", "personal_data_confirmed", "dedupe_key", "import_id") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, DEFAULT, $7, $8, $9, $10, $11, $12, $13, $14, $15, DEFAULT, DEFAULT) RETURNING "id", "reported_at", "restricted", "source", "personal_data_confirmed"`,
  loadIds: null,
  load: null,
  lock: 'SELECT pg_advisory_xact_lock($1)',
  lastAudit: `SELECT "AuditEntry"."hash" AS "AuditEntry_hash", "AuditEntry"."id" AS "AuditEntry_id" FROM "audit_entries" "AuditEntry" ORDER BY "AuditEntry"."id" DESC LIMIT 1`,
  audit: `INSERT INTO "audit_entries"("at", "actor_id", "actor_organization_id", "action", "entity_type", "entity_id", "before", "after", "prev_hash", "hash") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING "id"`,
};
const R = 'SituationReport';
const RP = `${R}__${R}_place`;
const RO = `${R}__${R}_organization`;
const RU = `${R}__${R}_reporter`;
const REPORT_LOAD_INNER = `SELECT ${sel(R, R, REPORT_COLS)}, ${sel(RP, RP, PLACE_COLS)}, ${sel(RO, RO, ORG_COLS)}, ${sel(RU, RU, USER_COLS)} FROM "reports" "${R}" LEFT JOIN "places" "${RP}" ON "${RP}"."id"="${R}"."place_id"  LEFT JOIN "organizations" "${RO}" ON "${RO}"."id"="${R}"."organization_id"  LEFT JOIN "users" "${RU}" ON "${RU}"."id"="${R}"."reporter_id"`;
CREATE_REPORT_SQL.loadIds = `SELECT DISTINCT "distinctAlias"."${R}_id" AS "ids_${R}_id" FROM (${REPORT_LOAD_INNER} WHERE (("${R}"."id" = $1))) "distinctAlias" ORDER BY "${R}_id" ASC LIMIT 1`;
CREATE_REPORT_SQL.load = `${REPORT_LOAD_INNER} WHERE ( (("${R}"."id" = $1)) ) AND ( "${R}"."id" IN ($2) )`;

export const AUDIT_CHAIN_LOCK = 7_263_002;

/** The audit entry hash as AuditService computes it (canonical JSON, SHA-256 over the previous hash). */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}
export const entryHash = (prev, e) => createHash('sha256').update(prev).update(canonicalJson(e)).digest('hex');

// ---------------------------------------------------------------------------------------------------------------
// Hand-written: the whole picture (figures by category and place against the previous four weeks, the 12-week trend,
// map points, level) in ONE statement: one index range scan over the twelve weeks for all the figures (GROUPING SETS),
// each row put in its week by width_bucket() over the 13 local Monday boundaries (computed once) instead of a time-zone
// conversion per row, and one scan of the current week for the map points. Params: [areaId, monday, viewerOrg, week].
const B = (days) => `($2::date ${days >= 0 ? '+' : '-'} ${Math.abs(days)})::timestamp AT TIME ZONE '${TZ}'`;
const WEEK_NO = `width_bucket(r.occurred_at, ARRAY(SELECT ($2::date - 77 + 7 * i)::timestamp AT TIME ZONE '${TZ}' FROM generate_series(0, 12) i))`;
export const HANDWRITTEN_PICTURE_SQL = `
WITH fig AS (
  SELECT GROUPING(x.category_id) = 0 AS by_cat, GROUPING(x.place_id) = 0 AS by_place, x.category_id, x.place_id, x.k,
         count(*) FILTER (WHERE x.k = 12) AS cur, count(*) FILTER (WHERE x.k BETWEEN 8 AND 11) AS prev, count(*) AS n
  FROM (SELECT r.category_id, r.place_id, ${WEEK_NO} AS k
        FROM reports r WHERE r.area_id = $1 AND r.occurred_at >= ${B(-77)} AND r.occurred_at < ${B(7)}) x
  GROUP BY GROUPING SETS ((x.category_id), (x.place_id), (x.k))
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('categoryId', c.id, 'code', c.code, 'labelSv', c.label_sv, 'labelEn', c.label_en, 'cur', f.cur, 'prev', f.prev)
                   ORDER BY f.cur DESC, c.sort_order), '[]')
     FROM fig f JOIN categories c ON c.id = f.category_id WHERE f.by_cat AND f.cur + f.prev > 0) AS by_category,
  (SELECT coalesce(json_agg(json_build_object('placeId', p.id, 'name', p.name, 'latitude', p.latitude, 'longitude', p.longitude, 'cur', f.cur, 'prev', f.prev)
                   ORDER BY f.cur DESC, p.name NULLS LAST), '[]')
     FROM fig f LEFT JOIN places p ON p.id = f.place_id WHERE f.by_place AND f.cur + f.prev > 0) AS by_place,
  (SELECT coalesce(json_agg(json_build_object('week', to_char($2::date - 77 + 7 * (f.k - 1), 'IYYY-"W"IW'), 'count', f.n) ORDER BY f.k), '[]')
     FROM fig f WHERE NOT f.by_cat AND NOT f.by_place) AS trend,
  (SELECT coalesce(json_agg(json_build_object('id', r.id, 'latitude', coalesce(r.latitude, p.latitude), 'longitude', coalesce(r.longitude, p.longitude),
                                              'categoryId', r.category_id, 'assessment', r.assessment) ORDER BY r.occurred_at), '[]')
     FROM reports r LEFT JOIN places p ON p.id = r.place_id
     WHERE r.area_id = $1 AND r.occurred_at >= ${B(0)} AND r.occurred_at < ${B(7)}
       AND coalesce(r.latitude, p.latitude) IS NOT NULL AND (NOT r.restricted OR r.organization_id = $3)) AS points,
  (SELECT json_build_object('level', l.level, 'rationale', l.rationale, 'setBy', json_build_object('id', u.id, 'name', u.name), 'setAt', l.set_at)
     FROM area_levels l JOIN users u ON u.id = l.set_by_id WHERE l.area_id = $1 AND l.week = $4) AS level`;

/** Hand-written 12-week trend alone: constant index bounds, the week by width_bucket(), labels after grouping. [areaId, monday]. */
export const HANDWRITTEN_TREND_SQL = `
SELECT to_char($2::date - 77 + 7 * (k - 1), 'IYYY-"W"IW') AS week, n FROM (
  SELECT ${WEEK_NO} AS k, count(*)::int AS n
  FROM reports r WHERE r.area_id = $1 AND r.occurred_at >= ${B(-77)} AND r.occurred_at < ${B(7)}
  GROUP BY 1) x`;

// ---------------------------------------------------------------------------------------------------------------
// ISO weeks without dependencies (UTC noon arithmetic is enough for dates).
export function isoWeekOf(date) {
  const DAY = 86_400_000;
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 12));
  const thursday = d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const firstThursday = jan4.getTime() + (3 - ((jan4.getUTCDay() + 6) % 7)) * DAY;
  return `${year}-W${String(1 + Math.round((thursday - firstThursday) / (7 * DAY))).padStart(2, '0')}`;
}
export function mondayOf(week) {
  const [, y, w] = /^(\d{4})-W(\d{2})$/.exec(week).map(Number);
  const jan4 = new Date(Date.UTC(y, 0, 4, 12));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}
