/**
 * The shapes the API returns and accepts, shared by the API (its response DTOs implement these)
 * and the Angular client (which imports them instead of hand-copying interfaces).
 */

/** The roles a user may hold; a user may hold several. */
export const ROLES = ['admin', 'coordinator', 'analyst', 'commander', 'action_owner', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

/** The kinds of organisation that take part in an EST partnership. */
export const ORGANIZATION_TYPES = ['kommun', 'polis', 'fastighetsbolag', 'naringsliv', 'ovrig'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Error body of every 4xx/5xx answer. `field` names the offending input where there is one. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  errors?: { field: string; message: string }[];
}

export interface OrganizationDto {
  id: string;
  name: string;
  type: OrganizationType;
}

export interface AreaSummaryDto {
  id: string;
  name: string;
  description: string | null;
  placeCount: number;
  partners: OrganizationDto[];
}

export interface PlaceDto {
  id: string;
  areaId: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export interface AreaDetailDto extends AreaSummaryDto {
  places: PlaceDto[];
}

export interface CategoryDto {
  id: string;
  code: string;
  labelSv: string;
  labelEn: string;
  active: boolean;
  sortOrder: number;
}

export interface UserDto {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
  organization: OrganizationDto;
}

/** The signed-in user, with the areas whose partnership their organisation belongs to. */
export interface MeDto extends UserDto {
  areas: { id: string; name: string }[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface HealthDto {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
}

export interface CreateOrganizationRequest {
  name: string;
  type: OrganizationType;
}
export type UpdateOrganizationRequest = Partial<CreateOrganizationRequest>;

export interface CreateUserRequest {
  name: string;
  email: string;
  organizationId: string;
  roles: Role[];
  password: string;
}
export interface UpdateUserRequest {
  name?: string;
  email?: string;
  organizationId?: string;
  roles?: Role[];
  active?: boolean;
  password?: string;
}

export interface CreateAreaRequest {
  name: string;
  description?: string | null;
  partnerIds: string[];
}
export type UpdateAreaRequest = Partial<CreateAreaRequest>;

export interface CreatePlaceRequest {
  name: string;
  latitude?: number | null;
  longitude?: number | null;
}
export type UpdatePlaceRequest = Partial<CreatePlaceRequest>;

export interface CreateCategoryRequest {
  code: string;
  labelSv: string;
  labelEn: string;
  sortOrder?: number;
}
export interface UpdateCategoryRequest {
  labelSv?: string;
  labelEn?: string;
  sortOrder?: number;
  active?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Situation reports and the weekly situational picture (lägesbild)

/** The reporter's own assessment of how much insecurity the situation creates. */
export const ASSESSMENTS = ['low', 'medium', 'high'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** Why free text was removed from a report (gallrad): a fixed reason, plus an optional note checked for personal data. */
export const REDACTION_REASONS = ['personal_data', 'sensitive', 'irrelevant', 'other'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];
/** What replaces the removed part of a report's free text. */
export const REDACTED_MARK = '[gallrat]';
/** A report filed with "the text is not about a person" although the check found something waits for a coordinator. */
export type ReportReview = 'pending' | 'confirmed';

/** The weekly level of an area: grön (normal), gul (raised concern), röd (concentrate joint efforts). */
export const AREA_LEVELS = ['green', 'yellow', 'red'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Parts of the day used to filter reports (local time, Europe/Stockholm). */
export const TIMES_OF_DAY = ['night', 'morning', 'day', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export interface CreateReportRequest {
  areaId: string;
  placeId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  categoryId: string;
  /** ISO 8601 with offset; not in the future. */
  occurredAt: string;
  assessment: Assessment;
  policeNotified: boolean;
  publicPlace?: boolean | null;
  /** Details visible only to the reporting organisation (e.g. police information under secrecy). */
  restricted?: boolean;
  description: string;
  /** The reporter confirms that text flagged as personal data is not about a person. */
  confirmNoPersonalData?: boolean;
}

/** A report as a user sees it; for another organisation's restricted report the details are null and `restricted` true. */
export interface ReportDto {
  id: string;
  areaId: string;
  placeId: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  categoryId: string;
  occurredAt: string;
  reportedAt: string;
  assessment: Assessment;
  policeNotified: boolean;
  publicPlace: boolean | null;
  restricted: boolean;
  /** False when the details of a restricted report are withheld from the caller. */
  detailsVisible: boolean;
  description: string | null;
  organization: { id: string; name: string };
  reporter: { id: string; name: string } | null;
  source: 'form' | 'import';
  personalDataConfirmed: boolean;
  /** Until when the caller may still correct the report (own reports, 24 hours), or null. */
  editableUntil: string | null;
  /** When retention (gallring) removed the free text, exact coordinates and reporter (description is then null). */
  redactedAt?: string | null;
  /** 'pending': the text awaits a coordinator's review and is withheld from other organisations (shown to those who see the details). */
  review?: ReportReview | null;
  /** The last removal of free text by hand, for those who see the details. */
  textRedaction?: { at: string; organizationId: string | null; reason: RedactionReason; note: string | null } | null;
  /** Whether the caller may remove free text (POST /api/reports/:id/redactions) / confirm the review. */
  canRedact?: boolean;
  canReview?: boolean;
}

/** Body of POST /api/reports/:id/redactions: the whole text, or a part by offsets or by its text (every occurrence). */
export interface RedactReportRequest {
  whole?: boolean;
  start?: number;
  end?: number;
  text?: string;
  reason: RedactionReason;
  note?: string;
}

/** Body of POST /api/reports/:id/review. */
export interface ReviewReportRequest {
  decision: 'confirm';
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** 422 body when the description looks like it holds personal data (`code` REPORT.PERSONAL_DATA, field description). */
export interface PersonalDataError extends ApiError {
  hits: { kind: 'personal_identity_number' | 'phone_number' | 'email'; masked: string }[];
}

export interface FigureRow {
  /** Reports this week. */
  count: number;
  /** Average per week over the four weeks before. */
  previousAverage: number;
  /** count − previousAverage. */
  change: number;
}

export interface SituationPictureDto {
  area: { id: string; name: string };
  /** ISO week, e.g. 2026-W47 (Monday–Sunday, Europe/Stockholm). */
  week: string;
  from: string;
  to: string;
  total: FigureRow;
  byCategory: (FigureRow & { categoryId: string; code: string; labelSv: string; labelEn: string })[];
  byPlace: (FigureRow & { placeId: string | null; name: string | null; latitude: number | null; longitude: number | null })[];
  /** Counts for the last 12 weeks, oldest first, ending with this week. */
  trend: { week: string; count: number }[];
  /** The places with the most reports this week (at most 5). */
  hotspots: { placeId: string; name: string; count: number }[];
  /** This week's reports that the caller may see on a map (with coordinates). */
  points: { id: string; latitude: number; longitude: number; categoryId: string; assessment: Assessment }[];
  level: AreaLevelDto | null;
}

export interface AreaLevelDto {
  areaId: string;
  week: string;
  level: AreaLevel;
  rationale: string;
  setBy: { id: string; name: string };
  setAt: string;
}

export interface SetAreaLevelRequest {
  level: AreaLevel;
  rationale: string;
}

/** Progress and outcome of a CSV import (GET /api/imports/:id). */
export interface ImportDto {
  id: string;
  filename: string;
  mode: 'all_or_nothing' | 'valid_only';
  status: 'running' | 'completed' | 'failed';
  /** 0–100, from the bytes read. */
  progress: number;
  rowsRead: number;
  importedRows: number;
  duplicateRows: number;
  rejectedCount: number;
  rejected: { line: number; field: string; reason: string }[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
export * from './privacy';

/** Settings the client needs (GET /api/config). */
/** Who runs this installation, for the public accessibility statement (null: the statement's neutral wording). */
export interface AccessibilityContactDto {
  organization: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface ClientConfigDto {
  /** Leaflet tile URL template, or null: the map then shows the points without a background. */
  mapTileUrl: string | null;
  mapAttribution: string;
  demoMode: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Cases, actions and the audit trail

export interface CreateCaseRequest {
  areaId: string;
  title: string;
  description: string;
  reportIds?: string[];
  placeIds?: string[];
}

/** An action in Brå's plan columns as proposed (before a decision) or agreed. */
export interface PlannedActionDto {
  cause: string;
  what: string;
  goal: string;
  organizationId: string;
  ownerId?: string | null;
  startDate?: string | null;
  dueDate: string;
  kind: 'one_off' | 'ordinary';
  term: 'short' | 'long';
}

export interface ActionDto {
  id: string;
  caseId: string;
  caseTitle: string;
  areaId: string;
  areaName: string;
  number: number;
  cause: string;
  what: string;
  goal: string;
  organization: { id: string; name: string };
  owner: { id: string; name: string } | null;
  startDate: string | null;
  dueDate: string;
  kind: 'one_off' | 'ordinary';
  term: 'short' | 'long';
  state: 'planned' | 'assigned' | 'in_progress' | 'blocked' | 'done' | 'cancelled';
  version: number;
  /** Days past the due date while not done or cancelled; 0 when not overdue. */
  daysOverdue: number;
  report: string | null;
  blockedReason: string | null;
  cancelReason: string | null;
  allowedEvents: string[];
}

export type CaseState = 'reported' | 'analysis' | 'proposed' | 'escalated' | 'agreed' | 'execution' | 'follow_up' | 'closed' | 'dismissed';

export interface CaseSummaryDto {
  id: string;
  areaId: string;
  areaName: string;
  title: string;
  state: CaseState;
  version: number;
  actionCount: number;
  openActionCount: number;
  overdueActionCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDto extends CaseSummaryDto {
  description: string;
  analysis: string | null;
  proposedActions: PlannedActionDto[];
  outcome: 'effective' | 'not_effective' | 'escalate' | null;
  dismissal: { reason: 'no_action' | 'duplicate'; duplicateOfCaseId: string | null } | null;
  closedAt: string | null;
  reports: ReportDto[];
  places: PlaceDto[];
  actions: ActionDto[];
  /** The event types the current user may send now. */
  allowedEvents: string[];
}

export interface CaseHistoryDto {
  id: string;
  actionId: string | null;
  eventType: string;
  payload: Record<string, unknown> | null;
  fromState: string | null;
  toState: string;
  version: number;
  actor: { id: string; name: string; organizationName: string } | null;
  at: string;
}

export interface AuditVerifyDto {
  valid: boolean;
  entries: number;
  firstBrokenAt?: string;
}

export interface AuditEntryDto {
  id: string;
  at: string;
  /** Null for the system, or when withheld (`actorWithheld`). */
  actor: { id: string; name: string } | null;
  /** True when the actor is withheld: an entry of another organisation's restricted report (its reporter too is restricted). */
  actorWithheld?: boolean;
  actorOrganizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings (chefssamråd and the operational group)

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
