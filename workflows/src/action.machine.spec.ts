import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { ACTION_STATES } from '@samverka/contracts';
import { ACTION_RULES, ActionEvent, actionMachine } from './action.machine';
import { Actor, allowedEvents, decide, EventPayload } from './common';

const BOSTAD = 'org-bostad';
const NOW = '2026-11-21T10:00:00.000Z';
const chief: Actor = { kind: 'user', id: 'chief', roles: ['commander', 'action_owner'], organizationId: BOSTAD };
const caretaker: Actor = { kind: 'user', id: 'caretaker', roles: ['reporter'], organizationId: BOSTAD };
const police: Actor = { kind: 'user', id: 'police', roles: ['commander', 'action_owner'], organizationId: 'org-polis' };
const coordinator: Actor = { kind: 'user', id: 'coord', roles: ['coordinator'], organizationId: 'org-kommun' };

const ev = (e: EventPayload<ActionEvent> & { actor?: Actor }): ActionEvent => ({ actor: chief, now: NOW, ...e }) as ActionEvent;
const start = () =>
  createActor(actionMachine, { input: { organizationId: BOSTAD } })
    .start()
    .getSnapshot();
function run(events: ActionEvent[], from = start()) {
  let s = from;
  for (const e of events) {
    const d = decide(actionMachine, s, e, ACTION_RULES);
    if (!d.ok) throw new Error(`${e.type} refused in ${String(s.value)}: ${JSON.stringify(d)}`);
    s = d.next;
  }
  return s;
}
const assign = ev({ type: 'ASSIGN', ownerId: 'caretaker', ownerOrganizationId: BOSTAD });

describe('action machine', () => {
  it('reaches every state', () => {
    const paths = getShortestPaths(actionMachine, {
      input: { organizationId: BOSTAD },
      events: [
        assign,
        ev({ type: 'START' }),
        ev({ type: 'COMPLETE', report: 'Ny belysning på plats' }),
        ev({ type: 'BLOCK', reason: 'Väntar på elektriker' }),
        ev({ type: 'RESUME' }),
        ev({ type: 'CANCEL', reason: 'Ersatt av annan insats' }),
      ],
    });
    expect([...new Set(paths.map((p) => String(p.state.value)))].sort()).toEqual([...ACTION_STATES].sort());
  });

  it('is assigned to a person of the responsible organisation only', () => {
    expect(decide(actionMachine, start(), ev({ type: 'ASSIGN', ownerId: 'p', ownerOrganizationId: 'org-polis' }), ACTION_RULES)).toMatchObject({
      reason: 'invalid',
      problem: { field: 'ownerId' },
    });
    expect(decide(actionMachine, start(), { ...assign, actor: police }, ACTION_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(decide(actionMachine, start(), { ...assign, actor: caretaker }, ACTION_RULES)).toEqual({ ok: false, reason: 'forbidden' });
    expect(run([assign]).context.ownerId).toBe('caretaker');
  });

  it('can be started and completed by its owner, with a report of what was done', () => {
    const assigned = run([assign]);
    const inProgress = run([ev({ type: 'START', actor: caretaker })], assigned);
    expect(inProgress.value).toBe('in_progress');
    expect(decide(actionMachine, inProgress, ev({ type: 'COMPLETE', actor: caretaker, report: '' }), ACTION_RULES)).toMatchObject({
      problem: { field: 'report' },
    });
    expect(decide(actionMachine, inProgress, ev({ type: 'COMPLETE', actor: police, report: 'Klart' }), ACTION_RULES)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    const done = run([ev({ type: 'COMPLETE', actor: caretaker, report: 'Ny belysning och passagesystem' })], inProgress);
    expect(done.value).toBe('done');
    expect(done.context.report).toBe('Ny belysning och passagesystem');
    expect(allowedEvents(done, chief, ACTION_RULES)).toEqual([]);
  });

  it('is blocked with a reason and resumed', () => {
    const blocked = run([assign, ev({ type: 'START' }), ev({ type: 'BLOCK', reason: 'Väntar på elektriker' })]);
    expect(blocked.context.blockedReason).toBe('Väntar på elektriker');
    expect(decide(actionMachine, blocked, ev({ type: 'COMPLETE', report: 'x' }), ACTION_RULES)).toMatchObject({
      reason: 'not_accepted',
      accepted: ['ASSIGN', 'RESUME', 'CANCEL'],
    });
    expect(run([ev({ type: 'RESUME' })], blocked).value).toBe('in_progress');
  });

  it('can be cancelled with a reason by its organisation or a coordinator', () => {
    expect(decide(actionMachine, start(), ev({ type: 'CANCEL', reason: '' }), ACTION_RULES)).toMatchObject({ problem: { field: 'reason' } });
    expect(run([ev({ type: 'CANCEL', actor: coordinator, reason: 'Beslutat i chefssamrådet' })]).value).toBe('cancelled');
    expect(decide(actionMachine, start(), ev({ type: 'CANCEL', actor: police, reason: 'Inte vårt' }), ACTION_RULES)).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });
});
