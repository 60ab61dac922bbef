import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  PARTICIPANT_GROUPS,
  WALK_LIMITS,
  type AreaDetailDto,
  type CategoryDto,
  type StopAnswersDto,
  type WalkDto,
  type WalkEventRequest,
  type WalkEventType,
} from '@samverka/contracts';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../../directory/directory-api';
import { FindingOutbox } from '../offline/finding-outbox';
import { walkTime } from '../walk-format';
import { WalkMap, type MapMark } from '../walk-map';
import { WalkStateChip } from '../walk-state';
import { WalksApi } from '../walks-api';
import { FindingForm } from './finding-form';
import { FindingList } from './finding-list';
import { OutboxStatus } from './outbox-status';
import { StopAnswers } from './stop-answers';
import { WALK_KEYS } from '../walk-keys';

/** The events shown as buttons here (COMPLETE_SETTLEMENT is on the settle page), in this order. */
const PAGE_EVENTS: WalkEventType[] = ['START', 'FINISH', 'FOLLOW_UP', 'CLOSE', 'CANCEL'];
/** Events that need a text, and its limits. */
type TextEvent = 'CANCEL' | 'FOLLOW_UP';
const TEXT_EVENTS: Record<TextEvent, { label: 'walks.event.reason' | 'walks.event.note'; min: number; max: number }> = {
  CANCEL: { label: 'walks.event.reason', ...WALK_LIMITS.cancelReason },
  FOLLOW_UP: { label: 'walks.event.note', ...WALK_LIMITS.followUpNote },
};
const isTextEvent = (type: WalkEventType): type is TextEvent => Object.hasOwn(TEXT_EVENTS, type);

/**
 * A walk's page, made for a phone outdoors: what and where, the buttons of the events the API allows now (start,
 * finish, …), recording findings and checklist answers while the walk is on, what is still waiting to be sent, the
 * route and findings on the map, and the findings with their photos and status.
 */
