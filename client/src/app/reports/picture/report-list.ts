import { ChangeDetectionStrategy, Component, computed, effect, inject, input, model, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { TIMES_OF_DAY, type CategoryDto, type OrganizationDto, type PlaceDto, type ReportDto, type TimeOfDay } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { apiErrorText } from '../api-messages';
import { ReportRedaction } from '../report-redaction';
import { ReportsApi } from '../reports-api';
import { TIME_ZONE } from '../weeks';

/** The list filters of the picture (besides area and week). */
export interface ListFilters {
  categoryId: string;
  placeId: string;
  organizationId: string;
  timeOfDay: TimeOfDay | '';
}

export const NO_FILTERS: ListFilters = { categoryId: '', placeId: '', organizationId: '', timeOfDay: '' };

/** Reports per page. */
export const PAGE_SIZE = 20;

/**
 * The week's reports, newest first, filtered by category, place, organisation and time of day, page by page.
 * Another organisation's restricted report shows as "Begränsad uppgift" without its details.
 */
@Component({
  selector: 'sv-report-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormField, MatLabel, MatSelect, MatOption, MatButton, MatProgressBar, TPipe, Icon, ReportRedaction],
  template: `
    <div class="filters no-print" role="group" [attr.aria-label]="'picture.list.filters' | t">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'picture.list.category' | t }}</mat-label>
        <mat-select [ngModel]="filters().categoryId" (ngModelChange)="set('categoryId', $event)" name="categoryId" data-testid="filter-category">
          <mat-option value="">{{ 'picture.list.allCategories' | t }}</mat-option>
          @for (c of categories(); track c.id) {
            <mat-option [value]="c.id">{{ i18n.category(c) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'picture.list.place' | t }}</mat-label>
        <mat-select [ngModel]="filters().placeId" (ngModelChange)="set('placeId', $event)" name="placeId" data-testid="filter-place">
          <mat-option value="">{{ 'picture.list.allPlaces' | t }}</mat-option>
          @for (p of places(); track p.id) {
            <mat-option [value]="p.id">{{ p.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'picture.list.organization' | t }}</mat-label>
        <mat-select
          [ngModel]="filters().organizationId"
          (ngModelChange)="set('organizationId', $event)"
          name="organizationId"
          data-testid="filter-organization"
        >
          <mat-option value="">{{ 'picture.list.allOrganizations' | t }}</mat-option>
          @for (o of organizations(); track o.id) {
            <mat-option [value]="o.id">{{ o.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'picture.list.timeOfDay' | t }}</mat-label>
        <mat-select [ngModel]="filters().timeOfDay" (ngModelChange)="set('timeOfDay', $event)" name="timeOfDay" data-testid="filter-time">
          <mat-option value="">{{ 'picture.list.allDay' | t }}</mat-option>
          @for (part of timesOfDay; track part) {
            <mat-option [value]="part">{{ i18n.timeOfDay(part) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (filtered()) {
        <button matButton type="button" class="clear" (click)="filters.set(noFilters)">{{ 'picture.list.clear' | t }}</button>
      }
    </div>

    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <p class="count" aria-live="polite" data-testid="report-count">
      @if (error(); as message) {
        <span class="error-text" role="alert">{{ message }}</span>
      } @else if (!loading() || total() > 0) {
        {{ 'picture.list.count' | t: { count: total() } }}
      }
    </p>

    @if (items().length) {
      <ul class="reports" data-testid="report-list">
        @for (report of items(); track report.id) {
          <li class="report" data-testid="report-item" [class.restricted]="!report.detailsVisible">
            <p class="report-head">
              <strong>{{ categoryName(report.categoryId) }}</strong>
              <span class="sep" aria-hidden="true">·</span>
              <time [attr.datetime]="report.occurredAt">{{ when(report.occurredAt) }}</time>
            </p>
            @if (report.detailsVisible) {
              <p class="report-text">
                @if (report.redactedAt) {
                  <em data-testid="redacted">{{ 'report.redacted' | t }}</em>
                } @else {
                  {{ report.description }}
                }
              </p>
              <dl class="report-facts">
                <div>
                  <dt>{{ 'picture.list.place' | t }}</dt>
                  <dd>{{ report.placeName ?? ('picture.list.noPlace' | t) }}</dd>
                </div>
                <div>
                  <dt>{{ 'report.form.assessment' | t }}</dt>
                  <dd>{{ i18n.assessment(report.assessment) }}</dd>
                </div>
                <div>
                  <dt>{{ 'picture.list.police' | t }}</dt>
                  <dd>{{ (report.policeNotified ? 'common.yes' : 'common.no') | t }}</dd>
                </div>
                <div>
                  <dt>{{ 'picture.list.organization' | t }}</dt>
                  <dd>{{ report.organization.name }}</dd>
                </div>
                @if (report.restricted) {
                  <div class="badge">
                    <dt class="visually-hidden">{{ 'picture.list.visibility' | t }}</dt>
                    <dd>{{ 'picture.list.restrictedOwn' | t }}</dd>
                  </div>
                }
              </dl>
              <sv-report-redaction [report]="report" (changed)="replace($event)" />
            } @else {
              <p class="report-text restricted-text" data-testid="restricted">
                <strong>{{ 'picture.list.restricted' | t }}</strong> – {{ 'picture.list.restrictedExplain' | t: { organization: report.organization.name } }}
              </p>
              <dl class="report-facts">
                <div>
                  <dt>{{ 'report.form.assessment' | t }}</dt>
                  <dd>{{ i18n.assessment(report.assessment) }}</dd>
                </div>
                <div>
                  <dt>{{ 'picture.list.organization' | t }}</dt>
                  <dd>{{ report.organization.name }}</dd>
                </div>
              </dl>
            }
          </li>
        }
      </ul>
    } @else if (!loading() && !error()) {
      <p class="empty-state">{{ 'picture.list.empty' | t }}</p>
    }

    @if (pages() > 1) {
      <nav class="pager no-print" [attr.aria-label]="'picture.list.pages' | t">
        <button matButton="outlined" type="button" [disabled]="page() <= 1 || loading()" (click)="load(page() - 1)" data-testid="page-previous">
          <sv-icon name="chevronLeft" /> {{ 'picture.list.previous' | t }}
        </button>
        <span aria-live="polite">{{ 'picture.list.page' | t: { page: page(), pages: pages() } }}</span>
        <button matButton="outlined" type="button" [disabled]="page() >= pages() || loading()" (click)="load(page() + 1)" data-testid="page-next">
          {{ 'picture.list.next' | t }} <sv-icon name="chevronRight" />
        </button>
      </nav>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.75rem;
      align-items: flex-start;
    }
    .filters mat-form-field {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .clear {
      margin-top: 0.5rem;
    }
    .count {
      margin: 0.25rem 0 0.75rem;
      font: var(--mat-sys-title-small);
    }
    .reports {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .report {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0.75rem 1rem;
      break-inside: avoid;
    }
    .report.restricted {
      border-style: dashed;
      background: var(--mat-sys-surface-container-low);
    }
    .report-head {
      margin: 0 0 0.25rem;
    }
    .sep {
      margin-inline: 0.4em;
    }
    .report-text {
      margin: 0 0 0.5rem;
    }
    .report-facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .report-facts div {
      display: flex;
      gap: 0.35em;
    }
    .report-facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .report-facts dt::after {
      content: ':';
    }
    .report-facts dd {
      margin: 0;
    }
    .report-facts .badge dd {
      font-weight: 700;
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      margin-top: 1rem;
    }
  `,
})
export class ReportList {
  private readonly api = inject(ReportsApi);
  protected readonly i18n = inject(I18n);

  readonly areaId = input.required<string>();
  /** The week as instants (from inclusive, to exclusive). */
  readonly from = input.required<string>();
  readonly to = input.required<string>();
  readonly categories = input.required<CategoryDto[]>();
  readonly places = input.required<PlaceDto[]>();
  readonly organizations = input.required<OrganizationDto[]>();
  /** The filters; shared with the page (the CSV export uses them too). */
  readonly filters = model<ListFilters>(NO_FILTERS);

  protected readonly timesOfDay = TIMES_OF_DAY;
  protected readonly noFilters = NO_FILTERS;
  protected readonly items = signal<ReportDto[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / PAGE_SIZE)));
  protected readonly filtered = computed(() => Object.values(this.filters()).some((v) => v !== ''));

  private readonly categoryById = computed(() => new Map(this.categories().map((c) => [c.id, c])));
  private readonly query = computed(() => ({ areaId: this.areaId(), from: this.from(), to: this.to(), ...this.filters() }));
  private request?: Subscription;

  constructor() {
    effect(() => {
      this.query();
      untracked(() => this.load(1));
    });
  }

  /** A report changed (text removed, review confirmed): show it as the server answered. */
  protected replace(report: ReportDto): void {
    this.items.update((list) => list.map((r) => (r.id === report.id ? report : r)));
  }

  /** Changes one filter. */
  protected set<K extends keyof ListFilters>(name: K, value: ListFilters[K]): void {
    this.filters.update((f) => ({ ...f, [name]: value }));
  }

  protected categoryName(id: string): string {
    const category = this.categoryById().get(id);
    return category ? this.i18n.category(category) : '';
  }

  /** "fre 20 nov. 21:30". */
  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    }).format(new Date(iso));
  }

  /** Fetches one page. */
  protected load(page: number): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api.list(this.query(), page, PAGE_SIZE).subscribe({
      next: (result) => {
        this.items.set(result.items);
        this.total.set(result.total);
        this.page.set(result.page);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.items.set([]);
        this.total.set(0);
        this.error.set(apiErrorText(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
