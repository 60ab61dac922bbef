import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

/** Shared helpers of the browser specs: the demo accounts and preconditions set up through the API. */

export const PASSWORD = 'est-demo-2026';

/**
 * Playwright's API requests send no Origin (a browser's page does): writes with the session cookie say what the
 * browser would, that they come from the product's own page, or the API refuses them (AUTH.BAD_ORIGIN).
 */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

export const ACCOUNTS = {
  admin: { email: 'admin@exempelstad.se', name: 'Alva Admin' },
  coordinator: { email: 'samordnare@exempelstad.se', name: 'Sara Samordnare' },
  analyst: { email: 'analytiker@exempelstad.se', name: 'Anders Analytiker' },
  police: { email: 'polischef@exempelstad.se', name: 'Petra Polischef' },
  security: { email: 'sakerhetschef@exempelbostader.se', name: 'Sven Säkerhetschef' },
  reporter: { email: 'rapportor@exempelbostader.se', name: 'Rasmus Rapportör' },
} as const;
export type Account = keyof typeof ACCOUNTS;

export async function ok<T>(res: APIResponse): Promise<T> {
  expect(res.ok(), `${res.url()}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** Signs in through the API; the browser context shares the session cookie with `request`. */
export async function apiSignIn(request: APIRequestContext, who: Account): Promise<void> {
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN }).catch(() => undefined);
  const res = await request.post('/api/auth/login', { headers: SAME_ORIGIN, data: { email: ACCOUNTS[who].email, password: PASSWORD } });
  expect(res.ok(), await res.text()).toBeTruthy();
}

interface Named {
  id: string;
  name: string;
}

/** A case in Norrby, analysed, with one proposed action for Exempelbostäder: it waits for a decision. */
export async function proposedCase(request: APIRequestContext, title: string): Promise<{ id: string; areaId: string }> {
  await apiSignIn(request, 'analyst');
  const norrby = (await ok<Named[]>(await request.get('/api/areas'))).find((a) => a.name === 'Norrby')!;
  const housing = (await ok<Named[]>(await request.get('/api/organizations'))).find((o) => o.name === 'Exempelbostäder AB')!;
  const created = await ok<{ id: string; version: number }>(
    await request.post('/api/cases', {
      headers: SAME_ORIGIN,
      data: { areaId: norrby.id, title, description: 'Återkommande skadegörelse och klotter i tvättstugan på kvällarna.' },
    }),
  );
  const analysing = await ok<{ version: number }>(
    await request.post(`/api/cases/${created.id}/events`, { headers: SAME_ORIGIN, data: { type: 'START_ANALYSIS', version: created.version } }),
  );
  await ok(
    await request.post(`/api/cases/${created.id}/events`, {
      headers: SAME_ORIGIN,
      data: {
        type: 'PROPOSE',
        version: analysing.version,
        analysis: 'Tvättstugan står olåst efter klockan 21 och entrén saknar belysning; skadorna sker mellan 21 och 24.',
        actions: [
          {
            cause: 'Olåst dörr och mörk entré efter klockan 21',
            what: 'Byta till passersystem och sätta upp belysning vid entrén',
            goal: 'Inga nya skador i tvättstugan under fyra veckor',
            organizationId: housing.id,
            dueDate: '2027-03-31',
            kind: 'one_off',
            term: 'short',
          },
        ],
      },
    }),
  );
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  return { id: created.id, areaId: norrby.id };
}

/** The police commander agrees the proposed actions of a case (it moves to "Beslutat", the action is planned). */
export async function agreeCase(request: APIRequestContext, caseId: string): Promise<void> {
  await apiSignIn(request, 'police');
  const c = await ok<{ version: number }>(await request.get(`/api/cases/${caseId}`));
  await ok(await request.post(`/api/cases/${caseId}/events`, { headers: SAME_ORIGIN, data: { type: 'AGREE', version: c.version } }));
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
}

interface Meeting {
  id: string;
  version: number;
  agenda: { id: string; caseId: string | null; title: string }[];
}

/**
 * A chefssamråd for Norrby scheduled by the coordinator (its agenda prepared from the data); with `run`, started and
 * moved on to the agenda item of `caseId`, so that the meeting is in session with that case current.
 */
export async function norrbyMeeting(request: APIRequestContext, title: string, caseId?: string): Promise<Meeting> {
  await apiSignIn(request, 'coordinator');
  const norrby = (await ok<Named[]>(await request.get('/api/areas'))).find((a) => a.name === 'Norrby')!;
  const orgs = await ok<Named[]>(await request.get('/api/organizations'));
  const org = (name: string) => orgs.find((o) => o.name === name)!.id;
  const startsAt = new Date(Date.now() + 3_600_000).toISOString();
  let meeting = await ok<Meeting>(
    await request.post('/api/meetings', {
      headers: SAME_ORIGIN,
      data: {
        kind: 'leadership',
        title,
        startsAt,
        place: 'Stadshuset, sammanträdesrum 2',
        areaIds: [norrby.id],
        organizationIds: [org('Exempelstad kommun'), org('Lokalpolisområde Exempelstad'), org('Exempelbostäder AB')],
        participants: [{ name: 'Petra Polischef', organizationId: org('Lokalpolisområde Exempelstad') }],
      },
    }),
  );
  if (caseId) {
    meeting = await ok<Meeting>(
      await request.post(`/api/meetings/${meeting.id}/events`, { headers: SAME_ORIGIN, data: { type: 'START', version: meeting.version } }),
    );
    const item = meeting.agenda.find((i) => i.caseId === caseId);
    expect(item, 'the case is on the prepared agenda').toBeTruthy();
    meeting = await ok<Meeting>(
      await request.post(`/api/meetings/${meeting.id}/events`, {
        headers: SAME_ORIGIN,
        data: { type: 'SET_CURRENT', version: meeting.version, itemId: item!.id },
      }),
    );
  }
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  return meeting;
}
