import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryDto, AuditVerifyDto } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';
import { DomainError, notFound } from '../common/errors';
import { participantsOnly } from '../meetings/meetings.service';
import { detailsVisibleTo, ReportsService } from '../reports/reports.service';
import { AuditEntry } from './audit-entry.entity';
import { AREA_OF_SQL, auditRepository } from './audit.repository';
import { entryHash } from './audit.service';

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
      const rows = await this.db
        .getRepository(AuditEntry)
        .createQueryBuilder('e')
        .where('e.id > :lastId', { lastId })
        .orderBy('e.id', 'ASC')
        .take(BATCH)
        .getMany();
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
        // The report exists: its area was found above.
        const r = (await auditRepository.reportVisibility(this.db, entityId))!;
        hideDetails = !detailsVisibleTo({ restricted: r.restricted, review: r.review, organizationId: r.organization_id }, user);
      }
    } else if (entityType === 'meeting') {
      const organizationIds = await auditRepository.meetingOrganizations(this.db, entityId);
      if (!organizationIds || (!organizationIds.includes(user.organizationId) && !admin)) throw notFound('Entity', 'entityId');
      // Its entries carry what was recorded: for participating organisations only, also among administrators.
      if (!organizationIds.includes(user.organizationId)) throw participantsOnly('entityId');
    } else if (entityType === 'import') {
      const organizationId = await auditRepository.importOrganization(this.db, entityId);
      if (!organizationId || (organizationId !== user.organizationId && !admin)) throw notFound('Entity', 'entityId');
    } else if (!admin) {
      throw new DomainError(403, 'AUTH.FORBIDDEN', 'The directory’s history is for administrators', 'entityType');
    }
    const rows = await auditRepository.entriesOf(this.db, entityType, entityId);
    return rows.map((r) => ({
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
    return auditRepository.areaOf(this.db, entityType as keyof typeof AREA_OF_SQL, entityId);
  }
}
