import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ActivityDto, ActivityGapsDto, AreaDetailDto, CaseSummaryDto, IsoWeekday } from '@samverka/contracts';
import { filter, forkJoin, switchMap } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/sv';
import { ConfirmDialog, ConfirmDialogData } from '../core/ui/confirm-dialog';
import { ActivitiesApi } from './activities-api';
import { ActivityDialog, ActivityDialogData } from './activity-dialog';
import { ActivityGaps } from './activity-gaps';

/** The roles that keep their organisation's entries (reporters read the register). */
const KEEPERS = ['admin', 'coordinator', 'analyst', 'commander', 'action_owner'] as const;

/**
 * "Vem gör vad" of one area (`/areas/:id/activities`): the partners' ongoing activities and projects, each partner
 * keeping its own, and the gap overlay: the hours and places with reports and nobody there.
 */
@Component({
  selector: 'sv-activities-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton, MatProgressBar, MatFormField, MatLabel, MatSelect, MatOption, TPipe, ActivityGaps],
  template: `
    <div class="page-header">
      <h1 id="activities-heading" tabindex="-1">{{ area() ? ('activities.heading' | t: { area: area()!.name }) : ('activities.title' | t) }}</h1>
      @if (mayKeep() && area()) {
        <div class="page-actions">
          <button matButton="filled" type="button" (click)="open()" data-testid="activity-new">{{ 'activities.new' | t }}</button>
        </div>
      }
    </div>
    <p class="intro">{{ 'activities.intro' | t }}</p>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <div aria-live="polite" class="notice">{{ notice() }}</div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    }

    @if (!loading() && !error()) {
      <p class="count" data-testid="activity-count">{{ items().length ? ('activities.count' | t: { count: items().length }) : ('activities.empty' | t) }}</p>
      @if (items().length) {
        <ul class="activities" data-testid="activity-list">
          @for (a of items(); track a.id) {
            <li class="activity" data-testid="activity">
              <h2 class="activity-title">{{ a.title }}</h2>
              <dl>
                <dt>{{ 'activities.organization' | t }}</dt>
                <dd>{{ a.organization.name }}</dd>
                @if (a.targetGroup) {
                  <dt>{{ 'activities.targetGroup' | t }}</dt>
                  <dd>{{ a.targetGroup }}</dd>
                }
                <dt>{{ 'activities.where' | t }}</dt>
                <dd>{{ a.places.length ? placeNames(a) : ('activities.wholeArea' | t) }}</dd>
                <dt>{{ 'activities.when' | t }}</dt>
                <dd data-testid="activity-when">{{ when(a) }}</dd>
                <dt>{{ 'activities.period' | t }}</dt>
                <dd>{{ period(a) }}</dd>
                @if (a.contactOrganization) {
                  <dt>{{ 'activities.contact' | t }}</dt>
                  <dd>{{ a.contactOrganization.name }}</dd>
                }
                @if (a.fundingEndsOn) {
                  <dt>{{ 'activities.funding' | t }}</dt>
                  <dd>{{ date(a.fundingEndsOn) }}</dd>
                }
                @if (a.cases.length) {
                  <dt>{{ 'activities.cases' | t }}</dt>
                  <dd>
                    @for (c of a.cases; track c.id; let last = $last) {
                      <a [routerLink]="['/cases', c.id]">{{ c.title }}</a>{{ last ? '' : ', ' }}
                    }
                  </dd>
                }
              </dl>
              @if (a.description) {
                <p class="description">{{ a.description }}</p>
              }
              @if (a.mayEdit) {
                <div class="activity-actions">
                  <button matButton type="button" (click)="open(a)" [attr.aria-label]="'activities.editFor' | t: { title: a.title }">
                    {{ 'common.edit' | t }}
                  </button>
                  <button matButton type="button" (click)="remove(a)" [attr.aria-label]="'activities.deleteFor' | t: { title: a.title }">
                    {{ 'activities.delete' | t }}
                  </button>
                </div>
              }
            </li>
          }
        </ul>
      }

      <section aria-labelledby="gaps-heading" class="gaps">
        <h2 id="gaps-heading">{{ 'activities.gaps.title' | t }}</h2>
        <mat-form-field appearance="outline" class="weeks">
          <mat-label>{{ 'activities.gaps.weeks' | t }}</mat-label>
          <mat-select [value]="weeks()" (valueChange)="setWeeks($event)" name="weeks">
            @for (w of weekChoices; track w) {
              <mat-option [value]="w">{{ w }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (gaps(); as g) {
          <sv-activity-gaps [gaps]="g" />
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 72rem;
    }
    .activities {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
      gap: 0.75rem;
    }
    .activity {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0.75rem 1rem;
    }
    .activity-title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 0.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.15rem 0.75rem;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
    }
    .description {
      white-space: pre-wrap;
    }
    .activity-actions {
      display: flex;
      gap: 0.25rem;
      margin-top: 0.5rem;
    }
    .gaps {
      margin-top: 2rem;
    }
    .weeks {
      width: 10rem;
    }
  `,
})
export class ActivitiesPage implements OnInit {
  /** The area (route parameter `id`). */
  readonly id = input.required<string>();
  private readonly api = inject(ActivitiesApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18n);
  protected readonly weekChoices = [4, 8, 12, 26, 52];

