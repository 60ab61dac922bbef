/** Meetings (chefssamråd and the operational group). */

export type MeetingKind = 'leadership' | 'operational';
export type MeetingState = 'planned' | 'in_session' | 'minutes_draft' | 'approved' | 'cancelled';
export type AgendaItemKind = 'picture' | 'decision' | 'follow_up' | 'round' | 'other';
export type DecisionKind = 'agree' | 'send_back' | 'escalate' | 'note';

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
  participants: { name: string; organizationId: string; organizationName: string; present: boolean }[];
  state: MeetingState;
  version: number;
  agenda: AgendaItemDto[];
  currentItemId: string | null;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
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
  participants?: { name: string; organizationId: string }[];
  /** The language of the agenda's prepared titles (default sv): the one the coordinator works in. */
  lang?: 'sv' | 'en';
}
