import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COORDINATOR_INVITABLE_ROLES,
  INVITATION_VALID_DAYS,
  type CreatedInvitationDto,
  type InvitationDto,
  type InvitationPreviewDto,
  type InvitationStatus,
  type UserDto,
} from '@samverka/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Public, Roles } from '../auth/access.decorators';
import { hashPassword, weakPassword } from '../auth/passwords';
import { conflict, DomainError, invalid, notFound } from '../common/errors';
import { uuidParam } from '../common/validation';
import { Answers, AnswersNoContent } from '../openapi/responses';
import { directoryRepository } from './directory.repository';
import { Invitation } from './invitation.entity';
import { AcceptInvitationBody, CreateInvitationBody } from './invitations.dto';
import { toOrganizationDto, toUserDto } from './mappers';
import { Organization } from './organization.entity';
import { User } from './user.entity';

/** The link's secret: 32 random bytes, base64url (43 characters). */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const statusOf = (i: Invitation, now = Date.now()): InvitationStatus =>
  i.acceptedAt ? 'accepted' : i.revokedAt ? 'revoked' : i.expiresAt.getTime() <= now ? 'expired' : 'pending';

const gone = (status: Exclude<InvitationStatus, 'pending'>) =>
  new DomainError(
    410,
    `INVITATION.${status.toUpperCase()}`,
    {
      accepted: 'This invitation has already been used; sign in with the account it created',
      expired: `This invitation has expired (links are valid ${INVITATION_VALID_DAYS} days); ask for a new one`,
      revoked: 'This invitation was withdrawn; ask for a new one',
    }[status],
    'token',
  );

