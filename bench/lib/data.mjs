// The benchmark's data set, generated in SQL on top of the Exempelstad demo directory (DEMO_MODE=true,
// DEMO_REPORTS=false): 20 areas in all (the three demo areas and 17 more, 12 places each, partnerships with the
// municipality, the police and Exempelbostäder), N reports over five years, weekly levels, cases with actions for
// the board and the action-plan PDFs.
import { isoWeekOf } from './api-sql.mjs';

export const BENCH_AREAS = 17;
export const PLACES_PER_AREA = 12;

const PLACE_NAMES = [
  'Torget',
  'Busshållplatsen',
  'Skolgården',
  'Fritidsgården',
  'Trapphus A',
  'Tvättstugan',
  'Garagelängan',
  'Gångtunneln',
  'Lekplatsen',
  'Återvinningsstationen',
  'Parken',
  'Centrumentrén',
];

const TEXTS = [
  'Krossad glasruta i entrédörren',
  'Nytt klotter på fasaden mot gården',
  'Mycket skräp och flaskor efter helgen',
  'Brand i papperskorg, släckt av personal',
  'Stark lukt av cannabis i trapphuset',
  'Grupp på 10–15 ungdomar, hög musik och flaskor',
  'Hot mot personal vid entrén',
  'Fastighetsskötare utsatt för glåpord',
  'Inbrott i källarförråd, flera förråd uppbrutna',
  'Mopeder kör på gångvägen i hög fart',
  'Trasig belysning i gångtunneln',
  'Rykten i sociala medier om bråk i helgen',
  'Samling i tvättstugan sent på kvällen',
  'Sönderslagen belysning vid gångvägen',
  'Grovsopor dumpade vid soprummet',
];

/** Ids the benchmarks need: organisations, demo users, categories. */
export async function directory(db) {
  const one = async (sql, p = []) => (await db.query(sql, p)).rows[0];
  const org = async (name) => (await one('SELECT id FROM organizations WHERE name = $1', [name])).id;
  const user = async (email) => (await one('SELECT id FROM users WHERE email = $1', [email])).id;
  return {
    kommun: await org('Exempelstad kommun'),
    polis: await org('Lokalpolisområde Exempelstad'),
    exempelbostader: await org('Exempelbostäder AB'),
    samordnare: await user('samordnare@exempelstad.se'),
    analytiker: await user('analytiker@exempelstad.se'),
    polischef: await user('polischef@exempelstad.se'),
    rapportor: await user('rapportor@exempelbostader.se'),
    sakerhetschef: await user('sakerhetschef@exempelbostader.se'),
  };
}

/** Creates the 17 extra areas with places and partnerships; returns all 20 areas in a fixed order (bench areas first). */
export async function createAreas(db, dir) {
  await db.query('BEGIN');
  for (let i = 1; i <= BENCH_AREAS; i++) {
    const name = `Benchområde ${String(i).padStart(2, '0')}`;
    const { rows } = await db.query(`INSERT INTO areas (name, description) VALUES ($1, 'Genererat för prestandamätning') RETURNING id`, [name]);
    const id = rows[0].id;
    const lat0 = 59.1 + i * 0.012;
    const lng0 = 15.0 + i * 0.01;
    await db.query(
      `INSERT INTO places (area_id, name, latitude, longitude)
       SELECT $1, n || ' ' || $2, $3 + k * 0.0004, $4 + k * 0.0006 FROM unnest($5::text[]) WITH ORDINALITY AS x(n, k)`,
      [id, String(i).padStart(2, '0'), lat0, lng0, PLACE_NAMES],
    );
    await db.query('INSERT INTO area_partners (area_id, organization_id) SELECT $1, unnest($2::uuid[])', [id, [dir.kommun, dir.polis, dir.exempelbostader]]);
  }
  await db.query('COMMIT');
  const { rows } = await db.query(`SELECT id, name FROM areas ORDER BY name LIKE 'Benchområde%' DESC, name`);
  for (const a of rows) {
    a.places = (await db.query('SELECT id, name FROM places WHERE area_id = $1 ORDER BY name', [a.id])).rows;
  }
  return rows;
}

