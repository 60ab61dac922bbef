import type { CaseState } from '@samverka/contracts';
import { CASE_STATES_AWAITING_DECISION, CASE_STATES_IN_FOLLOW_UP } from '@samverka/workflows';
import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { overdueActionSql, takesPartSql } from '../database/sql-fragments';

/** The PostgreSQL channel on which meeting changes are announced to every API process. */
export const MEETINGS_CHANNEL = 'samverka_meetings';

/** A case the agenda brings up. */
export interface AgendaCaseRow {
  id: string;
  title: string;
  area_id: string;
  state: CaseState;
}

/** An overdue action the agenda follows up, with its case's area. */
export interface OverdueActionRow {
  id: string;
  area_id: string;
}

/** The raw SQL of meetings (meeting rows themselves are read and saved with TypeORM's repository in meetings.service.ts). */
export const meetingsRepository = {
  /** Locks the meeting's row for the transaction of `m`. */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE', [id]);
  },
  /** The cases of the areas a meeting decides on (the states the case machine takes AGREE in), proposed before escalated, oldest first. */
  casesAwaitingDecision(m: EntityManager, areaIds: string[]): Promise<AgendaCaseRow[]> {
    return m.query('SELECT id, title, area_id, state FROM cases WHERE area_id = ANY($1) AND state = ANY($2) ORDER BY state DESC, created_at', [
      areaIds,
      CASE_STATES_AWAITING_DECISION,
    ]);
  },
  /** The cases of the areas whose effect is to be evaluated (the states the case machine takes EVALUATE in), least recently changed first. */
  casesInFollowUp(m: EntityManager, areaIds: string[]): Promise<AgendaCaseRow[]> {
    return m.query('SELECT id, title, area_id, state FROM cases WHERE area_id = ANY($1) AND state = ANY($2) ORDER BY updated_at', [
      areaIds,
      CASE_STATES_IN_FOLLOW_UP,
    ]);
  },
  /** The overdue actions of the areas' cases, by due date. */
  overdueActions(m: EntityManager, areaIds: string[]): Promise<OverdueActionRow[]> {
    return m.query(
      `SELECT x.id, c.area_id FROM case_actions x JOIN cases c ON c.id = x.case_id
       WHERE c.area_id = ANY($1) AND ${overdueActionSql('x')} ORDER BY x.due_date`,
      [areaIds],
    );
  },
  /** Those of `areaIds` in whose partnership `organizationId` takes part. */
  async partnershipAreas(m: EntityManager, areaIds: string[], organizationId: string): Promise<string[]> {
    const rows: { area_id: string }[] = await m.query(`SELECT a.id AS area_id FROM areas a WHERE a.id = ANY($1) AND ${takesPartSql('a.id', '$2')}`, [
      areaIds,
      organizationId,
    ]);
    return rows.map((r) => r.area_id);
  },
  /** The organisations that take part in the partnership of every one of `areaIds` (`areaIds` without duplicates). */
  async partnersOfAll(m: EntityManager, areaIds: string[]): Promise<string[]> {
    const rows: { organization_id: string }[] = await m.query(
      'SELECT organization_id FROM area_partners WHERE area_id = ANY($1) GROUP BY organization_id HAVING count(DISTINCT area_id) = $2',
      [areaIds, areaIds.length],
    );
    return rows.map((r) => r.organization_id);
  },
  /** Announces a change to every listening API process; delivered when the transaction of `m` commits. */
  async notify(m: EntityManager, payload: string): Promise<void> {
    await m.query('SELECT pg_notify($1, $2)', [MEETINGS_CHANNEL, payload]);
  },
  /** Subscribes a dedicated connection (not the pool's: it stays open) to the announcements. */
  async listen(client: Client): Promise<void> {
    await client.query(`LISTEN ${MEETINGS_CHANNEL}`);
  },
};
