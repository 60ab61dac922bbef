import type { ActionDto, PlannedActionDto } from './actions';
import type { TextLimit } from './common';
import type { PlaceDto } from './directory';
import type { ReportDto } from './reports';
import type { DecisionRule } from './settings';
import type { EvaluatedEffectsDto } from './effects';

/** Cases (ärenden) and their history. */

/** The case states in the order of the EST cycle (the board's columns); the case machine has exactly these. */
export const CASE_STATES = ['reported', 'analysis', 'proposed', 'escalated', 'agreed', 'execution', 'follow_up', 'closed', 'dismissed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The lengths of a case's texts: the API's validation, the case workflow's rules and the client's forms use these. */
export const CASE_LIMITS = {
  title: { min: 3, max: 200 },
  description: { min: 3, max: 4000 },
  analysis: { min: 10, max: 10_000 },
  /** The note of SEND_BACK, ESCALATE, DISMISS and REOPEN. */
  note: { min: 3, max: 2000 },
  /** The note of EVALUATE. */
  evaluationNote: { min: 3, max: 4000 },
  /** Why a case is evaluated before its actions have had the installation's minimum time to work. */
  earlyReason: { min: 3, max: 2000 },
} as const satisfies Record<string, TextLimit>;

/** The outcome of a follow-up (EVALUATE). */
export const CASE_OUTCOMES = ['effective', 'not_effective', 'escalate'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Why a case is dismissed (DISMISS). */
export const DISMISSAL_REASONS = ['no_action', 'duplicate'] as const;
export type DismissalReason = (typeof DISMISSAL_REASONS)[number];

/**
 * The case events a user sends (`POST /api/cases/:id/events` as `{type, version, …payload}`), with their payloads.
 * The case machine's events are these plus the system's ACTION_STARTED/ACTION_CLOSED.
 */
export interface CaseEventPayloads {
  START_ANALYSIS: Record<string, never>;
  SAVE_ANALYSIS: { analysis: string };
  PROPOSE: { actions: PlannedActionDto[]; analysis?: string };
  AGREE: { actions?: PlannedActionDto[] };
  SEND_BACK: { note: string };
  ESCALATE: { note: string };
  /** effectWeeks: the weeks before and after of the effect figures stored with the evaluation (4–26, default 8). */
  EVALUATE: { outcome: CaseOutcome; note: string; earlyReason?: string | null; effectWeeks?: number };
  DISMISS: { reason: DismissalReason; duplicateOfCaseId?: string | null; note: string };
  REOPEN: { note: string };
}
export type CaseEventType = keyof CaseEventPayloads;

export interface CreateCaseRequest {
  areaId: string;
  title: string;
  description: string;
  reportIds?: string[];
  placeIds?: string[];
}

/** The filters of `GET /api/cases` (query parameters; all optional). */
export interface CaseFilters {
  areaId?: string;
  state?: CaseState;
  organizationId?: string;
  overdue?: boolean;
}

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
  outcome: CaseOutcome | null;
  dismissal: { reason: DismissalReason; duplicateOfCaseId: string | null } | null;
  closedAt: string | null;
  reports: ReportDto[];
  places: PlaceDto[];
  actions: ActionDto[];
  /** The event types the current user may send now. */
  allowedEvents: string[];
  /** Who may agree actions in this installation (the case page explains where to decide). */
  decisionRule: DecisionRule;
  /** Under the `commanders` rule: the responsible organisations that have agreed to the proposal so far. */
  agreedByOrganizationIds: string[];
  /** In follow-up: when the actions have had the minimum time to work (earlier evaluation needs a reason); null when no minimum applies. */
  evaluationFrom: string | null;
  /** The effect figures frozen at the case's last evaluation; null until it is evaluated. */
  evaluatedEffects: EvaluatedEffectsDto | null;
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
