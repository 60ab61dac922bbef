import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { CaseSummaryDto, OrganizationDto } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { DirectoryApi } from '../../directory/directory-api';
import { caseErrorText } from '../case-messages';
import { CasesApi } from '../cases-api';

/** What the board shows: an area's cases, narrowed to an organisation with actions and to overdue actions. */
export interface BoardQuery {
  areaId: string;
  organizationId?: string;
  overdue: boolean;
}

/**
 * The cases and partner organisations one board shows. Provided by the board (one per page); a newer read cancels
 * an older one still under way, and leaving the page cancels both.
 */
@Injectable()
export class CaseBoardStore {
  private readonly api = inject(CasesApi);
  private readonly directory = inject(DirectoryApi);
  private readonly i18n = inject(I18n);

  private readonly caseRows = signal<CaseSummaryDto[]>([]);
  private readonly partnerRows = signal<OrganizationDto[]>([]);
  private readonly reading = signal(false);
  private readonly readError = signal<string | null>(null);

  /** The cases last read; kept while the next read is under way, none after an error. */
  readonly cases = this.caseRows.asReadonly();
  /** The area's partner organisations (none until read, and none if they cannot be read). */
  readonly partners = this.partnerRows.asReadonly();
  readonly loading = this.reading.asReadonly();
  readonly error = this.readError.asReadonly();

  private casesRequest?: Subscription;
  private partnersRequest?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.casesRequest?.unsubscribe();
      this.partnersRequest?.unsubscribe();
    });
  }

  /** Reads the cases `query` asks for (nothing without an area). */
  load(query: BoardQuery): void {
    this.casesRequest?.unsubscribe();
    if (!query.areaId) return;
    this.reading.set(true);
    this.readError.set(null);
    this.casesRequest = this.api.list(query).subscribe({
      next: (cases) => {
        this.caseRows.set(cases);
        this.reading.set(false);
      },
      error: (err: unknown) => {
        this.caseRows.set([]);
        this.readError.set(caseErrorText(toApiError(err), this.i18n));
        this.reading.set(false);
      },
    });
  }

  /** Reads the partner organisations of `areaId` (forgetting those of the area shown so far). */
  loadPartners(areaId: string): void {
    this.partnersRequest?.unsubscribe();
    this.partnerRows.set([]);
    if (!areaId) return;
    this.partnersRequest = this.directory.area(areaId).subscribe({ next: (area) => this.partnerRows.set(area.partners), error: () => undefined });
  }
}
