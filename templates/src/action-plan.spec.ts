import { execFileSync } from 'node:child_process';
import { ActionPlanRow, actionPlanDocument, ActionPlanView } from './action-plan';
import { fingerprintOf, renderPdf } from './render';

const row = (i: number, over: Partial<ActionPlanRow> = {}): ActionPlanRow => ({
  number: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
  cause: 'Trasig belysning gör tvättstugan till tillhåll',
  what: 'Byta belysning och montera passagesystem',
  goal: 'Inga samlingar efter kl 22',
  start: '2026-11-23',
  due: '2026-12-15',
  organization: 'Exempelbostäder AB',
  owner: 'Sven Säkerhetschef',
  status: 'green',
  statusText: 'Pågår',
  followUp: 'Trygghetsvandring med områdesgruppen',
  followUpDate: '2027-01-15',
  kind: 'one_off',
  term: 'short',
  ...over,
});

const view = (actions: number, lang: 'sv' | 'en' = 'sv'): ActionPlanView => {
  const rows = Array.from({ length: actions }, (_, i) => row(i));
  const cases = Array.from({ length: Math.ceil(actions / 10) }, (_, c) => ({
    title: `Ärende ${c + 1}: samlingar i tvättstugan`,
    state: 'execution',
    rows: rows.slice(c * 10, c * 10 + 10),
  }));
  const v: ActionPlanView = {
    lang,
    partnership: ['Exempelstad kommun', 'Lokalpolisområde Exempelstad', 'Exempelbostäder AB'],
    areas: ['Norrby'],
    period: { from: '2026-11-01', to: '2026-11-30' },
    meeting: { title: 'Chefssamråd november', date: '2026-11-20' },
    version: '2',
    generatedAt: '2026-11-21 10:00',
    picture: [
      {
        area: 'Norrby',
        level: 'yellow',
        levelRationale: 'Ökning vid tvättstugan',
        reports: 23,
        previousAverage: 14.25,
        trend: [9, 11, 10, 12, 14, 15, 13, 16, 18, 21, 19, 23],
        topPlaces: [{ name: 'Tvättstugan Norrbyvägen 6', count: 9 }],
      },
    ],
    cases,
    participants: [{ name: 'Petra Polischef', organization: 'Lokalpolisområde Exempelstad' }],
    approval: { by: 'Petra Polischef', at: '2026-11-20 15:00' },
    fingerprint: '',
  };
  v.fingerprint = fingerprintOf(v);
  return v;
};

/** Page count from the PDF's page tree. */
const pageCount = (pdf: Buffer) => Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);

describe('the joint action plan', () => {
  it('lays out Brå’s columns grouped by case, in Swedish and English', () => {
    const sv = JSON.stringify(actionPlanDocument(view(12)).content);
    for (const t of [
      'Gemensam handlingsplan',
      'Orsak',
      'Åtgärd',
      'Operativt mål',
      'När',
      'Vem',
      'Uppföljning',
      'Ärende 2: samlingar i tvättstugan',
      'Petra Polischef',
      'Engångsinsats',
    ])
      expect(sv).toContain(t);
    const en = JSON.stringify(actionPlanDocument(view(3, 'en')).content);
    for (const t of ['Joint action plan', 'Cause', 'Operational goal', 'Follow-up', 'One-off effort']) expect(en).toContain(t);
  });

  it('shows Brå’s follow-up (how, by whom, when) in the follow-up column, and the status in its own column', () => {
    const doc = actionPlanDocument({
      ...view(1),
      cases: [{ title: 'Ärende', state: 'execution', rows: [row(0), row(1, { followUp: null, followUpDate: null })] }],
    });
    const table = (doc.content as { table?: { body: unknown[][] } }[]).find((c) => c.table && JSON.stringify(c.table.body[0]).includes('Orsak'))!.table!;
    const header = table.body[0].map((c) => (c as { text: string }).text);
    const at = (name: string) => header.indexOf(name);
    expect(at('Uppföljning')).toBeGreaterThan(0);
    expect(at('Status')).toBeGreaterThan(0);
    const followUpCell = JSON.stringify(table.body[1][at('Uppföljning')]);
    expect(followUpCell).toContain('Trygghetsvandring med områdesgruppen');
    expect(followUpCell).toContain('2027-01-15');
    expect(followUpCell).not.toContain('Pågår');
    expect(JSON.stringify(table.body[1][at('Status')])).toContain('Pågår');
    expect(JSON.stringify(table.body[2][at('Uppföljning')])).toContain('–');
  });

  it('prints the fingerprint and page numbers in the footer of every page', () => {
    const v = view(1);
    const doc = actionPlanDocument(v);
    const foot = JSON.stringify((doc.footer as (p: number, n: number) => unknown)(2, 5));
    expect(foot).toContain(v.fingerprint);
    expect(foot).toContain('Sida 2 av 5');
    expect(v.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the fingerprint when the content changes, not when it is regenerated', () => {
    const a = view(2);
    expect(fingerprintOf({ ...a, generatedAt: 'later' })).toBe(a.fingerprint);
    expect(fingerprintOf({ ...a, version: '3' })).not.toBe(a.fingerprint);
  });

  it('renders 200 actions to a valid, multi-page PDF with the fonts embedded', async () => {
    const pdf = await renderPdf(actionPlanDocument(view(200)));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pageCount(pdf)).toBeGreaterThan(5);
    expect(pdf.toString('latin1')).toContain('Roboto');
  });

  it('puts every action, organisation and due date of a 200-action plan into the PDF’s text, with å, ä, ö intact', async () => {
    const v = view(200);
    const organisations = ['Exempelbostäder AB', 'Lokalpolisområde Exempelstad', 'Hyresfastigheter i Exempelstad AB', 'Exempelstad kommun'];
    v.cases.forEach((c, ci) =>
      c.rows.forEach((r, ri) => {
        const n = ci * 10 + ri;
        r.what = `Åtgärd nummer ${n} för ökad trygghet`;
        r.organization = organisations[n % organisations.length];
        r.due = `2027-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
      }),
    );
    const pdf = await renderPdf(actionPlanDocument(v));
    // pdftotext (poppler-utils) reads the PDF as any reader would: with its fonts' Unicode maps.
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())?.[1]);
    expect(pages).toBe(pageCount(pdf));
    expect(pages).toBeGreaterThanOrEqual(15);
    expect(pages).toBeLessThanOrEqual(40);
    const expected = [...v.cases.flatMap((c) => c.rows.flatMap((r) => [r.what, r.due])), ...organisations];
    expect(expected.filter((t) => !text.includes(t))).toEqual([]);
    expect(text).toContain('Gemensam handlingsplan');
    expect(text).toContain('Tvättstugan Norrbyvägen 6');
  });

  it('never reads an image from a URL or a local file named in the content', async () => {
    const doc = actionPlanDocument(view(1));
    (doc.content as unknown[]).push({ image: '/etc/passwd' });
    await expect(renderPdf(doc)).rejects.toThrow();
    const web = actionPlanDocument(view(1));
    (web.content as unknown[]).push({ image: 'https://example.com/logo.png' });
    await expect(renderPdf(web)).rejects.toThrow();
  });
});
