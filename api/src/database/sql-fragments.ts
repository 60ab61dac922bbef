/**
 * The SQL fragments that state one rule each, used by every query that applies the rule: which areas an organisation
 * takes part in (partnership scope), which actions are open or overdue, and Swedish dates. Fragments are constant
 * text or built from column and parameter names the caller writes; values always travel as parameters.
 */
import { ACTION_STATES } from '@samverka/contracts';
import { CLOSED_ACTION_STATES } from '@samverka/workflows';
import { TIME_ZONE } from '../common/swedish-time';

/**
 * The condition "organisation `organization` takes part in the partnership of area `area`": both are SQL expressions
 * (columns or parameter placeholders such as `$2` or `:viewerOrg`).
 */
export const takesPartSql = (area: string, organization: string): string =>
  `EXISTS (SELECT 1 FROM area_partners ap WHERE ap.area_id = ${area} AND ap.organization_id = ${organization})`;

/**
 * The partnership scope for a query builder: the condition that the area in column `area` is one of `organizationId`'s
 * partnerships, with its named parameter (default `viewerOrg`).
 */
export function partnerScope(area: string, organizationId: string, param = 'viewerOrg'): [string, Record<string, string>] {
  return [takesPartSql(area, `:${param}`), { [param]: organizationId }];
}

/** The partner organisations of area `$1`: `organization_id` per row. */
export const AREA_PARTNER_IDS_SQL = 'SELECT organization_id FROM area_partners WHERE area_id = $1';

/** The action states that are not final in the action machine: an action in one of them is open. */
export const OPEN_ACTION_STATES = ACTION_STATES.filter((s) => !CLOSED_ACTION_STATES.includes(s));

/** The condition "action `alias` is open" (its state is not final). */
export const openActionSql = (alias: string): string => `${alias}.state IN (${OPEN_ACTION_STATES.map((s) => `'${s}'`).join(', ')})`;

/** Today's date in Sweden, as an SQL `date`. */
export const SWEDISH_TODAY_SQL = `(now() AT TIME ZONE '${TIME_ZONE}')::date`;

/** The condition "action `alias` is open and its due date has passed in Sweden". */
export const overdueActionSql = (alias: string): string => `${openActionSql(alias)} AND ${alias}.due_date < ${SWEDISH_TODAY_SQL}`;

/** The moment Swedish local midnight begins on the SQL `date` expression `day` (e.g. `$2::date + 7`). */
export const swedishMidnightSql = (day: string): string => `(${day})::timestamp AT TIME ZONE '${TIME_ZONE}'`;

/** The SQL expression for timestamp `column` as Swedish local time (a `timestamp` without zone). */
export const inSwedishTimeSql = (column: string): string => `${column} AT TIME ZONE '${TIME_ZONE}'`;
