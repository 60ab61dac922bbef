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
    {
      number: 3,
      title: 'Laget runt',
      kindLabel: 'Laget runt',
      decision: null,
      caseState: null,
      statements: [{ organization: 'Exempelbostäder AB', text: 'Lugnare i trapphusen' }],
    },
  ],
  approval: { by: 'Petra Polischef', at: '2026-11-21 09:00' },
  generatedAt: '2026-11-21 10:00',
  fingerprint: 'f'.repeat(64),
};

describe('the minutes', () => {
  it('list attendance, decisions per item, statements and the approval', () => {
    const text = JSON.stringify(minutesDocument(view).content);
    for (const t of [
      'Protokoll: Chefssamråd november',
      'Petra Polischef, Lokalpolisområde Exempelstad (närvarande)',
      '(frånvarande)',
      '§ 2 Samlingar i tvättstugan',
      'Åtgärderna beslutades',
      'Lugnare i trapphusen',
      'Godkänd av Petra Polischef',
      'Ersätter version 1',
      'Inget beslut antecknat.',
    ]) {
      expect(text).toContain(t);
    }
  });

  it('record a note as "Anteckning" and a decision with its case and every agreed action in full, referring to the plan', () => {
    const v: MinutesView = {
      ...view,
      planFingerprint: 'a'.repeat(64),
      attendance: [{ name: 'Petra Polischef', organization: 'Lokalpolisområde Exempelstad', present: true, role: 'ordförande' }],
      items: [
        { number: 1, title: 'Övrigt', kindLabel: 'Övrigt', decisionKind: 'note', decision: 'Nästa möte i januari', caseState: null, statements: [] },
        {
          number: 2,
          title: 'Samlingar i tvättstugan',
          kindLabel: 'Beslutsärende',
          decisionKind: 'agree',
          decision: 'De föreslagna åtgärderna beslutades',
          caseState: 'beslutat',
          caseTitle: 'Samlingar i tvättstugan Norrbyvägen 6',
          actions: [
            {
              number: '1.1',
              cause: 'Trasig belysning',
              what: 'Byt belysning',
              goal: 'Inga samlingar efter kl 22',
              organization: 'Exempelbostäder AB',
              owner: 'Sven Säkerhetschef',
              due: '2026-12-15',
              followUp: 'Trygghetsvandring',
              followUpDate: '2027-01-15',
            },
          ],
          statements: [],
        },
      ],
    };
    const text = JSON.stringify(minutesDocument(v).content);
    expect(text).toContain('"Anteckning: "');
    expect(text).not.toContain('Beslut: "},"Nästa möte');
    expect(text).not.toMatch(/Beslut: .{0,20}Anteckning/);
    for (const t of [
      'Petra Polischef, Lokalpolisområde Exempelstad, ordförande',
      'Ärende: ',
      'Samlingar i tvättstugan Norrbyvägen 6',
      'Trasig belysning',
      'Byt belysning',
      'Inga samlingar efter kl 22',
      'Exempelbostäder AB',
      'Sven Säkerhetschef',
      '2026-12-15',
      'Trygghetsvandring, 2027-01-15',
      `fingeravtryck ${'a'.repeat(64)}`,
    ]) {
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
