import type { Actor } from '@samverka/workflows';
import type { AuthUser } from '../auth/access.decorators';

/** The workflows' view of a signed-in user. */
export const actorOf = (u: AuthUser): Actor => ({ kind: 'user', id: u.id, roles: u.roles, organizationId: u.organizationId });
