/** Agreed actions (insatser): as proposed in a case, and as carried out. */

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
