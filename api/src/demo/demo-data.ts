import type { OrganizationType, Role } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { ConfigError } from '../common/config';
import { Area } from '../directory/area.entity';
import { Organization } from '../directory/organization.entity';
import { Place } from '../directory/place.entity';
import { User } from '../directory/user.entity';
import { seedDemoReports } from './demo-reports';
import { seedDemoWalks } from './demo-walks';
import { seedDemoActivities } from './demo-activities';

/** The password of every demo account (printed in the README and the console; demo mode only). */
export const DEMO_PASSWORD = 'est-demo-2026';

const ORGS: { key: string; name: string; type: OrganizationType }[] = [
  { key: 'kommun', name: 'Exempelstad kommun', type: 'kommun' },
  { key: 'polis', name: 'Lokalpolisområde Exempelstad', type: 'polis' },
  { key: 'exempelbostader', name: 'Exempelbostäder AB', type: 'fastighetsbolag' },
  { key: 'hyresfastigheter', name: 'Hyresfastigheter i Exempelstad AB', type: 'fastighetsbolag' },
  { key: 'norrbycentrum', name: 'Norrby Centrum', type: 'naringsliv' },
];

/** The demo accounts: one per kind of user in the EST cycle. */
export const DEMO_ACCOUNTS: { email: string; name: string; org: string; roles: Role[] }[] = [
  { email: 'admin@exempelstad.se', name: 'Alva Admin', org: 'kommun', roles: ['admin'] },
  { email: 'samordnare@exempelstad.se', name: 'Sara Samordnare', org: 'kommun', roles: ['coordinator'] },
  { email: 'analytiker@exempelstad.se', name: 'Anders Analytiker', org: 'kommun', roles: ['analyst'] },
  { email: 'polischef@exempelstad.se', name: 'Petra Polischef', org: 'polis', roles: ['commander'] },
  { email: 'sakerhetschef@exempelbostader.se', name: 'Sven Säkerhetschef', org: 'exempelbostader', roles: ['commander', 'action_owner'] },
  { email: 'rapportor@exempelbostader.se', name: 'Rasmus Rapportör', org: 'exempelbostader', roles: ['reporter'] },
];

/** Three fictional EST areas, each with a dozen named places (offsets in metres from the area's centre). */
const AREAS: { name: string; description: string; centre: [number, number]; partners: string[]; places: [string, number, number][] }[] = [
  {
    name: 'Centrum',
    description: 'Stadskärnan med torget, resecentrum och gågatan.',
    centre: [59.2741, 15.2066],
    partners: ['kommun', 'polis', 'exempelbostader', 'hyresfastigheter'],
    places: [
      ['Stortorget', 0, 0],
      ['Resecentrum', -420, 380],
      ['Busshållplats Drottninggatan', -150, 220],
      ['Gågatan', 80, -120],
      ['Stadsparken', 310, 260],
      ['Parkeringshuset Kvarnen', -260, -310],
      ['Stadsbiblioteket', 190, -260],
      ['Ån vid Hamnbron', 420, -60],
      ['Skolgården Centralskolan', -380, -80],
      ['Trapphus Kungsgatan 12', 130, 90],
      ['Tvättstugan Kungsgatan 14', 150, 110],
      ['Gallerian Kvadraten', -60, -200],
    ],
  },
  {
    name: 'Norrby',
    description: 'Flerbostadsområde från 1960-talet med Norrby centrum och skola.',
    centre: [59.2952, 15.2101],
    partners: ['kommun', 'polis', 'exempelbostader', 'norrbycentrum'],
    places: [
      ['Norrby torg', 0, 0],
      ['Norrby centrum, entrén', 60, -40],
      ['Busshållplats Norrby centrum', -90, -120],
      ['Norrbyskolans skolgård', 280, 160],
      ['Fritidsgården Norrby', 220, 90],
      ['Trapphus Norrbyvägen 4', -180, 140],
      ['Tvättstugan Norrbyvägen 6', -200, 170],
      ['Garagelängan Norrbyvägen', -320, 60],
      ['Gångtunneln under Norrleden', 30, -380],
      ['Lekplatsen Gröna gården', 150, 260],
      ['Återvinningsstationen', -260, -220],
      ['Motionsspåret, norra delen', 480, 420],
    ],
  },
  {
    name: 'Söderdal',
    description: 'Blandad bebyggelse kring Söderdals centrum och idrottsplatsen.',
    centre: [59.2548, 15.2203],
    partners: ['kommun', 'polis', 'hyresfastigheter'],
    places: [
      ['Söderdals centrum', 0, 0],
      ['Pendeltågsstationen', -350, -120],
      ['Busshållplats Söderdalsvägen', -120, -60],
      ['Idrottsplatsen', 380, 240],
      ['Söderdalsskolans skolgård', 260, -180],
      ['Trapphus Dalvägen 3', -160, 200],
      ['Tvättstugan Dalvägen 5', -140, 230],
      ['Källarförråd Dalvägen 7', -120, 260],
      ['Parken vid Dammen', 90, 340],
      ['Gång- och cykelbron', -420, 120],
      ['Närbutiken Söderdal', 40, -90],
      ['Parkeringen vid idrottsplatsen', 430, 180],
    ],
  },
];

