import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../common/config';
import { DomainError } from '../common/errors';
import { APP_CONFIG } from '../common/tokens';
import { User } from '../directory/user.entity';
import { AuthUser } from './access.decorators';
import { hashPassword, verifyPassword } from './passwords';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'samverka_session';

/** Lets lastSeenAt lag this far behind, so that not every request writes to the sessions table. */
const TOUCH_INTERVAL_MS = 60_000;

/** Sign-in, sessions and sign-out. Sessions live in PostgreSQL, so every API process sees the same ones. */
@Injectable()
export class AuthService implements OnModuleInit {
  /** A real hash to verify against when the e-mail is unknown, so both failures take the same time. */
  private dummyHash = '';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword(randomBytes(16).toString('hex'));
  }

  private tokenHash(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }

  /** Checks the credentials and opens a session; one generic error for every failure. */
  async login(email: string, password: string): Promise<{ token: string; user: User; expiresAt: Date }> {
    const user = await this.db.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
    const ok = await verifyPassword(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !ok || !user.active) {
      throw new DomainError(401, 'AUTH.INVALID_CREDENTIALS', 'Wrong e-mail address or password');
    }
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionMaxHours * 3_600_000);
    await this.db.getRepository(Session).insert({ tokenHash: this.tokenHash(token), userId: user.id, lastSeenAt: now, expiresAt });
    return { token, user, expiresAt };
  }

  /** The user behind a session token, or null when the session is unknown, expired, idle too long or the user inactive. */
  async resolve(token: string | undefined): Promise<AuthUser | null> {
    if (!token || token.length > 200) return null;
    const row = await this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.tokenHash = :h', { h: this.tokenHash(token) })
      .andWhere('s.expiresAt > now()')
      .andWhere(`s.lastSeenAt > now() - make_interval(mins => :idle)`, { idle: this.config.sessionIdleMinutes })
      .andWhere('u.active')
      .getOne();
    if (!row) return null;
    if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.getRepository(Session).update(row.id, { lastSeenAt: new Date() });
    }
    const u = row.user;
    return { id: u.id, name: u.name, email: u.email, roles: u.roles, organizationId: u.organizationId, sessionId: row.id };
  }

  /** Ends one session at once, for every API process. */
  async logout(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).delete(sessionId);
  }
}
