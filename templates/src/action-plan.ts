import type { ActionKind, ActionTerm } from '@samverka/contracts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { footer, header, LABELS, Lang, levelChip, STYLES } from './sections';

/** Follow-up status of an action in the plan: Brå's green/yellow/red with a short note. */
export type FollowUpColour = 'green' | 'yellow' | 'red' | 'grey';

export interface ActionPlanRow {
  number: string;
  cause: string;
  what: string;
  goal: string;
  start: string | null;
  due: string;
  organization: string;
  owner: string | null;
  status: FollowUpColour;
  statusText: string;
  /** Brå's follow-up column: how and by whom the action is followed up, and when (null: not stated). */
  followUp: string | null;
  followUpDate: string | null;
  kind: ActionKind;
  term: ActionTerm;
}

/** Everything the action plan shows: a pure view model, built by the API from the database. */
export interface ActionPlanView {
  lang: Lang;
  partnership: string[];
  areas: string[];
  period: { from: string; to: string };
  /** The meeting that decided the plan, when there is one. */
  meeting: { title: string; date: string } | null;
  version: string;
  generatedAt: string;
  picture: {
    area: string;
    level: 'green' | 'yellow' | 'red' | null;
    levelRationale: string | null;
    reports: number;
    previousAverage: number;
    trend: number[];
    topPlaces: { name: string; count: number }[];
  }[];
  cases: { title: string; state: string; rows: ActionPlanRow[] }[];
  participants: { name: string; organization: string }[];
  approval: { by: string; at: string } | null;
  /** SHA-256 of the view model's content, printed in the footer and recorded with the plan. */
  fingerprint: string;
}

const COLOURS: Record<FollowUpColour, string> = { green: '#1b7f3b', yellow: '#a86b00', red: '#b3261e', grey: '#5f6368' };

/** A small bar chart of the weekly counts (vector, so it needs no glyphs); the last week is darker. */
const trendBars = (trend: number[]): Content => {
  const max = Math.max(1, ...trend);
  const h = 14;
  return {
    canvas: trend.map((n, i) => ({
      type: 'rect' as const,
      x: i * 6,
      y: h - Math.max(1, (n / max) * h),
      w: 4,
      h: Math.max(1, (n / max) * h),
      color: i === trend.length - 1 ? '#174ea6' : '#8ab4f8',
    })),
  };
};

/** The joint action plan (gemensam handlingsplan) in Brå's columns, grouped by case. Pure: view model in, document out. */
export function actionPlanDocument(v: ActionPlanView): TDocumentDefinitions {
  const L = LABELS[v.lang];
  const content: Content[] = [
    { text: L.actionPlan, style: 'title' },
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: [{ text: `${L.areas}: `, bold: true }, v.areas.join(', ')] },
            { text: [{ text: `${L.period}: `, bold: true }, `${v.period.from} – ${v.period.to}`] },
            { text: [{ text: `${L.partnership}: `, bold: true }, v.partnership.join(', ')] },
          ],
        },
        {
          width: 'auto',
          stack: [
            ...(v.meeting ? [{ text: [{ text: `${L.decidedAt}: `, bold: true }, `${v.meeting.title}, ${v.meeting.date}`] }] : []),
            { text: [{ text: `${L.version}: `, bold: true }, v.version] },
            { text: [{ text: `${L.generated}: `, bold: true }, v.generatedAt] },
          ],
        },
      ],
      columnGap: 20,
      margin: [0, 0, 0, 12],
    },
    { text: L.picture, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto', '*'],
        body: [
          [L.area, L.level, L.reportsThisPeriod, L.average, L.trend12, L.topPlaces].map((t) => ({ text: t, style: 'th' })),
          ...v.picture.map((p): TableCell[] => [
            { text: p.area, bold: true },
            p.level ? levelChip(p.level, v.lang) : { text: L.noLevel, italics: true },
            { text: String(p.reports), alignment: 'right' },
            { text: p.previousAverage.toLocaleString(v.lang === 'sv' ? 'sv-SE' : 'en-GB'), alignment: 'right' },
            trendBars(p.trend),
            { text: p.topPlaces.map((t) => `${t.name} (${t.count})`).join(', ') || '–' },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 12],
    },
    { text: L.plan, style: 'h2' },
  ];
  if (v.cases.length === 0) content.push({ text: L.noActions, italics: true });
  for (const c of v.cases) {
    content.push({ text: `${c.title} (${c.state})`, style: 'h3' });
    content.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [24, '*', '*', '*', 56, 90, '*', 72],
        body: [
          ['#', L.cause, L.action, L.goal, L.when, L.who, L.followUp, L.statusColumn].map((t) => ({ text: t, style: 'th' })),
          ...c.rows.map((r): TableCell[] => [
            r.number,
            r.cause,
            { stack: [r.what, { text: `${r.kind === 'one_off' ? L.oneOff : L.ordinary}, ${r.term === 'short' ? L.shortTerm : L.longTerm}`, style: 'small' }] },
            r.goal,
            { stack: [...(r.start ? [{ text: `${L.start} ${r.start}`, style: 'small' }] : []), { text: `${L.due} ${r.due}` }] },
            { stack: [{ text: r.organization, bold: true }, ...(r.owner ? [{ text: r.owner, style: 'small' }] : [])] },
            r.followUp || r.followUpDate
              ? { stack: [...(r.followUp ? [{ text: r.followUp }] : []), ...(r.followUpDate ? [{ text: r.followUpDate, style: 'small' }] : [])] }
              : { text: '–', color: '#5f6368' },
            {
              stack: [
                { text: `● ${L.status[r.status]}`, color: COLOURS[r.status], bold: true },
                { text: r.statusText, style: 'small' },
              ],
            },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 10],
    });
  }
  content.push({ text: L.participants, style: 'h2' });
  content.push(v.participants.length ? { ul: v.participants.map((p) => `${p.name}, ${p.organization}`) } : { text: '–' });
  content.push({
    text: v.approval ? `${L.approvedBy} ${v.approval.by}, ${v.approval.at}` : v.meeting ? L.notApproved : L.currentPlan,
    margin: [0, 12, 0, 0],
    italics: !v.approval,
  });
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 54, 36, 48],
    info: { title: `${L.actionPlan} – ${v.areas.join(', ')}`, subject: `${v.period.from} – ${v.period.to}`, creator: 'Samverka' },
    // The document's language and its title in the viewer's title bar (WCAG techniques PDF16 and PDF18).
    language: v.lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    header: header(`${L.actionPlan} · ${v.areas.join(', ')}`),
    footer: footer(v.lang, v.fingerprint),
    content,
    styles: STYLES,
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
  };
}
