import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { footer, header, Lang, STYLES } from './sections';

/** A safety walk's report: route, findings with thumbnails, responsible organisation, status, checklist answers. */
export interface WalkReportView {
  lang: Lang;
  title: string;
  area: string;
  date: string;
  meetingPoint: string;
  organization: string;
  invited: string[];
  participants: { group: string; count: number }[];
  state: string;
  /** [longitude, latitude] pairs of the route, or null. */
  route: [number, number][] | null;
  findings: {
    number: number;
    where: string;
    /** [longitude, latitude] of the finding, drawn on the map. */
    position: [number, number] | null;
    what: string;
    description: string;
    severity: string;
    severityLevel: 'low' | 'medium' | 'high';
    responsible: string;
    status: string;
    /** JPEG thumbnails as base64 (no data-URL prefix). */
    thumbnails: string[];
  }[];
  stops: { stop: number; label: string; answers: { item: string; answer: string; comment: string | null }[] }[];
  followUpNote: string | null;
  generatedAt: string;
  fingerprint: string;
}

/** The invitation to a safety walk, to print and send. */
export interface WalkInvitationView {
  lang: Lang;
  title: string;
  area: string;
  date: string;
  meetingPoint: string;
  organization: string;
  invited: string[];
  participants: { group: string; count: number }[];
  route: [number, number][] | null;
  checklist: string[];
  generatedAt: string;
  fingerprint: string;
}

const W = {
  sv: {
    report: 'Trygghetsvandring – rapport',
    invitation: 'Inbjudan till trygghetsvandring',
    area: 'Område',
    when: 'Tid',
    meetingPoint: 'Samling',
    organizer: 'Arrangör',
    invited: 'Inbjudna organisationer',
    participants: 'Övriga deltagare (antal)',
    state: 'Läge',
    route: 'Vandringens sträckning',
    noRoute: 'Ingen sträckning inritad.',
    findings: 'Fynd',
    noFindings: 'Inga fynd registrerade.',
    number: 'Nr',
    where: 'Plats',
    what: 'Vad',
    severity: 'Allvar',
    responsible: 'Ansvarig',
    status: 'Status',
    photos: 'Foton',
    checklist: 'Checklista per stopp',
    noAnswers: 'Inga svar registrerade.',
    stop: 'Stopp',
    followUp: 'Uppföljning',
    checklistToBring: 'Vi tittar särskilt på',
    welcome:
      'Välkommen att gå med! Vi går tillsammans genom området och noterar platser som känns otrygga. Ta gärna med en mobiltelefon. Fotografera inte människor eller registreringsskyltar.',
    legend: 'Linjen är vandringens sträckning; punkterna är fynden (färg efter allvar: grön låg, orange medel, röd hög).',
  },
  en: {
    report: 'Safety walk – report',
    invitation: 'Invitation to a safety walk',
    area: 'Area',
    when: 'Time',
    meetingPoint: 'Meeting point',
    organizer: 'Organiser',
    invited: 'Invited organisations',
    participants: 'Other participants (count)',
    state: 'Status',
    route: 'Route of the walk',
    noRoute: 'No route drawn.',
    findings: 'Findings',
    noFindings: 'No findings recorded.',
    number: 'No.',
    where: 'Place',
    what: 'What',
    severity: 'Severity',
    responsible: 'Responsible',
    status: 'Status',
    photos: 'Photos',
    checklist: 'Checklist per stop',
    noAnswers: 'No answers recorded.',
    stop: 'Stop',
    followUp: 'Follow-up',
    checklistToBring: 'We look especially at',
    welcome:
      'You are welcome to join! We walk through the area together and note the places that feel unsafe. Bring a mobile phone if you can. Do not photograph people or licence plates.',
    legend: 'The line is the route of the walk; the dots are the findings (colour by severity: green low, orange medium, red high).',
  },
} as const;

const SEVERITY_COLOURS = { low: '#1b7f3b', medium: '#a86b00', high: '#b3261e' } as const;

/**
 * The route and the findings as vectors (a pdfmake canvas), projected into a box of `width` × `height` points with
 * the longitude scaled by cos(latitude), so that the shape keeps its proportions.
 */
