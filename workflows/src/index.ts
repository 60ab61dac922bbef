/**
 * The EST cycle as XState v5 machines (case, action, meeting): pure TypeScript, no framework imports, the only
 * authority on which transition is allowed. The machines arrive with the case-workflow issue; this module is their home.
 */
export {};
