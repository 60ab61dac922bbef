import type { ChecklistAnswer, FindingSeverity, ParticipantGroup, PersonalDataKind, SettlementOutcome, WalkEventType } from '@samverka/contracts';

/** The dictionary keys of the walks' enumerations, typed so that the compiler checks each one exists. */
export const WALK_KEYS = {
  event: (type: WalkEventType) => `walks.event.${type}` as const,
  eventDone: (type: WalkEventType) => `walks.event.done.${type}` as const,
  severity: (severity: FindingSeverity) => `walks.finding.severity.${severity}` as const,
  answer: (answer: ChecklistAnswer) => `walks.stop.answer.${answer}` as const,
  participants: (group: ParticipantGroup) => `walks.participants.${group}` as const,
  outcome: (outcome: SettlementOutcome) => `walks.settle.outcome.${outcome}` as const,
  privacy: (kind: PersonalDataKind) => `privacy.${kind}` as const,
};
