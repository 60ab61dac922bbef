/**
 * The shapes the API returns and accepts, shared by the API (its response DTOs implement these)
 * and the Angular client (which imports them instead of hand-copying interfaces). One file per feature;
 * contracts/ imports nothing (the workflows and both applications import from it).
 */
export * from './common';
export * from './directory';
export * from './auth';
export * from './config';
export * from './reports';
export * from './privacy';
export * from './imports';
export * from './cases';
export * from './actions';
export * from './audit';
export * from './meetings';
export * from './retention';
export * from './walks';
export * from './settings';
export * from './effects';
export * from './activities';
export * from './attention';
export * from './notifications';