@Component({
  selector: 'sv-walk-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatProgressBar,
    TPipe,
    Icon,
    WalkStateChip,
    WalkMap,
    OutboxStatus,
    FindingForm,
    FindingList,
    StopAnswers,
  ],
  template: `
    <p class="back">
      <a routerLink="/walks"><sv-icon name="arrowBack" /> {{ 'walks.backToList' | t }}</a>
    </p>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    @if (walk(); as w) {
      <div class="title-row">
        <h1 data-testid="walk-title">{{ w.title }}</h1>
        <sv-walk-state [state]="w.state" />
      </div>
      <dl class="facts">
        <div>
          <dt>{{ 'walks.area' | t }}</dt>
          <dd>{{ w.areaName }}</dd>
        </div>
        <div>
          <dt>{{ 'walks.page.when' | t }}</dt>
          <dd>{{ when(w.startsAt) }}</dd>
        </div>
        @if (w.meetingPoint) {
          <div>
            <dt>{{ 'walks.page.meetingPoint' | t }}</dt>
            <dd>{{ w.meetingPoint }}</dd>
          </div>
        }
        <div>
          <dt>{{ 'walks.page.organizer' | t }}</dt>
          <dd>{{ w.organization.name }}</dd>
        </div>
        @if (w.invitedOrganizations.length) {
          <div>
            <dt>{{ 'walks.page.invited' | t }}</dt>
            <dd>{{ invitedNames(w) }}</dd>
          </div>
        }
        @if (participants(w); as text) {
          <div>
            <dt>{{ 'walks.page.participants' | t }}</dt>
            <dd>{{ text }}</dd>
          </div>
        }
        @if (w.cancelReason) {
          <div>
            <dt>{{ 'walks.state.cancelled' | t }}</dt>
            <dd>{{ w.cancelReason }}</dd>
          </div>
        }
        @if (w.followUpNote) {
          <div>
            <dt>{{ 'walks.page.followUpNote' | t }}</dt>
            <dd>{{ w.followUpNote }}</dd>
          </div>
        }
      </dl>
      @if (!w.detailsVisible) {
        <p class="notice" data-testid="walk-details-hidden">{{ 'walks.detailsHidden' | t }}</p>
      }

      <div class="actions" data-testid="walk-actions">
        @for (type of events(); track type) {
          <button
            [matButton]="type === 'CANCEL' ? 'outlined' : 'filled'"
            type="button"
            (click)="event(type)"
            [disabled]="sending()"
            [attr.data-testid]="'walk-event-' + type"
          >
            {{ keys.event(type) | t }}
          </button>
        }
        @if (canEdit()) {
          <a matButton="outlined" [routerLink]="['/walks', w.id, 'edit']" data-testid="walk-edit"><sv-icon name="edit" /> {{ 'walks.page.edit' | t }}</a>
        }
        @if (w.canSettle) {
          <a matButton="filled" [routerLink]="['/walks', w.id, 'settle']" data-testid="walk-settle"
            ><sv-icon name="checkCircle" /> {{ 'walks.page.settle' | t }}</a
          >
        }
        @if (w.caseId) {
          <a matButton="outlined" [routerLink]="['/cases', w.caseId]" data-testid="walk-case">{{ 'walks.page.caseLink' | t }}</a>
        }
        @if (w.detailsVisible && w.state !== 'cancelled') {
          <a matButton="outlined" [href]="invitationUrl()" target="_blank" rel="noopener" data-testid="walk-invitation-pdf">
            <sv-icon name="print" /> {{ 'walks.pdf.invitation' | t }}<span class="visually-hidden"> {{ 'walks.newTab' | t }}</span>
          </a>
        }
        @if (w.detailsVisible && hasReport()) {
          <a matButton="outlined" [href]="reportUrl()" target="_blank" rel="noopener" data-testid="walk-report-pdf">
            <sv-icon name="download" /> {{ 'walks.pdf.report' | t }}<span class="visually-hidden"> {{ 'walks.newTab' | t }}</span>
          </a>
        }
      </div>
      @if (pending(); as p) {
        <form class="event-text" (ngSubmit)="confirmEvent()" data-testid="walk-event-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ p.label | t }}</mat-label>
            <textarea matInput name="eventText" rows="3" required [attr.maxlength]="p.max" [(ngModel)]="eventText" data-testid="walk-event-text"></textarea>
            <mat-hint>{{ 'common.minLength' | t: { min: p.min } }}</mat-hint>
          </mat-form-field>
          <div class="event-buttons">
            <button matButton="filled" type="submit" [disabled]="sending() || eventText.trim().length < p.min" data-testid="walk-event-confirm">
              {{ keys.event(p.type) | t }}
            </button>
            <button matButton type="button" (click)="pending.set(null)">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      }
      <p class="error-text" role="alert">{{ error() }}</p>

      @if (w.canRecord || outbox.forWalk(w.id).length) {
        <sv-outbox-status [walkId]="w.id" />
      }

      @if (w.canRecord) {
        <section class="card" aria-labelledby="record-heading">
          <h2 id="record-heading">{{ 'walks.page.record' | t }}</h2>
          <sv-finding-form
            [walkId]="w.id"
            [checklist]="w.checklist"
            [categories]="categories()"
            [places]="area()?.places ?? []"
            [partners]="area()?.partners ?? []"
          />
        </section>
      }

      @if (w.detailsVisible) {
        <section aria-labelledby="route-heading">
          <h2 id="route-heading">{{ 'walks.page.route' | t }}</h2>
          @if (!w.route) {
            <p class="empty-state">{{ 'walks.page.noRoute' | t }}</p>
          }
          <sv-walk-map [route]="w.route?.coordinates ?? []" [marks]="marks()" [extent]="extent()" />
        </section>

        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading">{{ 'walks.page.findings' | t: { count: w.findings.length } }}</h2>
          @if (w.findings.length) {
            <sv-finding-list [walk]="w" [categories]="categories()" (changed)="reload()" />
          } @else {
            <p class="empty-state">{{ 'walks.page.noFindings' | t }}</p>
          }
        </section>

        @if (w.canRecord || w.stops.length) {
          <section class="card" aria-labelledby="stops-heading">
            <h2 id="stops-heading">{{ 'walks.page.stops' | t }}</h2>
            @if (w.stops.length) {
              <h3>{{ 'walks.stop.answered' | t }}</h3>
              <ul class="stops" data-testid="walk-stops">
                @for (s of w.stops; track s.stop) {
                  <li>
                    <strong>{{ 'walks.stop.heading' | t: { n: s.stop } }}: {{ s.label }}</strong>
                    <span>{{ stopSummary(w, s.answers) }}</span>
                  </li>
                }
              </ul>
            }
            @if (w.canRecord) {
              <sv-stop-answers [walk]="w" (saved)="walk.set($event)" />
            }
          </section>
        }
      }
    } @else if (error(); as message) {
      <h1>{{ 'walks.walk.title' | t }}</h1>
      <p class="error-text" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 52rem;
      --mat-button-filled-container-height: 48px;
      --mat-button-outlined-container-height: 48px;
      --mat-button-text-container-height: 48px;
    }
    .back {
      margin: 0 0 0.5rem;
    }
    .back a {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .title-row h1 {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .facts {
      display: grid;
      grid-template-columns: 1fr;
      gap: 0.25rem;
      margin: 0.75rem 0;
    }
    .facts div {
      display: grid;
      grid-template-columns: minmax(8rem, 12rem) 1fr;
      gap: 0 1rem;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .notice {
      border-inline-start: 4px solid var(--mat-sys-outline);
      padding-inline-start: 0.75rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.75rem 0;
    }
    .event-text {
      max-width: 36rem;
    }
    .event-text mat-form-field {
      width: 100%;
    }
    .event-buttons {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .error-text:empty {
      display: none;
    }
    .card {
      margin: 1rem 0;
      padding: 0.5rem 1rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .stops {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
    }
    .stops li {
      display: flex;
      flex-direction: column;
      padding: 0.25rem 0;
    }
    @media (max-width: 599.98px) {
      .facts div {
        grid-template-columns: 1fr;
      }
      .card {
        padding: 0.25rem 0.75rem 0.75rem;
      }
    }
  `,
})
export class WalkPage {
  protected readonly keys = WALK_KEYS;
  private readonly api = inject(WalksApi);
  private readonly directory = inject(DirectoryApi);
  private readonly notifier = inject(Notifier);
  protected readonly outbox = inject(FindingOutbox);
  protected readonly i18n = inject(I18n);