export function routeCanvas(
  route: [number, number][] | null,
  points: { position: [number, number]; level: 'low' | 'medium' | 'high' }[],
  width = 500,
  height = 260,
): Content | null {
  const all = [...(route ?? []), ...points.map((p) => p.position)];
  if (all.length < 2 && !(route && route.length >= 2)) return null;
  const lat0 = all.reduce((s, p) => s + p[1], 0) / all.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = all.map((p) => p[0] * k);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min((width - 20) / Math.max(maxX - minX, span * 0.01), (height - 20) / Math.max(maxY - minY, span * 0.01));
  const at = ([lon, lat]: [number, number]) => ({ x: 10 + (lon * k - minX) * scale, y: height - 10 - (lat - minY) * scale });
  const canvas: Record<string, unknown>[] = [{ type: 'rect', x: 0, y: 0, w: width, h: height, lineColor: '#9aa0a6', lineWidth: 0.5 }];
  if (route && route.length >= 2) canvas.push({ type: 'polyline', lineWidth: 2.5, lineColor: '#1a73e8', points: route.map(at) });
  for (const p of points)
    canvas.push({ type: 'ellipse', ...at(p.position), r1: 4, r2: 4, color: SEVERITY_COLOURS[p.level], lineColor: '#ffffff', lineWidth: 0.8 });
  return { canvas, margin: [0, 4, 0, 4] } as unknown as Content;
}

const facts = (rows: [string, string][]): Content => ({
  table: { widths: [130, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'noBorders',
  margin: [0, 0, 0, 6],
});

const base = (lang: Lang, title: string, fingerprint: string, content: Content[]): TDocumentDefinitions => ({
  pageSize: 'A4',
  pageMargins: [40, 54, 40, 48],
  info: { title, creator: 'Samverka' },
  language: lang === 'sv' ? 'sv-SE' : 'en-GB',
  displayTitle: true,
  header: header(title),
  footer: footer(lang, fingerprint),
  content,
  styles: STYLES,
  defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
});

/** The walk report as a document definition. Pure. */
export function walkReportDocument(v: WalkReportView): TDocumentDefinitions {
  const T = W[v.lang];
  const map = routeCanvas(
    v.route,
    v.findings.flatMap((f) => (f.position ? [{ position: f.position, level: f.severityLevel }] : [])),
  );
  const content: Content[] = [
    { text: `${T.report}: ${v.title}`, style: 'title' },
    facts([
      [T.area, v.area],
      [T.when, v.date],
      [T.meetingPoint, v.meetingPoint],
      [T.organizer, v.organization],
      [T.invited, v.invited.join(', ') || '–'],
      [T.participants, v.participants.map((p) => `${p.group}: ${p.count}`).join(', ') || '–'],
      [T.state, v.state],
    ]),
    { text: T.route, style: 'h2' },
    ...(map ? [map, { text: T.legend, style: 'small' } as Content] : [{ text: T.noRoute, italics: true } as Content]),
    { text: T.findings, style: 'h2' },
  ];
  if (!v.findings.length) content.push({ text: T.noFindings, italics: true });
  else
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [18, 70, '*', 42, 70, 70, 96],
        body: [
          [T.number, T.where, T.what, T.severity, T.responsible, T.status, T.photos].map((h) => ({ text: h, style: 'th' })),
          ...v.findings.map((f) => [
            String(f.number),
            f.where,
            { stack: [{ text: f.what, bold: true }, f.description] },
            { text: f.severity, color: SEVERITY_COLOURS[f.severityLevel], bold: true },
            f.responsible,
            f.status,
            f.thumbnails.length
              ? { columns: f.thumbnails.slice(0, 2).map((b) => ({ image: `data:image/jpeg;base64,${b}`, fit: [44, 44], width: 46 })), columnGap: 2 }
              : '–',
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    } as Content);
  content.push({ text: T.checklist, style: 'h2' });
  if (!v.stops.length) content.push({ text: T.noAnswers, italics: true });
  for (const s of v.stops) {
    content.push({ text: `${T.stop} ${s.stop}: ${s.label}`, style: 'h3' });
    content.push({
      table: { widths: ['*', 80, '*'], body: s.answers.map((a) => [a.item, { text: a.answer, bold: true }, a.comment ?? '']) },
      layout: 'lightHorizontalLines',
    });
  }
  if (v.followUpNote) content.push({ text: T.followUp, style: 'h2' }, { text: v.followUpNote });
  return base(v.lang, `${T.report}: ${v.title}`, v.fingerprint, content);
}

/** The invitation as a document definition. Pure. */
export function walkInvitationDocument(v: WalkInvitationView): TDocumentDefinitions {
  const T = W[v.lang];
  const map = routeCanvas(v.route, []);
  const content: Content[] = [
    { text: `${T.invitation}: ${v.title}`, style: 'title' },
    { text: T.welcome, margin: [0, 0, 0, 8] },
    facts([
      [T.area, v.area],
      [T.when, v.date],
      [T.meetingPoint, v.meetingPoint],
      [T.organizer, v.organization],
      [T.invited, v.invited.join(', ') || '–'],
      [T.participants, v.participants.map((p) => `${p.group}: ${p.count}`).join(', ') || '–'],
    ]),
    { text: T.route, style: 'h2' },
    map ?? { text: T.noRoute, italics: true },
    { text: T.checklistToBring, style: 'h2' },
    { ul: v.checklist },
  ];
  return base(v.lang, `${T.invitation}: ${v.title}`, v.fingerprint, content);
}
