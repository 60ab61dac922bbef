import { AnyStateMachine, createActor } from 'xstate';
import { ACTION_STATES } from '@samverka/contracts';
import { ACTION_MACHINE_VERSION, ACTION_SNAPSHOT_MIGRATIONS, actionMachine, CLOSED_ACTION_STATES, isOpenAction } from './action.machine';
import { CASE_MACHINE_VERSION, CASE_SNAPSHOT_MIGRATIONS, caseMachine } from './case.machine';
import { eventsOfState } from './common';
import { MEETING_MACHINE_VERSION, MEETING_SNAPSHOT_MIGRATIONS, meetingMachine } from './meeting.machine';
import { finalStates, SnapshotMigrations } from './persistence';

describe('what the machines say about closed records', () => {
  it('an action is closed in exactly the action machine’s final states: done and cancelled', () => {
    expect([...CLOSED_ACTION_STATES].sort()).toEqual(['cancelled', 'done']);
    const start = createActor(actionMachine, { input: { organizationId: 'o' } }).getSnapshot();
    for (const state of ACTION_STATES) {
      const snapshot = actionMachine.resolveState({ value: state, context: start.context });
      // A closed action accepts no event any more; an open one still has somewhere to go.
      expect({ state, closed: eventsOfState(snapshot).length === 0 }).toEqual({ state, closed: !isOpenAction(state) });
    }
  });

  it('finalStates reads the machine definition (a closed case can be reopened, a dismissed one not)', () => {
    expect(finalStates(caseMachine)).toEqual(['dismissed']);
    expect(finalStates(meetingMachine).sort()).toEqual(['approved', 'cancelled']);
  });
});

describe('each machine’s snapshot migrations', () => {
  const machines: [AnyStateMachine, number, SnapshotMigrations][] = [
    [caseMachine, CASE_MACHINE_VERSION, CASE_SNAPSHOT_MIGRATIONS],
    [actionMachine, ACTION_MACHINE_VERSION, ACTION_SNAPSHOT_MIGRATIONS],
    [meetingMachine, MEETING_MACHINE_VERSION, MEETING_SNAPSHOT_MIGRATIONS],
  ];
  it.each(machines.map(([m, v, t]) => [m.id, v, t] as const))('%s: a step from every older version, none from the current one', (_id, version, table) => {
    const from = Object.keys(table)
      .map(Number)
      .sort((a, b) => a - b);
    expect(from).toEqual(Array.from({ length: version - 1 }, (_, i) => i + 1));
  });
});
