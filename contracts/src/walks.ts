import type { ActionState } from './actions';
import type { CaseState } from './cases';
import type { TextLimit } from './common';

/**
 * Safety walks (trygghetsvandringar): planned by a coordinator, walked by the partners, whose findings are settled
 * into actions of one case per walk and followed up.
 *
 * Endpoints (all under /api; "organiser" = coordinator or analyst of an organisation in the area's partnership;
 * "participant" = any user of the planning or an invited organisation; a restricted walk's details — findings,
 * photos, answers, route, PDFs — are seen only by the planning and invited organisations, others in the
 * partnership see the summary with `detailsVisible: false`, outsiders get 404):
 *   GET    /walks?areaId=&state=                         signed in: walks of the caller's areas (admin: all)   → WalkSummaryDto[]
 *   POST   /walks                                        organiser, Idempotency-Key                         CreateWalkRequest → 201 WalkDto
 *   GET    /walks/:id                                    signed in, sees the area                           → WalkDto
 *   PATCH  /walks/:id                                    organiser, only while planned                      UpdateWalkRequest → WalkDto
 *   POST   /walks/:id/events                             organiser (see WALK_USER_EVENTS)                   WalkEventRequest → WalkDto
 *   PUT    /walks/:id/checklist-answers                  participant, in progress or recorded               ChecklistAnswersRequest → WalkDto
 *   POST   /walks/:id/findings                           participant, in progress or recorded, Idempotency-Key (a resent offline finding is stored once)
 *                                                                                                           CreateFindingRequest → 201 FindingDto
 *   PATCH  /walks/:id/findings/:findingId                the finding's recorder, in progress                UpdateFindingRequest → FindingDto
 *   DELETE /walks/:id/findings/:findingId                the finding's recorder, in progress                → 204
 *   POST   /walks/:id/findings/:findingId/photos         participant, in progress or recorded, Idempotency-Key; multipart/form-data with
 *                                                        the file in `photo` and `confirmNoFaces=true` (422 without it); JPEG or PNG
 *                                                        ≤ 15 MB (HEIC: 415, the server's libvips cannot decode it); max 5 per finding
 *                                                                                                           → 201 PhotoDto
 *   GET    /walks/:id/photos/:photoId                    signed in, sees the walk's details                 → image/jpeg (≤ 2000 px, no metadata)
 *   GET    /walks/:id/photos/:photoId/thumbnail          signed in, sees the walk's details                 → image/jpeg (≤ 320 px)
 *   PUT    /walks/:id/findings/:findingId/settlement     organiser, while recorded                          SettleFindingRequest → FindingDto
 *   GET    /walks/:id/invitation.pdf                     signed in, sees the walk's details                 → application/pdf
 *   GET    /walks/:id/report.pdf                         signed in, sees the walk's details                 → application/pdf
 *   GET    /walk-checklists                              signed in                                           → ChecklistTemplateDto[] (active first)
 *   POST   /walk-checklists                              admin, Idempotency-Key                             ChecklistTemplateRequest → 201 ChecklistTemplateDto
 *   PATCH  /walk-checklists/:id                          admin                                              UpdateChecklistTemplateRequest → ChecklistTemplateDto
 * Places name the organisation responsible for their physical environment: `responsibleOrganizationId` on
 * PlaceDto / CreatePlaceRequest / UpdatePlaceRequest (directory); a finding at a place proposes it.
 */

/** The walk states; the walk machine has exactly these. */
export const WALK_STATES = ['planned', 'in_progress', 'recorded', 'settled', 'followed_up', 'closed', 'cancelled'] as const;
export type WalkState = (typeof WALK_STATES)[number];

/** The events a user sends to `POST /api/walks/:id/events` as `{type, version, …payload}`, with their payloads. */
export interface WalkEventPayloads {
  /** planned → in_progress */
  START: Record<string, never>;
  /** in_progress → recorded (findings sent late from a phone that was offline are still accepted while recorded) */
  FINISH: Record<string, never>;
  /** recorded → settled: every finding must be settled; findings settled as actions are agreed as actions of the walk's case. */
  COMPLETE_SETTLEMENT: Record<string, never>;
  /** settled → followed_up: what the follow-up found. */
  FOLLOW_UP: { note: string };
  /** followed_up → closed */
  CLOSE: Record<string, never>;
  /** planned → cancelled */
  CANCEL: { reason: string };
}
export type WalkEventType = keyof WalkEventPayloads;
export const WALK_USER_EVENTS = ['START', 'FINISH', 'COMPLETE_SETTLEMENT', 'FOLLOW_UP', 'CLOSE', 'CANCEL'] as const satisfies readonly WalkEventType[];

