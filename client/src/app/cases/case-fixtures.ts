import type { ActionDto, CaseDto, CaseHistoryDto, CaseSummaryDto, EffectFiguresDto, PlannedActionDto } from '@samverka/contracts';
import { KOMMUN, OBO, POLIS } from '../testing/fixtures';

/** Test data for the case screens (used by the specs only). */
export function caseSummary(overrides: Partial<CaseSummaryDto> = {}): CaseSummaryDto {
  return {
    id: 'case-1',
    areaId: 'area-vivalla',
    areaName: 'Vivalla',
    title: 'Stökigt vid tvättstugan kvällstid',
    state: 'reported',
    version: 1,
    actionCount: 0,
    openActionCount: 0,
    overdueActionCount: 0,
    createdAt: '2026-11-10T09:00:00.000Z',
    updatedAt: '2026-11-18T14:30:00.000Z',
    ...overrides,
  };
}

export function planned(overrides: Partial<PlannedActionDto> = {}): PlannedActionDto {
  return {
    cause: 'Tvättstugan står olåst på kvällarna',
    what: 'Byta lås och sätta upp belysning',
    goal: 'Inga samlingar i tvättstugan efter kl. 22',
    organizationId: OBO.id,
    startDate: '2026-11-23',
    dueDate: '2026-12-01',
    kind: 'one_off',
    term: 'short',
    ...overrides,
  };
}

export function action(overrides: Partial<ActionDto> = {}): ActionDto {
  return {
    id: 'action-1',
    caseId: 'case-1',
    caseTitle: 'Stökigt vid tvättstugan kvällstid',
    areaId: 'area-vivalla',
    areaName: 'Vivalla',
    number: 1,
    cause: 'Tvättstugan står olåst på kvällarna',
    what: 'Byta lås och sätta upp belysning',
    goal: 'Inga samlingar i tvättstugan efter kl. 22',
    organization: { id: OBO.id, name: OBO.name },
    owner: null,
    startDate: null,
    dueDate: '2026-12-01',
    kind: 'one_off',
    term: 'short',
    followUp: null,
    followUpDate: null,
    state: 'planned',
    version: 1,
    daysOverdue: 0,
    report: null,
    startNote: null,
    blockedReason: null,
    cancelReason: null,
    allowedEvents: [],
    ...overrides,
  };
}

export function caseDto(overrides: Partial<CaseDto> = {}): CaseDto {
  return {
    ...caseSummary(),
    description: 'Grupper samlas i tvättstugan på kvällarna; boende känner sig otrygga.',
    analysis: null,
    proposedActions: [],
    outcome: null,
    dismissal: null,
    closedAt: null,
    reports: [],
    places: [{ id: 'place-tvatt', areaId: 'area-vivalla', name: 'Tvättstugan Vivallagatan 6', latitude: 59.2954, longitude: 15.2066 }],
    actions: [],
    allowedEvents: [],
    decisionRule: 'coordinator',
    agreedByOrganizationIds: [],
    evaluationFrom: null,
    evaluatedEffects: null,
    ...overrides,
  };
}

export function historyEntry(overrides: Partial<CaseHistoryDto> = {}): CaseHistoryDto {
  return {
    id: '1',
    actionId: null,
    eventType: 'CREATED',
    payload: { title: 'Stökigt vid tvättstugan kvällstid' },
    fromState: null,
    toState: 'reported',
    version: 1,
    actor: { id: 'user-2', name: 'Anders Analytiker', organizationName: KOMMUN.name },
    at: '2026-11-10T09:00:00.000Z',
    ...overrides,
  };
}

export const PARTNERS = [KOMMUN, POLIS, OBO];

/** Before/after figures as the API computes them: 12 → 3 in the places, too few in the buffer. */
export function effectFigures(overrides: Partial<EffectFiguresDto> = {}): EffectFiguresDto {
  return {
    methodVersion: 1,
    weeks: 8,
    before: { from: '2026-09-07T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' },
    after: { from: '2026-11-20T00:00:00.000Z', to: '2027-01-15T00:00:00.000Z' },
    counts: { treatment: { before: 12, after: 3 }, buffer: { before: 2, after: 2 }, comparison: { before: 40, after: 38 } },
    treatmentChange: -0.75,
    didRatio: 0.26,
    wdq: null,
    tooFew: true,
    figures: [
      { key: 'treatment', value: -0.75, tooFew: false, sv: 'Rapporterna på platserna minskade med 75 %.', en: 'Reports in the places fell by 75 %.' },
      {
        key: 'did',
        value: 0.26,
        tooFew: false,
        sv: 'Jämfört med resten av området minskade de mer.',
        en: 'Compared with the rest of the area they fell more.',
      },
      { key: 'wdq', value: null, tooFew: true, sv: 'Varning: för få rapporter i buffertzonen.', en: 'Warning: too few reports in the buffer zone.' },
    ],
    ...overrides,
  };
}