/**
 * Invitations: an administrator, or a coordinator for the organisations of its partnerships (e.g. a shop or a
 * business association), invites a person by e-mail address with a single-use link valid for 7 days; the person
 * sets a name and a password and has an account of that organisation with the invited roles. Coordinators give
 * only the roles of people who report and carry out actions; administrators give any role.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private toDto(i: Invitation, inviters: Map<string, string>): InvitationDto {
    return {
      id: i.id,
      email: i.email,
      organization: toOrganizationDto(i.organization),
      roles: i.roles,
      status: statusOf(i),
      invitedBy: i.invitedById ? (inviters.get(i.invitedById) ?? null) : null,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
    };
  }

  private async inviterNames(m: EntityManager, rows: Invitation[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.invitedById).filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const users = await m.getRepository(User).find({ where: ids.map((id) => ({ id })), select: { id: true, name: true } });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** Whether the actor may invite people of (and see the invitations of) this organisation. */
  private async mayManage(actor: AuthUser, organizationId: string): Promise<boolean> {
    if (actor.roles.includes('admin') || actor.organizationId === organizationId) return true;
    return directoryRepository.sharePartnership(this.db, actor.organizationId, organizationId);
  }

  /** Newest first; an administrator sees all, a coordinator those of its own and its partners' organisations. */
  async list(actor: AuthUser): Promise<InvitationDto[]> {
    const scope = actor.roles.includes('admin')
      ? {}
      : { organizationId: In([actor.organizationId, ...(await directoryRepository.partnerOrganizationIds(this.db, actor.organizationId))]) };
    const rows = await this.db.getRepository(Invitation).find({ where: scope, relations: { organization: true }, order: { createdAt: 'DESC' }, take: 500 });
    const names = await this.inviterNames(this.db.manager, rows);
    return rows.map((r) => this.toDto(r, names));
  }

  async create(actor: AuthUser, body: CreateInvitationBody): Promise<CreatedInvitationDto> {
    if (!actor.roles.includes('admin')) {
      const extra = body.roles.filter((r) => !(COORDINATOR_INVITABLE_ROLES as readonly string[]).includes(r));
      if (extra.length > 0)
        throw invalid(
          'roles',
          `A coordinator invites with the roles ${COORDINATOR_INVITABLE_ROLES.join(', ')} only; ask an administrator for ${extra.join(', ')}`,
        );
    }
    if (!(await this.mayManage(actor, body.organizationId)))
      throw invalid('organizationId', 'organizationId does not name an organisation of your partnerships');
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (m) => {
      const organization = await m.getRepository(Organization).findOneBy({ id: body.organizationId });
      if (!organization) throw invalid('organizationId', 'organizationId does not name an organisation of your partnerships');
      if (await m.getRepository(User).exists({ where: { email: body.email } })) {
        throw conflict('USER.EMAIL_TAKEN', 'A user with this e-mail address already exists', 'email');
      }
      const repo = m.getRepository(Invitation);
      // The newest link for an address is the one that counts: earlier pending ones are withdrawn.
      const earlier = await repo.find({ where: { email: body.email, acceptedAt: IsNull(), revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      const now = new Date();
      for (const e of earlier.filter((e) => e.expiresAt > now)) {
        e.revokedAt = now;
        await repo.save(e);
        await this.audit.record(m, actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: e.id, after: { reason: 'replaced' } });
      }
      const inv = await repo.save(
        repo.create({
          tokenHash: tokenHash(token),
          email: body.email,
          organizationId: organization.id,
          roles: body.roles,
          invitedById: actor.id,
          expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000),
          acceptedAt: null,
          revokedAt: null,
          userId: null,
        }),
      );
      inv.organization = organization;
      const dto = this.toDto(inv, new Map([[actor.id, actor.name]]));
      await this.audit.record(m, actor, { action: 'invitation.create', entityType: 'invitation', entityId: inv.id, after: { ...dto } });
      return { ...dto, path: `/invite/${token}` };
    });
  }

  async revoke(actor: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(Invitation);
      const inv = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!inv || !(await this.mayManage(actor, inv.organizationId))) throw notFound('Invitation');
      const status = statusOf(inv);
      if (status === 'accepted') throw conflict('INVITATION.ACCEPTED', 'This invitation has already been used; deactivate the account instead', 'id');
      if (status === 'revoked') return;
      inv.revokedAt = new Date();
      await repo.save(inv);
      await this.audit.record(m, actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: id, after: { status: 'revoked' } });
    });
  }

  /** The pending invitation of a link, or 404 (unknown) / 410 (used, expired, withdrawn). */
  private async pending(m: EntityManager, token: string, lock: boolean): Promise<Invitation> {
    if (!TOKEN_FORMAT.test(token)) throw notFound('Invitation', 'token');
    const inv = await m.getRepository(Invitation).findOne({
      where: { tokenHash: tokenHash(token) },
      relations: { organization: true },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const, tables: ['invitations'] } } : {}),
    });
    if (!inv) throw notFound('Invitation', 'token');
    const status = statusOf(inv);
    if (status !== 'pending') throw gone(status);
    return inv;
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const inv = await this.pending(this.db.manager, token, false);
    return { email: inv.email, organizationName: inv.organization.name, roles: inv.roles, expiresAt: inv.expiresAt.toISOString() };
  }

  /** Creates the account; the link is used up in the same transaction, so two submissions make one account. */
  async accept(token: string, body: AcceptInvitationBody): Promise<UserDto> {
    const name = body.name.trim();
    if (name.length < 2) throw invalid('name', 'name must be at least 2 characters');
    // Checked before the expensive hash, so that an unknown link costs nothing.
    const first = await this.pending(this.db.manager, token, false);
    const weak = weakPassword(body.password, first.email);
    if (weak) throw invalid('password', weak);
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction(async (m) => {
      const inv = await this.pending(m, token, true);
      const users = m.getRepository(User);
      if (await users.exists({ where: { email: inv.email } })) throw conflict('USER.EMAIL_TAKEN', 'A user with this e-mail address already exists', 'email');
      const user = await users.save(users.create({ name, email: inv.email, organizationId: inv.organizationId, roles: inv.roles, passwordHash, active: true }));
      user.organization = inv.organization;
      inv.acceptedAt = new Date();
      inv.userId = user.id;
      await m.getRepository(Invitation).save(inv);
      const actor = { id: user.id, organizationId: user.organizationId };
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: { ...toUserDto(user), invitationId: inv.id } });
      await this.audit.record(m, actor, {
        action: 'invitation.accept',
        entityType: 'invitation',
        entityId: inv.id,
        after: { status: 'accepted', userId: user.id },
      });
      return toUserDto(user);
    });
  }
}

@ApiTags('directory')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Roles('admin', 'coordinator')
  @Answers(200, 'InvitationDto[]')
  list(@CurrentUser() user: AuthUser): Promise<InvitationDto[]> {
    return this.invitations.list(user);
  }

  /** Creates an invitation; the answer's `path` holds the single-use link, shown this once (only its hash is kept). */
  @Post()
  @Roles('admin', 'coordinator')
  @Answers(201, 'CreatedInvitationDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateInvitationBody): Promise<CreatedInvitationDto> {
    return this.invitations.create(user, body);
  }

  /** Withdraws a pending invitation: its link stops working at once. */
  @Delete(':id')
  @Roles('admin', 'coordinator')
  @HttpCode(204)
  @AnswersNoContent('Withdrawn (or already withdrawn)')
  revoke(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.invitations.revoke(user, id);
  }

  /** What the link invites to (public: the invited person has no account yet); 404 unknown, 410 used, expired or withdrawn. */
  @Get('accept/:token')
  @Public()
  @Answers(200, 'InvitationPreviewDto')
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  /** Sets the invited person's name and password and creates the account (public); then sign in as usual. */
  @Post('accept/:token')
  @Public()
  @Answers(201, 'UserDto')
  accept(@Param('token') token: string, @Body() body: AcceptInvitationBody): Promise<UserDto> {
    return this.invitations.accept(token, body);
  }
}
