/**
 * The EST cycle as XState v5 machines: pure TypeScript, no framework imports, the only authority on which
 * transition is allowed. Used by the API, which decides with them and tells the client which events a user may send
 * (`allowedEvents`); the client shows only those buttons and does not import this package.
 */
export * from './common';
export * from './case.machine';
export * from './action.machine';
export * from './persistence';
export * from './meeting.machine';
export * from './case-actions';
