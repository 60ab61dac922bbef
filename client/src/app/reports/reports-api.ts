import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AreaLevelDto,
  AreaSummaryDto,
  ClientConfigDto,
  CreateReportRequest,
  ImportDto,
  ImportRequest,
  RedactReportRequest,
  ReportDto,
  ReportFilters as ContractReportFilters,
  ReportPageDto,
  SetAreaLevelRequest,
  SituationPictureDto,
  PictureSource,
  TimeOfDay,
} from '@samverka/contracts';
import { Observable, shareReplay } from 'rxjs';

/** Filters of `GET /api/reports` and of the CSV export, as a form holds them: no time of day is '' (left out). */
export type ReportFilters = Omit<ContractReportFilters, 'timeOfDay' | 'review'> & { timeOfDay?: TimeOfDay | '' };

/** What `POST /api/reports/import` takes besides the file (a contract type). */
export type ImportOptions = ImportRequest & Required<Pick<ImportRequest, 'mode'>>;

/** The query string of a filter set, without empty values. */
export function filterParams(filters: ReportFilters, extra: Record<string, string | number> = {}): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** The situation-report endpoints: filing, listing, export, the weekly picture, area levels and CSV import. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);
  private config$?: Observable<ClientConfigDto>;

  /** Files a report (201 with the stored report; 422 `REPORT.PERSONAL_DATA` until confirmed). */
  create(body: CreateReportRequest): Observable<ReportDto> {
    return this.http.post<ReportDto>('/api/reports', body);
  }

  /** The filtered reports, newest first, one page. */
  list(filters: ReportFilters, page = 1, pageSize = 20): Observable<ReportPageDto> {
    return this.http.get<ReportPageDto>('/api/reports', { params: filterParams(filters, { page, pageSize }) });
  }

  /** Reports awaiting a coordinator's review whose text the caller sees, one page. */
  pendingReview(page = 1, pageSize = 50): Observable<ReportPageDto> {
    return this.http.get<ReportPageDto>('/api/reports', { params: filterParams({}, { review: 'pending', page, pageSize }) });
  }

  /** Removes (gallrar) the whole free text or a part of it, with a reason; answers the report as it is now. */
  redact(id: string, body: RedactReportRequest): Observable<ReportDto> {
    return this.http.post<ReportDto>(`/api/reports/${encodeURIComponent(id)}/redactions`, body);
  }

  /** A coordinator confirms a text awaiting review. */
  confirmReview(id: string): Observable<ReportDto> {
    return this.http.post<ReportDto>(`/api/reports/${encodeURIComponent(id)}/review`, { decision: 'confirm' });
  }

  /** The address of the CSV download of the filtered reports (same origin, the session cookie goes along). */
  exportUrl(filters: ReportFilters): string {
    const query = filterParams(filters).toString();
    return `/api/reports/export.csv${query ? `?${query}` : ''}`;
  }

  /** The weekly situational picture of an area (the current week when `week` is not given). */
  picture(areaId: string, week?: string | null, sources?: readonly PictureSource[] | null): Observable<SituationPictureDto> {
    let params = new HttpParams().set('areaId', areaId);
    if (week) params = params.set('week', week);
    if (sources?.length) params = params.set('sources', sources.join(','));
    return this.http.get<SituationPictureDto>('/api/situation-picture', { params });
  }

  /** The area's weekly levels, newest first. */
  levels(areaId: string): Observable<AreaLevelDto[]> {
    return this.http.get<AreaLevelDto[]>(`/api/areas/${encodeURIComponent(areaId)}/levels`);
  }

  /** Sets the area's level for a week (coordinators and analysts). */
  setLevel(areaId: string, week: string, body: SetAreaLevelRequest): Observable<AreaLevelDto> {
    return this.http.put<AreaLevelDto>(`/api/areas/${encodeURIComponent(areaId)}/levels/${encodeURIComponent(week)}`, body);
  }

  /** Uploads a CSV file; the events carry the upload progress, the response is the import to poll. */
  startImport(file: File, options: ImportOptions): Observable<HttpEvent<ImportDto>> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (options.areaId) form.append('areaId', options.areaId);
    form.append('mode', options.mode);
    if (options.sourceOrganizationId) form.append('sourceOrganizationId', options.sourceOrganizationId);
    return this.http.post<ImportDto>('/api/reports/import', form, { reportProgress: true, observe: 'events' });
  }

  /** The areas of the user's partnerships with their partner organisations (whose exports a coordinator may import). */
  partnerAreas(): Observable<AreaSummaryDto[]> {
    return this.http.get<AreaSummaryDto[]>('/api/areas');
  }

  /** Progress and outcome of an import. */
  getImport(id: string): Observable<ImportDto> {
    return this.http.get<ImportDto>(`/api/imports/${encodeURIComponent(id)}`);
  }

  /** The client settings (map tiles), fetched once. */
  config(): Observable<ClientConfigDto> {
    this.config$ ??= this.http.get<ClientConfigDto>('/api/config').pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.config$;
  }
}
