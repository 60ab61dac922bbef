import type { StoredSnapshot } from '@samverka/workflows';
import type { EntityManager } from 'typeorm';
import { openActionSql, SWEDISH_TODAY_SQL, takesPartSql } from '../database/sql-fragments';

/** The raw SQL of the start page "Att göra": each query scoped to the caller's partnerships; no report text leaves. */

export interface AttentionActionRow {
  id: string;
  case_id: string;
  what: string;
  due_date: string;
  overdue: boolean;
}

export interface AttentionRecordRow {
  id: string;
  title: string;
  state: string;
  at: Date | null;
  snapshot: StoredSnapshot;
}

export interface AttentionAreaRow {
  id: string;
  name: string;
}

export interface ReviewCountRow {
  count: number;
}

export interface FailedImportRow {
  id: string;
  filename: string;
  finished_at: Date | null;
}

/** How far ahead a due action counts as soon due (days, Swedish dates). */
export const SOON_DAYS = 7;
/** How long a failed import stays on the start page (days). */
export const FAILED_IMPORT_DAYS = 14;

/**
 * Open actions of user $1 that are overdue or due within $2 days (Swedish dates), in cases of the areas of
 * organisation $3's partnerships, earliest due first.
 */
export const MY_DUE_ACTIONS_SQL = `
  SELECT ca.id, ca.case_id, ca.what, ca.due_date::text AS due_date, ca.due_date < ${SWEDISH_TODAY_SQL} AS overdue
  FROM case_actions ca JOIN cases c ON c.id = ca.case_id
  WHERE ca.owner_id = $1 AND ${openActionSql('ca')} AND ca.due_date <= ${SWEDISH_TODAY_SQL} + $2::int
    AND ${takesPartSql('c.area_id', '$3')}
  ORDER BY ca.due_date, ca.number, ca.id`;

/** Cases in states that wait for someone (analysis, proposal, decision, evaluation) in organisation $1's partnerships, oldest change first; the workflow decides which wait for the caller. */
export const WAITING_CASES_SQL = `
  SELECT c.id, c.title, c.state, c.updated_at AS at, c.snapshot
  FROM cases c
  WHERE c.state IN ('reported', 'analysis', 'proposed', 'escalated', 'follow_up') AND ${takesPartSql('c.area_id', '$1')}
  ORDER BY c.updated_at, c.id`;

/** Minutes in draft of meetings organisation $1 takes part in, oldest meeting first; the workflow decides whose approval they wait for. */
export const DRAFT_MINUTES_SQL = `
  SELECT m.id, m.title, m.state, m.starts_at AS at, m.snapshot
  FROM meetings m
  WHERE m.state = 'minutes_draft' AND $1::uuid = ANY(m.organization_ids)
  ORDER BY m.starts_at, m.id`;

/** The next planned or running meeting that user $1 is a participant of, or whose organisations include $2. */
export const NEXT_MEETING_SQL = `
  SELECT m.id, m.title, m.state, m.starts_at AS at, m.snapshot
  FROM meetings m
  WHERE m.state IN ('planned', 'in_session') AND m.starts_at >= date_trunc('day', now()) AND ($2::uuid = ANY(m.organization_ids) OR m.participants @> jsonb_build_array(jsonb_build_object('userId', $1::text)))
  ORDER BY m.starts_at, m.id
  LIMIT 1`;

/** Areas of organisation $1's partnerships with no level for week $2, by name. */
export const AREAS_WITHOUT_LEVEL_SQL = `
  SELECT a.id, a.name
  FROM areas a
  WHERE ${takesPartSql('a.id', '$1')} AND NOT EXISTS (SELECT 1 FROM area_levels l WHERE l.area_id = a.id AND l.week = $2)
  ORDER BY a.name, a.id`;

/** How many reports of organisation $1's partnerships await a coordinator's personal-data review. */
export const PENDING_REVIEW_SQL = `
  SELECT count(*)::int AS count FROM reports r WHERE r.review = 'pending' AND ${takesPartSql('r.area_id', '$1')}`;

/** Organisation $1's imports that failed within the last $2 days, newest first. */
export const FAILED_IMPORTS_SQL = `
  SELECT i.id, i.filename, i.finished_at FROM imports i
  WHERE i.organization_id = $1 AND i.status = 'failed' AND i.started_at >= now() - make_interval(days => $2::int)
  ORDER BY i.started_at DESC, i.id`;

export const attentionRepository = {
  dueActions: (m: EntityManager, userId: string, organizationId: string): Promise<AttentionActionRow[]> =>
    m.query(MY_DUE_ACTIONS_SQL, [userId, SOON_DAYS, organizationId]),
  waitingCases: (m: EntityManager, organizationId: string): Promise<AttentionRecordRow[]> => m.query(WAITING_CASES_SQL, [organizationId]),
  draftMinutes: (m: EntityManager, organizationId: string): Promise<AttentionRecordRow[]> => m.query(DRAFT_MINUTES_SQL, [organizationId]),
  nextMeeting: async (m: EntityManager, userId: string, organizationId: string): Promise<AttentionRecordRow | null> => {
    const rows: AttentionRecordRow[] = await m.query(NEXT_MEETING_SQL, [userId, organizationId]);
    return rows[0] ?? null;
  },
  areasWithoutLevel: (m: EntityManager, organizationId: string, week: string): Promise<AttentionAreaRow[]> =>
    m.query(AREAS_WITHOUT_LEVEL_SQL, [organizationId, week]),
  pendingReviews: async (m: EntityManager, organizationId: string): Promise<number> => {
    const [row]: ReviewCountRow[] = await m.query(PENDING_REVIEW_SQL, [organizationId]);
    return row.count;
  },
  failedImports: (m: EntityManager, organizationId: string): Promise<FailedImportRow[]> => m.query(FAILED_IMPORTS_SQL, [organizationId, FAILED_IMPORT_DAYS]),
};
