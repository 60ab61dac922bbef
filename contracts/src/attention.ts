/** The start page "Att göra" (issue #15, part 5) and the reporter's feedback, "Mina rapporter" (part 6). */

/** The kinds of line on the start page, each with the page where it is done. */
export const ATTENTION_KINDS = [
  'overdue_action',
  'due_action',
  'case_decision',
  'minutes_approval',
  'next_meeting',
  'missing_level',
  'report_review',
  'failed_import',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** One line: what needs the signed-in person, a short label (titles and names only, never report text), and where it is done. */
export interface AttentionItemDto {
  kind: AttentionKind;
  /** The record it concerns (action, case, meeting, area, import); null for a line that stands for several (report review). */
  id: string | null;
  /** A title or name: an action's "what", a case's or meeting's title, an area's name, an import's file name. */
  label: string;
  /** A date or moment that matters: a due date (YYYY-MM-DD), a meeting's start, an import's end. */
  at: string | null;
  /** Extra facts: a case's state, the number of reports awaiting review, an ISO week. */
  detail: string | null;
  /** The client path where it is done, e.g. /actions/… or /cases/…. */
  link: string;
}

export interface AttentionDto {
  /** Lines per kind, in ATTENTION_KINDS order; each kind at most 20 lines. */
  items: AttentionItemDto[];
  /** How many there are of each kind (more than the lines shown where a kind has more than 20). */
  counts: Record<AttentionKind, number>;
  /** The Swedish ISO week the missing levels refer to (YYYY-Www). */
  week: string;
}

/** An agreed action of a case, as its reporter may follow it. */
export interface MyReportActionDto {
  id: string;
  number: number;
  what: string;
  organizationName: string;
  dueDate: string;
  state: string;
}

/** A case a report became part of. */
export interface ReportCaseDto {
  id: string;
  title: string;
  state: string;
  /** The evaluation's outcome (effective, not_effective, escalate), once evaluated. */
  outcome: string | null;
  actions: MyReportActionDto[];
}

/** One of my own reports, with what became of it. */
export interface MyReportDto {
  id: string;
  areaId: string;
  areaName: string;
  categoryId: string;
  occurredAt: string;
  reportedAt: string;
  restricted: boolean;
  cases: ReportCaseDto[];
}
