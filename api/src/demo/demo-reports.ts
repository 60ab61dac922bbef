import type { Assessment, AreaLevel } from '@samverka/contracts';
import { EntityManager } from 'typeorm';
import { isoWeekOf, mondayOf, shiftWeek } from '../reports/weeks';

/** A small deterministic PRNG (mulberry32), so the demo looks the same on every machine. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: [T, number][]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
};

/** Plausible Swedish texts per category: about places and situations, never people. */
const TEXTS: Record<string, string[]> = {
  skadegorelse: [
    'Krossad glasruta i entrédörren',
    'Sönderslagen belysning vid gångvägen',
    'Brevlådor uppbrutna i trapphuset',
    'Busskurens glas krossat',
    'Parkbänk sönderbruten',
  ],
  klotter: ['Nytt klotter på fasaden mot gården', 'Klotter i trapphuset, flera våningar', 'Taggar på elskåpet vid hållplatsen', 'Klotter på lekstugan'],
  nedskrapning: [
    'Mycket skräp och flaskor efter helgen',
    'Grovsopor dumpade vid soprummet',
    'Nedskräpat vid bänkarna, pizzakartonger',
    'Kanyler hittade i buskaget',
  ],
  anlagd_brand: ['Brand i papperskorg, släckt av personal', 'Anlagd brand i soprum, räddningstjänsten larmad', 'Brandskador i källargången'],
  narkotika: ['Misstänkt försäljning vid entrén kvällstid', 'Stark lukt av cannabis i trapphuset', 'Upprepade korta besök vid bilen på parkeringen'],
  stokiga_grupper: [
    'Grupp på 10–15 ungdomar, hög musik och flaskor',
    'Samling i tvättstugan sent på kvällen',
    'Grupp som kastar snöbollar och sten mot bussar',
    'Stökigt vid entrén, boende känner sig otrygga',
  ],
  hot_vald: ['Hot mot personal vid entrén', 'Slagsmål mellan några personer, polis tillkallad', 'Hotfull stämning mot förbipasserande'],
  incident_personal: ['Fastighetsskötare utsatt för glåpord', 'Väktare hindrad i sitt arbete', 'Personal bespottad under rond'],
  ran_stold_inbrott: ['Inbrott i källarförråd, flera förråd uppbrutna', 'Cykelstölder i cykelrummet', 'Försök till inbrott i butikens lager'],
  buskorning: ['Mopeder kör på gångvägen i hög fart', 'Bilar som spinner på parkeringen nattetid', 'Crossmotorcykel på fotbollsplanen'],
  otrygg_miljo: [
    'Trasig belysning i gångtunneln',
    'Buskage har vuxit igen vid gångvägen',
    'Mörkt vid hållplatsen, lampan ur funktion',
    'Dold hörna vid garagen används som tillhåll',
  ],
  ryktesspridning: ['Rykten i sociala medier om bråk i helgen', 'Filmklipp från platsen sprids, oro bland boende'],
  arrangemang: ['Planerad fest i lokalen, förstärkt rond', 'Marknad på torget under lördagen'],
  ovrigt: ['Övergiven bil på parkeringen', 'Okänd person sover i trapphuset'],
};

const BASE_CATEGORIES: [string, number][] = [
  ['skadegorelse', 6],
  ['klotter', 4],
  ['nedskrapning', 6],
  ['anlagd_brand', 1],
  ['narkotika', 2],
  ['stokiga_grupper', 4],
  ['hot_vald', 1],
  ['incident_personal', 1],
  ['ran_stold_inbrott', 2],
  ['buskorning', 2],
  ['otrygg_miljo', 3],
  ['ryktesspridning', 0.5],
  ['arrangemang', 0.3],
  ['ovrigt', 0.7],
];
/** More on Friday and Saturday (index 0 = Monday). */
const DAY_WEIGHTS = [0.8, 0.8, 0.9, 1.0, 1.5, 1.7, 1.1];
/** Mostly evenings, some nights. */
const HOUR_WEIGHTS: [number, number][] = Array.from({ length: 24 }, (_, h) => [h, h >= 18 ? 3 : h < 2 ? 2 : h < 7 ? 0.4 : h < 12 ? 0.8 : 1.2]);

export interface DemoContext {
  areas: { id: string; name: string; partners: string[]; places: { id: string; name: string }[] }[];
  categories: Map<string, string>;
  organizations: Map<string, { id: string; reporterId: string | null; police: boolean }>;
  analystId: string;
}

/** Weekly reports per area, and the hotspot: Norrby's laundry room grows for ten weeks, then falls after an action. */
const AREA_PROFILE: Record<string, { perWeek: number; hotspot?: string }> = {
  Centrum: { perWeek: 14 },
  Norrby: { perWeek: 11, hotspot: 'Tvättstugan Norrbyvägen 6' },
  Söderdal: { perWeek: 6 },
};

