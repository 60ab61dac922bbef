import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionDto,
  AgendaItemInput,
  AttendanceRow,
  CaseDto,
  CaseState,
  CaseSummaryDto,
  CreateMeetingRequest,
  MeetingDto,
  MeetingEventPayloads,
  MeetingEventType,
  PersonDto,
  RecordDecisionRequest,
} from '@samverka/contracts';
import { Observable, forkJoin, map, of } from 'rxjs';

/** The body of `POST /api/meetings/:id/decisions` without the item, which `decide` adds. */
export type DecisionRequest = Omit<RecordDecisionRequest, 'itemId'>;

/** The meeting events of `POST /api/meetings/:id/events` (besides the agenda, decisions and statements). */
export type { MeetingEventType } from '@samverka/contracts';

/** The meetings endpoints, and the few case and action reads the meeting screens need. */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  private url(id: string, rest = ''): string {
    return `/api/meetings/${encodeURIComponent(id)}${rest}`;
  }

  /** The meetings of the user's organisation, newest first. */
  list(): Observable<MeetingDto[]> {
    return this.http.get<MeetingDto[]>('/api/meetings');
  }

  get(id: string): Observable<MeetingDto> {
    return this.http.get<MeetingDto>(this.url(id));
  }

  /** Schedules a meeting (coordinators); the answer holds the agenda prepared from the data. */
  create(body: CreateMeetingRequest): Observable<MeetingDto> {
    return this.http.post<MeetingDto>('/api/meetings', body);
  }

  /** Reorders, adds and removes agenda items (before the meeting). */
  updateAgenda(id: string, version: number, items: AgendaItemInput[]): Observable<MeetingDto> {
    return this.http.patch<MeetingDto>(this.url(id, '/agenda'), { version, items });
  }

  /** START, SET_CURRENT (`itemId`), END, APPROVE, CANCEL (`reason`). */
  send(
    id: string,
    type: MeetingEventType,
    version: number,
    payload: Partial<MeetingEventPayloads['SET_CURRENT'] & MeetingEventPayloads['CANCEL']> = {},
  ): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(this.url(id, '/events'), { type, version, ...payload });
  }

  /** Records the decision on an item (for a case item this sends the case event). */
  decide(id: string, itemId: string, body: DecisionRequest): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(this.url(id, '/decisions'), { ...body, itemId });
  }

  /** Records an organisation's statement ("laget runt"). */
  statement(id: string, itemId: string, version: number, organizationId: string, text: string): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(this.url(id, `/items/${encodeURIComponent(itemId)}/statements`), { version, organizationId, text });
  }

  /** The people of an organisation (participants are chosen from the invited organisations' people). */
  members(organizationId: string): Observable<PersonDto[]> {
    return this.http.get<PersonDto[]>(`/api/organizations/${encodeURIComponent(organizationId)}/users`);
  }

  attendance(id: string, version: number, participants: AttendanceRow[]): Observable<MeetingDto> {
    return this.http.put<MeetingDto>(this.url(id, '/attendance'), { version, participants });
  }

  /** A new revision (minutes draft) of approved minutes. */
  revise(id: string, version: number): Observable<MeetingDto> {
    return this.http.post<MeetingDto>(this.url(id, '/revisions'), { version });
  }

  /** The server-sent events of a meeting. */
  streamUrl(id: string): string {
    return this.url(id, '/stream');
  }

  /** The action plan the meeting decided, as a PDF. */
  planPdfUrl(id: string, lang: 'sv' | 'en'): string {
    return this.url(id, `/action-plan.pdf?lang=${lang}`);
  }

  /** The minutes, as a PDF. */
  minutesPdfUrl(id: string, lang: 'sv' | 'en'): string {
    return this.url(id, `/minutes.pdf?lang=${lang}`);
  }

  /** The current joint action plan of an area for a period (dates YYYY-MM-DD), not tied to a meeting. */
  areaPlanPdfUrl(areaId: string, from: string, to: string, lang: 'sv' | 'en'): string {
    const params = new HttpParams().set('areaId', areaId).set('from', from).set('to', to).set('lang', lang);
    return `/api/action-plan.pdf?${params.toString()}`;
  }

  /** A case with its analysis, proposed and agreed actions, and the events the user may send. */
  caseById(id: string): Observable<CaseDto> {
    return this.http.get<CaseDto>(`/api/cases/${encodeURIComponent(id)}`);
  }

  /** The cases of the areas in the given states (for adding a decision item to the agenda). */
  casesIn(areaIds: string[], states: CaseState[]): Observable<CaseSummaryDto[]> {
    const calls = areaIds.flatMap((areaId) =>
      states.map((state) => this.http.get<CaseSummaryDto[]>('/api/cases', { params: new HttpParams().set('areaId', areaId).set('state', state) })),
    );
    return calls.length ? forkJoin(calls).pipe(map((lists) => lists.flat())) : of([]);
  }

  /** Agreed actions by id (the overdue actions of a follow-up item). */
  actions(ids: string[]): Observable<ActionDto[]> {
    return ids.length ? forkJoin(ids.map((id) => this.http.get<ActionDto>(`/api/actions/${encodeURIComponent(id)}`))) : of([]);
  }
}
