import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@samverka/contracts';

export const ACCESS_KEY = 'samverka:access';

/** How an endpoint may be reached; every handler declares one (the guard refuses handlers that do not). */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: Role[] };

/** No session needed (health, sign-in). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user; what they see is then scoped by their organisation's partnerships. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies AccessRule);
/** A signed-in user holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** The signed-in user as the guard resolved it from the session. */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  organizationId: string;
  sessionId: string;
}

/** Injects the signed-in user into a handler. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
