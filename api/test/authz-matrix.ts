/**
 * THE AUTHORISATION MATRIX: who may call which endpoint, and what they get.
 *
 * This table is the authoritative access table of the API (the README points here). `authz.spec.ts` runs every
 * entry as every principal against the real API on a fresh demo database, and fails when
 *   - an answer differs from the table,
 *   - a refused call changed something (the audit trail grew),
 *   - the OpenAPI document (`/api/docs-json`) has an endpoint the table does not list, or the table lists one it no longer has.
 *
 * The columns (principals). Each signed-in column holds exactly one role, in an organisation that is a partner of
 * the area the request concerns (Centrum, whose partnership is the municipality, the police, Exempelbostäder AB and
 * Hyresfastigheter i Exempelstad AB):
 *   anonymous     no session
 *   admin         admin@exempelstad.se             Exempelstad kommun            admin
 *   coordinator   samordnare@exempelstad.se        Exempelstad kommun            coordinator
 *   analyst       analytiker@exempelstad.se        Exempelstad kommun            analyst
 *   commander     polischef@exempelstad.se         Lokalpolisområde Exempelstad  commander
 *   action_owner  atgardsagare@exempelbostader.se  Exempelbostäder AB            action_owner   (created by the test)
 *   reporter      rapportor@exempelbostader.se     Exempelbostäder AB            reporter
 *   outsider      utomstaende@utanfor.se           Utanför föreningen            every role but admin (created by the test)
 * The outsider's organisation is a partner of its own area "Utmarken" only, never of Centrum. It holds every
 * non-admin role on purpose: the role checks let it through, so its column proves that the partnership scoping
 * alone keeps it out.
 *
 * The rules the table encodes:
 *   - 401 without a session, everywhere but health and sign-in (fails closed: a handler without a rule is a 403).
 *   - 403 when the caller lacks the role the endpoint declares, or the workflow refuses the event for their role or
 *     organisation (`*.EVENT_FORBIDDEN`; the workflows in workflows/src are the only authority on transitions).
 *   - 404 for a record in an area, meeting or organisation the caller does not take part in: it answers as if it did
 *     not exist. Administrators see every area but send workflow events only in their own role's rights (none).
 *   - 422 naming the field for an id in the request body (areaId, areaIds) outside the caller's partnership: the
 *     same answer as for an id that does not exist.
 *   - Lists (reports, cases, actions, meetings, areas) answer 200 to everyone signed in, scoped to the caller's partnerships.
 *   - A meeting is seen by its participating organisations, which must be partners of the meeting's areas. An
 *     administrator of another organisation sees it for administration only (title, kind, time, place, areas,
 *     organisations, participants, state; `detailsVisible` false) and is refused its content – documents, live
 *     updates, audit trail, every change – with 403 `MEETING.PARTICIPANTS_ONLY`.
 *   - Another organisation's restricted report shows only its figures (area, category, time, assessment,
 *     organisation): never its text, place, position or reporter, on any endpoint (list and its filters, export,
 *     picture, PDFs, meeting stream, cases, audit – also the actor of its audit entries; see the restricted-report
 *     tests in authz.spec.ts, which look for the filer's name and id too). This holds
 *     for administrators too: they see every area, but belong to an organisation like everyone else.
 *   - A report awaiting review (its text was flagged by the personal-data check and sent with "not about a person")
 *     is withheld like a restricted one, except from the partnership's coordinators, who review it (redaction.spec.ts).
 *   - A write with the session cookie must show the product's own origin (`Origin`, or `Sec-Fetch-Site:
 *     same-origin`), else 403 AUTH.BAD_ORIGIN before any of the above (security.spec.ts); the runner sends
 *     `Sec-Fetch-Site: same-origin` with every signed-in call, as a browser does.
 *
 * Reading an entry: `only(201, ['admin'])` = admin 201, the other signed-in columns 403, anonymous 401;
 * `partners(200)` = every signed-in column 200 but the outsider 404; `everyone(200)` = every signed-in column 200.
 * Overrides name the exceptions, e.g. `{ outsider: 422 }`.
 */
import type { Role } from '@samverka/contracts';

