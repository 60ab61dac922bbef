import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DIRECTORY_LIMITS, ROLES, type CreateUserRequest, type Role, type UpdateUserRequest, type UserDto } from '@samverka/contracts';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles } from '../auth/access.decorators';
import { hashPassword, MIN_PASSWORD_LENGTH, weakPassword } from '../auth/passwords';
import { Session } from '../auth/session.entity';
import { conflict, invalid, notFound } from '../common/errors';
import { uuidParam, IsOmittable } from '../common/validation';
import { toUserDto } from './mappers';
import { Organization } from './organization.entity';
import { User } from './user.entity';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserBody implements CreateUserRequest {
  @ApiProperty() @IsString() @Length(DIRECTORY_LIMITS.userName.min, DIRECTORY_LIMITS.userName.max) name!: string;
  @ApiProperty() @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(DIRECTORY_LIMITS.email.max) email!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId!: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1, { message: 'roles must contain at least one role' }) @ArrayUnique() @IsIn(ROLES, { each: true, message: `roles must be among ${ROLES.join(', ')}` })
  roles!: Role[];
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH }) @IsString() @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` }) @MaxLength(DIRECTORY_LIMITS.password.max) password!: string;
}

export class UpdateUserBody implements UpdateUserRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.userName.min, DIRECTORY_LIMITS.userName.max) name?: string;
  @ApiPropertyOptional() @IsOmittable() @Transform(lower) @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(DIRECTORY_LIMITS.email.max) email?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOmittable() @IsArray() @ArrayMinSize(1, { message: 'roles must contain at least one role' }) @ArrayUnique() @IsIn(ROLES, { each: true, message: `roles must be among ${ROLES.join(', ')}` })
  roles?: Role[];
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` }) @MaxLength(DIRECTORY_LIMITS.password.max) password?: string;
}

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
      const user = await repo.save(repo.create({ name: body.name.trim(), email: body.email, organizationId: organization.id, roles: body.roles, passwordHash, active: true }));
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
        if (await repo.exists({ where: { email: body.email, id: Not(id) } })) throw conflict('USER.EMAIL_TAKEN', 'A user with this e-mail address already exists', 'email');
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

  @Get() @Roles('admin')
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post() @Roles('admin')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserBody): Promise<UserDto> {
    return this.users.create(user, body);
  }

  @Patch(':id') @Roles('admin')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateUserBody): Promise<UserDto> {
    return this.users.update(user, id, body);
  }
}