const toLatLng = (centre: [number, number], dx: number, dy: number): [number, number] => {
  const lat = centre[0] + dy / 111_320;
  const lng = centre[1] + dx / (111_320 * Math.cos((centre[0] * Math.PI) / 180));
  return [Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6];
};

/** Loads the fictional municipality Exempelstad once (when the database has no organisations yet). */
export async function seedDemoData(ds: DataSource, withReports = true): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (m) => {
    await m.query('LOCK TABLE organizations IN EXCLUSIVE MODE');
    if ((await m.getRepository(Organization).count()) > 0) return;
    const orgs = new Map<string, Organization>();
    for (const o of ORGS) orgs.set(o.key, await m.getRepository(Organization).save({ name: o.name, type: o.type }));
    const users = new Map<string, User>();
    for (const a of DEMO_ACCOUNTS) {
      users.set(
        a.email,
        await m
          .getRepository(User)
          .save({ name: a.name, email: a.email, organizationId: orgs.get(a.org)!.id, roles: a.roles, passwordHash: hash, active: true }),
      );
    }
    const areas = [];
    for (const a of AREAS) {
      const area = await m.getRepository(Area).save({ name: a.name, description: a.description, partners: a.partners.map((k) => orgs.get(k)!) });
      const places = await m.getRepository(Place).save(
        a.places.map(([name, dx, dy]) => {
          const [latitude, longitude] = toLatLng(a.centre, dx, dy);
          return m.getRepository(Place).create({ areaId: area.id, name, latitude, longitude });
        }),
      );
      areas.push({ id: area.id, name: area.name, partners: a.partners, places: places.map((p) => ({ id: p.id, name: p.name })) });
    }
    // Each organisation reports through one of its demo accounts (organisations without one report as the organisation).
    const reporterOf: Record<string, string | undefined> = {
      kommun: users.get('samordnare@exempelstad.se')?.id,
      polis: users.get('polischef@exempelstad.se')?.id,
      exempelbostader: users.get('rapportor@exempelbostader.se')?.id,
    };
    const categories: { id: string; code: string }[] = await m.query('SELECT id, code FROM categories');
    const reports = !withReports
      ? 0
      : await seedDemoReports(m, {
          areas,
          categories: new Map(categories.map((c) => [c.code, c.id])),
          organizations: new Map(ORGS.map((o) => [o.key, { id: orgs.get(o.key)!.id, reporterId: reporterOf[o.key] ?? null, police: o.type === 'polis' }])),
          analystId: users.get('analytiker@exempelstad.se')!.id,
        });
    // Safety walks come with the demo reports (tests that start without them start without walks too).
    const walks = !withReports
      ? 0
      : await seedDemoWalks(m, { areas, orgs: new Map([...orgs].map(([k, o]) => [k, o.id])), users: new Map([...users].map(([e, u]) => [e, u.id])) });
    const activities = !withReports ? 0 : await seedDemoActivities(m, { areas, orgs: new Map([...orgs].map(([k, o]) => [k, o.id])) });
    await new AuditService().record(m, SYSTEM_ACTOR, {
      action: 'demo.seed',
      entityType: 'system',
      entityId: 'demo',
      after: { organizations: ORGS.length, users: DEMO_ACCOUNTS.length, areas: AREAS.length, reports, walks, activities },
    });
  });
}

/** In production, creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD when there are no users yet. */
export async function ensureInitialAdmin(
  ds: DataSource,
  admin: { email: string; password: string; name: string; organization: string } | undefined,
): Promise<void> {
  if ((await ds.getRepository(User).count()) > 0) return;
  if (!admin) throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD are required to create the first administrator');
  const hash = await hashPassword(admin.password);
  await ds.transaction(async (m) => {
    let org = await m.getRepository(Organization).findOneBy({ name: admin.organization });
    org ??= await m.getRepository(Organization).save({ name: admin.organization, type: 'kommun' });
    const user = await m
      .getRepository(User)
      .save({ name: admin.name, email: admin.email, organizationId: org.id, roles: ['admin'], passwordHash: hash, active: true });
    await new AuditService().record(m, SYSTEM_ACTOR, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, roles: user.roles },
    });
  });
}