/** Extra hotspot reports in the week `weeksAgo` weeks back: rising from 20 to 8 weeks ago, falling after the action. */
function hotspotExtra(weeksAgo: number): number {
  if (weeksAgo > 20) return 0;
  if (weeksAgo >= 8) return Math.round(((20 - weeksAgo) / 12) * 9);
  return Math.max(0, Math.round((weeksAgo - 2) * 1.5));
}

/** Six months of reports from all partner organisations, and the assessed level of every finished week. */
export async function seedDemoReports(m: EntityManager, ctx: DemoContext, now = new Date()): Promise<number> {
  const rnd = prng(20_261_121);
  const rows: Record<string, unknown[]> = { area: [], place: [], cat: [], at: [], asm: [], pn: [], restricted: [], text: [], org: [], reporter: [] };
  const currentWeek = isoWeekOf(now);
  const weeklyCounts = new Map<string, number[]>();
  for (let weeksAgo = 26; weeksAgo >= 0; weeksAgo--) {
    const week = shiftWeek(currentWeek, -weeksAgo);
    const monday = new Date(`${mondayOf(week)}T00:00:00+01:00`);
    for (const area of ctx.areas) {
      const profile = AREA_PROFILE[area.name] ?? { perWeek: 5 };
      const hotspot = profile.hotspot ? area.places.find((p) => p.name === profile.hotspot) : undefined;
      const base = Math.round(profile.perWeek * (0.8 + rnd() * 0.4));
      const extra = hotspot ? hotspotExtra(weeksAgo) : 0;
      let count = 0;
      for (let i = 0; i < base + extra; i++) {
        const day = pick(
          rnd,
          DAY_WEIGHTS.map((w, d) => [d, w] as [number, number]),
        );
        const hour = pick(rnd, HOUR_WEIGHTS);
        const at = new Date(monday.getTime() + (day * 24 + hour) * 3_600_000 + Math.floor(rnd() * 60) * 60_000);
        if (at.getTime() > now.getTime()) continue;
        const isHotspot = i >= base;
        const place = isHotspot ? hotspot! : area.places[Math.floor(rnd() * area.places.length)];
        const category = isHotspot
          ? pick(rnd, [
              ['stokiga_grupper', 5],
              ['skadegorelse', 3],
              ['narkotika', 2],
              ['nedskrapning', 2],
            ])
          : pick(rnd, BASE_CATEGORIES);
        const orgKey = area.partners[Math.floor(rnd() * area.partners.length)];
        const org = ctx.organizations.get(orgKey)!;
        const texts = TEXTS[category];
        rows.area.push(area.id);
        rows.place.push(place.id);
        rows.cat.push(ctx.categories.get(category));
        rows.at.push(at.toISOString());
        rows.asm.push(
          pick<Assessment>(rnd, [
            ['low', 3],
            ['medium', 4],
            ['high', isHotspot ? 4 : 1.5],
          ]),
        );
        rows.pn.push(org.police || rnd() < 0.2);
        rows.restricted.push(org.police && rnd() < 0.15);
        rows.text.push(texts[Math.floor(rnd() * texts.length)]);
        rows.org.push(org.id);
        rows.reporter.push(org.reporterId);
        count++;
      }
      weeklyCounts.set(`${area.id}|${week}`, [...(weeklyCounts.get(`${area.id}|${week}`) ?? []), count]);
    }
  }
  await m.query(
    `INSERT INTO reports (area_id, place_id, category_id, occurred_at, reported_at, assessment, police_notified, restricted, description, organization_id, reporter_id, source)
     SELECT a, p, c, t, t + interval '40 minutes', asm, pn, rs, d, o, u, 'form'
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::bool[], $7::bool[], $8::text[], $9::uuid[], $10::uuid[])
          AS x(a, p, c, t, asm, pn, rs, d, o, u)`,
    [rows.area, rows.place, rows.cat, rows.at, rows.asm, rows.pn, rows.restricted, rows.text, rows.org, rows.reporter],
  );

  // The analyst's level for each finished week: against the area's own usual week.
  for (const area of ctx.areas) {
    const usual = (AREA_PROFILE[area.name]?.perWeek ?? 5) * 1.0;
    for (let weeksAgo = 26; weeksAgo >= 1; weeksAgo--) {
      const week = shiftWeek(currentWeek, -weeksAgo);
      const n = (weeklyCounts.get(`${area.id}|${week}`) ?? [0])[0];
      const ratio = n / usual;
      const level: AreaLevel = ratio >= 1.8 ? 'red' : ratio >= 1.3 ? 'yellow' : 'green';
      const rationale =
        level === 'red'
          ? `${n} rapporter, kraftig ökning; kraftsamling kring hotspot`
          : level === 'yellow'
            ? `${n} rapporter, förhöjt läge; bevaka utvecklingen`
            : `${n} rapporter, normalläge`;
      const setAt = new Date(new Date(`${mondayOf(shiftWeek(week, 1))}T09:00:00+01:00`).getTime());
      await m.query(`INSERT INTO area_levels (area_id, week, level, rationale, set_by_id, set_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        area.id,
        week,
        level,
        rationale,
        ctx.analystId,
        setAt,
      ]);
    }
  }
  return rows.area.length;
}
