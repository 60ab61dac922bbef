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
  /** `role`: the participant's role in words (ordförande, sekreterare, justerare), if any. */
  attendance: { name: string; organization: string; present: boolean; role?: string | null }[];
  items: MinutesItem[];
  approval: { by: string; at: string } | null;
  /** The fingerprint of the action plan the agreed actions are in (null when nothing was agreed). */
  planFingerprint?: string | null;
  generatedAt: string;
  fingerprint: string;
}

/** An agreed action, in full, as the minutes record it. */
export interface MinutesAction {
  number: string;
  cause: string;
  what: string;
  goal: string;
  organization: string;
  owner: string | null;
  due: string;
  followUp: string | null;
  followUpDate: string | null;
}

export interface MinutesItem {
  number: number;
  title: string;
  kindLabel: string;
  /** A note is recorded as "Anteckning", a decision as "Beslut". */
  decisionKind?: 'agree' | 'send_back' | 'escalate' | 'note' | null;
  decision: string | null;
  caseState: string | null;
  /** The case the item is about. */
  caseTitle?: string | null;
  /** Under an agreed decision: every action agreed, in full. */
  actions?: MinutesAction[];
  statements: { organization: string; text: string }[];
}

const M = {
  sv: {
    attendance: 'Närvaro',
    present: 'närvarande',
    absent: 'frånvarande',
    items: 'Dagordning och beslut',
    decision: 'Beslut',
    note: 'Anteckning',
    statements: 'Laget runt',
    none: 'Inget beslut antecknat.',
    place: 'Plats',
    revision: 'Version',
    caseState: 'ärendets läge',
    case: 'Ärende',
    agreedActions: 'Beslutade åtgärder',
    responsible: 'Ansvarig organisation',
    owner: 'Ansvarig person',
    due: 'Klart',
    followUp: 'Uppföljning',
    planRef: 'Åtgärderna ingår i den gemensamma handlingsplanen med fingeravtryck',
  },
  en: {
    attendance: 'Attendance',
    present: 'present',
    absent: 'absent',
    items: 'Agenda and decisions',
    decision: 'Decision',
    note: 'Note',
    statements: 'Round the table',
    none: 'No decision recorded.',
    place: 'Place',
    revision: 'Version',
    caseState: 'case state',
    case: 'Case',
    agreedActions: 'Agreed actions',
    responsible: 'Responsible organisation',
    owner: 'Responsible person',
    due: 'Due',
    followUp: 'Follow-up',
    planRef: 'The actions are part of the joint action plan with fingerprint',
  },
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
    { ul: v.attendance.map((a) => `${a.name}, ${a.organization}${a.role ? `, ${a.role}` : ''} (${a.present ? T.present : T.absent})`) },
    { text: T.items, style: 'h2' },
  ];
  for (const item of v.items) {
    content.push({ text: `§ ${item.number} ${item.title}`, style: 'h3' });
    content.push({ text: item.kindLabel, style: 'small' });
    if (item.caseTitle) content.push({ text: [{ text: `${T.case}: `, bold: true }, item.caseTitle], margin: [0, 2, 0, 0] });
    if (item.decision) {
      const label = item.decisionKind === 'note' ? T.note : T.decision;
      content.push({
        text: [{ text: `${label}: `, bold: true }, item.decision, ...(item.caseState ? [{ text: ` (${T.caseState}: ${item.caseState})`, italics: true }] : [])],
        margin: [0, 2, 0, 2],
      });
      if (item.actions?.length) {
        content.push({ text: T.agreedActions, bold: true, margin: [0, 4, 0, 2] });
        for (const a of item.actions) {
          content.push({
            table: {
              widths: [120, '*'],
              body: [
                [
                  { text: a.number, bold: true },
                  { text: a.what, bold: true },
                ],
                [L.cause, a.cause],
                [L.goal, a.goal],
                [T.responsible, a.organization],
                [T.owner, a.owner ?? '–'],
                [T.due, a.due],
                [T.followUp, [a.followUp, a.followUpDate].filter(Boolean).join(', ') || '–'],
              ],
            },
            layout: 'lightHorizontalLines',
            margin: [0, 0, 0, 4],
          });
        }
        if (v.planFingerprint) content.push({ text: `${T.planRef} ${v.planFingerprint}.`, style: 'small', margin: [0, 0, 0, 4] });
      }
    } else if (item.statements.length === 0) {
      content.push({ text: T.none, italics: true, color: '#5f6368' });
    }
    if (item.statements.length) {
      content.push({
        table: { widths: [140, '*'], body: item.statements.map((s) => [{ text: s.organization, bold: true }, s.text]) },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 4],
      });
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
