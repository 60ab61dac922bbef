import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ATTENTION_KINDS, type AttentionDto, type AttentionItemDto, type AttentionKind } from '@samverka/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';
import { isoWeekOf } from '../reports/weeks';
import { WorkflowSettingsService } from '../settings/settings.service';
import { allowedFor, CASE_WORKFLOW, MEETING_WORKFLOW } from '../workflow/workflow-events';
import { attentionRepository } from './attention.repository';

/** At most this many lines per kind; the counts say how many there are. */
export const LINES_PER_KIND = 20;

/** The case event that is the work a case in each waiting state needs: the case waits for whoever the workflow lets send it. */
const CASE_WORK: Record<string, string> = { reported: 'START_ANALYSIS', analysis: 'PROPOSE', proposed: 'AGREE', escalated: 'AGREE', follow_up: 'EVALUATE' };

/**
 * The start page "Att göra" (issue #15, part 5): what needs the signed-in person now. Read-only; every query is scoped
 * to the caller's partnerships, and whether a case or minutes wait for the caller is the workflows' decision.
 */
@Injectable()
export class AttentionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: WorkflowSettingsService,
  ) {}

  async forUser(user: AuthUser, now = new Date()): Promise<AttentionDto> {
    const m = this.db.manager;
    const org = user.organizationId;
    const has = (...roles: AuthUser['roles']) => roles.some((r) => user.roles.includes(r));
    const week = isoWeekOf(now);
    const settings = await this.settings.current(m);
    const lines = new Map<AttentionKind, AttentionItemDto[]>(ATTENTION_KINDS.map((k) => [k, []]));
    const add = (item: AttentionItemDto) => lines.get(item.kind)!.push(item);

    for (const a of await attentionRepository.dueActions(m, user.id, org)) {
      add({ kind: a.overdue ? 'overdue_action' : 'due_action', id: a.id, label: a.what, at: a.due_date, detail: null, link: `/cases/${a.case_id}` });
    }
    for (const c of await attentionRepository.waitingCases(m, org)) {
      const work = CASE_WORK[c.state];
      if (work && allowedFor(CASE_WORKFLOW, c, user, settings).includes(work)) {
        add({ kind: 'case_decision', id: c.id, label: c.title, at: null, detail: c.state, link: `/cases/${c.id}` });
      }
    }
    for (const mt of await attentionRepository.draftMinutes(m, org)) {
      if (allowedFor(MEETING_WORKFLOW, mt, user, settings).includes('APPROVE')) {
        add({ kind: 'minutes_approval', id: mt.id, label: mt.title, at: iso(mt.at), detail: null, link: `/meetings/${mt.id}` });
      }
    }
    const next = await attentionRepository.nextMeeting(m, user.id, org);
    if (next) add({ kind: 'next_meeting', id: next.id, label: next.title, at: iso(next.at), detail: next.state, link: `/meetings/${next.id}` });
    if (has('analyst', 'coordinator')) {
      for (const a of await attentionRepository.areasWithoutLevel(m, org, week)) {
        add({ kind: 'missing_level', id: a.id, label: a.name, at: null, detail: week, link: `/areas/${a.id}/picture` });
      }
    }
    if (has('coordinator')) {
      const pending = await attentionRepository.pendingReviews(m, org);
      if (pending > 0) add({ kind: 'report_review', id: null, label: String(pending), at: null, detail: String(pending), link: '/reports/review' });
      for (const i of await attentionRepository.failedImports(m, org)) {
        add({ kind: 'failed_import', id: i.id, label: i.filename, at: iso(i.finished_at), detail: null, link: '/reports/import' });
      }
    }

    const counts = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, k === 'report_review' ? Number(lines.get(k)![0]?.detail ?? 0) : lines.get(k)!.length]));
    const items = ATTENTION_KINDS.flatMap((k) => lines.get(k)!.slice(0, LINES_PER_KIND));
    return { items, counts: counts as AttentionDto['counts'], week };
  }
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
