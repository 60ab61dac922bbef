/** The installation's workflow settings (GET/PUT /api/settings/workflow): who decides, when a case is evaluated, how a meeting is held. */

/**
 * Who may agree a case's actions: `coordinator` – a coordinator or commander of a partner on the case page (and any
 * chefssamråd); `meeting` – only a chefssamråd; `commanders` – a commander of each organisation responsible for an
 * action, each for their own organisation (or a chefssamråd).
 */
export const DECISION_RULES = ['coordinator', 'meeting', 'commanders'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** Who approves (justerar) a meeting's minutes: the chair and every adjuster, or the chair alone. */
export const MINUTES_APPROVALS = ['chair_and_adjusters', 'chair_only'] as const;
export type MinutesApproval = (typeof MINUTES_APPROVALS)[number];

export interface WorkflowSettings {
  decisionRule: DecisionRule;
  /** Days the actions have to work after the last one closed before the case is evaluated (earlier needs a reason). */
  evaluationMinDays: number;
  minutesApproval: MinutesApproval;
  /** How many hours before its time a meeting can be started. */
  meetingStartHoursBefore: number;
}

export const WORKFLOW_SETTING_LIMITS = {
  evaluationMinDays: { min: 0, max: 365 },
  meetingStartHoursBefore: { min: 0, max: 48 },
} as const;

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  decisionRule: 'coordinator',
  evaluationMinDays: 28,
  minutesApproval: 'chair_and_adjusters',
  meetingStartHoursBefore: 3,
};
