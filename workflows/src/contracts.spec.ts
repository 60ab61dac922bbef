import { ACTION_STATES, ActionEventType, CASE_STATES, CaseEventType, MEETING_STATES } from '@samverka/contracts';
import { AnyStateMachine } from 'xstate';
import { ACTION_RULES, actionMachine } from './action.machine';
import { CASE_RULES, caseMachine } from './case.machine';
import { MEETING_RULES, meetingMachine } from './meeting.machine';

/** The states as the machine's own configuration declares them, in their order. */
const statesOf = (machine: AnyStateMachine) => Object.keys(machine.config.states ?? {});

/** The event types of every transition in the machine's configuration. */
const eventsOf = (machine: AnyStateMachine) =>
  [...new Set(Object.values(machine.config.states ?? {}).flatMap((s) => Object.keys((s as { on?: object }).on ?? {})))].sort();

// The API, the client and the templates take the state lists and event payloads from contracts/; these tests make
// sure that what contracts/ says is what the machines do, so that the lists cannot drift from the machines.
describe('contracts/ states and events are the machines’ own', () => {
  it('case states', () => expect([...CASE_STATES]).toEqual(statesOf(caseMachine)));
  it('action states', () => expect([...ACTION_STATES]).toEqual(statesOf(actionMachine)));
  it('meeting states', () => expect([...MEETING_STATES]).toEqual(statesOf(meetingMachine)));

  it('the case events users send are the machine’s events less the system’s', () => {
    const userEvents: Record<CaseEventType, true> = { START_ANALYSIS: true, SAVE_ANALYSIS: true, PROPOSE: true, AGREE: true, SEND_BACK: true, ESCALATE: true, EVALUATE: true, DISMISS: true, REOPEN: true };
    const systemEvents = Object.keys(CASE_RULES).filter((t) => CASE_RULES[t as keyof typeof CASE_RULES].systemOnly);
    expect([...Object.keys(userEvents), ...systemEvents].sort()).toEqual(eventsOf(caseMachine));
    expect(Object.keys(CASE_RULES).sort()).toEqual(eventsOf(caseMachine));
  });

  it('the action events users send are the machine’s events', () => {
    const userEvents: Record<ActionEventType, true> = { ASSIGN: true, START: true, COMPLETE: true, BLOCK: true, RESUME: true, CANCEL: true };
    expect(Object.keys(userEvents).sort()).toEqual(eventsOf(actionMachine));
    expect(Object.keys(ACTION_RULES).sort()).toEqual(eventsOf(actionMachine));
    expect(Object.keys(MEETING_RULES).sort()).toEqual(eventsOf(meetingMachine));
  });

  it('a drifted list is caught', () => {
    expect([...CASE_STATES, 'archived']).not.toEqual(statesOf(caseMachine));
    expect([...CASE_STATES].reverse()).not.toEqual(statesOf(caseMachine));
  });
});
