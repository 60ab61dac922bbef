import { AnyMachineSnapshot } from 'xstate';
import { isOpenAction } from './action.machine';
import { CaseEvent } from './case.machine';

/**
 * How a case follows its actions: where it moves to execution and to follow-up. After every accepted action event
 * the API asks `caseEventOfAction` in the same transaction and, if the case machine takes the event (`caseTakes`),
 * applies it to the case as the system:
 *
 * - an action is in progress (START, or RESUME after a block): ACTION_STARTED, which the case takes only while it
 *   is agreed (agreed → execution; in execution the transition changes nothing, so it is not sent);
 * - an action is closed (done or cancelled, the action machine's final states): ACTION_CLOSED with the number of the
 *   case's actions still open, which the case takes while it carries out actions (agreed, execution) and which moves
 *   it to follow_up when that number is 0 (the case machine's `allSettled` guard).
 *
 * Which case states take which event is the case machine's configuration, asked through the snapshot (`can`); it is
 * not restated here or in the API.
 */
export type ActionCaseEvent = Extract<CaseEvent, { type: 'ACTION_STARTED' | 'ACTION_CLOSED' }>;

/** The system event an action's new state means for its case, or null (planned, assigned, blocked). */
export function caseEventOfAction(actionState: string): ActionCaseEvent['type'] | null {
  if (!isOpenAction(actionState)) return 'ACTION_CLOSED';
  return actionState === 'in_progress' ? 'ACTION_STARTED' : null;
}

/** Whether the case machine, in `caseSnapshot`, takes the event (it moves the case or updates its count of open actions). */
export function caseTakes(caseSnapshot: AnyMachineSnapshot, event: ActionCaseEvent): boolean {
  return caseSnapshot.can(event);
}
