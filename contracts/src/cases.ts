import type { ActionDto, PlannedActionDto } from './actions';
import type { PlaceDto } from './directory';
import type { ReportDto } from './reports';

/** Cases (ärenden) and their history. */

export interface CreateCaseRequest {
  areaId: string;
  title: string;
  description: string;
  reportIds?: string[];
  placeIds?: string[];
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
