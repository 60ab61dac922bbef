import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** An audit entry as the trail's reader lists it, with the actor's name. */
export interface AuditEntryRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actor_name: string | null;
}
export interface ReportVisibilityRow {
  restricted: boolean;
  review: 'pending' | 'confirmed' | null;
  organization_id: string;
}

/** The entity types whose area decides who reads their entries, and how their area is found (by `$1`, a uuid). */
export const AREA_OF_SQL = {
  case: 'SELECT area_id FROM cases WHERE id = $1',
  action: 'SELECT c.area_id FROM case_actions x JOIN cases c ON c.id = x.case_id WHERE x.id = $1',
  report: 'SELECT area_id FROM reports WHERE id = $1',
} as const;

/** The audit trail's raw SQL: the lock that keeps the chain linear, and the reading queries (entries are written by AuditService.record only). */
export const auditRepository = {
  /** One writer at a time extends the chain: a transaction-scoped advisory lock, released when the transaction of `m` ends. */
  async lockChain(m: EntityManager, lock: number): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [lock]);
  },
  async areaOf(db: Db, entityType: keyof typeof AREA_OF_SQL, entityId: string): Promise<string | null> {
    const [row]: { area_id: string }[] = await db.query(AREA_OF_SQL[entityType], [entityId]);
    return row?.area_id ?? null;
  },
  async reportVisibility(db: Db, reportId: string): Promise<ReportVisibilityRow | undefined> {
    const [row]: ReportVisibilityRow[] = await db.query('SELECT restricted, review, organization_id FROM reports WHERE id = $1', [reportId]);
    return row;
  },
  async meetingOrganizations(db: Db, meetingId: string): Promise<string[] | undefined> {
    const [row]: { organization_ids: string[] }[] = await db.query('SELECT organization_ids FROM meetings WHERE id::text = $1', [meetingId]);
    return row?.organization_ids;
  },
  async importOrganization(db: Db, importId: string): Promise<string | undefined> {
    const [row]: { organization_id: string }[] = await db.query('SELECT organization_id FROM imports WHERE id::text = $1', [importId]);
    return row?.organization_id;
  },
  entriesOf(db: Db, entityType: string, entityId: string): Promise<AuditEntryRow[]> {
    return db.query(
      `SELECT e.id, e.at, e.actor_id, e.actor_organization_id, e.action, e.entity_type, e.entity_id, e.before, e.after, u.name AS actor_name
       FROM audit_entries e LEFT JOIN users u ON u.id = e.actor_id WHERE e.entity_type = $1 AND e.entity_id = $2 ORDER BY e.id`,
      [entityType, entityId],
    );
  },
};
