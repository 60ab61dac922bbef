import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AreaDetailDto, AreaSummaryDto, PlaceDto } from '@samverka/contracts';
import { DataSource, EntityManager, In, Not, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { conflict, invalid, notFound } from '../common/errors';
import { uuidParam } from '../common/validation';
import { partnerScope } from '../database/sql-fragments';
import { Area } from './area.entity';
import { directoryRepository } from './directory.repository';
import { toAreaDetailDto, toAreaSummaryDto, toPlaceDto } from './mappers';
import { Organization } from './organization.entity';
import { Place } from './place.entity';
import { Idempotent, IdempotencyService } from '../idempotency/idempotency';
import { CreateAreaBody, CreatePlaceBody, UpdateAreaBody, UpdatePlaceBody } from './areas.dto';
import { Answers, AnswersNoContent } from '../openapi/responses';

/** EST areas, their named places and their partnerships. */
@Injectable()
export class AreasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  /** Limits a query on areas (alias `a`) to those the user may see: their organisation's partnerships, or all for admins. */
  private visibleTo(qb: SelectQueryBuilder<Area>, user: AuthUser): SelectQueryBuilder<Area> {
    if (user.roles.includes('admin')) return qb;
    return qb.andWhere(...partnerScope('a.id', user.organizationId, 'org'));
  }

  async listVisible(user: AuthUser): Promise<AreaSummaryDto[]> {
    const areas = await this.visibleTo(this.db.getRepository(Area).createQueryBuilder('a').leftJoinAndSelect('a.partners', 'o'), user)
      .orderBy('a.name', 'ASC')
      .getMany();
    if (areas.length === 0) return [];
    const byArea = await directoryRepository.placeCounts(
      this.db,
      areas.map((a) => a.id),
    );
    return areas.map((a) => toAreaSummaryDto(a, byArea.get(a.id) ?? 0));
  }

  async getVisible(user: AuthUser, id: string): Promise<AreaDetailDto> {
    const area = await this.visibleTo(
      this.db.getRepository(Area).createQueryBuilder('a').leftJoinAndSelect('a.partners', 'o').leftJoinAndSelect('a.places', 'p').where('a.id = :id', { id }),
      user,
    ).getOne();
    if (!area) throw notFound('Area');
    return toAreaDetailDto(area);
  }

  private async partners(m: EntityManager, ids: string[]): Promise<Organization[]> {
    const orgs = ids.length ? await m.getRepository(Organization).findBy({ id: In(ids) }) : [];
    if (orgs.length !== ids.length) throw invalid('partnerIds', 'partnerIds names an organisation that does not exist');
    return orgs;
  }

  private async loadForWrite(m: EntityManager, id: string): Promise<Area> {
    await directoryRepository.lockArea(m, id);
    const area = await m.getRepository(Area).findOne({ where: { id }, relations: { partners: true, places: true } });
    if (!area) throw notFound('Area');
    return area;
  }

  async create(actor: AuthUser, body: CreateAreaBody): Promise<AreaDetailDto> {
    return this.idem.transaction(async (m) => {
      const repo = m.getRepository(Area);
      const name = body.name.trim();
      if (await repo.exists({ where: { name } })) throw conflict('AREA.NAME_TAKEN', 'An area with this name already exists', 'name');
      const partners = await this.partners(m, body.partnerIds);
      const area = await repo.save(repo.create({ name, description: body.description?.trim() || null, partners }));
      area.places = [];
      const dto = toAreaDetailDto(area);
      await this.audit.record(m, actor, { action: 'area.create', entityType: 'area', entityId: area.id, after: dto });
      return dto;
    });
  }

  async update(actor: AuthUser, id: string, body: UpdateAreaBody): Promise<AreaDetailDto> {
    return this.db.transaction(async (m) => {
      const area = await this.loadForWrite(m, id);
      const before = toAreaDetailDto(area);
      if (body.name !== undefined) {
        const name = body.name.trim();
        if (await m.getRepository(Area).exists({ where: { name, id: Not(id) } }))
          throw conflict('AREA.NAME_TAKEN', 'An area with this name already exists', 'name');
        area.name = name;
      }
      if (body.description !== undefined) area.description = body.description?.trim() || null;
      if (body.partnerIds !== undefined) area.partners = await this.partners(m, body.partnerIds);
      await m.getRepository(Area).save(area);
      const dto = toAreaDetailDto(area);
      await this.audit.record(m, actor, { action: 'area.update', entityType: 'area', entityId: id, before, after: dto });
      return dto;
    });
  }

  /** A place's responsible organisation must take part in the area's partnership (null: none). */
  private async responsibleOf(m: EntityManager, areaId: string, organizationId: string | null | undefined): Promise<string | null> {
    if (!organizationId) return null;
    if (!(await directoryRepository.isPartner(m, areaId, organizationId)))
      throw invalid('responsibleOrganizationId', "responsibleOrganizationId must be an organisation of the area's partnership");
    return organizationId;
  }

  async addPlace(actor: AuthUser, areaId: string, body: CreatePlaceBody): Promise<PlaceDto> {
    return this.idem.transaction(async (m) => {
      const area = await this.loadForWrite(m, areaId);
      const name = body.name.trim();
      if (area.places.some((p) => p.name === name)) throw conflict('PLACE.NAME_TAKEN', 'The area already has a place with this name', 'name');
      const repo = m.getRepository(Place);
      const responsibleOrganizationId = await this.responsibleOf(m, areaId, body.responsibleOrganizationId);
      const place = await repo.save(
        repo.create({ areaId, name, latitude: body.latitude ?? null, longitude: body.longitude ?? null, responsibleOrganizationId }),
      );
      const dto = toPlaceDto(place);
      await this.audit.record(m, actor, { action: 'place.create', entityType: 'place', entityId: place.id, after: dto });
      return dto;
    });
  }

  async updatePlace(actor: AuthUser, id: string, body: UpdatePlaceBody): Promise<PlaceDto> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Place);
      const place = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!place) throw notFound('Place');
      const before = toPlaceDto(place);
      if (body.name !== undefined) {
        const name = body.name.trim();
        if (await repo.exists({ where: { areaId: place.areaId, name, id: Not(id) } }))
          throw conflict('PLACE.NAME_TAKEN', 'The area already has a place with this name', 'name');
        place.name = name;
      }
      if (body.latitude !== undefined || body.longitude !== undefined) {
        place.latitude = body.latitude ?? null;
        place.longitude = body.longitude ?? null;
      }
      if (body.responsibleOrganizationId !== undefined)
        place.responsibleOrganizationId = await this.responsibleOf(m, place.areaId, body.responsibleOrganizationId);
      await repo.save(place);
      const dto = toPlaceDto(place);
      await this.audit.record(m, actor, { action: 'place.update', entityType: 'place', entityId: id, before, after: dto });
      return dto;
    });
  }

  async deletePlace(actor: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(Place);
      const place = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!place) throw notFound('Place');
      if (!(await directoryRepository.deletePlaceIfUnused(m, id)))
        throw conflict('PLACE.IN_USE', 'The place has reports or cases and cannot be deleted; rename it instead', 'id');
      await this.audit.record(m, actor, { action: 'place.delete', entityType: 'place', entityId: id, before: toPlaceDto(place) });
    });
  }
}

