/**
 * The EST cycle as XState v5 machines: pure TypeScript, no framework imports, the only authority on which
 * transition is allowed. Used by the API (to decide) and by the client (to show only the buttons that can work).
 */
export * from './common';
export * from './case.machine';
export * from './action.machine';
export * from './persistence';
export * from './meeting.machine';
