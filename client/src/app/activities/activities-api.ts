import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ActivityDto, ActivityGapsDto, ActivityRequest, AreaDetailDto, CaseSummaryDto, UpdateActivityRequest } from '@samverka/contracts';
import { Observable } from 'rxjs';

/** The register "Vem gör vad" of an area (`/api/areas/{id}/activities`) and its gap overlay. */
@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);

  area(areaId: string): Observable<AreaDetailDto> {
    return this.http.get<AreaDetailDto>(`/api/areas/${encodeURIComponent(areaId)}`);
  }
  list(areaId: string): Observable<ActivityDto[]> {
    return this.http.get<ActivityDto[]>(`/api/areas/${encodeURIComponent(areaId)}/activities`);
  }
  create(areaId: string, body: ActivityRequest): Observable<ActivityDto> {
    return this.http.post<ActivityDto>(`/api/areas/${encodeURIComponent(areaId)}/activities`, body);
  }
  update(areaId: string, id: string, body: UpdateActivityRequest): Observable<ActivityDto> {
    return this.http.patch<ActivityDto>(`/api/areas/${encodeURIComponent(areaId)}/activities/${encodeURIComponent(id)}`, body);
  }
  remove(areaId: string, id: string): Observable<void> {
    // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the document answers 204 without a body, as the API check reads it
    return this.http.delete<void>(`/api/areas/${encodeURIComponent(areaId)}/activities/${encodeURIComponent(id)}`);
  }
  gaps(areaId: string, weeks: number): Observable<ActivityGapsDto> {
    return this.http.get<ActivityGapsDto>(`/api/areas/${encodeURIComponent(areaId)}/activity-gaps`, { params: new HttpParams().set('weeks', weeks) });
  }
  /** The area's cases, to link an activity to what it serves. */
  cases(areaId: string): Observable<CaseSummaryDto[]> {
    return this.http.get<CaseSummaryDto[]>('/api/cases', { params: new HttpParams().set('areaId', areaId) });
  }
}