export const PRINCIPALS = ['anonymous', 'admin', 'coordinator', 'analyst', 'commander', 'action_owner', 'reporter', 'outsider'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Expectation = Record<Principal, number>;

/** One HTTP call as the runner makes it. */
export interface Call {
  path: string;
  query?: Record<string, string>;
  body?: object;
  /** A multipart upload (the CSV import). */
  file?: { field: string; content: string; filename: string; fields?: Record<string, string>; encoding?: 'utf8' | 'base64' };
  /** Use another session of the principal's user rather than its shared one (sign-out endpoints). */
  freshSession?: boolean;
  /** Give the principal a new session afterwards (all its sessions were ended). */
  renewSession?: boolean;
}

/** What the test setup provides to build calls: ids of the demo world and factories of fresh targets. */
export interface Fixtures {
  ids: {
    centrum: string;
    centrumPlace: string;
    outsiderArea: string;
    categoryId: string;
    orgs: { kommun: string; polis: string; bostader: string; norrbycentrum: string; outsider: string };
    scratchArea: string;
    scratchUser: string;
    scratchOrg: string;
    scratchCategory: string;
    importId: string;
    actionOwnerId: string;
    /** A notification of the action owner, in the outbox. */
    mailId: string;
  };
  /**
   * Read-only targets in Centrum: a case (reported), an unrestricted report of the housing company, a planned meeting
   * of the municipality, and a planned meeting of the police with the housing company (without the municipality).
   */
  shared: { caseId: string; reportId: string; meetingId: string; foreignMeetingId: string };
  newCase(state?: 'reported' | 'proposed'): Promise<{ id: string; version: number }>;
  /** An agreed action of Exempelbostäder AB, planned, without owner. */
  newAction(): Promise<{ id: string; version: number }>;
  /** A meeting of the municipality with the police and Exempelbostäder AB about Centrum; itemId is its round-the-table item. */
  newMeeting(state?: 'planned' | 'in_session' | 'minutes_draft' | 'approved'): Promise<{ id: string; version: number; itemId: string }>;
  newReport(by?: 'analyst' | 'reporter', extra?: object): Promise<string>;
  newPlace(): Promise<string>;
  /** An activity of the municipality in Centrum's register. */
  newActivity(): Promise<{ id: string; version: number }>;
  /** A pending invitation to Exempelbostäder AB as reporter, with the token of its link. */
  newInvitation(): Promise<{ id: string; token: string }>;
  /**
   * A safety walk in Centrum planned by the municipality's coordinator with Exempelbostäder AB invited (the police is a
   * partner, not invited); from in_progress on with a finding of the housing company's reporter and a photo of it.
   */
  newWalk(state?: 'planned' | 'in_progress' | 'recorded', extra?: object): Promise<{ id: string; version: number; findingId: string; photoId: string }>;
  /** The default checklist. */
  checklistId: string;
  signInFresh(p: Exclude<Principal, 'anonymous'>): Promise<string>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Variant {
  /** What this variant exercises (e.g. the event type). */
  name: string;
  expect: Expectation;
  /** Why the answers are what they are, where it is not obvious. */
  why?: string;
  call(f: Fixtures, who: Principal): Call | Promise<Call>;
}

export interface Entry {
  method: Method;
  /** As in the OpenAPI document. */
  path: string;
  /** Server-sent events: the runner reads the status and the first event, then disconnects. */
  sse?: boolean;
  variants: Variant[];
}

// ---- compact expectations -------------------------------------------------------------------------------------

type Over = Partial<Expectation>;
const SIGNED_IN: Exclude<Principal, 'anonymous'>[] = ['admin', 'coordinator', 'analyst', 'commander', 'action_owner', 'reporter', 'outsider'];

/** Everyone signed in gets `ok`; anonymous 401. */
const everyone = (ok: number, over: Over = {}): Expectation =>
  ({ anonymous: 401, ...Object.fromEntries(SIGNED_IN.map((p) => [p, ok])), ...over }) as Expectation;
/** Partners of the area get `ok`; the outsider 404 (the record does not exist for it); anonymous 401. */
const partners = (ok: number, over: Over = {}): Expectation => everyone(ok, { outsider: 404, ...over });
/** Only the columns of these roles get `ok`, the other signed-in columns 403 (the outsider as given, default 403). */
const only = (ok: number, roles: Role[], over: Over = {}): Expectation =>
  ({ anonymous: 401, ...Object.fromEntries(SIGNED_IN.map((p) => [p, roles.includes(p as Role) ? ok : 403])), ...over }) as Expectation;
/** A meeting of the police with Exempelbostäder AB: the municipality's coordinator and analyst do not take part (404). */
const FOREIGN: Over = { coordinator: 404, analyst: 404 };
const v = (name: string, expect: Expectation, call: Variant['call'], why?: string): Variant => ({ name, expect, call, why });
const one = (expect: Expectation, call: Variant['call'], why?: string): Variant[] => [v('', expect, call, why)];

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const daysAgo = (n: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() - n * 86_400_000));
const rnd = () => Math.random().toString(36).slice(2, 10);
/** A distinct ISO week per principal, so that no column depends on another's level. */
const weekOf = (who: Principal) => `2026-W${String(10 + PRINCIPALS.indexOf(who)).padStart(2, '0')}`;

// ---- the matrix ----------------------------------------------------------------------------------------------------

export const MATRIX: Entry[] = [
  // -- health, configuration, sign-in ------------------------------------------------------------------------------
  { method: 'GET', path: '/api/health', variants: one(everyone(200, { anonymous: 200 }), () => ({ path: '/api/health' }), 'public: for load balancers') },
  { method: 'GET', path: '/api/config', variants: one(everyone(200), () => ({ path: '/api/config' })) },
  {
    method: 'GET',
    path: '/api/config/accessibility',
    variants: one(
      everyone(200, { anonymous: 200 }),
      () => ({ path: '/api/config/accessibility' }),
      'public: the accessibility statement is read before signing in',
    ),
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    variants: one(
      everyone(200, { anonymous: 200 }),
      () => ({ path: '/api/auth/login', body: { email: 'analytiker@exempelstad.se', password: 'est-demo-2026' } }),
      'public; the new session is not used further (wrong passwords: auth.spec.ts; each sign-in costs an argon2 check, so one variant only)',
    ),
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    variants: one(everyone(204), () => ({ path: '/api/auth/logout', freshSession: true }), 'ends the caller’s own (fresh) session'),
  },
  {
    method: 'POST',
    path: '/api/auth/logout-all',
    variants: one(everyone(204), () => ({ path: '/api/auth/logout-all', freshSession: true, renewSession: true }), 'ends all of the caller’s own sessions'),
  },
  { method: 'GET', path: '/api/auth/me', variants: one(everyone(200), () => ({ path: '/api/auth/me' })) },
  {
    method: 'GET',
    path: '/api/auth/session',
    variants: one(
      everyone(200, { anonymous: 200 }),
      () => ({ path: '/api/auth/session' }),
      'public: answers user null without a session (the client asks on every page load)',
    ),
  },

  // -- directory ---------------------------------------------------------------------------------------------------
  {
    method: 'GET',
    path: '/api/organizations',
    variants: one(everyone(200), () => ({ path: '/api/organizations' }), 'organisation names and types are not secret within the product'),
  },
  {
    method: 'GET',
    path: '/api/organizations/{id}/users',
    variants: one(
      everyone(404, { admin: 200, action_owner: 200, reporter: 200, coordinator: 200, commander: 200 }),
      (f) => ({ path: `/api/organizations/${f.ids.orgs.bostader}/users` }),
      'the people of Exempelbostäder AB: for its own members, administrators, and the coordinators and commanders of its partners (they name owners in meetings); the outsider holds those roles but shares no area with it: 404',
    ),
  },
  {
    method: 'POST',
    path: '/api/organizations',
    variants: one(only(201, ['admin']), () => ({ path: '/api/organizations', body: { name: `Förening ${rnd()}`, type: 'ovrig' } })),
  },
  {
    method: 'PATCH',
    path: '/api/organizations/{id}',
    variants: one(only(200, ['admin']), (f) => ({ path: `/api/organizations/${f.ids.scratchOrg}`, body: { name: `Matrisföreningen ${rnd()}` } })),
  },
  { method: 'GET', path: '/api/users', variants: one(only(200, ['admin']), () => ({ path: '/api/users' })) },
  {
    method: 'POST',
    path: '/api/users',
    variants: one(only(201, ['admin']), (f) => ({
      path: '/api/users',
      body: {
        name: 'Ny Användare',
        email: `ny-${rnd()}@exempelstad.se`,
        organizationId: f.ids.orgs.kommun,
        roles: ['reporter'],
        password: 'ett-långt-lösenord-1',
      },
    })),
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}',
    variants: one(only(200, ['admin']), (f) => ({ path: `/api/users/${f.ids.scratchUser}`, body: { name: `Mål ${rnd()}` } })),
  },
  {
    method: 'GET',
    path: '/api/invitations',
    variants: one(
      only(200, ['admin', 'coordinator'], { outsider: 200 }),
      () => ({ path: '/api/invitations' }),
      'scoped: a coordinator sees its partnerships’ invitations',
    ),
  },
  {
    method: 'POST',
    path: '/api/invitations',
    variants: one(
      only(201, ['admin', 'coordinator'], { outsider: 422 }),
      (f) => ({ path: '/api/invitations', body: { email: `inbjuden-${rnd()}@exempelbostader.se`, organizationId: f.ids.orgs.bostader, roles: ['reporter'] } }),
      'a coordinator invites to its partners; the outsider’s partnership does not include Exempelbostäder AB (422 organizationId)',
    ),
  },
  {
    method: 'DELETE',
    path: '/api/invitations/{id}',
    variants: one(only(204, ['admin', 'coordinator'], { outsider: 404 }), async (f) => ({ path: `/api/invitations/${(await f.newInvitation()).id}` })),
  },
  {
    method: 'GET',
    path: '/api/invitations/accept/{token}',
    variants: one(
      everyone(200, { anonymous: 200 }),
      async (f) => ({ path: `/api/invitations/accept/${(await f.newInvitation()).token}` }),
      'public: the invited person has no account yet; the token is the secret',
    ),
  },
  {
    method: 'POST',
    path: '/api/invitations/accept/{token}',
    variants: one(
      everyone(201, { anonymous: 201 }),
      async (f) => ({
        path: `/api/invitations/accept/${(await f.newInvitation()).token}`,
        body: { name: 'Inbjuden Person', password: 'ett-långt-lösenord-1' },
      }),
      'public and single-use: the link creates one account (used, expired and withdrawn links: invitations.spec.ts)',
    ),
  },
  { method: 'GET', path: '/api/areas', variants: one(everyone(200), () => ({ path: '/api/areas' }), 'scoped: the outsider sees only its own area') },
  {
    method: 'GET',
    path: '/api/areas/{id}/activities',
    variants: one(partners(200), (f) => ({ path: `/api/areas/${f.ids.centrum}/activities` }), 'the register is seen by the whole partnership'),
  },
  {
    method: 'POST',
    path: '/api/areas/{id}/activities',
    variants: one(
      partners(201, { reporter: 403 }),
      (f) => ({ path: `/api/areas/${f.ids.centrum}/activities`, body: { title: `Rond ${rnd()}`, startsOn: '2026-09-01' } }),
      "each partner's people (not reporters) keep their own organisation's entries",
    ),
  },
  {
    method: 'PATCH',
    path: '/api/areas/{id}/activities/{activityId}',
    variants: one(
      partners(200, { commander: 403, action_owner: 403, reporter: 403 }),
      async (f) => {
        const a = await f.newActivity();
        return { path: `/api/areas/${f.ids.centrum}/activities/${a.id}`, body: { version: a.version, title: `Ändrad ${rnd()}` } };
      },
      "only the municipality's own people (and admins) change its entry: 403 ACTIVITY.OTHER_ORGANIZATION for other partners",
    ),
  },
  {
    method: 'DELETE',
    path: '/api/areas/{id}/activities/{activityId}',
    variants: one(
      partners(204, { commander: 403, action_owner: 403, reporter: 403 }),
      async (f) => ({ path: `/api/areas/${f.ids.centrum}/activities/${(await f.newActivity()).id}` }),
      "only the municipality's own people (and admins) remove its entry",
    ),
  },
  {
    method: 'GET',
    path: '/api/areas/{id}/activity-gaps',
    variants: one(partners(200), (f) => ({ path: `/api/areas/${f.ids.centrum}/activity-gaps` }), 'counts; restricted reports tell no place'),
  },
  { method: 'GET', path: '/api/areas/{id}', variants: one(partners(200), (f) => ({ path: `/api/areas/${f.ids.centrum}` })) },
  {
    method: 'POST',
    path: '/api/areas',
    variants: one(only(201, ['admin']), (f) => ({ path: '/api/areas', body: { name: `Område ${rnd()}`, partnerIds: [f.ids.orgs.kommun] } })),
  },
  {
    method: 'PATCH',
    path: '/api/areas/{id}',
    variants: one(only(200, ['admin']), (f) => ({ path: `/api/areas/${f.ids.scratchArea}`, body: { description: `Ändrad ${rnd()}` } })),
  },
  {
    method: 'POST',
    path: '/api/areas/{id}/places',
    variants: one(only(201, ['admin']), (f) => ({ path: `/api/areas/${f.ids.scratchArea}/places`, body: { name: `Plats ${rnd()}` } })),
  },
  {
    method: 'PATCH',
    path: '/api/places/{id}',
    variants: one(only(200, ['admin']), async (f) => ({ path: `/api/places/${await f.newPlace()}`, body: { name: `Plats ${rnd()}` } })),
  },
  { method: 'DELETE', path: '/api/places/{id}', variants: one(only(204, ['admin']), async (f) => ({ path: `/api/places/${await f.newPlace()}` })) },
  { method: 'GET', path: '/api/categories', variants: one(everyone(200), () => ({ path: '/api/categories' })) },
  {
    method: 'POST',
    path: '/api/categories',
    variants: one(only(201, ['admin']), () => ({ path: '/api/categories', body: { code: `m_${rnd()}`, labelSv: 'Matris', labelEn: 'Matrix' } })),
  },
  {
    method: 'PATCH',
    path: '/api/categories/{id}',
    variants: one(only(200, ['admin']), (f) => ({ path: `/api/categories/${f.ids.scratchCategory}`, body: { labelEn: `Matrix ${rnd()}` } })),
  },

  // -- reports, situational picture, levels, imports -----------------------------------------------------------
  {
    method: 'POST',
    path: '/api/reports',
    variants: one(
      partners(201, { outsider: 422 }),
      (f) => ({
        path: '/api/reports',
        body: {
          areaId: f.ids.centrum,
          categoryId: f.ids.categoryId,
          occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
          assessment: 'low',
          policeNotified: false,
          description: 'Nedskräpning vid entrén',
        },
      }),
      'anyone of a partner organisation files reports for their organisation; the outsider’s areaId is a 422',
    ),
  },
  {
    method: 'GET',
    path: '/api/reports',
    variants: one(everyone(200), (f) => ({ path: '/api/reports', query: { areaId: f.ids.centrum } }), 'scoped: the outsider gets an empty page'),
  },
  {
    method: 'GET',
    path: '/api/reports/export.csv',
    variants: one(everyone(200), (f) => ({ path: '/api/reports/export.csv', query: { areaId: f.ids.centrum } }), 'scoped like the list'),
  },
  { method: 'GET', path: '/api/reports/mine', variants: one(everyone(200), () => ({ path: '/api/reports/mine' }), 'each sees only their own reports') },
  { method: 'GET', path: '/api/reports/{id}', variants: one(partners(200), (f) => ({ path: `/api/reports/${f.shared.reportId}` })) },
  {
    method: 'PATCH',
    path: '/api/reports/{id}',
    variants: one(
      partners(403, { coordinator: 200, analyst: 200 }),
      async (f) => ({ path: `/api/reports/${await f.newReport('analyst')}`, body: { assessment: 'high' } }),
      'a fresh report of the municipality’s analyst: its reporter (within 24 h) or a coordinator of the same organisation corrects it; admin too is refused (REPORT.LOCKED)',
    ),
  },
  {
    method: 'POST',
    path: '/api/reports/{id}/redactions',
    variants: one(
      only(201, ['coordinator', 'reporter'], { outsider: 404 }),
      async (f) => ({ path: `/api/reports/${await f.newReport('reporter')}/redactions`, body: { text: 'elskåpet', reason: 'irrelevant' } }),
      'a fresh report of the housing company’s reporter: its reporter, a coordinator or administrator of its organisation, or a coordinator of the partnership removes text (REPORT.REDACT_FORBIDDEN otherwise; the municipality’s admin is of another organisation)',
    ),
  },
  {
    method: 'POST',
    path: '/api/reports/{id}/review',
    variants: one(
      only(200, ['coordinator'], { outsider: 404 }),
      async (f) => ({
        path: `/api/reports/${await f.newReport('reporter', { description: 'Ring 070-123 45 67 om skylten', confirmNoPersonalData: true })}/review`,
        body: { decision: 'confirm' },
      }),
      'a fresh report awaiting review (flagged text sent with "not about a person"): coordinators of the partnership confirm it',
    ),
  },
  {
    method: 'GET',
    path: '/api/situation-picture',
    variants: one(partners(200), (f) => ({ path: '/api/situation-picture', query: { areaId: f.ids.centrum } })),
  },
  { method: 'GET', path: '/api/areas/{id}/levels', variants: one(partners(200), (f) => ({ path: `/api/areas/${f.ids.centrum}/levels` })) },
  {
    method: 'PUT',
    path: '/api/areas/{id}/levels/{week}',
    variants: one(
      only(200, ['coordinator', 'analyst'], { outsider: 404 }),
      (f, who) => ({ path: `/api/areas/${f.ids.centrum}/levels/${weekOf(who)}`, body: { level: 'yellow', rationale: 'Fler anmälningar än vanligt' } }),
      'coordinators and analysts of a partner; admin has neither role',
    ),
  },
  {
    method: 'POST',
    path: '/api/reports/import',
    variants: one(
      only(202, ['coordinator', 'analyst'], { outsider: 422 }),
      (f) => ({
        path: '/api/reports/import',
        file: {
          field: 'file',
          filename: 'matris.csv',
          content: `Tidpunkt;Plats;Kategori;Beskrivning\r\n2026-10-0${1 + Math.floor(Math.random() * 9)} 2${Math.floor(Math.random() * 4)}:${10 + Math.floor(Math.random() * 50)};Stortorget;Skadegörelse;Krossad ruta ${rnd()}\r\n`,
          fields: { areaId: f.ids.centrum },
        },
      }),
      'coordinators and analysts; the outsider’s areaId is a 422',
    ),
  },
  {
    method: 'GET',
    path: '/api/imports/{id}',
    variants: one(
      only(200, ['coordinator', 'analyst'], { outsider: 404 }),
      (f) => ({ path: `/api/imports/${f.ids.importId}` }),
      'an import of the municipality: for coordinators and analysts of that organisation only',
    ),
  },

  // -- cases and actions -----------------------------------------------------------------------------------------
  {
    method: 'POST',
    path: '/api/cases',
    variants: one(only(201, ['analyst', 'coordinator'], { outsider: 422 }), (f) => ({
      path: '/api/cases',
      body: { areaId: f.ids.centrum, title: `Ärende ${rnd()}`, description: 'Nytt ärende i matrisen' },
    })),
  },
  { method: 'GET', path: '/api/attention', variants: one(everyone(200), () => ({ path: '/api/attention' }), 'each sees what needs them, scoped') },
  { method: 'GET', path: '/api/cases', variants: one(everyone(200), () => ({ path: '/api/cases' }), 'scoped: the outsider sees none of Centrum’s cases') },
  { method: 'GET', path: '/api/cases/{id}', variants: one(partners(200), (f) => ({ path: `/api/cases/${f.shared.caseId}` })) },
  { method: 'GET', path: '/api/cases/{id}/history', variants: one(partners(200), (f) => ({ path: `/api/cases/${f.shared.caseId}/history` })) },
  {
    method: 'GET',
    path: '/api/cases/{id}/effects',
    variants: one(partners(200), (f) => ({ path: `/api/cases/${f.shared.caseId}/effects`, query: { weeks: '8' } })),
  },
  {
    method: 'GET',
    path: '/api/effects',
    variants: one(everyone(200), (f) => ({ path: '/api/effects', query: { areaId: f.ids.centrum } }), 'scoped: the outsider gets an empty register'),
  },
  {
    method: 'GET',
    path: '/api/effects/export.csv',
    variants: one(everyone(200), (f) => ({ path: '/api/effects/export.csv', query: { areaId: f.ids.centrum } }), 'scoped like the register'),
  },
  {
    method: 'POST',
    path: '/api/cases/{id}/events',
    variants: [
      v(
        'START_ANALYSIS',
        partners(403, { coordinator: 200, analyst: 200 }),
        async (f) => ({ path: `/api/cases/${(await f.newCase()).id}/events`, body: { type: 'START_ANALYSIS', version: 1 } }),
        'analysts and coordinators of the partnership (case workflow)',
      ),
      v(
        'AGREE',
        partners(403, { coordinator: 200, commander: 200 }),
        async (f) => {
          const c = await f.newCase('proposed');
          return { path: `/api/cases/${c.id}/events`, body: { type: 'AGREE', version: c.version } };
        },
        'deciders: commanders and coordinators of the partnership',
      ),
    ],
  },
  { method: 'GET', path: '/api/actions', variants: one(everyone(200), () => ({ path: '/api/actions' }), 'scoped') },
  { method: 'GET', path: '/api/actions/{id}', variants: one(partners(200), async (f) => ({ path: `/api/actions/${(await f.newAction()).id}` })) },
  {
    method: 'POST',
    path: '/api/actions/{id}/events',
    variants: [
      v(
        'ASSIGN',
        partners(403, { action_owner: 200 }),
        async (f) => {
          const a = await f.newAction();
          return { path: `/api/actions/${a.id}/events`, body: { type: 'ASSIGN', version: a.version, ownerId: f.ids.actionOwnerId } };
        },
        'an action of Exempelbostäder AB: its action owners and commanders assign it (the police commander is of another organisation)',
      ),
      v(
        'CANCEL',
        partners(403, { coordinator: 200, action_owner: 200 }),
        async (f) => {
          const a = await f.newAction();
          return { path: `/api/actions/${a.id}/events`, body: { type: 'CANCEL', version: a.version, reason: 'Behövs inte längre' } };
        },
        'the responsible organisation’s managers, or a coordinator of the partnership',
      ),
    ],
  },

  // -- meetings, documents ---------------------------------------------------------------------------------------
  {
    method: 'POST',
    path: '/api/meetings',
    variants: [
      v(
        'with partners',
        only(201, ['coordinator'], { outsider: 422 }),
        (f) => ({
          path: '/api/meetings',
          body: {
            kind: 'operational',
            title: `Möte ${rnd()}`,
            startsAt: new Date().toISOString(),
            place: 'Stadshuset',
            areaIds: [f.ids.centrum],
            organizationIds: [f.ids.orgs.polis],
          },
        }),
        'coordinators schedule meetings of their partnership’s areas',
      ),
      v(
        'inviting an outsider',
        only(422, ['coordinator'], { outsider: 422 }),
        (f) => ({
          path: '/api/meetings',
          body: {
            kind: 'operational',
            title: `Möte ${rnd()}`,
            startsAt: new Date().toISOString(),
            place: 'Stadshuset',
            areaIds: [f.ids.centrum],
            organizationIds: [f.ids.orgs.outsider],
          },
        }),
        'participants see the agenda and documents: only partners of the meeting’s areas may take part (organizationIds 422)',
      ),
    ],
  },
  {
    method: 'GET',
    path: '/api/meetings',
    variants: one(
      everyone(200),
      () => ({ path: '/api/meetings' }),
      'scoped to meetings of the caller’s organisation; administrators also get the others’ meetings, for administration only',
    ),
  },
  {
    method: 'GET',
    path: '/api/meetings/{id}',
    variants: [
      v(
        'the municipality’s',
        partners(200),
        (f) => ({ path: `/api/meetings/${f.shared.meetingId}` }),
        'the municipality’s meeting with the police and Exempelbostäder AB',
      ),
      v(
        'without the municipality',
        partners(200, FOREIGN),
        (f) => ({ path: `/api/meetings/${f.shared.foreignMeetingId}` }),
        'the police’s meeting with Exempelbostäder AB: the administrator sees it for administration only (detailsVisible false)',
      ),
    ],
  },
  {
    method: 'POST',
    path: '/api/meetings/{id}/events',
    variants: [
      v(
        'START',
        partners(403, { coordinator: 200, commander: 200 }),
        async (f) => {
          const m = await f.newMeeting('planned');
          return { path: `/api/meetings/${m.id}/events`, body: { type: 'START', version: m.version } };
        },
        'the coordinator (secretary) or a commander of a participating organisation',
      ),
      v(
        'APPROVE',
        partners(403, { commander: 200 }),
        async (f) => {
          const m = await f.newMeeting('minutes_draft');
          return { path: `/api/meetings/${m.id}/events`, body: { type: 'APPROVE', version: m.version } };
        },
        'a chief (commander) of a participating organisation approves the minutes',
      ),
    ],
  },
  {
    method: 'PATCH',
    path: '/api/meetings/{id}/agenda',
    variants: one(
      partners(403, { coordinator: 200 }),
      async (f) => {
        const m = await f.newMeeting('planned');
        return { path: `/api/meetings/${m.id}/agenda`, body: { version: m.version, items: [{ kind: 'other', title: 'Övriga frågor' }] } };
      },
      'the secretary: a coordinator of a participating organisation',
    ),
  },
  {
    method: 'POST',
    path: '/api/meetings/{id}/decisions',
    variants: one(
      partners(403, { coordinator: 200 }),
      async (f) => {
        const m = await f.newMeeting('in_session');
        return { path: `/api/meetings/${m.id}/decisions`, body: { version: m.version, itemId: m.itemId, kind: 'note', note: 'Antecknades' } };
      },
      'the secretary records',
    ),
  },
  {
    method: 'POST',
    path: '/api/meetings/{id}/items/{itemId}/statements',
    variants: one(
      partners(403, { coordinator: 200 }),
      async (f) => {
        const m = await f.newMeeting('in_session');
        return {
          path: `/api/meetings/${m.id}/items/${m.itemId}/statements`,
          body: { version: m.version, organizationId: f.ids.orgs.polis, text: 'Polisen ser en minskning' },
        };
      },
      'the secretary records each organisation’s statement',
    ),
  },
  {
    method: 'PUT',
    path: '/api/meetings/{id}/attendance',
    variants: one(
      partners(403, { coordinator: 200 }),
      async (f) => {
        const m = await f.newMeeting('in_session');
        return {
          path: `/api/meetings/${m.id}/attendance`,
          body: { version: m.version, participants: [{ name: 'Petra Polischef', organizationId: f.ids.orgs.polis, present: true }] },
        };
      },
      'the secretary records attendance',
    ),
  },
  {
    method: 'POST',
    path: '/api/meetings/{id}/revisions',
    variants: one(
      partners(403, { coordinator: 201 }),
      async (f) => {
        const m = await f.newMeeting('approved');
        return { path: `/api/meetings/${m.id}/revisions`, body: { version: m.version } };
      },
      'the secretary revises approved minutes',
    ),
  },
  {
    method: 'GET',
    path: '/api/meetings/{id}/stream',
    sse: true,
    variants: [
      v(
        'the municipality’s',
        partners(200),
        (f) => ({ path: `/api/meetings/${f.shared.meetingId}/stream` }),
        'participants only; the outsider gets 404 before the stream opens',
      ),
      v(
        'without the municipality',
        partners(200, { ...FOREIGN, admin: 403 }),
        (f) => ({ path: `/api/meetings/${f.shared.foreignMeetingId}/stream` }),
        'the live updates are content: not for another organisation’s administrator',
      ),
    ],
  },
  {
    method: 'GET',
    path: '/api/meetings/{id}/action-plan.pdf',
    variants: [
      v('the municipality’s', partners(200), (f) => ({ path: `/api/meetings/${f.shared.meetingId}/action-plan.pdf` })),
      v(
        'without the municipality',
        partners(200, { ...FOREIGN, admin: 403 }),
        (f) => ({ path: `/api/meetings/${f.shared.foreignMeetingId}/action-plan.pdf` }),
        'documents: participating organisations only',
      ),
    ],
  },
  {
    method: 'GET',
    path: '/api/meetings/{id}/minutes.pdf',
    variants: [
      v('the municipality’s', partners(200), (f) => ({ path: `/api/meetings/${f.shared.meetingId}/minutes.pdf` })),
      v(
        'without the municipality',
        partners(200, { ...FOREIGN, admin: 403 }),
        (f) => ({ path: `/api/meetings/${f.shared.foreignMeetingId}/minutes.pdf` }),
        'documents: participating organisations only',
      ),
    ],
  },
  {
    method: 'GET',
    path: '/api/action-plan.pdf',
    variants: one(partners(200), (f) => ({ path: '/api/action-plan.pdf', query: { areaId: f.ids.centrum, from: daysAgo(30), to: today() } })),
  },

  // -- retention (gallring) ------------------------------------------------------------------------------------------
  {
    method: 'GET',
    path: '/api/retention',
    variants: one(
      only(200, ['admin', 'coordinator'], { outsider: 200 }),
      () => ({ path: '/api/retention' }),
      'the settings and the last run (counts only, no content): administrators and coordinators of any organisation',
    ),
  },
  {
    method: 'POST',
    path: '/api/retention/run',
    variants: one(only(200, ['admin']), () => ({ path: '/api/retention/run' }), 'applies the retention periods now: administrators'),
  },
  {
    method: 'PUT',
    path: '/api/retention/schedule',
    variants: one(
      only(200, ['admin']),
      () => ({ path: '/api/retention/schedule', body: { cron: '15 3 * * *' } }),
      'when retention runs, for the whole installation: administrators',
    ),
  },

  // -- notifications and the outbox of mails --------------------------------------------------------------------------
  { method: 'GET', path: '/api/notifications', variants: one(everyone(200), () => ({ path: '/api/notifications' }), 'the caller’s own notifications') },
  {
    method: 'PUT',
    path: '/api/notifications/read',
    variants: one(
      everyone(200),
      (f) => ({ path: '/api/notifications/read', body: { ids: [f.ids.mailId] } }),
      'marks the caller’s own notifications read (the action owner’s is read; others’ ids change nothing)',
    ),
  },
  {
    method: 'GET',
    path: '/api/notifications/preferences',
    variants: one(everyone(200), () => ({ path: '/api/notifications/preferences' }), 'the caller’s own preferences'),
  },
  {
    method: 'PUT',
    path: '/api/notifications/preferences',
    variants: one(everyone(200), () => ({ path: '/api/notifications/preferences', body: { language: 'sv' } }), 'the caller’s own preferences'),
  },
  {
    method: 'GET',
    path: '/api/mails',
    variants: one(only(200, ['admin']), () => ({ path: '/api/mails' }), 'the outbox (recipients’ addresses): administrators'),
  },
  {
    method: 'GET',
    path: '/api/mails/{id}',
    variants: one(only(200, ['admin']), (f) => ({ path: `/api/mails/${f.ids.mailId}` }), 'one mail with its text: administrators'),
  },

  // -- installation workflow settings --------------------------------------------------------------------------------
  {
    method: 'GET',
    path: '/api/settings/workflow',
    variants: one(
      everyone(200, { outsider: 200 }),
      () => ({ path: '/api/settings/workflow' }),
      'who decides, evaluation and meeting rules: every signed-in user (the screens explain them)',
    ),
  },
  {
    method: 'PUT',
    path: '/api/settings/workflow',
    variants: one(
      only(200, ['admin']),
      () => ({ path: '/api/settings/workflow', body: { evaluationMinDays: 28 } }),
      'the installation’s workflow settings: administrators',
    ),
  },

  // -- audit trail ---------------------------------------------------------------------------------------------------
  {
    method: 'GET',
    path: '/api/audit/verify',
    variants: one(
      only(200, ['admin', 'coordinator', 'analyst'], { outsider: 200 }),
      () => ({ path: '/api/audit/verify' }),
      'whether the whole chain is intact (a count and a flag, no content): admins, coordinators and analysts of any organisation',
    ),
  },
  {
    method: 'GET',
    path: '/api/audit',
    variants: [
      v(
        'a case',
        partners(200),
        (f) => ({ path: '/api/audit', query: { entityType: 'case', entityId: f.shared.caseId } }),
        'the history of records of the caller’s areas',
      ),
      v(
        'an area level',
        partners(200),
        (f, who) => ({ path: '/api/audit', query: { entityType: 'area_level', entityId: `${f.ids.centrum}:${weekOf(who)}` } }),
        'the levels of the caller’s areas',
      ),
      v(
        'an id that is no id',
        everyone(404),
        () => ({ path: '/api/audit', query: { entityType: 'area_level', entityId: 'inget-område:2026-W01' } }),
        'as if it did not exist (was a 500)',
      ),
      v(
        'a meeting',
        partners(200),
        (f) => ({ path: '/api/audit', query: { entityType: 'meeting', entityId: f.shared.meetingId } }),
        'participating organisations',
      ),
      v(
        'a meeting without the municipality',
        partners(200, { ...FOREIGN, admin: 403 }),
        (f) => ({ path: '/api/audit', query: { entityType: 'meeting', entityId: f.shared.foreignMeetingId } }),
        'participating organisations only; another organisation’s administrator sees the meeting but not its history',
      ),
      v(
        'an organisation',
        only(200, ['admin']),
        (f) => ({ path: '/api/audit', query: { entityType: 'organization', entityId: f.ids.orgs.kommun } }),
        'the directory’s history is for administrators',
      ),
    ],
  },
  // -- safety walks (trygghetsvandringar) -----------------------------------------------------------------------------
  // A walk of the municipality in Centrum with Exempelbostäder AB invited: organisers are the coordinators and analysts
  // of the partnership (the walk machine's rules), participants the municipality's and the housing company's people.
  // The police takes part in Centrum but is not invited: its commander sees the walk but records nothing.
  { method: 'GET', path: '/api/walks', variants: one(everyone(200), () => ({ path: '/api/walks' }), 'scoped to walks of the caller’s areas') },
  {
    method: 'POST',
    path: '/api/walks',
    variants: one(
      only(201, ['coordinator', 'analyst'], { outsider: 422 }),
      (f) => ({
        path: '/api/walks',
        body: {
          areaId: f.ids.centrum,
          title: `Vandring ${rnd()}`,
          startsAt: new Date().toISOString(),
          meetingPoint: 'Stortorget',
          invitedOrganizationIds: [f.ids.orgs.bostader],
          checklistTemplateId: f.checklistId,
        },
      }),
      'coordinators and analysts plan walks in their partnership’s areas; Centrum is not the outsider’s (422 areaId)',
    ),
  },
  {
    method: 'GET',
    path: '/api/walks/{id}',
    variants: [
      v('open', partners(200), async (f) => ({ path: `/api/walks/${(await f.newWalk()).id}` })),
      v(
        'restricted',
        partners(200),
        async (f) => ({ path: `/api/walks/${(await f.newWalk('planned', { restricted: true })).id}` }),
        'others of the partnership see the summary (detailsVisible false)',
      ),
    ],
  },
  {
    method: 'PATCH',
    path: '/api/walks/{id}',
    variants: one(
      only(200, ['coordinator', 'analyst'], { outsider: 404 }),
      async (f) => {
        const w = await f.newWalk();
        return { path: `/api/walks/${w.id}`, body: { version: w.version, meetingPoint: 'Resecentrum' } };
      },
      'organisers, while planned (EDIT)',
    ),
  },
  {
    method: 'POST',
    path: '/api/walks/{id}/events',
    variants: [
      v(
        'START',
        partners(403, { coordinator: 200, analyst: 200 }),
        async (f) => {
          const w = await f.newWalk();
          return { path: `/api/walks/${w.id}/events`, body: { type: 'START', version: w.version } };
        },
        'the walk machine: coordinators and analysts of the partnership (the police’s commander is neither; administrators send no events)',
      ),
      v('FINISH', partners(403, { coordinator: 200, analyst: 200 }), async (f) => {
        const w = await f.newWalk('in_progress');
        return { path: `/api/walks/${w.id}/events`, body: { type: 'FINISH', version: w.version } };
      }),
    ],
  },
  {
    method: 'PUT',
    path: '/api/walks/{id}/checklist-answers',
    variants: one(
      partners(200, { commander: 403 }),
      async (f) => ({
        path: `/api/walks/${(await f.newWalk('in_progress')).id}/checklist-answers`,
        body: { stop: 1, label: 'Torget', answers: [{ itemKey: 'lighting', answer: 'good' }] },
      }),
      'participants: the planning and invited organisations’ people, and the organisers',
    ),
  },
  {
    method: 'POST',
    path: '/api/walks/{id}/findings',
    variants: one(
      partners(201, { commander: 403 }),
      async (f) => ({
        path: `/api/walks/${(await f.newWalk('in_progress')).id}/findings`,
        body: { latitude: 59.2745, longitude: 15.206, checklistItemKey: 'help', description: 'Ingen att fråga', severity: 'low' },
      }),
      'participants (RECORD); the police was not invited',
    ),
  },
  {
    method: 'PATCH',
    path: '/api/walks/{id}/findings/{findingId}',
    variants: one(
      partners(403, { reporter: 200 }),
      async (f) => {
        const w = await f.newWalk('in_progress');
        return { path: `/api/walks/${w.id}/findings/${w.findingId}`, body: { severity: 'high' } };
      },
      'only the recorder (the housing company’s reporter), while the walk is in progress',
    ),
  },
  {
    method: 'DELETE',
    path: '/api/walks/{id}/findings/{findingId}',
    variants: one(
      partners(403, { reporter: 204 }),
      async (f) => {
        const w = await f.newWalk('in_progress');
        return { path: `/api/walks/${w.id}/findings/${w.findingId}` };
      },
      'only the recorder, while the walk is in progress',
    ),
  },
  {
    method: 'POST',
    path: '/api/walks/{id}/findings/{findingId}/photos',
    variants: one(
      partners(201, { commander: 403 }),
      async (f) => {
        const w = await f.newWalk('in_progress');
        return {
          path: `/api/walks/${w.id}/findings/${w.findingId}/photos`,
          file: {
            field: 'photo',
            filename: 'lampa.png',
            encoding: 'base64',
            content: 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADklEQVQImWPoAAMGCAUALK4GYSSeFPoAAAAASUVORK5CYII=',
            fields: { confirmNoFaces: 'true' },
          },
        };
      },
      'participants (RECORD)',
    ),
  },
  {
    method: 'GET',
    path: '/api/walks/{id}/photos/{photoId}',
    variants: [
      v('open', partners(200), async (f) => {
        const w = await f.newWalk('in_progress');
        return { path: `/api/walks/${w.id}/photos/${w.photoId}` };
      }),
      v(
        'restricted',
        partners(200, { commander: 404 }),
        async (f) => {
          const w = await f.newWalk('in_progress', { restricted: true });
          return { path: `/api/walks/${w.id}/photos/${w.photoId}` };
        },
        'a restricted walk’s photos: the planning and invited organisations only',
      ),
    ],
  },
  {
    method: 'GET',
    path: '/api/walks/{id}/photos/{photoId}/thumbnail',
    variants: [
      v('open', partners(200), async (f) => {
        const w = await f.newWalk('in_progress');
        return { path: `/api/walks/${w.id}/photos/${w.photoId}/thumbnail` };
      }),
      v('restricted', partners(200, { commander: 404 }), async (f) => {
        const w = await f.newWalk('in_progress', { restricted: true });
        return { path: `/api/walks/${w.id}/photos/${w.photoId}/thumbnail` };
      }),
    ],
  },
  {
    method: 'PUT',
    path: '/api/walks/{id}/findings/{findingId}/settlement',
    variants: one(
      only(200, ['coordinator', 'analyst'], { outsider: 404 }),
      async (f) => {
        const w = await f.newWalk('recorded');
        return { path: `/api/walks/${w.id}/findings/${w.findingId}/settlement`, body: { outcome: 'noted', reason: 'Redan anmält' } };
      },
      'organisers, while the walk is recorded',
    ),
  },
  {
    method: 'GET',
    path: '/api/walks/{id}/report.pdf',
    variants: [
      v('open', partners(200), async (f) => ({ path: `/api/walks/${(await f.newWalk('in_progress')).id}/report.pdf` })),
      v(
        'restricted',
        partners(200, { commander: 404 }),
        async (f) => ({ path: `/api/walks/${(await f.newWalk('in_progress', { restricted: true })).id}/report.pdf` }),
        'a restricted walk’s documents: the planning and invited organisations only',
      ),
    ],
  },
  {
    method: 'GET',
    path: '/api/walks/{id}/invitation.pdf',
    variants: [
      v('open', partners(200), async (f) => ({ path: `/api/walks/${(await f.newWalk()).id}/invitation.pdf` })),
      v('restricted', partners(200, { commander: 404 }), async (f) => ({
        path: `/api/walks/${(await f.newWalk('planned', { restricted: true })).id}/invitation.pdf`,
      })),
    ],
  },
  { method: 'GET', path: '/api/walk-checklists', variants: one(everyone(200), () => ({ path: '/api/walk-checklists' }), 'checklists are no secret') },
  {
    method: 'POST',
    path: '/api/walk-checklists',
    variants: one(
      only(201, ['admin']),
      () => ({
        path: '/api/walk-checklists',
        body: { nameSv: `Lista ${rnd()}`, nameEn: 'List', items: [{ key: 'lighting', labelSv: 'Belysning', labelEn: 'Lighting' }] },
      }),
      'administrators maintain the checklists',
    ),
  },
  {
    method: 'PATCH',
    path: '/api/walk-checklists/{id}',
    variants: one(only(200, ['admin']), (f) => ({ path: `/api/walk-checklists/${f.checklistId}`, body: { nameEn: 'Safety walk – default checklist' } })),
  },
];
