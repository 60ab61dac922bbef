import type { UserDto } from './directory';

/** Sign-in and the signed-in user. */

/** The signed-in user, with the areas whose partnership their organisation belongs to. */
export interface MeDto extends UserDto {
  areas: { id: string; name: string }[];
  /** The language of the user's mails and notifications. */
  language: 'sv' | 'en';
}

/**
 * Who is signed in, asked on every page load (`GET /api/auth/session`): `user` is null without a valid session, so a
 * signed-out visitor's first request is an ordinary answer rather than a 401 in the browser's console.
 */
export interface SessionDto {
  user: MeDto | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}
