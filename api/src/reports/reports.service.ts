import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateReportRequest,
  findPersonalData,
  type MyReportDto,
  type Page,
  REDACTED_MARK,
  type ReportCaseDto,
  type ReportDto,
} from '@samverka/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { toCsv } from '../common/csv';
import { swedishDateTime } from '../common/swedish-time';
import { inSwedishTimeSql, partnerScope } from '../database/sql-fragments';
import { DomainError, invalid, notFound } from '../common/errors';
import { Area } from '../directory/area.entity';
import { Category } from '../directory/category.entity';
import { Place } from '../directory/place.entity';
import { IdempotencyService } from '../idempotency/idempotency';
import { RedactReportBody, ReportFilterQuery, ReportListQuery, ReviewReportBody, UpdateReportBody } from './report.dto';
import { SituationReport } from './report.entity';
import { AREA_LABELS_SQL, CATEGORY_LABELS_SQL, reportCasesRepository, reportsRepository, WITHHELD_SQL } from './reports.repository';
import { isoWeekOf } from './weeks';

/** Sweden's bounding box (WGS 84), with a small margin: coordinates outside it are a mistake. */
export const SWEDEN_BOUNDS = { minLat: 55.0, maxLat: 69.1, minLng: 10.9, maxLng: 24.2 };

/** How long a reporter may correct their own report; after that it is a record. */
const OWN_CORRECTION_MS = 24 * 3_600_000;
/** Clock skew allowed for "not in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

/** At most this many rows in one CSV export. */
const EXPORT_LIMIT = 100_000;
const ASSESSMENT_SV = { low: 'låg', medium: 'medel', high: 'hög' } as const;

const HOURS: Record<string, [number, number]> = { night: [0, 6], morning: [6, 12], day: [12, 18], evening: [18, 24] };

/**
 * THE rule for a report's details, for a loaded row (`WITHHELD_SQL` in reports.repository.ts is its SQL form): they are
 * withheld from other organisations when the report is restricted, or while its flagged text awaits review.
 */
export const isWithheld = (r: Pick<SituationReport, 'restricted' | 'review'>): boolean => r.restricted || r.review === 'pending';
/**
 * Whether this user sees the report's details: its own organisation always; others when nothing withholds them. A
 * report awaiting review (not restricted) is shown to the partnership's coordinators, who review it (callers have
 * checked that the user sees the report's area).
 */
export function detailsVisibleTo(
  r: Pick<SituationReport, 'organizationId' | 'restricted' | 'review'>,
  user: Pick<AuthUser, 'organizationId' | 'roles'>,
): boolean {
  if (r.organizationId === user.organizationId || !isWithheld(r)) return true;
  return !r.restricted && r.review === 'pending' && user.roles.includes('coordinator');
}