/**
 * Inserts `n` reports spread over the 20 areas and the five years before now, in time order (as a real table fills),
 * with skewed categories and places, three reporting organisations and some restricted police reports.
 */
export async function generateReports(db, dir, areas, n) {
  const areaIds = areas.map((a) => a.id);
  const placeIds = areas.flatMap((a) => a.places.slice(0, PLACES_PER_AREA).map((p) => p.id));
  if (placeIds.length !== areaIds.length * PLACES_PER_AREA) throw new Error('every area needs 12 places');
  // Faster bulk load of consistent data: no foreign-key triggers for this session (superuser), and the secondary
  // indexes rebuilt afterwards (with their exact definitions) instead of maintained row by row.
  const { rows: indexes } = await db.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = 'reports'::regclass AND NOT x.indisprimary`,
  );
  await db.query("SET session_replication_role = 'replica'");
  for (const ix of indexes) await db.query(`DROP INDEX "${ix.name}"`);
  await db.query('SELECT setseed(0.2026)');
  // OFFSET 0 keeps the subquery (and each random() in it) evaluated once per row.
  await db.query(
    `INSERT INTO reports (area_id, place_id, category_id, occurred_at, reported_at, assessment, police_notified, restricted, description,
                          organization_id, reporter_id, source)
     SELECT ($1::uuid[])[s.ai + 1], ($2::uuid[])[s.ai * ${PLACES_PER_AREA} + s.pi + 1], c.ids[s.ci + 1], s.t, s.t + interval '40 minutes',
            (ARRAY['low', 'medium', 'medium', 'high'])[1 + floor(random() * 4)::int],
            s.oi = 1 OR random() < 0.2, s.oi = 1 AND random() < 0.15,
            ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int],
            ($4::uuid[])[s.oi + 1], ($5::uuid[])[s.oi + 1], 'form'
     FROM (SELECT floor(random() * $6)::int AS ai,
                  floor(power(random(), 1.6) * ${PLACES_PER_AREA})::int AS pi,
                  floor(power(random(), 1.8) * 14)::int AS ci,
                  floor(random() * 3)::int AS oi,
                  (now() - interval '1826 days') + (g::float8 / $7) * interval '1826 days' - interval '1 hour' AS t
           FROM generate_series(0, $7 - 1) g OFFSET 0) s,
          (SELECT array_agg(id ORDER BY sort_order) AS ids FROM categories) c`,
    [areaIds, placeIds, TEXTS, [dir.kommun, dir.polis, dir.exempelbostader], [dir.samordnare, dir.polischef, dir.rapportor], areaIds.length, n],
  );
  for (const ix of indexes) await db.query(ix.def);
  await db.query("SET session_replication_role = 'origin'");
  // The analyst's weekly level of the last 26 weeks in every area.
  await db.query(
    `INSERT INTO area_levels (area_id, week, level, rationale, set_by_id, set_at)
     SELECT a, to_char(date_trunc('week', (now() AT TIME ZONE 'Europe/Stockholm') - k * interval '1 week'), 'IYYY-"W"IW'),
            (ARRAY['green', 'green', 'yellow', 'red'])[1 + (k % 4)], 'Normalläge enligt veckans rapporter', $2, now() - k * interval '1 week'
     FROM unnest($1::uuid[]) a, generate_series(1, 26) k
     ON CONFLICT DO NOTHING`,
    [areaIds, dir.analytiker],
  );
  return n;
}

const CAUSES = [
  'Trasig belysning gör gångvägen mörk och otrygg kvällstid',
  'Ungdomar samlas i tvättstugan fredag–lördag kväll, dörren står öppen',
  'Nedskräpning och dumpade grovsopor vid återvinningsstationen',
  'Mopedåkning på gång- och cykelvägen vid skolan',
];
const WHATS = [
  'Byta armaturer och trimma buskage längs gångvägen; felanmälan följs upp varje vecka av fastighetsägaren',
  'Kodlås på tvättstugan, förstärkt rond fredag och lördag 20–24 samt fältassistenter på plats',
  'Extra tömning två gånger i veckan och information till boende om grovsopsrummet',
  'Fartdämpande åtgärder och riktad trafikkontroll vid skolan under tre veckor',
];
const GOALS = [
  'Inga anmälningar om mörker inom fyra veckor',
  'Halvera antalet rapporter om samlingar',
  'Ren miljö vid varje rond',
  'Inga mopeder på gångvägen vid kontroll',
];
const ACTION_STATES = ['planned', 'assigned', 'in_progress', 'blocked', 'done'];
const CASE_STATES = ['reported', 'analysis', 'proposed', 'escalated', 'agreed', 'execution', 'follow_up', 'closed', 'dismissed'];

/**
 * Creates `cases` cases in an area and `actionsPerCase` actions in each (cases with actions are in execution),
 * with the machines' snapshot shape, so that the board and the action plan read them like real ones.
 */
export async function generateCases(db, dir, areaId, cases, actionsPerCase) {
  const partnerIds = [dir.kommun, dir.polis, dir.exempelbostader];
  const { rows } = await db.query(
    `INSERT INTO cases (area_id, title, description, state, version, snapshot, created_by_id, created_by_organization_id, created_at, updated_at)
     SELECT $1, 'Ärende ' || g || ': ' || ($6::text[])[1 + g % 4], 'Återkommande problem: ' || ($6::text[])[1 + g % 4], st, 3,
            jsonb_build_object('machineVersion', 1, 'value', st, 'context', jsonb_build_object(
              'partnerIds', $2::jsonb, 'analysis', 'Analys av läget i området med rapporter från alla parter.',
              'proposedActions', '[]'::jsonb, 'openActions', $5, 'closedAt', NULL, 'reopenDays', 90, 'outcome', NULL, 'dismissal', NULL)),
            $3, $4, now() - g * interval '1 day', now() - g * interval '1 hour'
     FROM (SELECT g, CASE WHEN $5 > 0 THEN 'execution' ELSE ($7::text[])[1 + g % 9] END AS st FROM generate_series(1, $8) g) x
     RETURNING id`,
    [areaId, JSON.stringify(partnerIds), dir.analytiker, dir.kommun, actionsPerCase, CAUSES, CASE_STATES, cases],
  );
  const caseIds = rows.map((r) => r.id);
  if (actionsPerCase > 0) {
    await db.query(
      `INSERT INTO case_actions (case_id, number, cause, what, goal, organization_id, owner_id, start_date, due_date, kind, term, state, version, snapshot)
       SELECT c.id, k, ($3::text[])[1 + (i + k) % 4], ($4::text[])[1 + (i + k) % 4], ($5::text[])[1 + (i + k) % 4],
              ($6::uuid[])[1 + (i + k) % 3], CASE WHEN (i + k) % 3 = 2 THEN $7::uuid END,
              (now() AT TIME ZONE 'Europe/Stockholm')::date - ((i + k) % 20)::int,
              (now() AT TIME ZONE 'Europe/Stockholm')::date - ((i + k) % 20)::int + ((i * 7 + k * 3) % 60)::int,
              CASE WHEN k % 2 = 0 THEN 'one_off' ELSE 'ordinary' END, CASE WHEN k % 3 = 0 THEN 'long' ELSE 'short' END,
              st, 2,
              jsonb_build_object('machineVersion', 1, 'value', st, 'context', jsonb_build_object(
                'organizationId', ($6::uuid[])[1 + (i + k) % 3], 'ownerId', CASE WHEN (i + k) % 3 = 2 THEN $7::uuid END,
                'report', CASE WHEN st = 'done' THEN 'Genomfört enligt plan, uppföljt vid rond' END,
                'blockedReason', CASE WHEN st = 'blocked' THEN 'Väntar på beslut om budget' END, 'cancelReason', NULL))
       FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, i), generate_series(1, $2) k,
            LATERAL (SELECT ($8::text[])[1 + (i + k) % 5] AS st) s`,
      [caseIds, actionsPerCase, CAUSES, WHATS, GOALS, partnerIds, dir.sakerhetschef, ACTION_STATES],
    );
  }
  return caseIds;
}

/** The last complete ISO week (the one a coordinator looks at on Monday morning). */
export function lastCompleteWeek(now = new Date()) {
  return isoWeekOf(new Date(now.getTime() - 7 * 86_400_000));
}

export { TEXTS };
