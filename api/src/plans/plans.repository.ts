import type { ActionState, CaseState } from '@samverka/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { openActionSql, swedishMidnightSql } from '../database/sql-fragments';

type Db = DataSource | EntityManager;

/** One action of a plan, with its case (numbered by when the case was opened), organisation and owner. */
export interface PlanActionRow {
  case_id: string;
  case_title: string;
  case_state: CaseState;
  case_number: number;
  number: number;
  cause: string;
  what: string;
  goal: string;
  start_date: string | null;
  due_date: string;
  org: string;
  owner: string | null;
  state: ActionState;
  kind: 'one_off' | 'ordinary';
  term: 'short' | 'long';
  /** Brå's follow-up column. */
  follow_up: string | null;
  follow_up_date: string | null;
  snapshot: { context: { report?: string | null; blockedReason?: string | null; cancelReason?: string | null } };
}

/** The plan's actions matching `where` (on x = case_actions, c = cases), by case and number. */
const planActions = (where: string) =>
  `SELECT c.id AS case_id, c.title AS case_title, c.state AS case_state,
          dense_rank() OVER (ORDER BY c.created_at, c.id)::int AS case_number,
          x.number, x.cause, x.what, x.goal, x.start_date::text, x.due_date::text, o.name AS org, u.name AS owner, x.state, x.kind, x.term, x.follow_up, x.follow_up_date::text, x.snapshot
   FROM case_actions x JOIN cases c ON c.id = x.case_id JOIN organizations o ON o.id = x.organization_id LEFT JOIN users u ON u.id = x.owner_id
   WHERE ${where}
   ORDER BY c.created_at, c.id, x.number`;

/** The raw SQL of the joint action plan and the minutes (the names they show come from directory.repository.ts). */
export const plansRepository = {
  /**
   * An area's current plan for the period `from`–`to` (Swedish dates): every action of its cases that existed by the
   * end of `to` and was open at some time in the period (still open, or changed on or after `from`).
   */
  areaPlanActions(db: Db, areaId: string, from: string, to: string): Promise<PlanActionRow[]> {
    return db.query(
      planActions(`c.area_id = $1 AND x.created_at < ${swedishMidnightSql('$3::date + 1')}
       AND (${openActionSql('x')} OR x.updated_at >= ${swedishMidnightSql('$2::date')})`),
      [areaId, from, to],
    );
  },
  /** The actions of the cases a meeting agreed on. */
  casesPlanActions(db: Db, caseIds: string[]): Promise<PlanActionRow[]> {
    return db.query(planActions('c.id = ANY($1)'), [caseIds]);
  },
  /** The titles of cases (the minutes name the case of each item). */
  caseTitles(db: Db, caseIds: string[]): Promise<{ id: string; title: string }[]> {
    return db.query('SELECT id, title FROM cases WHERE id = ANY($1)', [caseIds]);
  },
  /** The names of the users who approved minutes (the justering). */
  userNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
    return db.query('SELECT id, name FROM users WHERE id = ANY($1)', [ids]);
  },
};