  /** The walk's id (route parameter). */
  readonly id = input.required<string>();

  protected readonly walk = signal<WalkDto | null>(null);
  protected readonly area = signal<AreaDetailDto | null>(null);
  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal<{ type: TextEvent; label: 'walks.event.reason' | 'walks.event.note'; min: number; max: number } | null>(null);
  protected eventText = '';

  protected readonly events = computed(() => {
    const allowed = new Set(this.walk()?.allowedEvents ?? []);
    return PAGE_EVENTS.filter((e) => allowed.has(e));
  });
  /** A planned walk the user may cancel is one they organise: they may change its plan too. */
  protected readonly canEdit = computed(() => this.walk()?.state === 'planned' && this.events().includes('CANCEL'));
  protected readonly hasReport = computed(() => {
    const s = this.walk()?.state;
    return !!s && s !== 'planned' && s !== 'cancelled';
  });
  protected readonly invitationUrl = computed(() => this.api.invitationPdfUrl(this.id(), this.i18n.lang()));
  protected readonly reportUrl = computed(() => this.api.reportPdfUrl(this.id(), this.i18n.lang()));
  protected readonly marks = computed<MapMark[]>(() =>
    (this.walk()?.findings ?? [])
      .filter((f) => f.latitude !== null && f.longitude !== null)
      .map((f) => ({ id: f.id, latitude: f.latitude!, longitude: f.longitude!, label: f.description, high: f.severity === 'high' })),
  );
  protected readonly extent = computed<[number, number][]>(() =>
    (this.area()?.places ?? []).filter((p) => p.latitude !== null && p.longitude !== null).map((p) => [p.latitude!, p.longitude!]),
  );

  constructor() {
    this.directory.categories().subscribe({
      next: (list) => this.categories.set(list.filter((c) => c.active).sort((a, b) => a.sortOrder - b.sortOrder)),
      error: () => undefined,
    });
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    // Findings sent from the outbox appear in the list.
    let seen = this.outbox.sent();
    effect(() => {
      const sent = this.outbox.sent();
      if (sent !== seen) {
        seen = sent;
        untracked(() => this.reload());
      }
    });
  }

  /** Loads the walk again (after a change elsewhere on the page). */
  reload(): void {
    this.load(this.id());
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (walk) => {
        this.loading.set(false);
        this.error.set(null);
        this.walk.set(walk);
        if (this.area()?.id !== walk.areaId) {
          this.directory.area(walk.areaId).subscribe({ next: (a) => this.area.set(a), error: () => undefined });
        }
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(errorMessage(toApiError(err), this.i18n));
      },
    });
  }

  protected when(iso: string): string {
    return walkTime(iso, this.i18n.locale());
  }

  protected invitedNames(w: WalkDto): string {
    return w.invitedOrganizations.map((o) => o.name).join(', ');
  }

  protected participants(w: WalkDto): string {
    return PARTICIPANT_GROUPS.filter((g) => (w.participantCounts[g] ?? 0) > 0)
      .map((g) => `${this.i18n.t(WALK_KEYS.participants(g))}: ${w.participantCounts[g]}`)
      .join(', ');
  }

  protected stopSummary(w: WalkDto, answers: StopAnswersDto['answers']): string {
    const labels = new Map(w.checklist.map((i) => [i.key, this.i18n.lang() === 'sv' ? i.labelSv : i.labelEn]));
    return answers.map((a) => `${labels.get(a.itemKey) ?? a.itemKey}: ${this.i18n.t(WALK_KEYS.answer(a.answer))}`).join(' · ');
  }

  /** Sends an event (those that need a text ask for it first). */
  protected event(type: WalkEventType): void {
    if (isTextEvent(type)) {
      this.eventText = '';
      this.pending.set({ type, ...TEXT_EVENTS[type] });
      return;
    }
    this.send({ type, version: this.walk()!.version });
  }

  protected confirmEvent(): void {
    const p = this.pending();
    if (!p) return;
    const version = this.walk()!.version;
    const text = this.eventText.trim();
    this.send(p.type === 'CANCEL' ? { type: 'CANCEL', version, reason: text } : { type: 'FOLLOW_UP', version, note: text });
  }

  private send(event: WalkEventRequest): void {
    if (this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    this.api.send(this.id(), event).subscribe({
      next: (walk) => {
        this.sending.set(false);
        this.pending.set(null);
        this.walk.set(walk);
        this.notifier.success(WALK_KEYS.eventDone(event.type));
      },
      error: (err: unknown) => {
        this.sending.set(false);
        const error = toApiError(err);
        if (error.statusCode === 409) {
          this.error.set(this.i18n.t('walks.event.stale'));
          this.reload();
        } else {
          this.error.set(errorMessage(error, this.i18n));
        }
      },
    });
  }
}
