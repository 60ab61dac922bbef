/**
 * The cases feature's texts, spread into the Swedish and English dictionaries (core/i18n). Keys start with 'cases.'.
 * `casesEn` must have exactly the keys of `casesSv` (the compiler checks it).
 */
export const casesSv = {} as const;

export const casesEn: Record<keyof typeof casesSv, string> = {};
