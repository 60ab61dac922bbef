import { Body, Controller, Get, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type OrganizationDto, type PersonDto } from '@samverka/contracts';
import { DataSource, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { conflict, notFound } from '../common/errors';
import { uuidParam } from '../common/validation';
import { toOrganizationDto } from './mappers';
import { directoryRepository } from './directory.repository';
import { Organization } from './organization.entity';
import { Idempotent, IdempotencyService } from '../idempotency/idempotency';
import { CreateOrganizationBody, UpdateOrganizationBody } from './organizations.dto';
import { Answers } from '../openapi/responses';

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
  async members(actor: AuthUser, id: string): Promise<PersonDto[]> {
    const own = actor.organizationId === id || actor.roles.includes('admin');
    const partner =
      !own &&
      (actor.roles.includes('coordinator') || actor.roles.includes('commander')) &&
      (await directoryRepository.sharePartnership(this.db, actor.organizationId, id));
    if (!own && !partner) throw notFound('Organization');
    return directoryRepository.activeMembers(this.db, id);
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
  @Get()
  @SignedIn()
  @Answers(200, 'OrganizationDto[]')
  list(): Promise<OrganizationDto[]> {
    return this.orgs.list();
  }

  /** The active people of the caller's own organisation (id and name only). */
  @Get(':id/users')
  @SignedIn()
  @Answers(200, 'PersonDto[]')
  members(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<PersonDto[]> {
    return this.orgs.members(user, id);
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @Answers(201, 'OrganizationDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganizationBody): Promise<OrganizationDto> {
    return this.orgs.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @Answers(200, 'OrganizationDto')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateOrganizationBody): Promise<OrganizationDto> {
    return this.orgs.update(user, id, body);
  }
}
