import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryDto, AuditVerifyDto } from '@samverka/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { DomainError, notFound } from '../common/errors';
import { participantsOnly } from '../meetings/meetings.service';
import { detailsVisibleTo, ReportsService } from '../reports/reports.service';
import { AuditEntry } from './audit-entry.entity';
import { entryHash } from './audit.service';

const ENTITY_TYPES = ['case', 'action', 'report', 'area_level', 'meeting', 'user', 'organization', 'area', 'place', 'category', 'import'] as const;

export class AuditQuery {
  @ApiProperty({ enum: ENTITY_TYPES }) @IsIn(ENTITY_TYPES, { message: `entityType must be one of ${ENTITY_TYPES.join(', ')}` }) entityType!: string;
  @ApiProperty() @IsString() @Length(1, 100, { message: 'entityId is required' }) entityId!: string;
}

const GENESIS = '0'.repeat(64);
const BATCH = 5000;

/** Reads and verifies the audit trail; nothing here (or anywhere in the product) changes it. */
@Injectable()
export class AuditReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
  ) {}

  /** Recomputes the hash chain from the first entry; reports the first entry whose content or link does not match. */
  async verify(): Promise<AuditVerifyDto> {
    let prev = GENESIS;
    let entries = 0;
    let lastId = '0';
    for (;;) {
      const rows = await this.db.getRepository(AuditEntry).createQueryBuilder('e').where('e.id > :lastId', { lastId }).orderBy('e.id', 'ASC').take(BATCH).getMany();
      for (const e of rows) {
        entries++;
        if (e.prevHash !== prev || entryHash(prev, e) !== e.hash) return { valid: false, entries, firstBrokenAt: String(e.id) };
        prev = e.hash;
      }
      if (rows.length < BATCH) return { valid: true, entries };
      lastId = rows[rows.length - 1].id;
    }
  }

  /**
   * The entries of one entity, for those who may see the entity. Another organisation's restricted report keeps its
   * details and who filed or corrected it to itself: its entries show what happened and when, with `before`, `after`
   * and `actor` withheld (`actorWithheld`).
   */
  async list(user: AuthUser, entityType: string, entityId: string): Promise<AuditEntryDto[]> {
    const admin = user.roles.includes('admin');
    let hideDetails = false;
    if (['case', 'action', 'report', 'area_level'].includes(entityType)) {
      const areaId = await this.areaOf(entityType, entityId);
      if (!areaId || !(await this.reports.canSeeArea(user, areaId))) throw notFound('Entity', 'entityId');
      if (entityType === 'report') {
        const [r] = await this.db.query('SELECT restricted, review, organization_id FROM reports WHERE id = $1', [entityId]);
        hideDetails = !detailsVisibleTo({ restricted: r.restricted, review: r.review, organizationId: r.organization_id }, user);
      }
    } else if (entityType === 'meeting') {
      const [mt] = await this.db.query('SELECT organization_ids FROM meetings WHERE id::text = $1', [entityId]);
      if (!mt || (!mt.organization_ids.includes(user.organizationId) && !admin)) throw notFound('Entity', 'entityId');
      // Its entries carry what was recorded: for participating organisations only, also among administrators.
      if (!mt.organization_ids.includes(user.organizationId)) throw participantsOnly('entityId');
    } else if (entityType === 'import') {
      const [i] = await this.db.query('SELECT organization_id FROM imports WHERE id::text = $1', [entityId]);
      if (!i || (i.organization_id !== user.organizationId && !admin)) throw notFound('Entity', 'entityId');
    } else if (!admin) {
      throw new DomainError(403, 'AUTH.FORBIDDEN', 'The directory’s history is for administrators', 'entityType');
    }
    const rows: (AuditEntry & { actor_name: string | null })[] = await this.db.query(
      `SELECT e.id, e.at, e.actor_id, e.actor_organization_id, e.action, e.entity_type, e.entity_id, e.before, e.after, u.name AS actor_name
       FROM audit_entries e LEFT JOIN users u ON u.id = e.actor_id WHERE e.entity_type = $1 AND e.entity_id = $2 ORDER BY e.id`,
      [entityType, entityId],
    );
    return rows.map((r: Record<string, any>) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      actor: r.actor_id && !hideDetails ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      ...(hideDetails && r.actor_id ? { actorWithheld: true } : {}),
      actorOrganizationId: r.actor_organization_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: hideDetails ? null : r.before,
      after: hideDetails ? null : r.after,
    }));
  }

  private async areaOf(entityType: string, entityId: string): Promise<string | null> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (entityType === 'area_level') {
      const areaId = entityId.split(':')[0];
      return uuid.test(areaId) ? areaId : null;
    }
    if (!uuid.test(entityId)) return null;
    const sql = {
      case: 'SELECT area_id FROM cases WHERE id = $1',
      action: 'SELECT c.area_id FROM case_actions x JOIN cases c ON c.id = x.case_id WHERE x.id = $1',
      report: 'SELECT area_id FROM reports WHERE id = $1',
    }[entityType as 'case' | 'action' | 'report'];
    const [row] = await this.db.query(sql, [entityId]);
    return row?.area_id ?? null;
  }
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  /** Whether the hash chain of the whole audit trail is intact. */
  @Get('verify') @Roles('admin', 'coordinator', 'analyst')
  verify(): Promise<AuditVerifyDto> {
    return this.reader.verify();
  }

  /** The audit entries of one entity. */
  @Get() @SignedIn()
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery): Promise<AuditEntryDto[]> {
    return this.reader.list(user, q.entityType, q.entityId);
  }
}
