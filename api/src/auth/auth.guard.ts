import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/errors';
import { ACCESS_KEY, AccessRule, AuthUser } from './access.decorators';
import { sessionCookie } from '../common/security';
import { AuthService } from './auth.service';

/**
 * The one gate of every endpoint: reads the access rule the handler declares, resolves the session cookie and checks
 * the roles. A handler that declares no rule is refused, so a forgotten declaration fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) throw new DomainError(403, 'AUTH.NO_ACCESS_RULE', 'This endpoint declares no access rule');
    if (rule.kind === 'public') return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = await this.auth.resolve(sessionCookie(req));
    if (!user) throw new DomainError(401, 'AUTH.REQUIRED', 'Sign in to continue');
    req.user = user;
    if (rule.kind === 'roles' && !rule.roles.some((r) => user.roles.includes(r))) {
      throw new DomainError(403, 'AUTH.FORBIDDEN', `This needs one of the roles: ${rule.roles.join(', ')}`);
    }
    return true;
  }
}
