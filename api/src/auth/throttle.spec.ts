import { ACCOUNT_FREE_FAILURES, blockSeconds, MAX_BLOCK_SECONDS } from './throttle';

describe('sign-in throttling', () => {
  it('lets a user mistype a few times, then slows down, never for more than 15 minutes', () => {
    expect(blockSeconds(ACCOUNT_FREE_FAILURES - 1, ACCOUNT_FREE_FAILURES)).toBe(0);
    expect(blockSeconds(ACCOUNT_FREE_FAILURES, ACCOUNT_FREE_FAILURES)).toBe(30);
    expect(blockSeconds(ACCOUNT_FREE_FAILURES + 1, ACCOUNT_FREE_FAILURES)).toBe(60);
    expect(blockSeconds(ACCOUNT_FREE_FAILURES + 20, ACCOUNT_FREE_FAILURES)).toBe(MAX_BLOCK_SECONDS);
  });
});
