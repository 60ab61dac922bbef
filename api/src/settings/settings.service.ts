import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DECISION_RULES, DEFAULT_WORKFLOW_SETTINGS, MINUTES_APPROVALS, type WorkflowSettings } from '@samverka/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { settingsRepository } from './settings.repository';

const PREFIX = 'workflow.';

/** Reads one stored value back into its setting; a value that no longer fits (e.g. a removed rule) falls back to the default. */
function parse(key: keyof WorkflowSettings, value: string): WorkflowSettings[typeof key] | undefined {
  switch (key) {
    case 'decisionRule':
      return (DECISION_RULES as readonly string[]).includes(value) ? (value as WorkflowSettings['decisionRule']) : undefined;
    case 'minutesApproval':
      return (MINUTES_APPROVALS as readonly string[]).includes(value) ? (value as WorkflowSettings['minutesApproval']) : undefined;
    case 'evaluationMinDays':
    case 'meetingStartHoursBefore':
      return /^\d{1,4}$/.test(value) ? Number(value) : undefined;
  }
}

/**
 * The installation's workflow settings: who agrees actions, the minimum time before evaluation, who approves minutes
 * and how early a meeting starts. Stored once in `installation_settings` (keys `workflow.*`), the defaults until an
 * administrator changes them (audited); the workflows get them as input with every event.
 */
@Injectable()
export class WorkflowSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The settings in force (inside a transaction: as it sees them). */
  async current(m: Pick<EntityManager, 'query'> = this.db.manager): Promise<WorkflowSettings> {
    const s: WorkflowSettings = { ...DEFAULT_WORKFLOW_SETTINGS };
    for (const row of await settingsRepository.withPrefix(m, PREFIX)) {
      const key = row.key.slice(PREFIX.length) as keyof WorkflowSettings;
      if (!(key in s)) continue;
      const value = parse(key, row.value);
      if (value !== undefined) (s as unknown as Record<string, unknown>)[key] = value;
    }
    return s;
  }

  /** Changes some settings (administrators; the body is validated by its DTO), in one transaction with the audit entry. */
  async change(user: AuthUser, changes: Partial<WorkflowSettings>): Promise<WorkflowSettings> {
    return this.db.transaction(async (m) => {
      await settingsRepository.lock(m);
      const before = await this.current(m);
      const after = { ...before };
      for (const [key, value] of Object.entries(changes) as [keyof WorkflowSettings, WorkflowSettings[keyof WorkflowSettings]][]) {
        if (value === undefined) continue;
        await settingsRepository.upsert(m, PREFIX + key, String(value));
        (after as unknown as Record<string, unknown>)[key] = value;
      }
      await this.audit.record(m, user, { action: 'settings.workflow_changed', entityType: 'system', entityId: 'workflow-settings', before, after });
      return after;
    });
  }
}