/**
 * Body of `POST /api/walks/:id/events`: a union discriminated by `type` with the walk's `version` read and the event's
 * payload fields; the events without payload are `{type, version}` alone (as the machines type them).
 */
export type WalkEventRequest = {
  [T in WalkEventType]: { type: T; version: number } & (WalkEventPayloads[T] extends Record<string, never> ? unknown : WalkEventPayloads[T]);
}[WalkEventType];

/** How much insecurity a finding creates. */
export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** The other participants, counted by group (never names). */
export const PARTICIPANT_GROUPS = ['residents', 'associations', 'businesses', 'public_transport', 'property_owners', 'youth', 'other'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];
export type ParticipantCounts = Partial<Record<ParticipantGroup, number>>;

/** An answer to one checklist item at one stop. */
export const CHECKLIST_ANSWERS = ['good', 'acceptable', 'poor', 'not_applicable'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

/** What the coordinator decided for a finding. */
export const SETTLEMENT_OUTCOMES = ['action', 'case', 'noted'] as const;
export type SettlementOutcome = (typeof SETTLEMENT_OUTCOMES)[number];

/** The lengths of a walk's texts. */
export const WALK_LIMITS = {
  title: { min: 3, max: 200 },
  meetingPoint: { min: 2, max: 300 },
  findingDescription: { min: 3, max: 2000 },
  cancelReason: { min: 3, max: 1000 },
  followUpNote: { min: 3, max: 4000 },
  /** Why a finding is noted without action. */
  settlementReason: { min: 3, max: 1000 },
  /** How the action of a finding is followed up. */
  followUp: { min: 0, max: 1000 },
  stopLabel: { min: 1, max: 120 },
  answerComment: { min: 0, max: 1000 },
  templateName: { min: 2, max: 120 },
  itemKey: { min: 2, max: 40 },
  itemLabel: { min: 2, max: 200 },
} as const satisfies Record<string, TextLimit>;

/** Counts and sizes. */
export const WALK_MAX = {
  routePoints: 500,
  invitedOrganizations: 30,
  participantsPerGroup: 10_000,
  stops: 30,
  findingsPerWalk: 500,
  photosPerFinding: 5,
  /** Bytes of one uploaded photo. */
  photoBytes: 15 * 1024 * 1024,
  /** Longest edge of the stored photo and of its thumbnail, in pixels. */
  photoEdge: 2000,
  thumbnailEdge: 320,
  checklistItems: 40,
} as const;
/** The photo types accepted by upload (HEIC is refused with 415: the prebuilt libvips cannot decode HEVC). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/** A GeoJSON LineString: [longitude, latitude] pairs, WGS 84, at least two. */
export interface RouteLineString {
  type: 'LineString';
  coordinates: [number, number][];
}

export interface ChecklistItem {
  /** Stable key, e.g. `lighting`; answers and findings refer to it. */
  key: string;
  labelSv: string;
  labelEn: string;
}

export interface ChecklistTemplateDto {
  id: string;
  nameSv: string;
  nameEn: string;
  items: ChecklistItem[];
  active: boolean;
  /** The seeded default template (preselected when planning). */
  isDefault: boolean;
}

export interface ChecklistTemplateRequest {
  nameSv: string;
  nameEn: string;
  items: ChecklistItem[];
}
export interface UpdateChecklistTemplateRequest {
  nameSv?: string;
  nameEn?: string;
  items?: ChecklistItem[];
  active?: boolean;
}

export interface CreateWalkRequest {
  areaId: string;
  title: string;
  /** ISO 8601 with offset. */
  startsAt: string;
  meetingPoint: string;
  route?: RouteLineString | null;
  /** Partner organisations invited; their users record findings. */
  invitedOrganizationIds: string[];
  participantCounts?: ParticipantCounts;
  checklistTemplateId: string;
  /** Details seen only by the planning and the invited organisations. */
  restricted?: boolean;
}

/** Body of PATCH /api/walks/:id (only while planned). */
export interface UpdateWalkRequest {
  version: number;
  title?: string;
  startsAt?: string;
  meetingPoint?: string;
  route?: RouteLineString | null;
  invitedOrganizationIds?: string[];
  participantCounts?: ParticipantCounts;
  checklistTemplateId?: string;
  restricted?: boolean;
}

/** Body of PUT /api/walks/:id/checklist-answers: the answers of one stop (replaces that stop's answers). */
export interface ChecklistAnswersRequest {
  /** 1-based stop number, ≤ WALK_MAX.stops. */
  stop: number;
  label: string;
  answers: { itemKey: string; answer: ChecklistAnswer; comment?: string }[];
}

export interface StopAnswersDto {
  stop: number;
  label: string;
  answers: { itemKey: string; answer: ChecklistAnswer; comment: string | null }[];
}

export interface WalkSummaryDto {
  id: string;
  areaId: string;
  areaName: string;
  title: string;
  startsAt: string;
  state: WalkState;
  version: number;
  restricted: boolean;
  /** False when the walk is restricted and the caller's organisation neither planned it nor is invited. */
  detailsVisible: boolean;
  findingCount: number;
  organization: { id: string; name: string };
}

export interface WalkDto extends WalkSummaryDto {
  /** Null when the details are withheld. */
  meetingPoint: string | null;
  route: RouteLineString | null;
  invitedOrganizations: { id: string; name: string }[];
  participantCounts: ParticipantCounts;
  checklistTemplateId: string;
  /** The checklist as it was when the walk was planned. */
  checklist: ChecklistItem[];
  stops: StopAnswersDto[];
  findings: FindingDto[];
  /** The walk's case (created when the settlement is completed with at least one action). */
  caseId: string | null;
  cancelReason: string | null;
  followUpNote: string | null;
  /** The event types the caller may send now (the client's buttons). */
  allowedEvents: string[];
  /** Whether the caller may record findings and answers now. */
  canRecord: boolean;
  /** Whether the caller may settle findings now. */
  canSettle: boolean;
}

export type FindingSettlementDto =
  | {
      outcome: 'action';
      cause: string;
      what: string;
      goal: string;
      organizationId: string;
      organizationName: string;
      ownerId: string | null;
      dueDate: string;
      followUp: string | null;
      /** Set when the settlement is completed and the action exists. */
      actionId: string | null;
      actionState: ActionState | null;
      daysOverdue: number;
    }
  | { outcome: 'case'; caseId: string; caseTitle: string; caseState: CaseState }
  | { outcome: 'noted'; reason: string };

export interface FindingDto {
  id: string;
  walkId: string;
  latitude: number | null;
  longitude: number | null;
  placeId: string | null;
  placeName: string | null;
  checklistItemKey: string | null;
  categoryId: string | null;
  description: string;
  severity: FindingSeverity;
  /** Proposed from the place's responsible organisation unless given. */
  responsibleOrganization: { id: string; name: string } | null;
  recordedAt: string;
  recordedBy: { id: string; name: string; organizationName: string };
  photos: PhotoDto[];
  settlement: FindingSettlementDto | null;
  /** The caller recorded it and the walk is in progress. */
  editable: boolean;
}

export interface CreateFindingRequest {
  /** Position from the phone, or a place of the area (one of them is required). */
  latitude?: number | null;
  longitude?: number | null;
  placeId?: string | null;
  /** The checklist item, or a report category (one of them is required). */
  checklistItemKey?: string | null;
  categoryId?: string | null;
  description: string;
  severity: FindingSeverity;
  responsibleOrganizationId?: string | null;
  /** The recorder confirms that text flagged as personal data is not about a person (as for reports). */
  confirmNoPersonalData?: boolean;
  /** When it was recorded on the phone (ISO 8601; offline findings arrive later); default now. */
  recordedAt?: string;
}
export type UpdateFindingRequest = Partial<CreateFindingRequest>;

export interface PhotoDto {
  id: string;
  findingId: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  /** Relative URLs of the image and its thumbnail. */
  url: string;
  thumbnailUrl: string;
}

/** Body of PUT /api/walks/:id/findings/:findingId/settlement. */
export interface SettleFindingRequest {
  outcome: SettlementOutcome;
  /** outcome 'action': the action as it will be agreed in the walk's case. */
  action?: { cause: string; what: string; goal: string; organizationId: string; ownerId?: string | null; dueDate: string; followUp?: string };
  /** outcome 'case': an existing case of the walk's area. */
  caseId?: string;
  /** outcome 'noted': why no action is taken. */
  reason?: string;
}
