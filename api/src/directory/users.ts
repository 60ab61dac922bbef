import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type UserDto } from '@samverka/contracts';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles } from '../auth/access.decorators';
import { hashPassword, weakPassword } from '../auth/passwords';
import { Session } from '../auth/session.entity';
import { conflict, invalid, notFound } from '../common/errors';
import { uuidParam } from '../common/validation';
import { toUserDto } from './mappers';
import { Organization } from './organization.entity';
import { User } from './user.entity';
import { CreateUserBody, UpdateUserBody } from './users.dto';
import { Answers } from '../openapi/responses';

/** User accounts; only administrators manage them. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<UserDto[]> {
    const rows = await this.db.getRepository(User).find({ relations: { organization: true }, order: { name: 'ASC' } });
    return rows.map(toUserDto);
  }

  private async organization(m: EntityManager, id: string): Promise<Organization> {
    const org = await m.getRepository(Organization).findOneBy({ id });
    if (!org) throw invalid('organizationId', 'organizationId does not name an existing organisation');
    return org;
  }

  async create(actor: AuthUser, body: CreateUserBody): Promise<UserDto> {
    const weak = weakPassword(body.password, body.email);
    if (weak) throw invalid('password', weak);
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(User);
      const organization = await this.organization(m, body.organizationId);
      if (await repo.exists({ where: { email: body.email } })) throw conflict('USER.EMAIL_TAKEN', 'A user with this e-mail address already exists', 'email');
      const user = await repo.save(
        repo.create({ name: body.name.trim(), email: body.email, organizationId: organization.id, roles: body.roles, passwordHash, active: true }),
      );
      user.organization = organization;
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: toUserDto(user) });
      return toUserDto(user);
    });
  }

  async update(actor: AuthUser, id: string, body: UpdateUserBody): Promise<UserDto> {
    const weak = body.password ? weakPassword(body.password, body.email) : null;
    if (weak) throw invalid('password', weak);
    const passwordHash = body.password ? await hashPassword(body.password) : undefined;
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(User);
      const user = await repo.findOne({ where: { id }, relations: { organization: true }, lock: { mode: 'pessimistic_write', tables: ['users'] } });
      if (!user) throw notFound('User');
      const before = toUserDto(user);
      if (id === actor.id && (body.active === false || (body.roles && !body.roles.includes('admin')))) {
        throw conflict('USER.SELF_LOCKOUT', 'You cannot deactivate yourself or remove your own admin role', body.active === false ? 'active' : 'roles');
      }
      if (body.email !== undefined && body.email !== user.email) {
        if (await repo.exists({ where: { email: body.email, id: Not(id) } }))
          throw conflict('USER.EMAIL_TAKEN', 'A user with this e-mail address already exists', 'email');
        user.email = body.email;
      }
      if (body.organizationId !== undefined) {
        user.organization = await this.organization(m, body.organizationId);
        user.organizationId = user.organization.id;
      }
      if (body.name !== undefined) user.name = body.name.trim();
      if (body.roles !== undefined) user.roles = body.roles;
      if (body.active !== undefined) user.active = body.active;
      if (passwordHash) user.passwordHash = passwordHash;
      await repo.save(user);
      // A deactivated user, a new password or a move to another organisation ends the user's sessions at once.
      if (body.active === false || passwordHash || body.organizationId !== undefined) {
        await m.getRepository(Session).delete({ userId: id });
      }
      const after = toUserDto(user);
      await this.audit.record(m, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: passwordHash ? { ...after, passwordChanged: true } : after,
      });
      return after;
    });
  }
}

@ApiTags('directory')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin')
  @Answers(200, 'UserDto[]')
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  @Answers(201, 'UserDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserBody): Promise<UserDto> {
    return this.users.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @Answers(200, 'UserDto')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateUserBody): Promise<UserDto> {
    return this.users.update(user, id, body);
  }
}
