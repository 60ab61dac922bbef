import { Body, Controller, Get, Injectable, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CategoryDto } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { conflict, notFound } from '../common/errors';
import { uuidParam } from '../common/validation';
import { Category } from './category.entity';
import { directoryRepository } from './directory.repository';
import { toCategoryDto } from './mappers';
import { Idempotent, IdempotencyService } from '../idempotency/idempotency';
import { CreateCategoryBody, ListCategoriesQuery, UpdateCategoryBody } from './categories.dto';
import { Answers } from '../openapi/responses';

/** The report categories (the default EST taxonomy, configurable by administrators). */
@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  async list(includeInactive: boolean): Promise<CategoryDto[]> {
    const rows = await this.db.getRepository(Category).find({
      where: includeInactive ? {} : { active: true },
      order: { sortOrder: 'ASC', labelSv: 'ASC' },
    });
    return rows.map(toCategoryDto);
  }

  async create(actor: AuthUser, body: CreateCategoryBody): Promise<CategoryDto> {
    return this.idem.transaction(async (m) => {
      const repo = m.getRepository(Category);
      if (await repo.exists({ where: { code: body.code } })) throw conflict('CATEGORY.CODE_TAKEN', 'A category with this code already exists', 'code');
      const sortOrder = body.sortOrder ?? (await directoryRepository.nextCategorySortOrder(m));
      const cat = await repo.save(repo.create({ code: body.code, labelSv: body.labelSv.trim(), labelEn: body.labelEn.trim(), sortOrder, active: true }));
      await this.audit.record(m, actor, { action: 'category.create', entityType: 'category', entityId: cat.id, after: toCategoryDto(cat) });
      return toCategoryDto(cat);
    });
  }

  async update(actor: AuthUser, id: string, body: UpdateCategoryBody): Promise<CategoryDto> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(Category);
      const cat = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cat) throw notFound('Category');
      const before = toCategoryDto(cat);
      if (body.labelSv !== undefined) cat.labelSv = body.labelSv.trim();
      if (body.labelEn !== undefined) cat.labelEn = body.labelEn.trim();
      if (body.sortOrder !== undefined) cat.sortOrder = body.sortOrder;
      if (body.active !== undefined) cat.active = body.active;
      await repo.save(cat);
      await this.audit.record(m, actor, { action: 'category.update', entityType: 'category', entityId: id, before, after: toCategoryDto(cat) });
      return toCategoryDto(cat);
    });
  }
}

@ApiTags('directory')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** Active categories; administrators may ask for retired ones too. */
  @Get()
  @SignedIn()
  @Answers(200, 'CategoryDto[]')
  list(@CurrentUser() user: AuthUser, @Query() q: ListCategoriesQuery): Promise<CategoryDto[]> {
    return this.categories.list(q.includeInactive === 'true' && user.roles.includes('admin'));
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @Answers(201, 'CategoryDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCategoryBody): Promise<CategoryDto> {
    return this.categories.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @Answers(200, 'CategoryDto')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateCategoryBody): Promise<CategoryDto> {
    return this.categories.update(user, id, body);
  }
}
