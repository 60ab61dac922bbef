import { minutesDocument, MinutesView } from './minutes';
import { renderPdf } from './render';

const view: MinutesView = {
  lang: 'sv',
  title: 'Chefssamråd november',
  kind: 'Chefssamråd',
  date: '2026-11-20 13:00',
  place: 'Stadshuset, rum 3',
  areas: ['Norrby'],
  revision: 2,
  previousRevisionNote: 'Ersätter version 1 (godkänd 2026-11-20).',
  attendance: [
    { name: 'Petra Polischef', organization: 'Lokalpolisområde Exempelstad', present: true },
    { name: 'Sven Säkerhetschef', organization: 'Exempelbostäder AB', present: false },
  ],
  items: [
    { number: 1, title: 'Lägesbild: Norrby', kindLabel: 'Lägesbild', decision: null, caseState: null, statements: [] },
    { number: 2, title: 'Samlingar i tvättstugan', kindLabel: 'Beslut', decision: 'Åtgärderna beslutades', caseState: 'beslutat', statements: [] },
    { number: 3, title: 'Laget runt', kindLabel: 'Laget runt', decision: null, caseState: null, statements: [{ organization: 'Exempelbostäder AB', text: 'Lugnare i trapphusen' }] },
  ],
  approval: { by: 'Petra Polischef', at: '2026-11-21 09:00' },
  generatedAt: '2026-11-21 10:00',
  fingerprint: 'f'.repeat(64),
};

describe('the minutes', () => {
  it('list attendance, decisions per item, statements and the approval', () => {
    const text = JSON.stringify(minutesDocument(view).content);
    for (const t of ['Protokoll: Chefssamråd november', 'Petra Polischef, Lokalpolisområde Exempelstad (närvarande)', '(frånvarande)', '§ 2 Samlingar i tvättstugan', 'Åtgärderna beslutades', 'Lugnare i trapphusen', 'Godkänd av Petra Polischef', 'Ersätter version 1', 'Inget beslut antecknat.']) {
      expect(text).toContain(t);
    }
  });

  it('render to a PDF that states its language and shows its title in the viewer', async () => {
    const pdf = await renderPdf(minutesDocument({ ...view, lang: 'en' }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.includes('/Lang (sv-SE)')).toBe(false);
    const sv = (await renderPdf(minutesDocument(view))).toString('latin1');
    expect(sv).toMatch(/\/Lang \(sv-SE\)/);
  });
});
