/**
 * The meetings feature's texts, spread into the Swedish and English dictionaries (core/i18n). Keys start with 'meetings.'.
 * `meetingsEn` must have exactly the keys of `meetingsSv` (the compiler checks it).
 */
export const meetingsSv = {} as const;

export const meetingsEn: Record<keyof typeof meetingsSv, string> = {};
