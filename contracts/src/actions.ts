import type { TextLimit } from './common';

/** Agreed actions (insatser): as proposed in a case, and as carried out. */

/** The action states; the action machine has exactly these. */
export const ACTION_STATES = ['planned', 'assigned', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** The lengths of an action's texts (plan columns and event payloads), and how many actions a case may propose. */
export const ACTION_LIMITS = {
  cause: { min: 1, max: 500 },
  what: { min: 1, max: 1000 },
  goal: { min: 1, max: 500 },
  /** What was done (COMPLETE). */
  report: { min: 3, max: 4000 },
  /** Why it is blocked or cancelled (BLOCK, CANCEL). */
  reason: { min: 3, max: 2000 },
  /** The optional note of START. */
  startNote: { min: 0, max: 2000 },
  /** Brå's follow-up column: how and by whom the action is followed up (its date is `followUpDate`). */
  followUp: { min: 0, max: 1000 },
} as const satisfies Record<string, TextLimit>;
export const MAX_ACTIONS_PER_CASE = 50;

/** Brå's plan columns: a one-off effort or part of ordinary work, short or long term. */
export const ACTION_KINDS = ['one_off', 'ordinary'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_TERMS = ['short', 'long'] as const;
export type ActionTerm = (typeof ACTION_TERMS)[number];

/** The action events a user sends (`POST /api/actions/:id/events` as `{type, version, …payload}`), with their payloads. */
export interface ActionEventPayloads {
  ASSIGN: { ownerId: string };
  START: { note?: string | null };
  COMPLETE: { report: string };
  BLOCK: { reason: string };
  RESUME: Record<string, never>;
  CANCEL: { reason: string };
}
export type ActionEventType = keyof ActionEventPayloads;

/** An action in Brå's plan columns as proposed (before a decision) or agreed. */
export interface PlannedActionDto {
  cause: string;
  what: string;
  goal: string;
  organizationId: string;
  ownerId?: string | null;
  startDate?: string | null;
  dueDate: string;
  kind: ActionKind;
  term: ActionTerm;
  /** Uppföljning: how and by whom it is followed up, and when. */
  followUp?: string | null;
  followUpDate?: string | null;
}

/** The filters of `GET /api/actions` (query parameters; all optional). */
export interface ActionFilters {
  organizationId?: string;
  ownerId?: string;
  state?: ActionState;
  overdue?: boolean;
  /** YYYY-MM-DD (exclusive). */
  dueBefore?: string;
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
  kind: ActionKind;
  term: ActionTerm;
  followUp: string | null;
  followUpDate: string | null;
  state: ActionState;
  version: number;
  /** Days past the due date while not done or cancelled; 0 when not overdue. */
  daysOverdue: number;
  report: string | null;
  /** The note given when it was started, if any. */
  startNote: string | null;
  blockedReason: string | null;
  cancelReason: string | null;
  allowedEvents: string[];
}
