import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { SESSION_COOKIE } from '../../src/auth/auth.service';
import { DEMO_PASSWORD } from '../../src/demo/demo-data';
import { ImportsService } from '../../src/imports/imports.service';
import { SAME_ORIGIN, type TestApp } from '../harness';
import { PRINCIPALS, type Fixtures, type Principal } from '../authz-matrix';

/** Password of the accounts the matrix creates. */
const PASSWORD = 'matrisens-lösenord-2026';

/** Who each column signs in as (see the matrix's header comment). */
const ACCOUNTS: Record<Exclude<Principal, 'anonymous'>, { email: string; password: string }> = {
  admin: { email: 'admin@exempelstad.se', password: DEMO_PASSWORD },
  coordinator: { email: 'samordnare@exempelstad.se', password: DEMO_PASSWORD },
  analyst: { email: 'analytiker@exempelstad.se', password: DEMO_PASSWORD },
  commander: { email: 'polischef@exempelstad.se', password: DEMO_PASSWORD },
  action_owner: { email: 'atgardsagare@exempelbostader.se', password: PASSWORD },
  reporter: { email: 'rapportor@exempelbostader.se', password: DEMO_PASSWORD },
  outsider: { email: 'utomstaende@utanfor.se', password: PASSWORD },
};

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** Builds the matrix's world on a fresh demo database: the accounts, the outsider's organisation and area, and factories of fresh targets. */
export async function buildFixtures(t: TestApp): Promise<Fixtures & { cookies: Record<Principal, string | null> }> {
  const server = t.app.getHttpServer();

  const signIn = async (email: string, password: string): Promise<string> => {
    const res = await request(server).post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    return cookie.split(';')[0];
  };
  const cookies = { anonymous: null } as Record<Principal, string | null>;
  /** Requests as a principal with its current session (a column may end and renew it). */
  const as = (p: Exclude<Principal, 'anonymous'>) => ({
    get: (path: string) => request(server).get(path).set('Cookie', cookies[p]!).set(SAME_ORIGIN),
    post: (path: string, body?: object) => request(server).post(path).set('Cookie', cookies[p]!).set(SAME_ORIGIN).send(body),
    patch: (path: string, body?: object) => request(server).patch(path).set('Cookie', cookies[p]!).set(SAME_ORIGIN).send(body),
  });
  const ok = <T = any>(res: request.Response, status: number, what: string): T => {
    if (res.status !== status) throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };

  cookies.admin = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password);
  const admin = as('admin');
  const orgList = ok<{ id: string; name: string }[]>(await admin.get('/api/organizations'), 200, 'organisations');
  const org = (name: string) => orgList.find((o) => o.name === name)!.id;
  const orgs = {
    kommun: org('Exempelstad kommun'),
    polis: org('Lokalpolisområde Exempelstad'),
    bostader: org('Exempelbostäder AB'),
    norrbycentrum: org('Norrby Centrum'),
  };
  const areaList = ok<{ id: string; name: string }[]>(await admin.get('/api/areas'), 200, 'areas');
  const centrum = areaList.find((a) => a.name === 'Centrum')!.id;
  const centrumPlaces = ok<{ places: { id: string }[] }>(await admin.get(`/api/areas/${centrum}`), 200, 'centrum').places.map((p) => p.id);
  const categoryId = ok<{ id: string; code: string }[]>(await admin.get('/api/categories'), 200, 'categories').find((c) => c.code === 'skadegorelse')!.id;

  // The single-role action owner of the housing company, and the outsider with its own organisation and area.
  ok(
    await admin.post('/api/users', {
      name: 'Åsa Åtgärdsägare',
      email: ACCOUNTS.action_owner.email,
      organizationId: orgs.bostader,
      roles: ['action_owner'],
      password: PASSWORD,
    }),
    201,
    'action owner',
  );
  const outsiderOrg = ok<{ id: string }>(await admin.post('/api/organizations', { name: 'Utanför föreningen', type: 'ovrig' }), 201, 'outsider org').id;
  const outsiderArea = ok<{ id: string }>(
    await admin.post('/api/areas', { name: 'Utmarken', description: 'Utanförs eget område', partnerIds: [outsiderOrg] }),
    201,
    'outsider area',
  ).id;
  ok(
    await admin.post('/api/users', {
      name: 'Olle Utomstående',
      email: ACCOUNTS.outsider.email,
      organizationId: outsiderOrg,
      roles: ['coordinator', 'analyst', 'commander', 'action_owner', 'reporter'],
      password: PASSWORD,
    }),
    201,
    'outsider',
  );
  // Admin targets that nothing else uses.
  const scratchArea = ok<{ id: string }>(await admin.post('/api/areas', { name: 'Matrisområdet', partnerIds: [orgs.kommun] }), 201, 'scratch area').id;
  const scratchUser = ok<{ id: string }>(
    await admin.post('/api/users', {
      name: 'Mål Användare',
      email: 'mal@exempelstad.se',
      organizationId: orgs.kommun,
      roles: ['reporter'],
      password: PASSWORD,
    }),
    201,
    'scratch user',
  ).id;
  const scratchOrg = ok<{ id: string }>(await admin.post('/api/organizations', { name: 'Matrisföreningen', type: 'ovrig' }), 201, 'scratch org').id;
  const scratchCategory = ok<{ id: string }>(
    await admin.post('/api/categories', { code: 'matris_mal', labelSv: 'Matrismål', labelEn: 'Matrix target' }),
    201,
    'scratch category',
  ).id;

  for (const p of PRINCIPALS) if (p !== 'anonymous' && p !== 'admin') cookies[p] = await signIn(ACCOUNTS[p].email, ACCOUNTS[p].password);
  const analyst = as('analyst');
  const coordinator = as('coordinator');
  const commander = as('commander');
  const users = ok<{ id: string; email: string }[]>(await admin.get('/api/users'), 200, 'users');
  const actionOwnerId = users.find((u) => u.email === ACCOUNTS.action_owner.email)!.id;

  const plannedAction = (what: string) => ({
    cause: 'Mörk gångväg',
    what,
    goal: 'Tryggare gångväg',
    organizationId: orgs.bostader,
    dueDate: '2030-12-20',
    kind: 'one_off',
    term: 'short',
  });
  const newCase = async (state: 'reported' | 'proposed' = 'reported', extra: object = {}) => {
    const c = ok<{ id: string; version: number }>(
      await analyst.post('/api/cases', { areaId: centrum, title: unique('Matrisärende'), description: 'Ett ärende för behörighetsmatrisen', ...extra }),
      201,
      'case',
    );
    if (state === 'reported') return { id: c.id, version: 1 };
    ok(await analyst.post(`/api/cases/${c.id}/events`, { type: 'START_ANALYSIS', version: 1 }), 200, 'start analysis');
    ok(
      await analyst.post(`/api/cases/${c.id}/events`, {
        type: 'PROPOSE',
        version: 2,
        analysis: 'Belysningen är trasig sedan länge',
        actions: [plannedAction('Byta belysning')],
      }),
      200,
      'propose',
    );
    return { id: c.id, version: 3 };
  };

  // Actions come from a pool: one case agreed with many actions, handed out one per call.
  const actionPool: { id: string; version: number }[] = [];
  const refillActions = async () => {
    const c = ok<{ id: string }>(
      await analyst.post('/api/cases', { areaId: centrum, title: unique('Matrisåtgärder'), description: 'Åtgärder för behörighetsmatrisen' }),
      201,
      'action case',
    );
    ok(await analyst.post(`/api/cases/${c.id}/events`, { type: 'START_ANALYSIS', version: 1 }), 200, 'start analysis');
    const actions = Array.from({ length: 40 }, (_, i) => plannedAction(`Åtgärd ${i + 1}`));
    ok(await analyst.post(`/api/cases/${c.id}/events`, { type: 'PROPOSE', version: 2, analysis: 'Många åtgärder behövs här', actions }), 200, 'propose');
    const agreed = ok<{ actions: { id: string; version: number }[] }>(
      await commander.post(`/api/cases/${c.id}/events`, { type: 'AGREE', version: 3 }),
      200,
      'agree',
    );
    actionPool.push(...agreed.actions.map((a) => ({ id: a.id, version: a.version })));
  };
  const newAction = async () => {
    if (actionPool.length === 0) await refillActions();
    return actionPool.shift()!;
  };

  // One evaluated case of Centrum, so that the effect register (GET /api/effects) has an entry: its action done, then EVALUATE.
  {
    const c = ok<{ id: string }>(
      await analyst.post('/api/cases', { areaId: centrum, title: unique('Matrisutvärdering'), description: 'Ett utvärderat ärende för matrisen' }),
      201,
      'evaluated case',
    );
    ok(await analyst.post(`/api/cases/${c.id}/events`, { type: 'START_ANALYSIS', version: 1 }), 200, 'start analysis');
    ok(
      await analyst.post(`/api/cases/${c.id}/events`, {
        type: 'PROPOSE',
        version: 2,
        analysis: 'Belysningen är trasig sedan länge',
        actions: [plannedAction('Ny belysning')],
      }),
      200,
      'propose',
    );
    const [action] = ok<{ actions: { id: string; version: number }[] }>(
      await commander.post(`/api/cases/${c.id}/events`, { type: 'AGREE', version: 3 }),
      200,
      'agree',
    ).actions;
    const owner = as('action_owner');
    let av = action.version;
    for (const body of [{ type: 'ASSIGN', ownerId: actionOwnerId }, { type: 'START' }, { type: 'COMPLETE', report: 'Belysningen bytt' }])
      av = ok<{ version: number }>(await owner.post(`/api/actions/${action.id}/events`, { ...body, version: av }), 200, `action ${body.type}`).version;
    const { version } = ok<{ version: number }>(await analyst.get(`/api/cases/${c.id}`), 200, 'evaluated case');
    ok(
      await analyst.post(`/api/cases/${c.id}/events`, { type: 'EVALUATE', version, outcome: 'effective', note: 'Tryggare nu', earlyReason: 'Matrisen' }),
      200,
      'evaluate',
    );
  }

  type MeetingState = 'planned' | 'in_session' | 'minutes_draft' | 'approved';
  const newMeeting = async (state: MeetingState = 'planned') => {
    let m = ok<{ id: string; version: number; agenda: { id: string; kind: string }[] }>(
      await coordinator.post('/api/meetings', {
        kind: 'operational',
        title: unique('Matrismöte'),
        startsAt: new Date().toISOString(),
        place: 'Stadshuset',
        areaIds: [centrum],
        organizationIds: [orgs.polis, orgs.bostader],
      }),
      201,
      'meeting',
    );
    const step = async (type: string, who = coordinator) => {
      m = ok(await who.post(`/api/meetings/${m.id}/events`, { type, version: m.version }), 200, `meeting ${type}`);
    };
    if (state !== 'planned') await step('START');
    if (state === 'minutes_draft' || state === 'approved') await step('END');
    if (state === 'approved') await step('APPROVE', commander);
    return { id: m.id, version: m.version, itemId: m.agenda.find((i) => i.kind === 'round')!.id };
  };

  const reporterAgent = as('reporter');
  const newReport = async (by: 'analyst' | 'reporter' = 'analyst', extra: object = {}) =>
    ok<{ id: string }>(
      await (by === 'analyst' ? analyst : reporterAgent).post('/api/reports', {
        areaId: centrum,
        categoryId,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        assessment: 'low',
        policeNotified: false,
        description: 'Klotter på elskåpet',
        ...extra,
      }),
      201,
      'report',
    ).id;

  // One import by the municipality (coordinator), finished before the matrix runs.
  const started = ok<{ id: string }>(
    await request(server)
      .post('/api/reports/import')
      .set('Cookie', cookies.coordinator!)
      .set(SAME_ORIGIN)
      .field('areaId', centrum)
      .attach('file', Buffer.from('Tidpunkt;Plats;Kategori;Beskrivning\r\n2026-10-02 21:30;Stortorget;Skadegörelse;Krossad ruta\r\n', 'utf8'), 'matris.csv'),
    202,
    'import',
  ).id;
  await t.app.get(ImportsService).idle();

  // A meeting of the police with Exempelbostäder AB about Centrum, without the municipality (so without the
  // administrator's organisation), scheduled by a coordinator of the police.
  ok(
    await admin.post('/api/users', {
      name: 'Pia Polissamordnare',
      email: 'samordnare@polisen.exempel.se',
      organizationId: orgs.polis,
      roles: ['coordinator'],
      password: PASSWORD,
    }),
    201,
    'police coordinator',
  );
  const policeCoordinator = await signIn('samordnare@polisen.exempel.se', PASSWORD);
  const foreignMeeting = ok<{ id: string }>(
    await request(server)
      .post('/api/meetings')
      .set('Cookie', policeCoordinator)
      .set('Sec-Fetch-Site', 'same-origin')
      .send({
        kind: 'operational',
        title: unique('Polisens möte'),
        startsAt: new Date().toISOString(),
        place: 'Polishuset',
        areaIds: [centrum],
        organizationIds: [orgs.bostader],
      }),
    201,
    'foreign meeting',
  ).id;

  const checklistId = ok<{ id: string; isDefault: boolean }[]>(await admin.get('/api/walk-checklists'), 200, 'checklists').find((c) => c.isDefault)!.id;
  /** A 2×2 PNG, as a phone would not send it but the server accepts it. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADklEQVQImWPoAAMGCAUALK4GYSSeFPoAAAAASUVORK5CYII=',
    'base64',
  );
  const newWalk = async (state: 'planned' | 'in_progress' | 'recorded' = 'planned', extra: object = {}) => {
    let w = ok<{ id: string; version: number }>(
      await coordinator.post('/api/walks', {
        areaId: centrum,
        title: unique('Matrisvandring'),
        startsAt: new Date().toISOString(),
        meetingPoint: 'Stortorget',
        invitedOrganizationIds: [orgs.bostader],
        checklistTemplateId: checklistId,
        ...extra,
      }),
      201,
      'walk',
    );
    let findingId = '';
    let photoId = '';
    if (state !== 'planned') {
      w = ok(await coordinator.post(`/api/walks/${w.id}/events`, { type: 'START', version: w.version }), 200, 'walk start');
      findingId = ok<{ id: string }>(
        await reporterAgent.post(`/api/walks/${w.id}/findings`, {
          latitude: 59.2745,
          longitude: 15.206,
          checklistItemKey: 'lighting',
          description: 'Trasig lampa',
          severity: 'medium',
        }),
        201,
        'finding',
      ).id;
      photoId = ok<{ id: string }>(
        await request(server)
          .post(`/api/walks/${w.id}/findings/${findingId}/photos`)
          .set('Cookie', cookies.reporter!)
          .set(SAME_ORIGIN)
          .field('confirmNoFaces', 'true')
          .attach('photo', PNG, 'lampa.png'),
        201,
        'photo',
      ).id;
      w = ok(await coordinator.get(`/api/walks/${w.id}`), 200, 'walk');
    }
    if (state === 'recorded') w = ok(await coordinator.post(`/api/walks/${w.id}/events`, { type: 'FINISH', version: w.version }), 200, 'walk finish');
    return { id: w.id, version: w.version, findingId, photoId };
  };

  const newPlace = async () => ok<{ id: string }>(await admin.post(`/api/areas/${scratchArea}/places`, { name: unique('Matrisplats') }), 201, 'place').id;

  /** An activity of the municipality in Centrum's register (kept by the municipality's people and admins). */
  const newActivity = async () =>
    ok<{ id: string; version: number }>(
      await coordinator.post(`/api/areas/${centrum}/activities`, {
        title: unique('Nattvandring'),
        startsOn: '2026-09-01',
        weekdays: [5],
        startTime: '21:00',
        endTime: '01:00',
      }),
      201,
      'activity',
    );

  /** A pending invitation of Exempelbostäder AB (a partner of Centrum) as reporter, made by the admin; the token from its link. */
  const newInvitation = async () => {
    const inv = ok<{ id: string; path: string }>(
      await admin.post('/api/invitations', { email: `${unique('inbjuden')}@exempelbostader.se`, organizationId: orgs.bostader, roles: ['reporter'] }),
      201,
      'invitation',
    );
    return { id: inv.id, token: inv.path.split('/').pop()! };
  };

  /**
   * Another session of the principal's user, made as sign-in makes it (a random token, its HMAC stored) but without
   * the argon2 check: the sign-out columns need one each, and sign-in itself has its own row in the matrix.
   */
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const extraSession = async (p: Exclude<Principal, 'anonymous'>): Promise<string> => {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = createHmac('sha256', t.config.sessionSecret).update(token).digest('hex');
    await t.dataSource.query(`INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, now(), now() + interval '1 hour')`, [
      tokenHash,
      userIds.get(ACCOUNTS[p].email),
    ]);
    return `${SESSION_COOKIE}=${token}`;
  };

  // A mail of the outbox (a notification of the action owner), for the administrators' mail endpoints.
  const [mail] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO notifications (user_id, kind, link, params) VALUES ($1, 'action_assigned', '/cases/x', '{"number": 1, "dueDate": "2030-12-20"}') RETURNING id`,
    [actionOwnerId],
  );

  return {
    cookies,
    signInFresh: extraSession,
    ids: {
      centrum,
      centrumPlace: centrumPlaces[0],
      outsiderArea,
      categoryId,
      orgs: { ...orgs, outsider: outsiderOrg },
      scratchArea,
      scratchUser,
      scratchOrg,
      scratchCategory,
      importId: started,
      actionOwnerId,
      mailId: mail.id,
    },
    shared: {
      caseId: (await newCase()).id,
      reportId: await newReport('reporter'),
      meetingId: (await newMeeting()).id,
      foreignMeetingId: foreignMeeting,
    },
    newCase,
    newAction,
    newMeeting,
    newReport,
    newPlace,
    newInvitation,
    newActivity,
    newWalk,
    checklistId,
  };
}
