import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { AreaDetailDto, CaseDto, CaseHistoryDto, ReportDto } from '@samverka/contracts';
import { Subscription, forkJoin } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { DirectoryApi } from '../../directory/directory-api';
import { caseErrorText } from '../case-messages';
import { CasesApi } from '../cases-api';

/**
 * The case one page shows, with its history and area: read, read again, replaced by an event's answer. Provided by
 * the case page (one per page); a newer read cancels an older one still under way.
 */
@Injectable()
export class CaseStore {
  private readonly api = inject(CasesApi);
  private readonly directory = inject(DirectoryApi);
  private readonly i18n = inject(I18n);

  private readonly current = signal<CaseDto | null>(null);
  private readonly historyRows = signal<CaseHistoryDto[]>([]);
  private readonly areaDetail = signal<AreaDetailDto | null>(null);
  private readonly reading = signal(true);
  private readonly readError = signal<string | null>(null);

  readonly caseDto = this.current.asReadonly();
  readonly history = this.historyRows.asReadonly();
  readonly area = this.areaDetail.asReadonly();
  readonly loading = this.reading.asReadonly();
  readonly loadError = this.readError.asReadonly();
  /** Someone else changed the case since it was read: the page offers a reload. */
  readonly stale = signal(false);

  private request?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  /**
   * Reads the case and its history (`first`: forgets the case shown so far); `loaded` gets the case once both
   * arrived, before the history is shown. A case the user may not see reads as not found.
   */
  load(id: string, first: boolean, loaded: (c: CaseDto) => void): void {
    this.request?.unsubscribe();
    this.reading.set(true);
    this.readError.set(null);
    if (first) this.current.set(null);
    this.request = forkJoin({ c: this.api.get(id), history: this.api.history(id) }).subscribe({
      next: ({ c, history }) => {
        this.stale.set(false);
        loaded(c);
        this.historyRows.set(history);
        this.reading.set(false);
      },
      error: (err: unknown) => {
        const hidden = err instanceof HttpErrorResponse && (err.status === 404 || err.status === 403);
        this.readError.set(hidden ? this.i18n.t('cases.case.notFound') : caseErrorText(toApiError(err), this.i18n));
        this.reading.set(false);
      },
    });
  }

  /** Shows `c` as read or as an event answered it; the area is read when it is another one (or not read yet). */
  show(c: CaseDto): void {
    const previousArea = this.current()?.areaId;
    this.current.set(c);
    if (c.areaId !== previousArea || !this.areaDetail()) {
      this.directory.area(c.areaId).subscribe({ next: (a) => this.areaDetail.set(a), error: () => undefined });
    }
  }

  /** Reads the history again (after an event). */
  refreshHistory(id: string): void {
    this.api.history(id).subscribe({ next: (h) => this.historyRows.set(h), error: () => undefined });
  }

  /** A report's text was removed (gallrad): the case's report as the server answered. */
  replaceReport(report: ReportDto): void {
    this.current.update((c) => (c ? { ...c, reports: c.reports.map((r) => (r.id === report.id ? report : r)) } : c));
  }
}
