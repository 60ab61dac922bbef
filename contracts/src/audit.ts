/** The audit trail. */

export interface AuditVerifyDto {
  valid: boolean;
  entries: number;
  firstBrokenAt?: string;
}

export interface AuditEntryDto {
  id: string;
  at: string;
  /** Null for the system, or when withheld (`actorWithheld`). */
  actor: { id: string; name: string } | null;
  /** True when the actor is withheld: an entry of another organisation's restricted report (its reporter too is restricted). */
  actorWithheld?: boolean;
  actorOrganizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
