import type { DataSource, EntityManager } from 'typeorm';
import { AREA_PARTNER_IDS_SQL } from '../database/sql-fragments';

type Db = DataSource | EntityManager;

/** One entry of a case's timeline, with the names of the actor and the actor's organisation. */
export interface CaseHistoryRow {
  id: string;
  action_id: string | null;
  event_type: string;
  payload: Record<string, unknown> | null;
  from_state: string | null;
  to_state: string;
  version: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  org_name: string | null;
}

/** The raw SQL of cases (the board list is built with TypeORM's query builder in cases.service.ts). */
export const casesRepository = {
  /** The partner organisations of an area: a new case's machine keeps them, so its decisions stay in the partnership. */
  async partnerIds(m: EntityManager, areaId: string): Promise<string[]> {
    const rows: { organization_id: string }[] = await m.query(AREA_PARTNER_IDS_SQL, [areaId]);
    return rows.map((r) => r.organization_id);
  },
  /**
   * Locks the case's row for the transaction of `m`. Everything that moves a case (its events, its actions' events,
   * meeting decisions) takes this lock first, so they wait for each other in the same order.
   */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
  },
  /** The case's timeline, oldest first. */
  history(db: Db, caseId: string): Promise<CaseHistoryRow[]> {
    return db.query(
      `SELECT h.id, h.action_id, h.event_type, h.payload, h.from_state, h.to_state, h.version, h.at, h.actor_id, u.name AS actor_name, o.name AS org_name
       FROM case_history h LEFT JOIN users u ON u.id = h.actor_id LEFT JOIN organizations o ON o.id = h.actor_organization_id
       WHERE h.case_id = $1 ORDER BY h.id`,
      [caseId],
    );
  },
};
