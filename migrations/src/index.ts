import { Foundation1763760000000 } from './1763760000000-foundation';

/** Every migration, oldest first. Listed explicitly (no glob) so the compiled API and ts-jest load the same set. */
export const MIGRATIONS = [Foundation1763760000000];
