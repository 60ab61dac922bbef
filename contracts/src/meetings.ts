import type { PlannedActionDto } from './actions';
import type { TextLimit } from './common';

/** Meetings (chefssamråd and the operational group). */

/** A chefssamråd (leadership) or the weekly operational group. */
export const MEETING_KINDS = ['leadership', 'operational'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/** The meeting states; the meeting machine has exactly these. */
export const MEETING_STATES = ['planned', 'in_session', 'minutes_draft', 'approved', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const AGENDA_ITEM_KINDS = ['picture', 'decision', 'follow_up', 'round', 'other'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
/** A decision on an agenda item; all but `note` are sent to the case as AGREE, SEND_BACK or ESCALATE. */
export const DECISION_KINDS = ['agree', 'send_back', 'escalate', 'note'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** A participant's role: chair (ordförande), secretary (sekreterare) or adjuster (justerare); held by people with an account. */
export const MEETING_ROLES = ['chair', 'secretary', 'adjuster'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** A participant as written to a meeting: a person of an invited organisation (`userId`) or a guest by name. */
export interface ParticipantInput {
  name: string;
  organizationId: string;
  /** The person's account; a guest has none (and no role). */
  userId?: string | null;
  role?: MeetingRole | null;
}

/** The lengths of a meeting's texts: the API's validation, the meeting workflow's rules and the client's forms use these. */
export const MEETING_LIMITS = {
  title: { min: 3, max: 200 },
  place: { min: 2, max: 200 },
  participantName: { min: 2, max: 120 },
  agendaItemTitle: { min: 2, max: 200 },
  decisionNote: { min: 0, max: 4000 },
  statement: { min: 1, max: 2000 },
  cancelReason: { min: 3, max: 1000 },
} as const satisfies Record<string, TextLimit>;

/**
 * The meeting events a user sends (`POST /api/meetings/:id/events` as `{type, version, …payload}`), with their payloads.
 * The agenda, decisions, statements and attendance have endpoints of their own (the machine's UPDATE_AGENDA, RECORD,
 * SET_ATTENDANCE).
 */
export interface MeetingEventPayloads {
  START: Record<string, never>;
  SET_CURRENT: { itemId: string };
  END: Record<string, never>;
  APPROVE: Record<string, never>;
  CANCEL: { reason: string };
}
export type MeetingEventType = keyof MeetingEventPayloads;

export interface AgendaItemDto {
  id: string;
  kind: AgendaItemKind;
  title: string;
  areaId: string | null;
  caseId: string | null;
  /** Overdue actions discussed under a follow-up item. */
  actionIds: string[];
  decision: {
    kind: DecisionKind;
    note: string;
    /** The case's state after the decision. */
    caseState: string | null;
    by: string;
    at: string;
  } | null;
  /** "Laget runt": each organisation's short statement. */
  statements: { organizationId: string; organizationName: string; text: string }[];
}

export interface MeetingDto {
  id: string;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  place: string;
  areas: { id: string; name: string }[];
  organizations: { id: string; name: string }[];
  participants: { name: string; organizationId: string; organizationName: string; present: boolean; userId: string | null; role: MeetingRole | null }[];
  state: MeetingState;
  version: number;
  agenda: AgendaItemDto[];
  currentItemId: string | null;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  /** The justering: who must approve the minutes (chair and adjusters, or the chair alone, by the installation's setting) and who has. */
  approvers: { userId: string; name: string; role: MeetingRole; approvedAt: string | null }[];
  /** SHA-256 of the approved action plan. */
  planFingerprint: string | null;
  revision: number;
  previousVersionId: string | null;
  allowedEvents: string[];
  /**
   * False for an administrator whose organisation does not take part: the meeting is shown for administration only
   * (title, kind, time, place, areas, organisations, participants, state, revision); the agenda with its statements
   * and decisions, the approval and the documents are left out (`agenda` empty, `approvedBy`/`approvedAt`/
   * `planFingerprint` null, no events).
   */
  detailsVisible: boolean;
}

export interface CreateMeetingRequest {
  kind: MeetingKind;
  title: string;
  startsAt: string;
  place: string;
  areaIds: string[];
  organizationIds: string[];
  participants?: ParticipantInput[];
  /** The language of the agenda's prepared titles (default sv): the one the coordinator works in. */
  lang?: 'sv' | 'en';
}

/** One item of `PATCH /api/meetings/:id/agenda`: kept items carry their id, new ones none. */
export interface AgendaItemInput {
  id?: string;
  kind: AgendaItemKind;
  title: string;
  caseId?: string | null;
  areaId?: string | null;
}

/** Body of `PATCH /api/meetings/:id/agenda`. */
export interface UpdateAgendaRequest {
  version: number;
  items: AgendaItemInput[];
}

/** Body of `POST /api/meetings/:id/decisions` (for a case item the decision sends the case event). */
export interface RecordDecisionRequest {
  version: number;
  itemId: string;
  kind: DecisionKind;
  note: string;
  actions?: PlannedActionDto[];
}

/** Body of `POST /api/meetings/:id/items/:itemId/statements` ("laget runt"). */
export interface StatementRequest {
  version: number;
  organizationId: string;
  text: string;
}

/** One row of `PUT /api/meetings/:id/attendance`. */
export interface AttendanceRow extends ParticipantInput {
  present: boolean;
}

/** Body of `PUT /api/meetings/:id/attendance`. */
export interface AttendanceRequest {
  version: number;
  participants: AttendanceRow[];
}
