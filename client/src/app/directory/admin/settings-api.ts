import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { WorkflowSettings, WorkflowSettingsDto } from '@samverka/contracts';
import { Observable } from 'rxjs';

/** The installation's workflow settings (`/api/settings/workflow`). */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  /** The settings in force. */
  workflow(): Observable<WorkflowSettingsDto> {
    return this.http.get<WorkflowSettingsDto>('/api/settings/workflow');
  }
  /** Changes some settings (admin); answers with all of them. */
  updateWorkflow(changes: Partial<WorkflowSettings>): Observable<WorkflowSettingsDto> {
    return this.http.put<WorkflowSettingsDto>('/api/settings/workflow', changes);
  }
}
