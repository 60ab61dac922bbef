import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { footer, header, LABELS, Lang, STYLES } from './sections';

/** The minutes of a meeting: who attended, what was decided per item, what each organisation said. */
export interface MinutesView {
  lang: Lang;
  title: string;
  kind: string;
  date: string;
  place: string;
  areas: string[];
  revision: number;
  previousRevisionNote: string | null;
  attendance: { name: string; organization: string; present: boolean }[];
  items: { number: number; title: string; kindLabel: string; decision: string | null; caseState: string | null; statements: { organization: string; text: string }[] }[];
  approval: { by: string; at: string } | null;
  generatedAt: string;
  fingerprint: string;
}

const M = {
  sv: { attendance: 'Närvaro', present: 'närvarande', absent: 'frånvarande', items: 'Dagordning och beslut', decision: 'Beslut', statements: 'Laget runt', none: 'Inget beslut antecknat.', place: 'Plats', revision: 'Version', caseState: 'ärendets läge' },
  en: { attendance: 'Attendance', present: 'present', absent: 'absent', items: 'Agenda and decisions', decision: 'Decision', statements: 'Round the table', none: 'No decision recorded.', place: 'Place', revision: 'Version', caseState: 'case state' },
} as const;

/** The minutes (protokoll) as a document definition. Pure. */
export function minutesDocument(v: MinutesView): TDocumentDefinitions {
  const L = LABELS[v.lang];
  const T = M[v.lang];
  const content: Content[] = [
    { text: `${L.minutes}: ${v.title}`, style: 'title' },
    { text: [{ text: `${v.kind} · `, bold: true }, `${v.date} · ${T.place}: ${v.place} · ${L.areas}: ${v.areas.join(', ')} · ${T.revision} ${v.revision}`] },
    ...(v.previousRevisionNote ? [{ text: v.previousRevisionNote, italics: true, margin: [0, 4, 0, 0] } as Content] : []),
    { text: T.attendance, style: 'h2' },
    { ul: v.attendance.map((a) => `${a.name}, ${a.organization} (${a.present ? T.present : T.absent})`) },
    { text: T.items, style: 'h2' },
  ];
  for (const item of v.items) {
    content.push({ text: `§ ${item.number} ${item.title}`, style: 'h3' });
    content.push({ text: item.kindLabel, style: 'small' });
    if (item.decision) {
      content.push({ text: [{ text: `${T.decision}: `, bold: true }, item.decision, ...(item.caseState ? [{ text: ` (${T.caseState}: ${item.caseState})`, italics: true }] : [])], margin: [0, 2, 0, 2] });
    } else if (item.statements.length === 0) {
      content.push({ text: T.none, italics: true, color: '#5f6368' });
    }
    if (item.statements.length) {
      content.push({ table: { widths: [140, '*'], body: item.statements.map((s) => [{ text: s.organization, bold: true }, s.text]) }, layout: 'lightHorizontalLines', margin: [0, 2, 0, 4] });
    }
  }
  content.push({ text: v.approval ? `${L.approvedBy} ${v.approval.by}, ${v.approval.at}` : L.notApproved, margin: [0, 14, 0, 0], italics: !v.approval });
  return {
    pageSize: 'A4',
    pageMargins: [48, 54, 48, 48],
    info: { title: `${L.minutes}: ${v.title}`, creator: 'Samverka' },
    // The document's language and its title in the viewer's title bar (WCAG techniques PDF16 and PDF18).
    language: v.lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    header: header(`${L.minutes} · ${v.title}`),
    footer: footer(v.lang, v.fingerprint),
    content,
    styles: STYLES,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
  };
}
