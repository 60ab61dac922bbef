import type { EntityManager } from 'typeorm';
import { casesRepository } from '../cases/cases.repository';
import { openActionSql } from '../database/sql-fragments';

/** The raw SQL of agreed actions (lists and single actions are read with TypeORM's query builder in actions.service.ts). */
export const actionsRepository = {
  /** How many actions the case has (new actions are numbered on from it). */
  async countOf(m: EntityManager, caseId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM case_actions WHERE case_id = $1', [caseId]);
    return row.n;
  },
  /** How many of the case's actions are open (not in a final state of the action machine). */
  async openCountOf(m: EntityManager, caseId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM case_actions x WHERE x.case_id = $1 AND ${openActionSql('x')}`, [caseId]);
    return row.n;
  },
  /**
   * Locks the action and its case for the transaction of `m`, in the order case events take them (case before
   * action). False when the action does not exist.
   */
  async lockWithCase(m: EntityManager, id: string): Promise<boolean> {
    const [row]: { case_id: string }[] = await m.query('SELECT case_id FROM case_actions WHERE id = $1', [id]);
    if (!row) return false;
    await casesRepository.lock(m, row.case_id);
    await m.query('SELECT 1 FROM case_actions WHERE id = $1 FOR UPDATE', [id]);
    return true;
  },
};