  protected readonly area = signal<AreaDetailDto | null>(null);
  protected readonly items = signal<ActivityDto[]>([]);
  private readonly cases = signal<CaseSummaryDto[]>([]);
  protected readonly gaps = signal<ActivityGapsDto | null>(null);
  protected readonly weeks = signal(12);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');
  /** Whether the user keeps entries: a role that may, in an organisation of the area's partnership. */
  protected readonly mayKeep = computed(() => {
    const me = this.auth.user();
    const area = this.area();
    if (!me || !area) return false;
    return KEEPERS.some((r) => me.roles.includes(r)) && area.partners.some((p) => p.id === me.organization.id);
  });

  ngOnInit(): void {
    forkJoin({
      area: this.api.area(this.id()),
      items: this.api.list(this.id()),
      cases: this.api.cases(this.id()),
      gaps: this.api.gaps(this.id(), this.weeks()),
    }).subscribe({
      next: ({ area, items, cases, gaps }) => {
        this.area.set(area);
        this.items.set(items);
        this.cases.set(cases);
        this.gaps.set(gaps);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }

  protected setWeeks(weeks: number): void {
    this.weeks.set(weeks);
    this.api.gaps(this.id(), weeks).subscribe({
      next: (g) => this.gaps.set(g),
      error: (err: unknown) => this.notice.set(errorMessage(toApiError(err), this.i18n)),
    });
  }

  private dayKey(d: IsoWeekday): MessageKey {
    return `activities.weekday.${d}`;
  }

  protected placeNames(a: ActivityDto): string {
    return a.places.map((p) => p.name).join(', ');
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  }

  protected when(a: ActivityDto): string {
    const days = a.weekdays.map((d) => this.i18n.t(this.dayKey(d)).slice(0, 3).toLowerCase()).join(', ');
    if (!a.startTime || !a.endTime) return days || this.i18n.t('activities.noFixedHours');
    return `${days} ${a.startTime}–${a.endTime}`;
  }

  protected period(a: ActivityDto): string {
    return a.endsOn ? `${this.date(a.startsOn)} – ${this.date(a.endsOn)}` : this.i18n.t('activities.from', { date: this.date(a.startsOn) });
  }

  protected open(activity?: ActivityDto): void {
    const area = this.area();
    if (!area) return;
    const data: ActivityDialogData = { areaId: area.id, places: area.places, partners: area.partners, cases: this.cases(), activity };
    this.dialog
      .open<ActivityDialog, ActivityDialogData, ActivityDto>(ActivityDialog, { data, width: '44rem', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.items.update((list) => (activity ? list.map((x) => (x.id === saved.id ? saved : x)) : [saved, ...list]));
        this.notice.set(this.i18n.t('activities.saved', { title: saved.title }));
        this.setWeeks(this.weeks());
      });
  }

  protected remove(a: ActivityDto): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('activities.deleteFor', { title: a.title }),
      message: this.i18n.t('activities.deleteConfirm', { title: a.title }),
      confirmLabel: this.i18n.t('activities.delete'),
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '30rem', maxWidth: '95vw', role: 'alertdialog' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.remove(a.areaId, a.id)),
      )
      .subscribe({
        next: () => {
          this.items.update((list) => list.filter((x) => x.id !== a.id));
          this.notice.set(this.i18n.t('activities.deleted', { title: a.title }));
          this.setWeeks(this.weeks());
        },
        error: (err: unknown) => this.notice.set(errorMessage(toApiError(err), this.i18n)),
      });
  }
}
