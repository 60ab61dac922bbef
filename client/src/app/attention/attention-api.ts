import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AttentionDto, MyReportDto, ReportDto } from '@samverka/contracts';
import { Observable } from 'rxjs';

/** The start page's and the reporter's feedback endpoints. */
@Injectable({ providedIn: 'root' })
export class AttentionApi {
  private readonly http = inject(HttpClient);

  /** What needs the signed-in person now. */
  attention(): Observable<AttentionDto> {
    return this.http.get<AttentionDto>('/api/attention');
  }

  /** The caller's own reports, each with the cases it became part of. */
  myReports(): Observable<MyReportDto[]> {
    return this.http.get<MyReportDto[]>('/api/reports/mine');
  }

  /** One report, with the cases it is part of that the caller may see. */
  report(id: string): Observable<ReportDto> {
    return this.http.get<ReportDto>(`/api/reports/${id}`);
  }
}
