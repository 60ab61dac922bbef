import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MeDto, SessionDto } from '@samverka/contracts';
import type { Request, Response } from 'express';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { AuthUser, CurrentUser, Public, SignedIn } from './access.decorators';
import { LoginBody } from './auth.dto';
import { sessionCookie } from '../common/security';
import { AuthService, SESSION_COOKIE } from './auth.service';
import { MeService } from './me.service';
import { Answers, AnswersNoContent } from '../openapi/responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly meService: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in with e-mail and password; sets the httpOnly session cookie. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @Answers(200, 'MeDto', 'Signed in: the session cookie is set')
  async login(@Body() body: LoginBody, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const { token, user, expiresAt } = await this.auth.login(body.email, body.password, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      // Max-Age (with Expires for old browsers) ends the cookie with the session's absolute expiry.
      maxAge: expiresAt.getTime() - Date.now(),
    });
    return this.meService.me({ id: user.id, name: user.name, email: user.email, roles: user.roles, organizationId: user.organizationId, sessionId: '' });
  }

  /** Ends the current session everywhere at once and clears the cookie. */
  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @AnswersNoContent('Signed out: the cookie is cleared')
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }

  /** Ends all of the user's sessions, on every device. */
  @Post('logout-all')
  @SignedIn()
  @HttpCode(204)
  @AnswersNoContent('Every session of the user ended: the cookie is cleared')
  async logoutAll(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logoutEverywhere(user.id);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }

  /**
   * Who is signed in, for the client's start: the user as `me` answers, or `user: null` (200) without a valid session,
   * so that a signed-out visitor's page load logs no failed request. `GET /me` keeps answering 401.
   */
  @Get('session')
  @Public()
  @Answers(200, 'SessionDto', 'The signed-in user, or `user: null` without a valid session')
  async session(@Req() req: Request): Promise<SessionDto> {
    const user = await this.auth.resolve(sessionCookie(req));
    return { user: user ? await this.meService.me(user) : null };
  }

  /** The signed-in user, their organisation, roles and areas. */
  @Get('me')
  @SignedIn()
  @Answers(200, 'MeDto')
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.meService.me(user);
  }
}
