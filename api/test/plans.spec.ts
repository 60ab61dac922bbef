import { followUp } from '../src/plans/action-plan.service';
import { startTestApp, TestApp } from './harness';

describe('the joint action plan as a PDF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('gives the plan of an area and period with the agreed actions, and its fingerprint', async () => {
    const analyst = await t.signIn('analytiker@exempelstad.se');
    const police = await t.signIn('polischef@exempelstad.se');
    const norrby = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Norrby')!;
    const orgs = Object.fromEntries(((await analyst.get('/api/organizations')).body as { id: string; name: string }[]).map((o) => [o.name, o.id]));
    const c = (await analyst.post('/api/cases').send({ areaId: norrby.id, title: 'Buskörning på gångvägen', description: 'Mopeder i hög fart' })).body;
    await analyst.post(`/api/cases/${c.id}/events`).send({ type: 'START_ANALYSIS', version: 1 }).expect(200);
    const action = (org: string, what: string) => ({
      cause: 'Öppen gångväg utan hinder',
      what,
      goal: 'Inga mopeder på gångvägen',
      organizationId: orgs[org],
      dueDate: '2026-12-20',
      kind: 'one_off',
      term: 'short',
    });
    await analyst
      .post(`/api/cases/${c.id}/events`)
      .send({
        type: 'PROPOSE',
        version: 2,
        analysis: 'Mopeder använder gångvägen som genväg kvällstid',
        actions: [action('Exempelstad kommun', 'Sätta upp bommar'), action('Lokalpolisområde Exempelstad', 'Kontroller fredagskvällar')],
      })
      .expect(200);
    await police.post(`/api/cases/${c.id}/events`).send({ type: 'AGREE', version: 3 }).expect(200);

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const res = await analyst
      .get(`/api/action-plan.pdf?areaId=${norrby.id}&from=2026-11-01&to=${today}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['x-document-fingerprint']).toMatch(/^[0-9a-f]{64}$/);

    const bad = await analyst.get(`/api/action-plan.pdf?areaId=${norrby.id}&from=2026-12-01&to=2026-11-01`);
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 422, field: 'from' });
    const missing = await analyst.get(`/api/action-plan.pdf?areaId=${norrby.id}&from=1.11.2026&to=2026-11-30`);
    expect({ status: missing.status, field: missing.body.field }).toEqual({ status: 422, field: 'from' });
    const housing = await t.signIn('sakerhetschef@exempelbostader.se');
    const soderdal = ((await analyst.get('/api/areas')).body as { id: string; name: string }[]).find((a) => a.name === 'Söderdal')!;
    expect((await housing.get(`/api/action-plan.pdf?areaId=${soderdal.id}&from=2026-11-01&to=2026-11-30`)).status).toBe(404);
  });

  it('colours the follow-up as Brå’s template does', () => {
    const ctx = { report: 'Bommar uppsatta', blockedReason: 'Väntar på tillstånd', cancelReason: null };
    expect(followUp('done', '2026-11-01', '2026-11-21', 'sv', ctx)).toEqual({ status: 'green', text: 'Genomförd: Bommar uppsatta' });
    expect(followUp('in_progress', '2026-11-11', '2026-11-21', 'sv', ctx)).toEqual({ status: 'red', text: 'Försenad 10 dagar' });
    expect(followUp('blocked', '2026-12-11', '2026-11-21', 'en', ctx)).toEqual({ status: 'yellow', text: 'Blocked: Väntar på tillstånd' });
    expect(followUp('planned', '2026-11-25', '2026-11-21', 'sv', ctx).status).toBe('yellow');
    expect(followUp('planned', '2026-12-25', '2026-11-21', 'sv', ctx)).toEqual({ status: 'green', text: 'Planerad' });
    expect(followUp('cancelled', '2026-11-01', '2026-11-21', 'sv', { ...ctx, cancelReason: 'Ersatt' })).toEqual({ status: 'grey', text: 'Avbruten: Ersatt' });
  });
});
