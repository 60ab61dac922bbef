import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { MeetingDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { isUpcoming, meetingTime } from '../meeting-format';
import { meetingErrorText } from '../meeting-messages';
import { MeetingStateChip } from '../meeting-state';
import { MeetingsApi } from '../meetings-api';
import { PlanDownload } from './plan-download';

/** "Möten": the meetings of the user's organisation, upcoming first, and the current action plan of an area as a PDF. */
@Component({
  selector: 'sv-meeting-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatProgressBar, RouterLink, TPipe, Icon, MeetingStateChip, PlanDownload],
  template: `
    <div class="page-header">
      <h1>{{ 'meetings.title' | t }}</h1>
      @if (isCoordinator()) {
        <div class="page-actions">
          <a matButton="filled" routerLink="/meetings/new" data-testid="new-meeting"><sv-icon name="add" /> {{ 'meetings.new.title' | t }}</a>
        </div>
      }
    </div>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (error(); as message) {
      <p class="error-text" role="alert">{{ message }}</p>
    }

    @for (group of groups(); track group.key) {
      <section [attr.aria-labelledby]="'meetings-' + group.key">
        <h2 [id]="'meetings-' + group.key">{{ group.heading | t }}</h2>
        @if (group.items.length) {
          <ul class="meeting-list" [attr.data-testid]="'meetings-' + group.key">
            @for (m of group.items; track m.id) {
              <li data-testid="meeting-row">
                <div class="when">{{ when(m) }}</div>
                <div class="what">
                  <a [routerLink]="['/meetings', m.id]" class="title">{{ m.title }}</a>
                  <span class="meta">
                    {{ kind(m) }} · {{ areaNames(m) }}
                    @if (m.revision > 1) {
                      · {{ 'meetings.revision' | t: { revision: m.revision } }}
                    }
                  </span>
                </div>
                <sv-meeting-state [state]="m.state" />
              </li>
            }
          </ul>
        } @else if (!loading()) {
          <p class="empty-state">{{ group.empty | t }}</p>
        }
      </section>
    }

    <section class="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{{ 'meetings.plan.heading' | t }}</h2>
      <p class="intro">{{ 'meetings.plan.intro' | t }}</p>
      <sv-plan-download />
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 64rem;
    }
    .meeting-list {
      list-style: none;
      margin: 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .meeting-list li {
      display: grid;
      grid-template-columns: minmax(12rem, 16rem) 1fr auto;
      gap: 0.25rem 1rem;
      align-items: center;
      padding: 0.75rem 1rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .meeting-list li:last-child {
      border-bottom: 0;
    }
    .when {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .what {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
      padding: 0.25rem 0;
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .card {
      margin-top: 2rem;
      padding: 1rem 1.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .card h2 {
      margin-top: 0;
    }
    .intro {
      margin-top: 0;
    }
    @media (max-width: 599.98px) {
      .meeting-list li {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class MeetingList {
  private readonly api = inject(MeetingsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18n);

  protected readonly meetings = signal<MeetingDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly isCoordinator = computed(() => this.auth.user()?.roles.includes('coordinator') ?? false);

  protected readonly groups = computed(() => {
    const all = this.meetings();
    const upcoming = all.filter((m) => isUpcoming(m.state)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = all.filter((m) => !isUpcoming(m.state)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    return [
      { key: 'upcoming', heading: 'meetings.upcoming' as const, empty: 'meetings.upcoming.empty' as const, items: upcoming },
      { key: 'past', heading: 'meetings.past' as const, empty: 'meetings.past.empty' as const, items: past },
    ];
  });

  constructor() {
    this.api.list().subscribe({
      next: (list) => {
        this.meetings.set(list);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(meetingErrorText(toApiError(err), this.i18n));
      },
    });
  }

  protected when(m: MeetingDto): string {
    return meetingTime(m.startsAt, this.i18n.locale(), 'medium');
  }

  protected kind(m: MeetingDto): string {
    return this.i18n.t(`meetings.kind.${m.kind}`);
  }

  protected areaNames(m: MeetingDto): string {
    return m.areas.map((a) => a.name).join(', ');
  }
}
