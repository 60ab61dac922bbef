import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AreaLevel, AreaLevelDto, AreaSummaryDto } from '@samverka/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { DirectoryApi } from '../directory/directory-api';
import { LevelChip } from '../reports/level-chip';
import { ReportsApi } from '../reports/reports-api';
import { currentWeek, shiftWeek, weekNumber } from '../reports/weeks';

/** Levels of the weeks before this one shown on each card. */
export const LEVEL_WEEKS = 8;

/** An area's level this week and in the weeks before (null: not assessed). */
interface AreaLevels {
  current: AreaLevelDto | null;
  recent: { week: string; level: AreaLevel | null }[];
}

/** The home page: a greeting and a card for each area of the user's partnership. */
@Component({
  selector: 'sv-overview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatCardActions,
    MatChipSet,
    MatChip,
    MatButton,
    MatProgressBar,
    RouterLink,
    TPipe,
    Icon,
    LevelChip,
  ],
  template: `
    <h1>{{ 'overview.title' | t }}</h1>
    @if (user(); as me) {
      <p class="greeting">
        <strong>{{ 'overview.greeting' | t: { name: me.name } }}</strong>
        {{ 'overview.organization' | t: { organization: me.organization.name } }}
      </p>
    }

    <h2>{{ 'overview.areasHeading' | t }}</h2>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <div aria-live="polite">
      @if (error(); as message) {
        <p class="error-text" role="alert">{{ message }}</p>
      } @else if (!loading() && areas().length === 0) {
        <p class="empty-state">{{ 'overview.noAreas' | t }}</p>
      }
    </div>

    <ul class="area-cards" data-testid="area-cards">
      @for (area of areas(); track area.id) {
        <li>
          <mat-card appearance="outlined" class="area-card">
            <mat-card-header>
              <mat-card-title>
                <h3 class="card-title">{{ area.name }}</h3>
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <!-- While the levels load, the same block stands invisible in their place, so the card does not shift. -->
              @let pending = !levelsLoaded();
              <div class="levels" data-testid="area-levels" [class.pending]="pending" [attr.aria-hidden]="pending ? 'true' : null">
                @if (pending ? placeholderLevels : levels()[area.id]; as l) {
                  <p class="level-now">
                    <span class="level-now-label">{{ 'overview.levelThisWeek' | t: { week: weekNo(thisWeek) } }}</span>
                    <sv-level-chip [level]="l.current?.level ?? null" [emptyText]="'overview.noLevel' | t" data-testid="level-now" />
                  </p>
                  <p class="recent-label" [id]="'recent-' + area.id">{{ 'overview.recentLevels' | t: { count: levelWeeks } }}</p>
                  <ol class="recent" [attr.aria-labelledby]="'recent-' + area.id">
                    @for (r of l.recent; track r.week) {
                      <li>
                        <span class="recent-week">{{ 'week.short' | t: { week: weekNo(r.week) } }}<span class="visually-hidden">: </span></span>
                        <sv-level-chip [level]="r.level" [emptyText]="'level.notSet' | t" />
                      </li>
                    }
                  </ol>
                }
              </div>
              <p>{{ area.description || ('overview.noDescription' | t) }}</p>
              <p>{{ 'overview.placeCount' | t: { count: area.placeCount } }}</p>
              @if (area.partners.length) {
                <p class="partners-label" [id]="'partners-' + area.id">{{ 'overview.partners' | t }}</p>
                <mat-chip-set role="list" [attr.aria-labelledby]="'partners-' + area.id">
                  @for (partner of area.partners; track partner.id) {
                    <mat-chip role="listitem" [disableRipple]="true">
                      {{ partner.name }}<span class="chip-type">· {{ i18n.orgType(partner.type) }}</span>
                    </mat-chip>
                  }
                </mat-chip-set>
              }
            </mat-card-content>
            <mat-card-actions class="card-actions">
              <a matButton="filled" [routerLink]="['/areas', area.id, 'picture']" data-testid="open-picture">
                <sv-icon name="barChart" /> {{ 'overview.openPicture' | t: { name: area.name } }}
              </a>
              <a matButton="tonal" [routerLink]="['/areas', area.id]">{{ 'overview.openArea' | t: { name: area.name } }}</a>
            </mat-card-actions>
          </mat-card>
        </li>
      }
    </ul>
  `,
  styles: `
    .greeting {
      font: var(--mat-sys-body-large);
    }
    .area-cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr));
      gap: 1rem;
    }
    .area-card {
      height: 100%;
      display: flex;
      flex-direction: column;
    }
    .area-card mat-card-content {
      flex: 1 1 auto;
    }
    .card-title {
      font: var(--mat-sys-title-large);
      margin: 0;
    }
    .partners-label {
      font: var(--mat-sys-label-large);
      margin-bottom: 0.25rem;
    }
    .chip-type {
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 0.25em;
    }
    .levels {
      margin-bottom: 0.75rem;
    }
    .levels.pending {
      visibility: hidden;
    }
    .level-now {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
    }
    .level-now-label {
      font: var(--mat-sys-title-small);
    }
    .recent-label {
      font: var(--mat-sys-label-large);
      margin: 0 0 0.25rem;
    }
    .recent {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .recent li {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      gap: 0.1rem;
    }
    .recent-week {
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .recent sv-level-chip {
      font: var(--mat-sys-label-medium);
      padding: 0.05em 0.5em;
    }
    .card-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class Overview {
  private readonly api = inject(DirectoryApi);
  private readonly reports = inject(ReportsApi);
  protected readonly i18n = inject(I18n);
  protected readonly thisWeek = currentWeek();
  protected readonly levelWeeks = LEVEL_WEEKS;
  protected readonly weekNo = weekNumber;
  /** Levels by area id (missing while loading or when they could not be fetched). */
  protected readonly levels = signal<Record<string, AreaLevels>>({});
  /** Whether the levels have been read (or failed); until then every card keeps their place. */
  protected readonly levelsLoaded = signal(false);
  /** The levels block's shape while loading (no level known), for its place on the card. */
  protected readonly placeholderLevels: AreaLevels = {
    current: null,
    recent: Array.from({ length: LEVEL_WEEKS }, (_, i) => ({ week: shiftWeek(this.thisWeek, i - LEVEL_WEEKS), level: null })),
  };

  protected readonly user = inject(AuthService).user;
  protected readonly areas = signal<AreaSummaryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.api.areas().subscribe({
      next: (areas) => {
        this.areas.set(areas);
        this.loading.set(false);
        this.loadLevels(areas);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }

  /** This week's level and the weeks before, per area. */
  private loadLevels(areas: AreaSummaryDto[]): void {
    if (!areas.length) {
      this.levelsLoaded.set(true);
      return;
    }
    const weeks = Array.from({ length: LEVEL_WEEKS }, (_, i) => shiftWeek(this.thisWeek, i - LEVEL_WEEKS));
    forkJoin(areas.map((a) => this.reports.levels(a.id).pipe(catchError(() => of(null))))).subscribe((all) => {
      const byArea: Record<string, AreaLevels> = {};
      areas.forEach((area, i) => {
        const list = all[i];
        if (!list) return;
        const byWeek = new Map(list.map((l) => [l.week, l]));
        byArea[area.id] = {
          current: byWeek.get(this.thisWeek) ?? null,
          recent: weeks.map((week) => ({ week, level: byWeek.get(week)?.level ?? null })),
        };
      });
      this.levels.set(byArea);
      this.levelsLoaded.set(true);
    });
  }
}
