import type { AgendaItemDto, CaseDto, MeetingDto } from '@samverka/contracts';
import { KOMMUN, OBO, POLIS } from '../../testing/fixtures';
import type { MeetingEventSource } from '../meeting-stream';

/** Test data for the meeting screens: a chefssamråd for Vivalla with the municipality, the police and ÖBO. */
export function agendaItem(id: string, kind: AgendaItemDto['kind'], title: string, extra: Partial<AgendaItemDto> = {}): AgendaItemDto {
  return { id, kind, title, areaId: null, caseId: null, actionIds: [], decision: null, statements: [], ...extra };
}

export const PICTURE_ITEM = agendaItem('item-picture', 'picture', 'Lägesbild: Vivalla', { areaId: 'area-vivalla' });
export const CASE_ITEM = agendaItem('item-case', 'decision', 'Klotter i tvättstugan', { areaId: 'area-vivalla', caseId: 'case-1' });
export const ROUND_ITEM = agendaItem('item-round', 'round', 'Laget runt');
export const OTHER_ITEM = agendaItem('item-other', 'other', 'Övriga frågor');

export function meeting(overrides: Partial<MeetingDto> = {}): MeetingDto {
  return {
    id: 'meeting-1',
    kind: 'leadership',
    title: 'Chefssamråd Vivalla',
    startsAt: '2026-11-24T08:00:00.000Z',
    place: 'Stadshuset, rum 3',
    areas: [{ id: 'area-vivalla', name: 'Vivalla' }],
    organizations: [KOMMUN, POLIS, OBO].map(({ id, name }) => ({ id, name })),
    participants: [{ name: 'Petra Polischef', organizationId: POLIS.id, organizationName: POLIS.name, present: true, userId: 'user-petra', role: 'chair' }],
    state: 'planned',
    version: 3,
    agenda: [PICTURE_ITEM, CASE_ITEM, ROUND_ITEM, OTHER_ITEM],
    currentItemId: null,
    approvedBy: null,
    approvedAt: null,
    approvers: [{ userId: 'user-petra', name: 'Petra Polischef', role: 'chair', approvedAt: null }],
    planFingerprint: null,
    revision: 1,
    previousVersionId: null,
    allowedEvents: ['UPDATE_AGENDA', 'START', 'CANCEL'],
    detailsVisible: true,
    ...overrides,
  };
}

export function caseDto(overrides: Partial<CaseDto> = {}): CaseDto {
  return {
    id: 'case-1',
    areaId: 'area-vivalla',
    areaName: 'Vivalla',
    title: 'Klotter i tvättstugan',
    state: 'proposed',
    version: 3,
    actionCount: 0,
    openActionCount: 0,
    overdueActionCount: 0,
    createdAt: '2026-11-10T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    description: 'Återkommande klotter och skadegörelse i tvättstugan på kvällar.',
    analysis: 'Tvättstugan är olåst efter 21 och saknar belysning vid entrén.',
    proposedActions: [
      {
        cause: 'Olåst dörr efter 21',
        what: 'Byta lås till passersystem',
        goal: 'Inga nya skador på fyra veckor',
        organizationId: OBO.id,
        ownerId: null,
        startDate: null,
        dueDate: '2026-12-15',
        kind: 'one_off',
        term: 'short',
      },
    ],
    outcome: null,
    dismissal: null,
    closedAt: null,
    reports: [],
    places: [],
    actions: [],
    allowedEvents: ['AGREE', 'SEND_BACK', 'ESCALATE', 'DISMISS'],
    decisionRule: 'coordinator',
    agreedByOrganizationIds: [],
    evaluationFrom: null,
    evaluatedEffects: null,
    ...overrides,
  };
}

/** A stand-in for the browser's EventSource: the spec sends messages with `emit`. */
export class FakeEventSource implements MeetingEventSource {
  static last: FakeEventSource | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers an `event: meeting` message. */
  emit(data: object): void {
    for (const l of this.listeners.get('meeting') ?? []) l(new MessageEvent('meeting', { data: JSON.stringify(data) }));
  }
}
