import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import type { ChecklistItem, ChecklistTemplateDto, ChecklistTemplateRequest, UpdateChecklistTemplateRequest } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { invalid, notFound } from '../common/errors';
import { uuidParam } from '../common/validation';
import { Idempotent, IdempotencyService } from '../idempotency/idempotency';
import { Answers } from '../openapi/responses';
import { WalkChecklistTemplate } from './walk.entity';
import { ChecklistTemplateBody, UpdateChecklistTemplateBody } from './walks.dto';

const toDto = (t: WalkChecklistTemplate): ChecklistTemplateDto => ({
  id: t.id,
  nameSv: t.nameSv,
  nameEn: t.nameEn,
  items: t.items,
  active: t.active,
  isDefault: t.isDefault,
});

/** Item keys are unique within a checklist (answers and findings refer to them). */
function checkItems(items: ChecklistItem[]): ChecklistItem[] {
  const dup = items.findIndex((a, i) => items.findIndex((b) => b.key === a.key) !== i);
  if (dup >= 0) throw invalid(`items[${dup}].key`, `items[${dup}].key is used twice`);
  return items.map((i) => ({ key: i.key, labelSv: i.labelSv.trim(), labelEn: i.labelEn.trim() }));
}

/** The checklists of safety walks: administrators maintain them; a walk keeps a copy of the one it was planned with. */
@Injectable()
export class ChecklistsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  async list(): Promise<ChecklistTemplateDto[]> {
    const rows = await this.db.getRepository(WalkChecklistTemplate).find({ order: { active: 'DESC', isDefault: 'DESC', nameSv: 'ASC' } });
    return rows.map(toDto);
  }

  create(user: AuthUser, body: ChecklistTemplateRequest): Promise<ChecklistTemplateDto> {
    return this.idem.transaction(async (m) => {
      const repo = m.getRepository(WalkChecklistTemplate);
      const saved = await repo.save(
        repo.create({ nameSv: body.nameSv.trim(), nameEn: body.nameEn.trim(), items: checkItems(body.items), active: true, isDefault: false }),
      );
      await this.audit.record(m, user, { action: 'walk_checklist.create', entityType: 'walk_checklist', entityId: saved.id, after: toDto(saved) });
      return toDto(saved);
    });
  }

  update(user: AuthUser, id: string, body: UpdateChecklistTemplateRequest): Promise<ChecklistTemplateDto> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(WalkChecklistTemplate);
      const t = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw notFound('Checklist');
      const before = toDto(t);
      if (body.nameSv !== undefined) t.nameSv = body.nameSv.trim();
      if (body.nameEn !== undefined) t.nameEn = body.nameEn.trim();
      if (body.items !== undefined) t.items = checkItems(body.items);
      if (body.active !== undefined) {
        if (!body.active && t.isDefault) throw invalid('active', 'the default checklist stays active');
        t.active = body.active;
      }
      await repo.save(t);
      await this.audit.record(m, user, { action: 'walk_checklist.update', entityType: 'walk_checklist', entityId: t.id, before: before, after: toDto(t) });
      return toDto(t);
    });
  }
}

@ApiTags('walks')
@Controller('walk-checklists')
export class ChecklistsController {
  constructor(private readonly checklists: ChecklistsService) {}

  /** Every checklist, active ones first (the default one first of them). */
  @Get()
  @SignedIn()
  @Answers(200, 'ChecklistTemplateDto[]')
  list(): Promise<ChecklistTemplateDto[]> {
    return this.checklists.list();
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @Answers(201, 'ChecklistTemplateDto')
  create(@CurrentUser() user: AuthUser, @Body() body: ChecklistTemplateBody): Promise<ChecklistTemplateDto> {
    return this.checklists.create(user, body);
  }

  /** Renames, changes the items of, or retires (active false) a checklist; walks keep the copy they were planned with. */
  @Patch(':id')
  @Roles('admin')
  @Answers(200, 'ChecklistTemplateDto')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateChecklistTemplateBody): Promise<ChecklistTemplateDto> {
    return this.checklists.update(user, id, body);
  }
}
