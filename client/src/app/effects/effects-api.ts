import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseEffectsDto, EffectRegisterEntryDto, EffectRegisterFilters } from '@samverka/contracts';
import { Observable } from 'rxjs';

function params(filters: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== null && value !== '') result = result.set(key, String(value));
  return result;
}

/** The effect endpoints (issue #16): a case's live before/after figures and the effect register with its CSV. */
@Injectable({ providedIn: 'root' })
export class EffectsApi {
  private readonly http = inject(HttpClient);

  /** The case's figures computed now over `weeks` weeks (the evaluation dialog's preview). */
  caseEffects(caseId: string, weeks: number): Observable<CaseEffectsDto> {
    return this.http.get<CaseEffectsDto>(`/api/cases/${encodeURIComponent(caseId)}/effects`, { params: params({ weeks }) });
  }

  /** Every evaluated case of the user's partnerships, newest evaluation first. */
  register(filters: EffectRegisterFilters): Observable<EffectRegisterEntryDto[]> {
    return this.http.get<EffectRegisterEntryDto[]>('/api/effects', { params: params(filters) });
  }

  /** The link to the filtered register as CSV. */
  csvUrl(filters: EffectRegisterFilters): string {
    const query = params(filters).toString();
    return `/api/effects/export.csv${query ? `?${query}` : ''}`;
  }
}
