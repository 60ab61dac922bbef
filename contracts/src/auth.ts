import type { UserDto } from './directory';

/** Sign-in and the signed-in user. */

/** The signed-in user, with the areas whose partnership their organisation belongs to. */
export interface MeDto extends UserDto {
  areas: { id: string; name: string }[];
}

export interface LoginRequest {
  email: string;
  password: string;
}
