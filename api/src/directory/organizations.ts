import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DIRECTORY_LIMITS, ORGANIZATION_TYPES, type CreateOrganizationRequest, type OrganizationDto, type OrganizationType, type UpdateOrganizationRequest } from '@samverka/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DataSource, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { conflict, notFound } from '../common/errors';
import { uuidParam, IsOmittable } from '../common/validation';
import { toOrganizationDto } from './mappers';
import { Organization } from './organization.entity';
import { Idempotent, IdempotencyService } from '../idempotency/idempotency';

export class CreateOrganizationBody implements CreateOrganizationRequest {
  @ApiProperty({ example: 'Exempelstad kommun' }) @IsString() @Length(DIRECTORY_LIMITS.organizationName.min, DIRECTORY_LIMITS.organizationName.max) name!: string;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) @IsIn(ORGANIZATION_TYPES) type!: OrganizationType;
}

export class UpdateOrganizationBody implements UpdateOrganizationRequest {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(DIRECTORY_LIMITS.organizationName.min, DIRECTORY_LIMITS.organizationName.max) name?: string;
  @ApiPropertyOptional({ enum: ORGANIZATION_TYPES }) @IsOmittable() @IsIn(ORGANIZATION_TYPES) type?: OrganizationType;
}

/** The organisations of the EST partnerships. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  /** The active people of an organisation (for choosing who carries out an action): for its own members and admins. */
  /**
   * The active people of an organisation (id and name), to name an action's owner: for its own members and
   * administrators, and for the coordinators and commanders of organisations it shares an area's partnership with
   * (they record the owners agreed in the consultation meeting). Others get 404.
   */
  async members(actor: AuthUser, id: string): Promise<{ id: string; name: string }[]> {
    const own = actor.organizationId === id || actor.roles.includes('admin');
    const partner =
      !own &&
      (actor.roles.includes('coordinator') || actor.roles.includes('commander')) &&
      (
        await this.db.query(
          `SELECT 1 FROM area_partners a JOIN area_partners b ON b.area_id = a.area_id WHERE a.organization_id = $1 AND b.organization_id = $2 LIMIT 1`,
          [actor.organizationId, id],
        )
      ).length > 0;
    if (!own && !partner) throw notFound('Organization');
    return this.db.query('SELECT id, name FROM users WHERE organization_id = $1 AND active ORDER BY name', [id]);
  }

  async list(): Promise<OrganizationDto[]> {
    const rows = await this.db.getRepository(Organization).find({ order: { name: 'ASC' } });
    return rows.map(toOrganizationDto);
  }

  async create(actor: AuthUser, body: CreateOrganizationBody): Promise<OrganizationDto> {
    return this.idem.transaction(async (m) => {
      const repo = m.getRepository(Organization);
      if (await repo.exists({ where: { name: body.name.trim() } })) {
        throw conflict('ORGANIZATION.NAME_TAKEN', 'An organisation with this name already exists', 'name');
      }
      const org = await repo.save(repo.create({ name: body.name.trim(), type: body.type }));
      await this.audit.record(m, actor, { action: 'organization.create', entityType: 'organization', entityId: org.id, after: toOrganizationDto(org) });
      return toOrganizationDto(org);
    });
  }

  async update(actor: AuthUser, id: string, body: UpdateOrganizationBody): Promise<OrganizationDto> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Organization);
      const org = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('Organization');
      const before = toOrganizationDto(org);
      if (body.name !== undefined) {
        const name = body.name.trim();
        if (await repo.exists({ where: { name, id: Not(id) } })) {
          throw conflict('ORGANIZATION.NAME_TAKEN', 'An organisation with this name already exists', 'name');
        }
        org.name = name;
      }
      if (body.type !== undefined) org.type = body.type;
      await repo.save(org);
      await this.audit.record(m, actor, { action: 'organization.update', entityType: 'organization', entityId: id, before, after: toOrganizationDto(org) });
      return toOrganizationDto(org);
    });
  }
}

@ApiTags('directory')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly orgs: OrganizationsService) {}

  /** All organisations (names and types are not secret within the product). */
  @Get() @SignedIn()
  list(): Promise<OrganizationDto[]> {
    return this.orgs.list();
  }

  /** The active people of the caller's own organisation (id and name only). */
  @Get(':id/users') @SignedIn()
  members(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<{ id: string; name: string }[]> {
    return this.orgs.members(user, id);
  }

  @Post() @Roles('admin') @Idempotent()
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganizationBody): Promise<OrganizationDto> {
    return this.orgs.create(user, body);
  }

  @Patch(':id') @Roles('admin')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateOrganizationBody): Promise<OrganizationDto> {
    return this.orgs.update(user, id, body);
  }
}
