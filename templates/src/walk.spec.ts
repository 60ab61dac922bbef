import { execFileSync } from 'node:child_process';
import { renderPdf } from './render';
import { routeCanvas, walkInvitationDocument, walkReportDocument, WalkReportView } from './walk';

// A 1×1 JPEG (base64), as the API embeds thumbnails.
const JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';

const view: WalkReportView = {
  lang: 'sv',
  title: 'Resecentrum i mörker',
  area: 'Centrum',
  date: '2026-11-24 18:00',
  meetingPoint: 'Stortorget',
  organization: 'Exempelstad kommun',
  invited: ['Exempelbostäder AB', 'Lokalpolisområde Exempelstad'],
  participants: [{ group: 'Boende', count: 6 }],
  state: 'Uppföljd',
  route: [
    [15.2066, 59.2741],
    [15.2045, 59.276],
    [15.2012, 59.2775],
  ],
  findings: [
    {
      number: 1,
      where: 'Gångtunneln',
      position: [15.205, 59.275],
      what: 'Belysning',
      description: 'Två trasiga lampor',
      severity: 'Hög',
      severityLevel: 'high',
      responsible: 'Exempelbostäder AB',
      status: 'Insats: pågår (försenad 12 dagar)',
      thumbnails: [JPEG, JPEG],
    },
    {
      number: 2,
      where: '59.27600, 15.20450',
      position: [15.2045, 59.276],
      what: 'Nedskräpning och klotter',
      description: 'Klotter på elskåpet',
      severity: 'Låg',
      severityLevel: 'low',
      responsible: '–',
      status: 'Noterad: saneras redan',
      thumbnails: [],
    },
  ],
  stops: [{ stop: 1, label: 'Gångtunneln', answers: [{ item: 'Belysning', answer: 'Dålig', comment: 'Mörkt efter 17' }] }],
  followUpNote: 'Lamporna byttes i januari.',
  generatedAt: '2026-12-01 10:00',
  fingerprint: 'a'.repeat(64),
};

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

describe('the walk report', () => {
  it('shows the facts, findings with responsible organisation and status, checklist answers and follow-up (pdftotext)', async () => {
    const pdf = await renderPdf(walkReportDocument(view));
    const text = pdfText(pdf);
    for (const t of [
      'Trygghetsvandring – rapport: Resecentrum i mörker',
      'Stortorget',
      'Exempelbostäder AB, Lokalpolisområde Exempelstad',
      'Boende: 6',
      'Två trasiga lampor',
      'Insats: pågår (försenad 12 dagar)',
      'Noterad: saneras redan',
      'Stopp 1: Gångtunneln',
      'Mörkt efter 17',
      'Lamporna byttes i januari.',
      'Sida 1 av',
    ]) {
      expect(text).toContain(t);
    }
    // The thumbnails are embedded as images, the route drawn as a vector path (no raster of a map).
    const raw = pdf.toString('latin1');
    expect((raw.match(/\/Subtype \/Image/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('draws the route as a polyline in the box, with the findings as dots', () => {
    const c = routeCanvas(view.route, [{ position: [15.205, 59.275], level: 'high' }], 500, 260) as {
      canvas: { type: string; points?: { x: number; y: number }[] }[];
    };
    const line = c.canvas.find((e) => e.type === 'polyline')!;
    expect(line.points).toHaveLength(3);
    for (const p of line.points!) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(500);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(260);
    }
    // North is up: the last point (furthest north) is drawn highest.
    expect(line.points![2].y).toBeLessThan(line.points![0].y);
    expect(c.canvas.filter((e) => e.type === 'ellipse')).toHaveLength(1);
    expect(routeCanvas(null, [])).toBeNull();
  });

  it('in English, and without findings or route', async () => {
    const text = pdfText(await renderPdf(walkReportDocument({ ...view, lang: 'en', route: null, findings: [], stops: [], followUpNote: null })));
    for (const t of ['Safety walk – report', 'No route drawn.', 'No findings recorded.', 'No answers recorded.']) expect(text).toContain(t);
  });
});

describe('the invitation', () => {
  it('says when, where, who and what to look at', async () => {
    const text = pdfText(
      await renderPdf(
        walkInvitationDocument({
          lang: 'sv',
          title: 'Kvällsvandring',
          area: 'Norrby',
          date: '2026-12-03 18:30',
          meetingPoint: 'Norrby torg',
          organization: 'Exempelstad kommun',
          invited: ['Norrby Centrum'],
          participants: [],
          route: view.route,
          checklist: ['Belysning', 'Platser att få hjälp'],
          generatedAt: '',
          fingerprint: 'b'.repeat(64),
        }),
      ),
    );
    for (const t of [
      'Inbjudan till trygghetsvandring: Kvällsvandring',
      '2026-12-03 18:30',
      'Norrby torg',
      'Norrby Centrum',
      'Platser att få hjälp',
      'Fotografera inte människor',
    ])
      expect(text).toContain(t);
  });
});
