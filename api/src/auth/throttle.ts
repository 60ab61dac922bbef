/** Free failures before an account is slowed down, and before an address is. */
export const ACCOUNT_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 20;
/** The longest wait: the real user is never locked out for more than this. */
export const MAX_BLOCK_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_SECONDS = 60 * 60;

/** Seconds to wait after the n-th consecutive failure: none for the free ones, then 30 s doubling up to 15 minutes. */
export function blockSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_BLOCK_SECONDS, 30 * 2 ** (failures - free));
}
