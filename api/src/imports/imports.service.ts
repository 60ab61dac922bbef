import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportDto, RejectedImportRow } from '@samverka/contracts';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/access.decorators';
import { DomainError, invalid, notFound } from '../common/errors';
import { IdempotencyService } from '../idempotency/idempotency';
import { ReportsService } from '../reports/reports.service';
import { detectDelimiter, detectEncoding, ImportContext, ImportedRow, isRejected, mapHeaders, mapRow } from './csv-mapping';
import { ReportImport } from './import.entity';
import { importsRepository } from './imports.repository';
import { liftServerLimits, withoutStatementLimit } from '../database/statement-limit';

/** Rows per INSERT; also how often progress is written. */
const BATCH = 2000;
/** Rejected rows kept for the summary (all are counted). */
const MAX_REJECTED_KEPT = 1000;
/** Imports one API process runs at once (the pool has 20 connections). */
export const MAX_CONCURRENT_IMPORTS = 4;

export interface ImportRequest {
  path: string;
  filename: string;
  size: number;
  areaId?: string;
  mode: 'all_or_nothing' | 'valid_only';
  /** The organisation whose export the file is; the caller's own when absent. */
  sourceOrganizationId?: string;
}

const toDto = (i: ReportImport): ImportDto => ({
  id: i.id,
  filename: i.filename,
  sourceOrganizationId: i.sourceOrganizationId ?? i.organizationId,
  mode: i.mode,
  status: i.status,
  progress: i.status === 'running' ? Math.min(99, Math.floor((Number(i.bytesRead) / Math.max(1, Number(i.fileBytes))) * 100)) : 100,
  rowsRead: i.rowsRead,
  importedRows: i.importedRows,
  duplicateRows: i.duplicateRows,
  rejectedCount: i.rejectedCount,
  rejected: i.rejected,
  error: i.error,
  startedAt: i.startedAt.toISOString(),
  finishedAt: i.finishedAt?.toISOString() ?? null,
});

/**
 * Imports a CSV export of incidents as reports of the caller's organisation. The file is streamed (never held in
 * memory), inserted in batches inside one transaction, so an import is either complete or absent, and de-duplicated
 * per organisation by the row's external id or a hash of its content.
 */
