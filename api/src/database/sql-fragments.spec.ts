import { ACTION_STATES } from '@samverka/contracts';
import { actionMachine } from '@samverka/workflows';
import { OPEN_ACTION_STATES, openActionSql, overdueActionSql, partnerScope, swedishMidnightSql, takesPartSql } from './sql-fragments';

describe('SQL fragments', () => {
  it('counts an action as open exactly in the action machine’s states that are not final', () => {
    const final = ACTION_STATES.filter((s) => actionMachine.config.states?.[s]?.type === 'final');
    expect(final.length).toBeGreaterThan(0);
    expect([...OPEN_ACTION_STATES].sort()).toEqual(ACTION_STATES.filter((s) => !final.includes(s)).sort());
    expect(openActionSql('x')).toBe(`x.state IN ('planned', 'assigned', 'in_progress', 'blocked')`);
    expect(overdueActionSql('x')).toBe(`${openActionSql('x')} AND x.due_date < (now() AT TIME ZONE 'Europe/Stockholm')::date`);
  });

  it('scopes by partnership with the organisation as a parameter, never in the SQL text', () => {
    const [sql, params] = partnerScope('r.area_id', "x'); DROP TABLE reports; --");
    expect(sql).toBe('EXISTS (SELECT 1 FROM area_partners ap WHERE ap.area_id = r.area_id AND ap.organization_id = :viewerOrg)');
    expect(params).toEqual({ viewerOrg: "x'); DROP TABLE reports; --" });
    expect(partnerScope('a.id', 'o', 'org')).toEqual([takesPartSql('a.id', ':org'), { org: 'o' }]);
  });

  it('puts Swedish midnight of a date expression into a timestamptz', () => {
    expect(swedishMidnightSql('$2::date + 7')).toBe(`($2::date + 7)::timestamp AT TIME ZONE 'Europe/Stockholm'`);
  });
});
