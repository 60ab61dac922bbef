import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { CASE_STATES, type CaseState, type CaseSummaryDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { OverdueMark } from '../labels/overdue-mark';
import { CaseStatePipe, PluralPipe, WhenPipe } from '../labels/pipes';
import { CaseBoardStore } from './case-board-store';

/** Where the board remembers the last chosen area (the side navigation links to /cases without one). */
export const AREA_STORAGE_KEY = 'samverka.cases.area';

function readStored(): string | null {
  try {
    return localStorage.getItem(AREA_STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(areaId: string): void {
  try {
    if (areaId) localStorage.setItem(AREA_STORAGE_KEY, areaId);
  } catch {
    // Storage may be unavailable (private mode, policy); the address still holds the area.
  }
}

/** One column of the board. */
export interface BoardColumn {
  state: CaseState;
  cases: CaseSummaryDto[];
}

/**
 * "Ärenden": the area's cases as a board with one column per state of the EST cycle (dismissed ones behind a
 * switch), filtered by an organisation with actions and by overdue actions. Area and filters live in the address.
 */
@Component({
  selector: 'sv-case-board',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    RouterLink,
    TPipe,
    Icon,
    CaseStatePipe,
    PluralPipe,
    WhenPipe,
    OverdueMark,
  ],
  providers: [CaseBoardStore],
  templateUrl: './case-board.html',
  styleUrl: './case-board.scss',
})
export class CaseBoard {
  private readonly store = inject(CaseBoardStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  /** `?area=<id>`; without it, the first of the user's areas. */
  readonly area = input<string | undefined>(undefined);
  /** `?org=<id>`: only cases with actions of this organisation. */
  readonly org = input<string | undefined>(undefined);
  /** `?overdue=true`: only cases with overdue actions. */
  readonly overdue = input<string | undefined>(undefined);
  /** `?dismissed=true`: show the dismissed cases too. */
  readonly dismissed = input<string | undefined>(undefined);

  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  /** The area last chosen on this device, if it is still one of the user's. */
  private readonly remembered = (() => {
    const stored = readStored();
    return () => (this.areas().some((a) => a.id === stored) ? stored : null);
  })();
  protected readonly areaId = computed(() => this.area() || this.remembered() || this.areas()[0]?.id || '');
  protected readonly areaName = computed(() => this.areas().find((a) => a.id === this.areaId())?.name ?? '');
  protected readonly overdueOnly = computed(() => this.overdue() === 'true');
  protected readonly showDismissed = computed(() => this.dismissed() === 'true');
  protected readonly canCreate = computed(() => {
    const roles = this.auth.user()?.roles ?? [];
    return roles.includes('analyst') || roles.includes('coordinator');
  });

  protected readonly cases = this.store.cases;
  protected readonly partners = this.store.partners;
  protected readonly loading = this.store.loading;
  protected readonly error = this.store.error;

  /** The columns in the order of the cycle, each with its cases (most recently changed first, as the API sends them). */
  protected readonly columns = computed<BoardColumn[]>(() =>
    CASE_STATES.filter((s) => s !== 'dismissed' || this.showDismissed()).map((state) => ({
      state,
      cases: this.cases().filter((c) => c.state === state),
    })),
  );
  protected readonly shown = computed(() => this.columns().reduce((n, col) => n + col.cases.length, 0));
  protected readonly dismissedCount = computed(() => this.cases().filter((c) => c.state === 'dismissed').length);

  constructor() {
    // Put the default area in the address, so that the page can be shared and reloaded as it is.
    effect(() => {
      const areaId = this.areaId();
      if (!this.area() && areaId)
        untracked(() => void this.router.navigate([], { queryParams: { area: areaId }, queryParamsHandling: 'merge', replaceUrl: true }));
    });
    effect(() => {
      const areaId = this.areaId();
      untracked(() => {
        remember(areaId);
        this.store.loadPartners(areaId);
      });
    });
    effect(() => {
      const areaId = this.areaId();
      const organizationId = this.org() || undefined;
      const overdue = this.overdueOnly();
      untracked(() => this.store.load({ areaId, organizationId, overdue }));
    });
  }

  /** Changes area or filters (kept in the address). */
  protected setQuery(params: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge' });
  }

  protected changeArea(areaId: string): void {
    this.setQuery({ area: areaId, org: null });
  }
}