/** Situation reports: filing, correcting, listing and exporting, scoped by the caller's partnerships. */
/** How many of their own reports a reporter sees in "Mina rapporter". */
const MY_REPORTS_LIMIT = 200;

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  /** True when the user may see reports of the area (their organisation is a partner, or they are an admin). */
  async canSeeArea(user: AuthUser, areaId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    if (user.roles.includes('admin')) return m.getRepository(Area).exists({ where: { id: areaId } });
    return reportsRepository.takesPart(m, areaId, user.organizationId);
  }

  /** Maps a row to what this user may see: another organisation's restricted report keeps only its figures. */
  toDto(r: SituationReport, user: AuthUser): ReportDto {
    const visible = detailsVisibleTo(r, user);
    const redacted = r.redactedAt != null;
    const editableUntil = r.reporterId === user.id && r.source === 'form' ? new Date(r.reportedAt.getTime() + OWN_CORRECTION_MS) : null;
    return {
      id: r.id,
      areaId: r.areaId,
      placeId: visible ? r.placeId : null,
      placeName: visible ? (r.place?.name ?? null) : null,
      latitude: visible ? r.latitude : null,
      longitude: visible ? r.longitude : null,
      categoryId: r.categoryId,
      occurredAt: r.occurredAt.toISOString(),
      reportedAt: r.reportedAt.toISOString(),
      assessment: r.assessment,
      policeNotified: visible ? r.policeNotified : false,
      publicPlace: visible ? r.publicPlace : null,
      restricted: r.restricted,
      detailsVisible: visible,
      description: visible && !redacted ? r.description : null,
      organization: { id: r.organization.id, name: r.organization.name },
      reporter: visible && r.reporter ? { id: r.reporter.id, name: r.reporter.name } : null,
      source: r.source,
      // Whether the free text looked like personal data is a detail of the text.
      personalDataConfirmed: visible ? r.personalDataConfirmed : false,
      editableUntil: editableUntil && editableUntil.getTime() > Date.now() && !redacted ? editableUntil.toISOString() : null,
      redactedAt: redacted ? r.redactedAt!.toISOString() : null,
      review: visible ? r.review : null,
      textRedaction:
        visible && r.textRedactedAt && r.textRedactionReason
          ? { at: r.textRedactedAt.toISOString(), organizationId: r.textRedactedByOrganizationId, reason: r.textRedactionReason, note: r.textRedactionNote }
          : null,
      canRedact: this.mayRedact(r, user),
      canReview: this.mayReview(r, user),
    };
  }

  /**
   * Who may remove free text (gallra): users who see the details, and are either the report's reporter, a coordinator
   * or administrator of its organisation, or a coordinator of a partner of its area (callers have checked the area).
   */
  private mayRedact(r: SituationReport, user: AuthUser): boolean {
    if (r.redactedAt || !detailsVisibleTo(r, user)) return false;
    if (r.organizationId === user.organizationId && (r.reporterId === user.id || user.roles.includes('admin'))) return true;
    return user.roles.includes('coordinator');
  }

  /** Who may confirm a text awaiting review: a coordinator of the partnership who sees the details. */
  private mayReview(r: SituationReport, user: AuthUser): boolean {
    return r.review === 'pending' && !r.redactedAt && detailsVisibleTo(r, user) && user.roles.includes('coordinator');
  }

  /** A report as the audit trail keeps it: without free text and exact coordinates, which retention removes later. */
  private forAudit(dto: ReportDto): Partial<ReportDto> & { descriptionLength: number | null; hasCoordinates: boolean } {
    const { description, latitude, longitude, ...rest } = dto;
    return { ...rest, descriptionLength: description?.length ?? null, hasCoordinates: latitude != null || longitude != null };
  }

  /** Checks the cross-field rules of a report's content; throws a 422 naming the first field at fault. */
  private async checkContent(
    m: EntityManager,
    r: Pick<CreateReportRequest, 'areaId' | 'placeId' | 'latitude' | 'longitude' | 'categoryId' | 'occurredAt' | 'description' | 'confirmNoPersonalData'>,
  ): Promise<void> {
    if (r.placeId) {
      const place = await m.getRepository(Place).findOneBy({ id: r.placeId });
      if (!place || place.areaId !== r.areaId) throw invalid('placeId', 'placeId is not a place in the chosen area');
    }
    if (r.latitude != null || r.longitude != null) {
      if (r.latitude == null) throw invalid('latitude', 'latitude is needed together with longitude');
      if (r.longitude == null) throw invalid('longitude', 'longitude is needed together with latitude');
      if (r.latitude < SWEDEN_BOUNDS.minLat || r.latitude > SWEDEN_BOUNDS.maxLat) throw invalid('latitude', 'latitude is outside Sweden');
      if (r.longitude < SWEDEN_BOUNDS.minLng || r.longitude > SWEDEN_BOUNDS.maxLng) throw invalid('longitude', 'longitude is outside Sweden');
    }
    const category = await m.getRepository(Category).findOneBy({ id: r.categoryId });
    if (!category || !category.active) throw invalid('categoryId', 'categoryId is not an active category');
    const occurred = new Date(r.occurredAt);
    if (Number.isNaN(occurred.getTime())) throw invalid('occurredAt', 'occurredAt must be an ISO 8601 date and time');
    if (occurred.getTime() > Date.now() + FUTURE_SKEW_MS) throw invalid('occurredAt', 'occurredAt cannot be in the future');
    if (!r.description || r.description.trim().length === 0) throw invalid('description', 'description must not be empty');
    const hits = findPersonalData(r.description);
    if (hits.length > 0 && !r.confirmNoPersonalData) {
      throw new DomainError(
        422,
        'REPORT.PERSONAL_DATA',
        'description seems to contain personal data (a personal identity number, phone number or e-mail address); reports are about places and situations',
        'description',
        { hits },
      );
    }
  }

  /** Files a report for the user's organisation. */
  async create(user: AuthUser, body: CreateReportRequest): Promise<ReportDto> {
    return this.idem.transaction(async (m) => {
      if (!(await this.canSeeArea(user, body.areaId, m))) throw invalid('areaId', 'areaId is not an area of your partnership');
      await this.checkContent(m, body);
      const repo = m.getRepository(SituationReport);
      const flagged = findPersonalData(body.description).length > 0;
      const saved = await repo.save(
        repo.create({
          areaId: body.areaId,
          placeId: body.placeId ?? null,
          latitude: body.latitude ?? null,
          longitude: body.longitude ?? null,
          categoryId: body.categoryId,
          occurredAt: new Date(body.occurredAt),
          assessment: body.assessment,
          policeNotified: body.policeNotified,
          publicPlace: body.publicPlace ?? null,
          restricted: body.restricted ?? false,
          description: body.description.trim(),
          organizationId: user.organizationId,
          reporterId: user.id,
          source: 'form',
          personalDataConfirmed: flagged && body.confirmNoPersonalData === true,
          // The reporter said "not about a person" although the check found something: a coordinator reviews it first.
          review: flagged && body.confirmNoPersonalData === true ? 'pending' : null,
        }),
      );
      const row = await this.load(m, saved.id);
      const dto = this.toDto(row!, user);
      await this.audit.record(m, user, { action: 'report.create', entityType: 'report', entityId: saved.id, after: this.forAudit(dto) });
      return dto;
    });
  }

  /** Corrects a report: its reporter within 24 hours, or a coordinator of the same organisation at any time. */
  async update(user: AuthUser, id: string, body: UpdateReportBody): Promise<ReportDto> {
    return this.db.transaction(async (m) => {
      await reportsRepository.lock(m, id);
      const row = await this.load(m, id);
      if (!row || !(await this.canSeeArea(user, row.areaId, m))) throw notFound('Report');
      if (row.redactedAt)
        throw new DomainError(409, 'REPORT.REDACTED', 'The report’s details were removed by retention (gallring); it can no longer be corrected');
      const sameOrg = row.organizationId === user.organizationId;
      const ownInTime = row.reporterId === user.id && Date.now() - row.reportedAt.getTime() < OWN_CORRECTION_MS;
      const coordinator = sameOrg && user.roles.includes('coordinator');
      if (!ownInTime && !coordinator) {
        throw new DomainError(403, 'REPORT.LOCKED', 'Only the reporter within 24 hours, or a coordinator of the reporting organisation, may correct a report');
      }
      const before = this.toDto(row, user);
      const next = {
        areaId: row.areaId,
        placeId: body.placeId !== undefined ? body.placeId : row.placeId,
        latitude: body.latitude !== undefined ? body.latitude : row.latitude,
        longitude: body.longitude !== undefined ? body.longitude : row.longitude,
        categoryId: body.categoryId ?? row.categoryId,
        occurredAt: body.occurredAt ?? row.occurredAt.toISOString(),
        description: body.description ?? row.description,
        confirmNoPersonalData: body.confirmNoPersonalData ?? row.personalDataConfirmed,
      };
      await this.checkContent(m, next);
      const text = next.description.trim();
      const flagged = findPersonalData(text).length > 0 && next.confirmNoPersonalData;
      // A changed text is checked afresh: flagged and confirmed by the reporter, it waits for review again.
      const review = text === row.description ? row.review : flagged ? 'pending' : null;
      await m.getRepository(SituationReport).update(id, {
        review,
        placeId: next.placeId ?? null,
        latitude: next.latitude ?? null,
        longitude: next.longitude ?? null,
        categoryId: next.categoryId,
        occurredAt: new Date(next.occurredAt),
        description: text,
        assessment: body.assessment ?? row.assessment,
        policeNotified: body.policeNotified ?? row.policeNotified,
        publicPlace: body.publicPlace !== undefined ? body.publicPlace : row.publicPlace,
        restricted: body.restricted ?? row.restricted,
        personalDataConfirmed: flagged,
      });
      const after = this.toDto((await this.load(m, id))!, user);
      await this.audit.record(m, user, {
        action: 'report.correct',
        entityType: 'report',
        entityId: id,
        before: this.forAudit(before),
        after: this.forAudit(after),
      });
      return after;
    });
  }

  /** Locks and loads a report the user may see the area of (404 otherwise); refuses one retention already thinned out. */
  private async lockVisible(m: EntityManager, user: AuthUser, id: string): Promise<SituationReport> {
    await reportsRepository.lock(m, id);
    const row = await this.load(m, id);
    if (!row || !(await this.canSeeArea(user, row.areaId, m))) throw notFound('Report');
    if (row.redactedAt) throw new DomainError(409, 'REPORT.REDACTED', 'The report’s details were removed by retention (gallring)');
    return row;
  }

  /**
   * Removes (gallrar) the whole free text or a part of it: the part becomes "[gallrat]" in the report, so in every
   * list, export, case and document derived from it. The audit entry records who, when, why and how many characters,
   * never the text (the trail never held report text). A flagged text no longer flagged needs no review.
   */
  async redact(user: AuthUser, id: string, body: RedactReportBody): Promise<ReportDto> {
    // Keyed: a retried redaction by offsets must not remove a second, different part of the shortened text.
    return this.idem.transaction(async (m) => {
      const row = await this.lockVisible(m, user, id);
      if (!this.mayRedact(row, user)) {
        throw new DomainError(
          403,
          'REPORT.REDACT_FORBIDDEN',
          'Only the reporter, a coordinator or administrator of the reporting organisation, or a coordinator of the partnership may remove a report’s text',
        );
      }
      const note = body.note?.trim() || null;
      if (note && findPersonalData(note).length > 0) {
        throw new DomainError(422, 'REPORT.PERSONAL_DATA', 'note seems to contain personal data; say why without it', 'note', { hits: findPersonalData(note) });
      }
      if (body.reason === 'other' && !note) throw invalid('note', 'note is needed when the reason is other');
      const old = row.description;
      const byOffsets = body.start !== undefined || body.end !== undefined;
      const ways = [body.whole === true, byOffsets, body.text !== undefined].filter(Boolean).length;
      if (ways !== 1) throw invalid('whole', 'say what to remove: whole, or start and end, or text (one of them)');
      let next: string;
      let removed: number;
      let parts: number;
      if (body.whole) {
        [next, removed, parts] = [REDACTED_MARK, old.length, 1];
      } else if (byOffsets) {
        if (body.start === undefined) throw invalid('start', 'start is needed together with end');
        if (body.end === undefined) throw invalid('end', 'end is needed together with start');
        if (body.start >= old.length) throw invalid('start', `start must be below the text’s length (${old.length})`);
        if (body.end > old.length) throw invalid('end', `end must be at most the text’s length (${old.length})`);
        if (body.end <= body.start) throw invalid('end', 'end must be after start');
        next = old.slice(0, body.start) + REDACTED_MARK + old.slice(body.end);
        [removed, parts] = [body.end - body.start, 1];
      } else {
        const text = body.text!;
        if (text.trim().length === 0) throw invalid('text', 'text must not be empty');
        parts = old.split(text).length - 1;
        if (parts === 0) throw invalid('text', 'text does not occur in the report’s current text');
        next = old.split(text).join(REDACTED_MARK);
        removed = text.length * parts;
      }
      if (next.trim() === REDACTED_MARK || next.trim() === '') next = REDACTED_MARK;
      const stillFlagged = findPersonalData(next).length > 0;
      const review = stillFlagged ? row.review : null;
      const at = new Date();
      await m.getRepository(SituationReport).update(id, {
        description: next,
        personalDataConfirmed: stillFlagged && row.personalDataConfirmed,
        review,
        textRedactedAt: at,
        textRedactedByOrganizationId: user.organizationId,
        textRedactionReason: body.reason,
        textRedactionNote: note,
      });
      await this.audit.record(m, user, {
        action: 'report.redact',
        entityType: 'report',
        entityId: id,
        before: { descriptionLength: old.length, review: row.review },
        after: {
          descriptionLength: next.length,
          removedCharacters: removed,
          parts,
          whole: body.whole === true,
          reason: body.reason,
          hasNote: note != null,
          review,
        },
      });
      return this.toDto((await this.load(m, id))!, user);
    });
  }

  /** A coordinator of the partnership confirms a flagged text: it is shared with the partnership from now on. */
  async review(user: AuthUser, id: string, body: ReviewReportBody): Promise<ReportDto> {
    return this.db.transaction(async (m) => {
      const row = await this.lockVisible(m, user, id);
      if (!user.roles.includes('coordinator') || !detailsVisibleTo(row, user)) {
        throw new DomainError(403, 'REPORT.REVIEW_FORBIDDEN', 'A coordinator of the partnership who sees the report’s text reviews it');
      }
      if (row.review !== 'pending') throw new DomainError(409, 'REPORT.NOT_PENDING', 'The report does not await review', 'id');
      await m.getRepository(SituationReport).update(id, { review: 'confirmed', reviewedAt: new Date() });
      await this.audit.record(m, user, {
        action: 'report.review',
        entityType: 'report',
        entityId: id,
        before: { review: 'pending' },
        after: { review: 'confirmed', decision: body.decision },
      });
      return this.toDto((await this.load(m, id))!, user);
    });
  }

  private load(m: EntityManager, id: string): Promise<SituationReport | null> {
    return m.getRepository(SituationReport).findOne({ where: { id }, relations: { place: true, organization: true, reporter: true } });
  }

  /** One report, if it is in one of the user's areas. */
  async get(user: AuthUser, id: string): Promise<ReportDto> {
    const row = await this.load(this.db.manager, id);
    if (!row || !(await this.canSeeArea(user, row.areaId))) throw notFound('Report');
    const cases = await this.casesOf(user, [id]);
    return { ...this.toDto(row, user), cases: cases.get(id) ?? [] };
  }

  /** The caller's own reports (at most 200, newest first), each with the cases it became part of and their actions. */
  async mine(user: AuthUser): Promise<MyReportDto[]> {
    const rows = await reportCasesRepository.mine(this.db.manager, user.id, MY_REPORTS_LIMIT);
    const cases = await this.casesOf(
      user,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      areaId: r.area_id,
      areaName: r.area_name,
      categoryId: r.category_id,
      occurredAt: new Date(r.occurred_at).toISOString(),
      reportedAt: new Date(r.reported_at).toISOString(),
      restricted: r.restricted,
      cases: cases.get(r.id) ?? [],
    }));
  }

  /** The cases of these reports that the caller may see (partners of the case's area, administrators), by report. */
  private async casesOf(user: AuthUser, reportIds: string[]): Promise<Map<string, ReportCaseDto[]>> {
    const byReport = new Map<string, ReportCaseDto[]>();
    if (!reportIds.length) return byReport;
    const m = this.db.manager;
    const caseRows = await reportCasesRepository.cases(m, reportIds, user.organizationId, user.roles.includes('admin'));
    const actionRows = caseRows.length ? await reportCasesRepository.actions(m, [...new Set(caseRows.map((c) => c.id))]) : [];
    for (const c of caseRows) {
      const actions = actionRows
        .filter((a) => a.case_id === c.id)
        .map((a) => ({ id: a.id, number: a.number, what: a.what, organizationName: a.organization_name, dueDate: a.due_date, state: a.state }));
      const list = byReport.get(c.report_id) ?? [];
      list.push({ id: c.id, title: c.title, state: c.state, outcome: c.outcome, actions });
      byReport.set(c.report_id, list);
    }
    return byReport;
  }

  /** The filtered reports of the user's areas, newest first. */
  filtered(user: AuthUser, f: ReportFilterQuery): SelectQueryBuilder<SituationReport> {
    const qb = this.db
      .getRepository(SituationReport)
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.place', 'p')
      .innerJoinAndSelect('r.organization', 'o')
      .leftJoinAndSelect('r.reporter', 'u')
      .orderBy('r.occurredAt', 'DESC')
      .addOrderBy('r.id', 'ASC');
    if (!user.roles.includes('admin')) qb.andWhere(...partnerScope('r.area_id', user.organizationId));
    if (f.areaId) qb.andWhere('r.areaId = :areaId', { areaId: f.areaId });
    if (f.placeId) qb.andWhere('r.placeId = :placeId', { placeId: f.placeId });
    if (f.categoryId) qb.andWhere('r.categoryId = :categoryId', { categoryId: f.categoryId });
    if (f.organizationId) qb.andWhere('r.organizationId = :organizationId', { organizationId: f.organizationId });
    if (f.from) qb.andWhere('r.occurredAt >= :from', { from: new Date(f.from) });
    if (f.to) qb.andWhere('r.occurredAt < :to', { to: new Date(f.to) });
    if (f.timeOfDay) {
      const [h0, h1] = HOURS[f.timeOfDay];
      const hour = `extract(hour FROM ${inSwedishTimeSql('r.occurredAt')})`;
      qb.andWhere(`${hour} >= :h0 AND ${hour} < :h1`, { h0, h1 });
    }
    // A place filter on another organisation's restricted report would reveal its place: leave those out of it
    // (administrators too: they belong to an organisation and see other organisations' restricted reports without details).
    if (f.placeId) qb.andWhere(`(NOT ${WITHHELD_SQL} OR r.organizationId = :viewerOrg2)`, { viewerOrg2: user.organizationId });
    // Awaiting review: only those whose text the caller may see (detailsVisibleTo), so the filter tells no one else.
    if (f.review === 'pending') {
      qb.andWhere(`r.review = 'pending' AND r.redactedAt IS NULL`);
      if (user.roles.includes('coordinator')) qb.andWhere('(NOT r.restricted OR r.organizationId = :viewerOrg3)', { viewerOrg3: user.organizationId });
      else qb.andWhere('r.organizationId = :viewerOrg3', { viewerOrg3: user.organizationId });
    }
    return qb;
  }

  async list(user: AuthUser, q: ReportListQuery): Promise<Page<ReportDto>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const [rows, total] = await this.filtered(user, q)
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((r) => this.toDto(r, user)), total, page, pageSize };
  }

  /**
   * The filtered reports as CSV for Excel: UTF-8 with BOM, `;`-separated, Swedish headers, restricted details withheld,
   * and no cell that a spreadsheet would run as a formula (`toCsv`).
   */
  async exportCsv(user: AuthUser, q: ReportFilterQuery): Promise<{ csv: string; filename: string }> {
    const rows = await this.filtered(user, q).take(EXPORT_LIMIT).getMany();
    const categories = await reportsRepository.labels(this.db.manager, CATEGORY_LABELS_SQL);
    const areas = await reportsRepository.labels(this.db.manager, AREA_LABELS_SQL);
    const csv = toCsv(
      rows.map((r) => {
        const d = this.toDto(r, user);
        return [
          swedishDateTime(d.occurredAt),
          areas.get(d.areaId),
          d.placeName ?? '',
          categories.get(d.categoryId),
          ASSESSMENT_SV[d.assessment],
          d.detailsVisible ? (d.policeNotified ? 'ja' : 'nej') : '',
          d.organization.name,
          d.restricted ? 'ja' : 'nej',
          d.redactedAt ? '(gallrad)' : (d.description ?? '(begränsad)'),
        ];
      }),
      {
        header: true,
        delimiter: ';',
        bom: true,
        columns: ['Tidpunkt', 'Område', 'Plats', 'Kategori', 'Bedömning', 'Polisen underrättad', 'Organisation', 'Begränsad', 'Beskrivning'],
      },
    );
    return { csv, filename: exportFileName((q.areaId && areas.get(q.areaId)) || null, q.from ? new Date(q.from) : new Date()) };
  }
}

/**
 * The CSV's file name says what it holds: `rapporter-norrby-2026-v49.csv`, the area (`alla` without one) and the ISO
 * week, in Swedish time, of the period's start (this week without one). Only a–z, 0–9 and `-` (å, ä, ö as a, a, o).
 */
export function exportFileName(areaName: string | null, from: Date): string {
  const slug =
    (areaName ?? 'alla')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'omrade';
  const [year, week] = isoWeekOf(Number.isNaN(from.getTime()) ? new Date() : from).split('-W');
  return `rapporter-${slug}-${year}-v${week}.csv`;
}
