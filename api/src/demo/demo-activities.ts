import { EntityManager } from 'typeorm';
import { Activity } from '../activities/activity.entity';
import { swedishDate } from '../common/swedish-time';

const DAY = 86_400_000;
const dateOf = (offsetDays: number) => swedishDate(Date.now() + offsetDays * DAY);

interface Ctx {
  areas: { id: string; name: string; places: { id: string; name: string }[] }[];
  orgs: Map<string, string>;
}

/** [organisation, title, target group, places, weekdays, start, end, started days ago, ends in days, funding ends in days, contact] */
type Row = [string, string, string | null, string[], number[], string | null, string | null, number, number | null, number | null, string | null];

const NORRBY: Row[] = [
  ['kommun', 'Nattvandring med föräldrar', 'Unga 13–18 år', [], [5, 6], '21:00', '01:00', 400, null, null, 'kommun'],
  [
    'kommun',
    'Fältassistenter i centrum och vid skolan',
    'Unga 12–20 år',
    ['Norrby torg', 'Norrbyskolans skolgård'],
    [1, 2, 3, 4, 5],
    '14:00',
    '22:00',
    700,
    null,
    180,
    null,
  ],
  ['kommun', 'Fritidsgårdens öppettider', 'Unga 13–17 år', ['Fritidsgården Norrby'], [2, 3, 4, 5], '15:00', '21:00', 900, null, null, null],
  ['kommun', 'Belysningsprojekt gångtunneln', null, ['Gångtunneln under Norrleden'], [], null, null, 60, 120, 120, 'exempelbostader'],
  ['polis', 'Områdespolisens närvaro vid torget', null, ['Norrby torg', 'Busshållplats Norrby centrum'], [4, 5], '16:00', '20:00', 300, null, null, null],
  ['polis', 'Medborgarlöfte: minska nedskräpning och klotter', 'Boende', [], [], null, null, 240, 125, null, 'kommun'],
  [
    'exempelbostader',
    'Bovärdarnas kvällsrond',
    null,
    ['Trapphus Norrbyvägen 4', 'Tvättstugan Norrbyvägen 6', 'Garagelängan Norrbyvägen'],
    [1, 3, 5],
    '18:00',
    '22:00',
    500,
    null,
    null,
    null,
  ],
  ['exempelbostader', 'Väktarrond i garagen', null, ['Garagelängan Norrbyvägen'], [5, 6, 7], '22:00', '03:00', 200, null, 90, null],
  ['exempelbostader', 'Städdagar med hyresgästerna', 'Boende', ['Lekplatsen Gröna gården', 'Återvinningsstationen'], [], null, null, 30, 150, null, 'kommun'],
  [
    'norrbycentrum',
    'Butikernas trygghetsgrupp',
    'Butiksanställda',
    ['Norrby centrum, entrén', 'Norrby torg'],
    [1, 2, 3, 4, 5, 6],
    '09:00',
    '20:00',
    150,
    null,
    null,
    'polis',
  ],
  ['norrbycentrum', 'Ordningsvakt i centrum lördagar', null, ['Norrby centrum, entrén'], [6], '12:00', '18:00', 90, null, 60, null],
  ['kommun', 'Läxhjälp och idrott på skolgården', 'Barn 8–12 år', ['Norrbyskolans skolgård'], [1, 3], '15:00', '17:30', 120, 180, 180, null],
];

/** The register "Vem gör vad" of Norrby: twelve activities of its four partners (issue #18's demo data). */
export async function seedDemoActivities(m: EntityManager, ctx: Ctx): Promise<number> {
  const norrby = ctx.areas.find((a) => a.name === 'Norrby');
  if (!norrby) return 0;
  const placeId = new Map(norrby.places.map((p) => [p.name, p.id]));
  const repo = m.getRepository(Activity);
  for (const [org, title, target, places, weekdays, start, end, started, ends, funding, contact] of NORRBY) {
    await repo.save(
      repo.create({
        areaId: norrby.id,
        organizationId: ctx.orgs.get(org)!,
        title,
        description: null,
        targetGroup: target,
        placeIds: places.map((p) => placeId.get(p)!),
        startsOn: dateOf(-started),
        endsOn: ends === null ? null : dateOf(ends),
        weekdays,
        startTime: start,
        endTime: end,
        contactOrganizationId: contact ? ctx.orgs.get(contact)! : null,
        fundingEndsOn: funding === null ? null : dateOf(funding),
        caseIds: [],
        createdById: null,
        version: 1,
      }),
    );
  }
  return NORRBY.length;
}
