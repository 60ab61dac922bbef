import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../common/config';
import { DomainError } from '../common/errors';
import { APP_CONFIG } from '../common/tokens';
import { User } from '../directory/user.entity';
import { loginAttemptsRepository } from './auth.repository';
import { AuthUser } from './access.decorators';
import { hashPassword, verifyPassword } from './passwords';
import { LoginAttempt } from './login-attempt.entity';
import { Session } from './session.entity';
import { ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, blockSeconds, FORGET_AFTER_SECONDS } from './throttle';

export { SESSION_COOKIE } from '../common/security';

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

  /** Refuses with 429 while the account or the address has to wait after too many failures. */
  private async checkThrottle(keys: string[]): Promise<void> {
    const blocked = await loginAttemptsRepository.blockedUntil(this.db, keys, FORGET_AFTER_SECONDS);
    if (blocked.length === 0) return;
    const wait = Math.max(...blocked.map((until) => Math.ceil((new Date(until).getTime() - Date.now()) / 1000)));
    throw new DomainError(429, 'AUTH.TOO_MANY_ATTEMPTS', `Too many failed sign-ins; try again in ${wait} seconds`, 'email', { retryAfterSeconds: wait });
  }

  /** Counts a failure for the account and the address (atomically, shared by every API process). */
  private async recordFailure(accountKey: string, addressKey: string): Promise<void> {
    await this.countFailures([
      [accountKey, ACCOUNT_FREE_FAILURES],
      [addressKey, ADDRESS_FREE_FAILURES],
    ]);
  }

  /**
   * Refuses with 429 while a network address has to wait; checked before a sign-in's body is even read, so that an
   * address flooding the sign-in is turned away cheaply.
   */
  async checkAddress(address: string): Promise<void> {
    await this.checkThrottle([`ip:${address}`]);
  }

  /**
   * Counts a request body refused as too complex (far more properties, items or nesting than any form sends) from an
   * address without a session as a failed sign-in of that address: a flood of them is then refused with 429.
   */
  async recordAddressRefusal(address: string): Promise<void> {
    await this.countFailures([[`ip:${address}`, ADDRESS_FREE_FAILURES]]);
  }

  private async countFailures(keys: (readonly [string, number])[]): Promise<void> {
    for (const [key, free] of keys) {
      const failures = await loginAttemptsRepository.countFailure(this.db, key, FORGET_AFTER_SECONDS);
      const wait = blockSeconds(failures, free);
      if (wait > 0) await loginAttemptsRepository.block(this.db, key, wait);
    }
  }

  /** Checks the credentials and opens a session; one generic error for every failure, and throttling per account and address. */
  async login(email: string, password: string, address = 'unknown'): Promise<{ token: string; user: User; expiresAt: Date }> {
    const normalized = email.trim().toLowerCase();
    const accountKey = `email:${normalized}`;
    const addressKey = `ip:${address}`;
    await this.checkThrottle([accountKey, addressKey]);
    const user = await this.db.getRepository(User).findOne({ where: { email: normalized } });
    const ok = await verifyPassword(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !ok || !user.active) {
      await this.recordFailure(accountKey, addressKey);
      throw new DomainError(401, 'AUTH.INVALID_CREDENTIALS', 'Wrong e-mail address or password');
    }
    await this.db.getRepository(LoginAttempt).delete({ key: accountKey });
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

  /** Ends every session of the user ("sign out everywhere"). */
  async logoutEverywhere(userId: string): Promise<number> {
    const res = await this.db.getRepository(Session).delete({ userId });
    return res.affected ?? 0;
  }

  /** Ends one session at once, for every API process. */
  async logout(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).delete(sessionId);
  }
}