@ApiTags('directory')
@Controller()
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  /** The areas of the caller's partnerships (all areas for an administrator). */
  @Get('areas')
  @SignedIn()
  @Answers(200, 'AreaSummaryDto[]')
  list(@CurrentUser() user: AuthUser): Promise<AreaSummaryDto[]> {
    return this.areas.listVisible(user);
  }

  /** One area with its places and partnership; 404 when it is not one of the caller's areas. */
  @Get('areas/:id')
  @SignedIn()
  @Answers(200, 'AreaDetailDto')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<AreaDetailDto> {
    return this.areas.getVisible(user, id);
  }

  @Post('areas')
  @Roles('admin')
  @Idempotent()
  @Answers(201, 'AreaDetailDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAreaBody): Promise<AreaDetailDto> {
    return this.areas.create(user, body);
  }

  @Patch('areas/:id')
  @Roles('admin')
  @Answers(200, 'AreaDetailDto')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateAreaBody): Promise<AreaDetailDto> {
    return this.areas.update(user, id, body);
  }

  @Post('areas/:id/places')
  @Roles('admin')
  @Idempotent()
  @Answers(201, 'PlaceDto')
  addPlace(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: CreatePlaceBody): Promise<PlaceDto> {
    return this.areas.addPlace(user, id, body);
  }

  @Patch('places/:id')
  @Roles('admin')
  @Answers(200, 'PlaceDto')
  updatePlace(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdatePlaceBody): Promise<PlaceDto> {
    return this.areas.updatePlace(user, id, body);
  }

  @Delete('places/:id')
  @Roles('admin')
  @HttpCode(204)
  @AnswersNoContent('Deleted')
  deletePlace(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.areas.deletePlace(user, id);
  }
}
