import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseSummaryDto,
  ChecklistAnswersRequest,
  ChecklistTemplateDto,
  ChecklistTemplateRequest,
  UpdateChecklistTemplateRequest,
  CreateFindingRequest,
  CreateWalkRequest,
  FindingDto,
  PersonDto,
  PhotoDto,
  SettleFindingRequest,
  UpdateWalkRequest,
  WalkDto,
  WalkEventRequest,
  WalkState,
  WalkSummaryDto,
} from '@samverka/contracts';
import { Observable } from 'rxjs';

/** The safety-walk endpoints of the API (`/api/walks`, `/api/walk-checklists`), as listed in contracts/src/walks.ts. */
@Injectable({ providedIn: 'root' })
export class WalksApi {
  private readonly http = inject(HttpClient);

  private url(id: string, rest = ''): string {
    return `/api/walks/${encodeURIComponent(id)}${rest}`;
  }

  /** The walks of the user's areas (of one area, in one state, when given). */
  list(filter: { areaId?: string; state?: WalkState } = {}): Observable<WalkSummaryDto[]> {
    let params = new HttpParams();
    if (filter.areaId) params = params.set('areaId', filter.areaId);
    if (filter.state) params = params.set('state', filter.state);
    return this.http.get<WalkSummaryDto[]>('/api/walks', { params });
  }

  get(id: string): Observable<WalkDto> {
    return this.http.get<WalkDto>(this.url(id));
  }

  /** Plans a walk (coordinators and analysts of the area). */
  create(body: CreateWalkRequest): Observable<WalkDto> {
    return this.http.post<WalkDto>('/api/walks', body);
  }

  /** Changes a planned walk. */
  update(id: string, body: UpdateWalkRequest): Observable<WalkDto> {
    return this.http.patch<WalkDto>(this.url(id), body);
  }

  /** Sends a workflow event (START, FINISH, COMPLETE_SETTLEMENT, FOLLOW_UP, CLOSE, CANCEL). */
  send(id: string, event: WalkEventRequest): Observable<WalkDto> {
    return this.http.post<WalkDto>(this.url(id, '/events'), event);
  }

  /** Replaces the checklist answers of one stop. */
  answers(id: string, body: ChecklistAnswersRequest): Observable<WalkDto> {
    return this.http.put<WalkDto>(this.url(id, '/checklist-answers'), body);
  }

  /** Creates a finding with the Idempotency-Key made when it was recorded (the outbox sends it). */
  createFinding(walkId: string, body: CreateFindingRequest, key: string): Observable<FindingDto> {
    return this.http.post<FindingDto>(this.url(walkId, '/findings'), body, { headers: { 'Idempotency-Key': key } });
  }

  /** Adds a photo to a finding; the recorder has confirmed that it shows no recognisable faces or licence plates. */
  uploadPhoto(walkId: string, findingId: string, photo: Blob, name: string, key: string): Observable<PhotoDto> {
    const form = new FormData();
    form.append('photo', photo, name);
    form.append('confirmNoFaces', 'true');
    return this.http.post<PhotoDto>(this.url(walkId, `/findings/${encodeURIComponent(findingId)}/photos`), form, { headers: { 'Idempotency-Key': key } });
  }

  /** Removes one's own finding while the walk is in progress. */
  deleteFinding(walkId: string, findingId: string): Observable<void> {
    // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the document answers 204 without a body, as the API check reads it
    return this.http.delete<void>(this.url(walkId, `/findings/${encodeURIComponent(findingId)}`));
  }

  /** Settles a finding: an action, an existing case, or noted without action. */
  settle(walkId: string, findingId: string, body: SettleFindingRequest): Observable<FindingDto> {
    return this.http.put<FindingDto>(this.url(walkId, `/findings/${encodeURIComponent(findingId)}/settlement`), body);
  }

  /** The checklist templates (active first). */
  checklists(): Observable<ChecklistTemplateDto[]> {
    return this.http.get<ChecklistTemplateDto[]>('/api/walk-checklists');
  }

  /** Creates a checklist template (admins). */
  createChecklist(body: ChecklistTemplateRequest): Observable<ChecklistTemplateDto> {
    return this.http.post<ChecklistTemplateDto>('/api/walk-checklists', body);
  }

  /** Changes a checklist template's names, items or whether it can be chosen (admins). */
  updateChecklist(id: string, body: UpdateChecklistTemplateRequest): Observable<ChecklistTemplateDto> {
    return this.http.patch<ChecklistTemplateDto>(`/api/walk-checklists/${encodeURIComponent(id)}`, body);
  }

  /** The open cases of an area (to join a finding to). */
  cases(areaId: string): Observable<CaseSummaryDto[]> {
    return this.http.get<CaseSummaryDto[]>('/api/cases', { params: new HttpParams().set('areaId', areaId) });
  }

  /** The active people of an organisation (only one's own; others answer 403): whom an action can be given to. */
  members(organizationId: string): Observable<PersonDto[]> {
    return this.http.get<PersonDto[]>(`/api/organizations/${encodeURIComponent(organizationId)}/users`);
  }

  /** The invitation, as a PDF. */
  invitationPdfUrl(id: string, lang: 'sv' | 'en'): string {
    return this.url(id, `/invitation.pdf?lang=${lang}`);
  }

  /** The walk report (route, findings, answers), as a PDF. */
  reportPdfUrl(id: string, lang: 'sv' | 'en'): string {
    return this.url(id, `/report.pdf?lang=${lang}`);
  }
}