@Injectable()
export class ImportsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ImportsService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
    private readonly idem: IdempotencyService,
  ) {}

  /** Marks imports that no process is running any more (the server stopped mid-import) as failed; their rows were rolled back. */
  async onModuleInit(): Promise<void> {
    await importsRepository.failAbandoned(this.db, null);
  }

  /** Lets running imports finish before the database connection closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Checks the file's header and starts the import in the background; returns its first status. */
  async start(user: AuthUser, req: ImportRequest): Promise<ImportDto> {
    try {
      // Each running import holds a database connection for its whole run and needs a second one now and then: more
      // than a few at once would take the pool from everyone else.
      if (this.running.size >= MAX_CONCURRENT_IMPORTS) {
        throw new DomainError(429, 'IMPORT.BUSY', `${MAX_CONCURRENT_IMPORTS} imports are running; try again when one has finished`, 'file', {
          retryAfterSeconds: 30,
        });
      }
      if (req.areaId && !(await this.reports.canSeeArea(user, req.areaId))) throw invalid('areaId', 'areaId is not an area of your partnership');
      const source = await this.sourceOrganization(user, req);
      const head = Buffer.alloc(Math.min(req.size, 65_536));
      const fh = await open(req.path, 'r');
      await fh.read(head, 0, head.length, 0);
      await fh.close();
      const encoding = detectEncoding(head);
      const firstLine = iconv.decode(head, encoding).split(/\r?\n/)[0] ?? '';
      if (!firstLine.trim()) throw invalid('file', 'The file is empty');
      const delimiter = detectDelimiter(firstLine);
      let headers: string[];
      try {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- csv-parse's typed overload requires `columns`
        headers = (parseSync(firstLine, { delimiter, bom: true }) as string[][])[0] ?? [];
        mapHeaders(headers);
      } catch (e) {
        throw invalid('file', (e as Error).message);
      }
      // The import's transaction and lock come first, so that its row is never seen as running without its lock.
      const id = randomUUID();
      const qr = this.db.createQueryRunner();
      let first: ImportDto;
      try {
        await qr.connect();
        await qr.startTransaction();
        // A large file takes minutes in this one transaction: DB_TIMEOUT_MS is for requests, not for the import.
        await liftServerLimits(qr);
        await importsRepository.lock(qr, id);
        // Committed at once (not in the import's transaction), with the answer stored under the request's Idempotency-Key.
        first = await this.idem.transaction(async (m) =>
          toDto(
            await m.getRepository(ReportImport).save({
              id,
              organizationId: user.organizationId,
              userId: user.id,
              sourceOrganizationId: source,
              filename: req.filename.slice(0, 200),
              mode: req.mode,
              status: 'running',
              fileBytes: req.size,
              startedAt: new Date(),
            }),
          ),
        );
      } catch (e) {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        await qr.release();
        throw e;
      }
      const job = withoutStatementLimit(() => this.run(user, id, { ...req, sourceOrganizationId: source }, encoding, delimiter, qr))
        .catch((e: unknown) => this.logger.error(`import ${id} failed: ${(e as Error).stack}`))
        .finally(() => {
          this.running.delete(job);
          void rm(req.path, { force: true });
        });
      this.running.add(job);
      return first;
    } catch (e) {
      await rm(req.path, { force: true });
      throw e;
    }
  }

  /** The import's progress or outcome, for the organisation that made it. */
  async get(user: AuthUser, id: string): Promise<ImportDto> {
    const repo = this.db.getRepository(ReportImport);
    let row = await repo.findOneBy({ id, organizationId: user.organizationId });
    if (!row) throw notFound('Import');
    // Running, but its process may have died since this one started: check its lock.
    if (row.status === 'running' && (await importsRepository.failAbandoned(this.db, id)) > 0) row = await repo.findOneByOrFail({ id });
    return toDto(row);
  }

  /** Resolves once no import started by this process is running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * The organisation the rows are credited to: the caller's own, or, chosen by a coordinator, another organisation of
   * the partnership of the chosen area (without an area: of an area both organisations take part in).
   */
  private async sourceOrganization(user: AuthUser, req: ImportRequest): Promise<string> {
    const id = req.sourceOrganizationId;
    if (!id || id === user.organizationId) return user.organizationId;
    if (!user.roles.includes('coordinator')) {
      throw new DomainError(403, 'IMPORT.SOURCE_FORBIDDEN', "Only a coordinator may import another organisation's export", 'sourceOrganizationId');
    }
    if ((await importsRepository.organizationName(this.db, id)) === null) throw invalid('sourceOrganizationId', 'sourceOrganizationId is not an organisation');
    const shared = await importsRepository.sharedAreas(this.db, user.organizationId, id);
    if (req.areaId ? !shared.some((a) => a.id === req.areaId) : shared.length === 0) {
      throw invalid(
        'sourceOrganizationId',
        req.areaId ? "sourceOrganizationId does not take part in the area's partnership" : 'sourceOrganizationId takes part in none of your areas',
      );
    }
    return id;
  }

  /** The areas rows may name: the caller's, and with a partner's export only those the partner takes part in too. */
  private async context(user: AuthUser, defaultAreaId: string | undefined, source: string): Promise<ImportContext> {
    const areas =
      source === user.organizationId
        ? await importsRepository.areas(this.db, user.roles.includes('admin') ? null : user.organizationId)
        : await importsRepository.sharedAreas(this.db, user.organizationId, source);
    const places = await importsRepository.places(
      this.db,
      areas.map((a) => a.id),
    );
    const categories = await importsRepository.activeCategories(this.db);
    const categoryByName = new Map<string, string>();
    for (const c of categories) for (const n of [c.code, c.label_sv, c.label_en]) categoryByName.set(n.toLowerCase(), c.id);
    return {
      areaIdByName: new Map(areas.map((a) => [a.name.toLowerCase(), a.id])),
      defaultAreaId: defaultAreaId ?? null,
      placeByAreaAndName: new Map(places.map((p) => [`${p.area_id}|${p.name.toLowerCase()}`, { id: p.id, latitude: p.latitude, longitude: p.longitude }])),
      categoryByName,
      now: new Date(),
    };
  }

  private insertBatch(qr: QueryRunner, user: AuthUser, source: string, importId: string, rows: ImportedRow[]): Promise<number> {
    return importsRepository.insertBatch(qr, rows, { organizationId: source, userId: user.id }, importId);
  }

  /** Runs the import in `qr`, whose transaction holds the import's advisory lock. */
  private async run(user: AuthUser, importId: string, req: ImportRequest, encoding: 'utf8' | 'win1252', delimiter: string, qr: QueryRunner): Promise<void> {
    const started = Date.now();
    const progress = { bytesRead: 0, rowsRead: 0, importedRows: 0, duplicateRows: 0, rejectedCount: 0 };
    const rejected: RejectedImportRow[] = [];
    const source = req.sourceOrganizationId ?? user.organizationId;
    const saveProgress = () => this.db.getRepository(ReportImport).update(importId, { ...progress, rejected });
    try {
      const ctx = await this.context(user, req.areaId, source);
      const input = createReadStream(req.path);
      input.on('data', (chunk) => (progress.bytesRead += chunk.length));
      const parser = input
        .pipe(iconv.decodeStream(encoding))
        .pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }));
      let mapping: ReturnType<typeof mapHeaders> | undefined;
      let batch: ImportedRow[] = [];
      const flush = async () => {
        // In all-or-nothing mode, after the first rejection nothing will be kept: only keep reading to report every bad row.
        if (batch.length && !(req.mode === 'all_or_nothing' && progress.rejectedCount > 0)) {
          const inserted = await this.insertBatch(qr, user, source, importId, batch);
          progress.importedRows += inserted;
          progress.duplicateRows += batch.length - inserted;
        }
        batch = [];
        await saveProgress();
      };
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (!mapping) {
          mapping = mapHeaders(record);
          continue;
        }
        progress.rowsRead++;
        const mapped = mapRow(record, info.lines, mapping, ctx);
        if (isRejected(mapped)) {
          progress.rejectedCount++;
          if (rejected.length < MAX_REJECTED_KEPT) rejected.push(mapped);
        } else {
          batch.push(mapped);
        }
        if (batch.length >= BATCH || progress.rowsRead % BATCH === 0) await flush();
      }
      await flush();
      if (req.mode === 'all_or_nothing' && progress.rejectedCount > 0) {
        await qr.rollbackTransaction();
        await this.db.getRepository(ReportImport).update(importId, {
          ...progress,
          importedRows: 0,
          duplicateRows: 0,
          rejected,
          status: 'failed',
          error: `${progress.rejectedCount} of ${progress.rowsRead} rows were rejected, so nothing was imported (choose "import valid rows only" to import the others)`,
          finishedAt: new Date(),
        });
        return;
      }
      await this.audit.record(qr.manager, user, {
        action: 'import.complete',
        entityType: 'import',
        entityId: importId,
        after: { filename: req.filename, mode: req.mode, sourceOrganizationId: source, ...progress, seconds: (Date.now() - started) / 1000 },
      });
      await qr.manager.getRepository(ReportImport).update(importId, { ...progress, rejected, status: 'completed', finishedAt: new Date() });
      await qr.commitTransaction();
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      const message = (e as Error).message ?? String(e);
      await this.db.getRepository(ReportImport).update(importId, {
        ...progress,
        importedRows: 0,
        duplicateRows: 0,
        rejected,
        status: 'failed',
        error: `The file could not be read: ${message}; nothing was imported`,
        finishedAt: new Date(),
      });
    } finally {
      await qr.release();
    }
  }
}
