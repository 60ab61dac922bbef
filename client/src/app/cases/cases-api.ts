import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionDto,
  ActionFilters,
  ActionEventPayloads,
  ActionEventType,
  CaseDto,
  CaseEventPayloads,
  CaseEventType,
  CaseFilters,
  CaseHistoryDto,
  CaseSummaryDto,
  CreateCaseRequest,
  PersonDto,
  ReportDto,
} from '@samverka/contracts';
import { Observable } from 'rxjs';

/** Filters of `GET /api/cases` and `GET /api/actions` (contract types). */
export type { ActionFilters, CaseFilters } from '@samverka/contracts';

function params(filters: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** The case and action endpoints: cases, their events and history, and the agreed actions. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** Opens a case from reports and/or places (analysts and coordinators). */
  create(body: CreateCaseRequest): Observable<CaseDto> {
    return this.http.post<CaseDto>('/api/cases', body);
  }

  /** The cases the user may see, most recently changed first. */
  list(filters: CaseFilters = {}): Observable<CaseSummaryDto[]> {
    return this.http.get<CaseSummaryDto[]>('/api/cases', { params: params(filters) });
  }

  /** One case with its reports, places, actions and the events the user may send now. */
  get(id: string): Observable<CaseDto> {
    return this.http.get<CaseDto>(`/api/cases/${encodeURIComponent(id)}`);
  }

  /** Sends an event as `{type, version, …payload}`; answers with the case as it is now. */
  send<T extends CaseEventType>(id: string, version: number, type: T, payload: CaseEventPayloads[T]): Observable<CaseDto> {
    return this.http.post<CaseDto>(`/api/cases/${encodeURIComponent(id)}/events`, { type, version, ...payload });
  }

  /** The case's timeline, oldest first. */
  history(id: string): Observable<CaseHistoryDto[]> {
    return this.http.get<CaseHistoryDto[]>(`/api/cases/${encodeURIComponent(id)}/history`);
  }

  /** One report (to show a report chosen on another page that is older than the form's list). */
  report(id: string): Observable<ReportDto> {
    return this.http.get<ReportDto>(`/api/reports/${encodeURIComponent(id)}`);
  }

  /** Agreed actions, by due date. */
  actions(filters: ActionFilters = {}): Observable<ActionDto[]> {
    return this.http.get<ActionDto[]>('/api/actions', { params: params(filters) });
  }

  /** The active people of an organisation (only one's own): whom an action can be assigned to. */
  members(organizationId: string): Observable<PersonDto[]> {
    return this.http.get<PersonDto[]>(`/api/organizations/${encodeURIComponent(organizationId)}/users`);
  }

  /** Sends an event to an action as `{type, version, …payload}`; answers with the action as it is now. */
  sendAction<T extends ActionEventType>(id: string, version: number, type: T, payload: ActionEventPayloads[T]): Observable<ActionDto> {
    return this.http.post<ActionDto>(`/api/actions/${encodeURIComponent(id)}/events`, { type, version, ...payload });
  }
}
