import { Overlay } from '@angular/cdk/overlay';
import { TemplatePortal } from '@angular/cdk/portal';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  TemplateRef,
  ViewContainerRef,
  ViewEncapsulation,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AgendaItemDto, CaseDto, MeetingDto } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { DirectoryApi } from '../../directory/directory-api';
import { ActionList, ActionRow, agreedRows, proposedRows } from '../action-list';
import { ItemRecord } from '../item-record';
import { clockTime, meetingTime, meetingWeek } from '../meeting-format';
import { MeetingStore } from '../meeting-store';
import { MeetingsApi } from '../meetings-api';
import { PictureSummary } from '../picture-summary';

/**
 * "Visa på projektor": the meeting for the wall – very large type, high contrast, the title and a clock, and the
 * current item only (the area's picture, the case with its analysis and actions, or the round's statements). It follows
 * the secretary through server-sent events; nothing can be changed here.
 */
@Component({
  selector: 'sv-presenter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  providers: [MeetingStore],
  imports: [RouterLink, TPipe, ActionList, ItemRecord, PictureSummary],
  // The screen is drawn in an overlay above the whole page (the shell's toolbar and navigation included).
  template: `<ng-template #screen>
    <div class="presenter" data-testid="presenter" tabindex="-1" role="region" [attr.aria-label]="'meetings.present.title' | t">
      @if (store.loadError(); as message) {
        <p class="present-error" role="alert">{{ message }}</p>
      }
      @if (meeting(); as m) {
        <header class="present-header">
          <div>
            <p class="present-meeting" data-testid="present-meeting">{{ m.title }}</p>
            <p class="present-meta">{{ kind(m) }} · {{ m.place }}</p>
          </div>
          <p class="present-clock" aria-hidden="true" data-testid="clock">{{ clock() }}</p>
        </header>

        <!-- The item title is announced when it changes; the rest is read on demand. -->
        <div class="present-body">
          @if (!m.detailsVisible) {
            <h1 class="present-title" data-testid="present-limited">{{ 'meetings.limited.title' | t }}</h1>
            <p>{{ 'meetings.limited.text' | t }}</p>
          } @else if (m.state === 'in_session' && current(); as item) {
            <p class="present-position">{{ 'meetings.present.position' | t: { n: currentIndex() + 1, count: m.agenda.length } }} · {{ itemKind(item) }}</p>
            <h1 class="present-title" data-testid="present-title" aria-live="polite">{{ item.title }}</h1>
            @switch (item.kind) {
              @case ('picture') {
                @if (item.areaId; as areaId) {
                  <sv-picture-summary [areaId]="areaId" [week]="week()" [large]="true" />
                }
              }
              @case ('decision') {
                @if (caseDto(); as c) {
                  <section class="present-section" data-testid="present-case">
                    <h2>{{ 'meetings.case.analysis' | t }}</h2>
                    <p class="present-analysis">{{ c.analysis || ('meetings.case.noAnalysis' | t) }}</p>
                    <h2>{{ (c.actions.length ? 'meetings.case.agreedActions' : 'meetings.case.proposedActions') | t }}</h2>
                    <sv-action-list [rows]="caseRows()" />
                  </section>
                }
              }
              @case ('follow_up') {
                <sv-action-list [rows]="followUp()" />
              }
              @case ('round') {
                @if (!item.statements.length) {
                  <p class="present-empty">{{ 'meetings.present.noStatements' | t }}</p>
                }
              }
            }
            <sv-item-record [item]="item" />
            @if (next(); as n) {
              <p class="present-next" data-testid="present-next">{{ 'meetings.present.next' | t: { title: n.title } }}</p>
            }
          } @else if (m.state === 'planned' || m.state === 'in_session') {
            <h1 class="present-title">{{ 'meetings.present.notStarted' | t }}</h1>
            <p>{{ 'meetings.present.startsAt' | t: { when: when(m) } }}</p>
            <ol class="present-agenda">
              @for (item of m.agenda; track item.id) {
                <li>{{ item.title }}</li>
              }
            </ol>
          } @else {
            <h1 class="present-title">{{ (m.state === 'cancelled' ? 'meetings.state.cancelled' : 'meetings.present.ended') | t }}</h1>
            <ol class="present-agenda">
              @for (item of m.agenda; track item.id) {
                <li>{{ item.title }}<sv-item-record [item]="item" /></li>
              }
            </ol>
          }
        </div>

        <footer class="present-footer">
          @if (fullscreenAvailable) {
            <button type="button" class="present-button" (click)="fullscreen()">{{ 'meetings.present.fullscreen' | t }}</button>
          }
          <a class="present-button" [routerLink]="['/meetings', m.id]">{{ 'meetings.present.back' | t }}</a>
        </footer>
      } @else if (!store.loadError()) {
        <p>{{ 'app.loading' | t }}</p>
      }
    </div>
  </ng-template>`,
  styles: `
    .presenter {
      width: 100vw;
      height: 100vh;
      overflow: auto;
      box-sizing: border-box;
      padding: 1.5rem 3rem 1rem;
      background: #fff;
      color: #000;
      font-size: max(28px, 1.75rem);
      line-height: 1.35;
      display: flex;
      flex-direction: column;
    }
    .presenter * {
      font-size: inherit;
    }
    .presenter a {
      color: #0b2a8a;
    }
    .presenter:focus {
      outline: none;
    }
    .present-header {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 2rem;
      border-bottom: 4px solid #000;
      padding-bottom: 0.5rem;
    }
    .present-header p {
      margin: 0;
    }
    .present-meeting {
      font-weight: 700;
    }
    .present-meta {
      font-size: 0.9em !important;
    }
    .present-clock {
      font-size: 1.6em !important;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .present-body {
      flex: 1 1 auto;
      padding: 1rem 0;
    }
    .present-position {
      margin: 0;
      font-size: 0.9em !important;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .present-title {
      font-size: 1.6em !important;
      line-height: 1.15;
      margin: 0.1rem 0 0.5rem;
      font-weight: 800;
    }
    .presenter h2 {
      font-size: 1.1em !important;
      font-weight: 800;
      margin: 1rem 0 0.25rem;
    }
    .present-analysis {
      white-space: pre-line;
      margin: 0;
    }
    .present-empty {
      font-style: italic;
    }
    .present-next {
      margin-top: 1.5rem;
      padding-top: 0.5rem;
      border-top: 2px solid #000;
    }
    .present-agenda li {
      margin: 0.25rem 0;
    }
    .presenter sv-level-chip {
      font-size: 1em;
      font-weight: 700;
      border-width: 3px;
    }
    .presenter sv-item-record .decision {
      background: #eef3ff;
      border-inline-start: 8px solid #0b2a8a;
      color: #000;
    }
    .presenter sv-item-record .by {
      font: inherit;
      font-size: 0.9em;
      color: #000;
    }
    .present-footer {
      display: flex;
      justify-content: flex-end;
      gap: 1rem;
      font-size: 0.6em !important;
    }
    .present-footer * {
      font-size: 18px;
    }
    .present-button {
      min-height: 44px;
      padding: 0.25rem 1rem;
      border: 2px solid #000;
      border-radius: 8px;
      background: #fff;
      color: #000;
      cursor: pointer;
      display: inline-flex;
      align-items: center;
      text-decoration: none;
    }
    .present-error {
      color: #8c1111;
      font-weight: 700;
    }
  `,
})
export class Presenter {
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(MeetingsApi);
  private readonly directory = inject(DirectoryApi);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);

  /** The meeting id (`/meetings/:id/present`). */
  readonly id = input.required<string>();

  protected readonly meeting = this.store.meeting;
  private readonly screen = viewChild.required<TemplateRef<unknown>>('screen');
  protected readonly now = signal(new Date());
  protected readonly clock = computed(() => clockTime(this.now(), this.i18n.locale()));
  protected readonly fullscreenAvailable = !!this.document.documentElement?.requestFullscreen;

  protected readonly currentIndex = computed(() => {
    const m = this.meeting();
    return m?.currentItemId ? m.agenda.findIndex((i) => i.id === m.currentItemId) : -1;
  });
  protected readonly current = computed<AgendaItemDto | null>(() => this.meeting()?.agenda[this.currentIndex()] ?? null);
  protected readonly next = computed<AgendaItemDto | null>(() => {
    const i = this.currentIndex();
    return i >= 0 ? (this.meeting()?.agenda[i + 1] ?? null) : null;
  });
  protected readonly week = computed(() => {
    const m = this.meeting();
    return m ? meetingWeek(m) : '';
  });

  protected readonly caseDto = signal<CaseDto | null>(null);
  private readonly orgNames = signal<Map<string, string>>(new Map());
  protected readonly caseRows = computed<ActionRow[]>(() => {
    const c = this.caseDto();
    if (!c) return [];
    return c.actions.length ? agreedRows(c.actions) : proposedRows(c.proposedActions, this.orgNames());
  });
  protected readonly followUp = signal<ActionRow[]>([]);

  /** What to read for the current item: its case (again after each decision) or its overdue actions. */
  private readonly itemKey = computed(() => {
    const item = this.current();
    if (!item || this.meeting()?.state !== 'in_session') return null;
    return JSON.stringify({ kind: item.kind, caseId: item.caseId, actionIds: item.actionIds, decided: item.decision?.at ?? null });
  });
  private itemRequest?: Subscription;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.store.load(id);
        this.store.connect(id);
      });
    });
    effect(() => {
      const key = this.itemKey();
      untracked(() => this.loadItem(key));
    });
    this.directory.organizations().subscribe({ next: (orgs) => this.orgNames.set(new Map(orgs.map((o) => [o.id, o.name]))), error: () => undefined });

    const overlay = inject(Overlay);
    const viewContainer = inject(ViewContainerRef);
    const pane = overlay.create({
      positionStrategy: overlay.position().global().top('0').left('0'),
      width: '100vw',
      height: '100vh',
      panelClass: 'presenter-pane',
    });
    afterNextRender(() => {
      pane.attach(new TemplatePortal(this.screen(), viewContainer));
      pane.overlayElement.querySelector<HTMLElement>('.presenter')?.focus();
    });

    // The clock moves on each minute.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const now = new Date();
      this.now.set(now);
      timer = setTimeout(tick, 60_000 - (now.getTime() % 60_000) + 50);
    };
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(timer);
      this.itemRequest?.unsubscribe();
      pane.dispose();
    });
  }

  protected kind(m: MeetingDto): string {
    return this.i18n.t(`meetings.kind.${m.kind}`);
  }

  protected itemKind(item: AgendaItemDto): string {
    return this.i18n.t(`meetings.itemKind.${item.kind}`);
  }

  protected when(m: MeetingDto): string {
    return meetingTime(m.startsAt, this.i18n.locale());
  }

  protected fullscreen(): void {
    void this.document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  private loadItem(key: string | null): void {
    this.itemRequest?.unsubscribe();
    const item = key ? (JSON.parse(key) as { kind: AgendaItemDto['kind']; caseId: string | null; actionIds: string[] }) : null;
    if (!item || item.kind !== 'decision' || item.caseId === null) this.caseDto.set(null);
    if (!item || item.kind !== 'follow_up') this.followUp.set([]);
    if (!item) return;
    if (item.kind === 'decision' && item.caseId) {
      const caseId = item.caseId;
      if (this.caseDto()?.id !== caseId) this.caseDto.set(null);
      this.itemRequest = this.api.caseById(caseId).subscribe({ next: (c) => this.caseDto.set(c), error: () => this.caseDto.set(null) });
    } else if (item.kind === 'follow_up') {
      const request = item.actionIds.length ? this.api.actions(item.actionIds.slice(0, 50)) : null;
      if (request) this.itemRequest = request.subscribe({ next: (a) => this.followUp.set(agreedRows(a)), error: () => this.followUp.set([]) });
      else if (item.caseId)
        this.itemRequest = this.api
          .caseById(item.caseId)
          .subscribe({ next: (c) => this.followUp.set(agreedRows(c.actions)), error: () => this.followUp.set([]) });
    }
  }
}
