import { ACTION_STATES, CASE_STATES, type ActionState, type CaseState } from '@samverka/contracts';
import { I18n } from '../../core/i18n/i18n';

/** Done and cancelled actions are closed. */
export const isClosedAction = (state: string) => state === 'done' || state === 'cancelled';

/** The translated name of a case state ("Uppföljning"); unknown states as they are. */
export function caseStateLabel(i18n: I18n, state: string | null | undefined): string {
  if (!state) return '';
  return (CASE_STATES as readonly string[]).includes(state) ? i18n.t(`cases.state.${state as CaseState}`) : state;
}

/** The translated name of an action state ("Pågår"). */
export function actionStateLabel(i18n: I18n, state: string | null | undefined): string {
  if (!state) return '';
  return (ACTION_STATES as readonly string[]).includes(state) ? i18n.t(`cases.actionState.${state as ActionState}`) : state;
}
