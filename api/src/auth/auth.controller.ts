import { Body, Controller, Get, HttpCode, Inject, Injectable, Post, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DIRECTORY_LIMITS, type LoginRequest, type MeDto } from '@samverka/contracts';
import { IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { AreasService } from '../directory/areas';
import { toUserDto } from '../directory/mappers';
import { User } from '../directory/user.entity';
import { AuthUser, CurrentUser, Public, SignedIn } from './access.decorators';
import { AuthService, SESSION_COOKIE } from './auth.service';

export class LoginBody implements LoginRequest {
  @ApiProperty({ example: 'analytiker@exempelstad.se' }) @IsString() @MaxLength(DIRECTORY_LIMITS.email.max) email!: string;
  @ApiProperty() @IsString() @MaxLength(DIRECTORY_LIMITS.password.max) password!: string;
}

/** Builds the signed-in user's own view: account, organisation and the areas of their partnerships. */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly areas: AreasService,
  ) {}

  async me(user: AuthUser): Promise<MeDto> {
    const row = await this.db.getRepository(User).findOneOrFail({ where: { id: user.id }, relations: { organization: true } });
    const areas = await this.areas.listVisible(user);
    return { ...toUserDto(row), areas: areas.map((a) => ({ id: a.id, name: a.name })) };
  }
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly meService: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in with e-mail and password; sets the httpOnly session cookie. */
  @Post('login') @Public() @HttpCode(200)
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
  @Post('logout') @SignedIn() @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }

  /** Ends all of the user's sessions, on every device. */
  @Post('logout-all') @SignedIn() @HttpCode(204)
  async logoutAll(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logoutEverywhere(user.id);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.cookieSecure, path: '/' });
  }

  /** The signed-in user, their organisation, roles and areas. */
  @Get('me') @SignedIn()
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.meService.me(user);
  }
}
