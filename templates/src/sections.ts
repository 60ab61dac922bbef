import type { Content, DynamicContent, StyleDictionary } from 'pdfmake/interfaces';

export type Lang = 'sv' | 'en';

/** The texts of the documents in Swedish and English. */
export const LABELS = {
  sv: {
    actionPlan: 'Gemensam handlingsplan',
    minutes: 'Protokoll',
    areas: 'Områden',
    area: 'Område',
    period: 'Period',
    partnership: 'Samverkansparter',
    decidedAt: 'Beslutad vid',
    version: 'Version',
    generated: 'Skapad',
    picture: 'Lägesbild',
    level: 'Läge',
    noLevel: 'Ej bedömt',
    reportsThisPeriod: 'Rapporter senaste veckan',
    average: 'Snitt föreg. 4 v.',
    trend12: 'Trend 12 veckor',
    topPlaces: 'Mest rapporterade platser',
    plan: 'Åtgärder',
    noActions: 'Inga beslutade åtgärder under perioden.',
    cause: 'Orsak',
    action: 'Åtgärd',
    goal: 'Operativt mål',
    when: 'När',
    who: 'Vem',
    followUp: 'Uppföljning',
    statusColumn: 'Status',
    start: 'Start',
    due: 'Klart',
    oneOff: 'Engångsinsats',
    ordinary: 'Ordinarie arbete',
    shortTerm: 'kort sikt',
    longTerm: 'lång sikt',
    participants: 'Deltagare',
    approvedBy: 'Godkänd av',
    notApproved: 'Ej godkänd ännu.',
    currentPlan: 'Aktuell plan ur Samverka, inte knuten till ett möte.',
    page: 'Sida',
    of: 'av',
    fingerprint: 'Fingeravtryck (SHA-256)',
    status: { green: 'Grön', yellow: 'Gul', red: 'Röd', grey: 'Avbruten' },
    levels: { green: 'Grön', yellow: 'Gul', red: 'Röd' },
  },
  en: {
    actionPlan: 'Joint action plan',
    minutes: 'Minutes',
    areas: 'Areas',
    area: 'Area',
    period: 'Period',
    partnership: 'Partners',
    decidedAt: 'Decided at',
    version: 'Version',
    generated: 'Generated',
    picture: 'Situational picture',
    level: 'Level',
    noLevel: 'Not assessed',
    reportsThisPeriod: 'Reports, latest week',
    average: 'Avg. prev. 4 wks',
    trend12: 'Trend 12 weeks',
    topPlaces: 'Most reported places',
    plan: 'Actions',
    noActions: 'No agreed actions in the period.',
    cause: 'Cause',
    action: 'Action',
    goal: 'Operational goal',
    when: 'When',
    who: 'Who',
    followUp: 'Follow-up',
    statusColumn: 'Status',
    start: 'Start',
    due: 'Due',
    oneOff: 'One-off effort',
    ordinary: 'Ordinary work',
    shortTerm: 'short term',
    longTerm: 'long term',
    participants: 'Participants',
    approvedBy: 'Approved by',
    notApproved: 'Not approved yet.',
    currentPlan: 'The current plan from Samverka, not tied to a meeting.',
    page: 'Page',
    of: 'of',
    fingerprint: 'Fingerprint (SHA-256)',
    status: { green: 'Green', yellow: 'Yellow', red: 'Red', grey: 'Cancelled' },
    levels: { green: 'Green', yellow: 'Yellow', red: 'Red' },
  },
} as const;

const LEVEL_COLOURS = { green: '#1b7f3b', yellow: '#a86b00', red: '#b3261e' } as const;

/** A level as coloured text with its word (never colour alone). */
export const levelChip = (level: 'green' | 'yellow' | 'red', lang: Lang): Content => ({
  text: `● ${LABELS[lang].levels[level]}`,
  color: LEVEL_COLOURS[level],
  bold: true,
});

export const header =
  (title: string): DynamicContent =>
  () => ({ text: `Samverka · ${title}`, style: 'pageHeader', margin: [36, 20, 36, 0] });

/** Page numbers and the document's fingerprint on every page. */
export const footer =
  (lang: Lang, fingerprint: string): DynamicContent =>
  (page, pages) => ({
    columns: [
      { text: `${LABELS[lang].fingerprint}: ${fingerprint}`, style: 'small' },
      { text: `${LABELS[lang].page} ${page} ${LABELS[lang].of} ${pages}`, alignment: 'right', style: 'small', width: 80 },
    ],
    margin: [36, 12, 36, 0],
  });

export const STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
  h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
  th: { bold: true, fontSize: 9, color: '#202124' },
  small: { fontSize: 7.5, color: '#5f6368' },
  pageHeader: { fontSize: 8, color: '#5f6368' },
};
