import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AreaDetailDto, CaseSummaryDto, CategoryDto, FindingDto, WalkDto } from '@samverka/contracts';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, LocalNumberPipe, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../../directory/directory-api';
import { settlementText } from '../settlement-text';
import { WalkStateChip } from '../walk-state';
import { WalksApi } from '../walks-api';
import { SettleEditor } from './settle-editor';
import { WALK_KEYS } from '../walk-keys';

/** Case states in which a finding can still join a case. */
const OPEN_CASE_STATES = new Set(['reported', 'analysis', 'proposed', 'escalated', 'agreed', 'execution', 'follow_up']);

/**
 * "Fördela fynden": after the walk the coordinator decides for each finding who fixes it (an action of the walk's
 * case, an existing case, or noted without action), sees each finding's status, completes the settlement when the
 * API allows it, and opens the walk report.
 */
@Component({
  selector: 'sv-walk-settle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton, MatProgressBar, TPipe, LocalNumberPipe, Icon, WalkStateChip, SettleEditor],
  template: `
    <p class="back">
      <a [routerLink]="['/walks', id()]"><sv-icon name="arrowBack" /> {{ 'walks.backToWalk' | t }}</a>
    </p>
    <h1>{{ 'walks.settle.title' | t }}</h1>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <p class="error-text" role="alert">{{ error() }}</p>
    @if (walk(); as w) {
      <div class="title-row">
        <p class="walk-name">{{ w.title }} · {{ w.areaName }}</p>
        <sv-walk-state [state]="w.state" />
      </div>
      <p class="intro">{{ 'walks.settle.intro' | t }}</p>
      <p class="progress" aria-live="polite" data-testid="settle-progress">
        {{ 'walks.settle.progress' | t: { settled: settledCount(), count: w.findings.length } }}
      </p>
      <div class="actions">
        @if (w.allowedEvents.includes('COMPLETE_SETTLEMENT')) {
          <button matButton="filled" type="button" (click)="complete()" [disabled]="sending()" data-testid="walk-event-COMPLETE_SETTLEMENT">
            {{ 'walks.event.COMPLETE_SETTLEMENT' | t }}
          </button>
        }
        @if (w.detailsVisible) {
          <a matButton="outlined" [href]="reportUrl()" target="_blank" rel="noopener" data-testid="walk-report-pdf">
            <sv-icon name="download" /> {{ 'walks.pdf.report' | t }}<span class="visually-hidden"> {{ 'walks.newTab' | t }}</span>
          </a>
        }
      </div>
      @if (!w.canSettle) {
        <p class="notice">{{ 'walks.settle.notAllowed' | t }}</p>
      }
      <ol class="findings">
        @for (f of w.findings; track f.id) {
          <li class="finding" data-testid="settle-finding">
            <h2 class="finding-title">{{ what(w, f) }}</h2>
            <p class="description">{{ f.description }}</p>
            <p class="meta">
              {{ 'walks.finding.severity' | t }} {{ keys.severity(f.severity) | t }}
              @if (f.placeName) {
                · {{ f.placeName }}
              } @else if (f.latitude !== null && f.longitude !== null) {
                · {{ f.latitude | localNumber: 5 }}, {{ f.longitude | localNumber: 5 }}
              }
            </p>
            @if (f.photos.length) {
              <ul class="photos">
                @for (p of f.photos; track p.id; let n = $index) {
                  <li><img [src]="p.thumbnailUrl" [alt]="'walks.finding.photoAlt' | t: { n: n + 1 }" loading="lazy" /></li>
                }
              </ul>
            }
            <p class="status">
              <strong>{{ 'walks.settle.status' | t }}:</strong> <span data-testid="finding-status">{{ status(f) }}</span>
            </p>
            @if (w.canSettle) {
              <sv-settle-editor [walkId]="w.id" [finding]="f" [partners]="area()?.partners ?? []" [cases]="cases()" (settled)="replace($event)" />
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 52rem;
      --mat-button-filled-container-height: 48px;
      --mat-button-outlined-container-height: 48px;
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
    .walk-name {
      font: var(--mat-sys-title-medium);
      margin: 0;
      overflow-wrap: anywhere;
    }
    .progress {
      font: var(--mat-sys-title-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.75rem 0;
    }
    .error-text:empty {
      display: none;
    }
    .notice {
      border-inline-start: 4px solid var(--mat-sys-outline);
      padding-inline-start: 0.75rem;
    }
    .findings {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .finding {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0.5rem 1rem 1rem;
      margin-bottom: 1rem;
    }
    .finding-title {
      font: var(--mat-sys-title-medium);
      margin: 0.5rem 0 0.25rem;
    }
    .description {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .meta {
      font: var(--mat-sys-body-medium);
      margin: 0.25rem 0;
    }
    .photos {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .photos img {
      width: 80px;
      height: 80px;
      object-fit: cover;
      border-radius: 6px;
      display: block;
    }
  `,
})
export class WalkSettle {
  protected readonly keys = WALK_KEYS;
  private readonly api = inject(WalksApi);
  private readonly directory = inject(DirectoryApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly id = input.required<string>();

  protected readonly walk = signal<WalkDto | null>(null);
  protected readonly area = signal<AreaDetailDto | null>(null);
  protected readonly cases = signal<CaseSummaryDto[]>([]);
  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly settledCount = computed(() => (this.walk()?.findings ?? []).filter((f) => f.settlement).length);
  protected readonly reportUrl = computed(() => this.api.reportPdfUrl(this.id(), this.i18n.lang()));

  constructor() {
    this.directory.categories().subscribe({ next: (list) => this.categories.set(list), error: () => undefined });
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (walk) => {
        this.loading.set(false);
        this.walk.set(walk);
        if (this.area()?.id !== walk.areaId) {
          this.directory.area(walk.areaId).subscribe({ next: (a) => this.area.set(a), error: () => undefined });
          this.api
            .cases(walk.areaId)
            .subscribe({ next: (list) => this.cases.set(list.filter((c) => OPEN_CASE_STATES.has(c.state) && c.id !== walk.caseId)), error: () => undefined });
        }
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(errorMessage(toApiError(err), this.i18n));
      },
    });
  }

  protected what(w: WalkDto, f: FindingDto): string {
    const sv = this.i18n.lang() === 'sv';
    const item = w.checklist.find((i) => i.key === f.checklistItemKey);
    if (item) return sv ? item.labelSv : item.labelEn;
    const category = this.categories().find((c) => c.id === f.categoryId);
    return category ? this.i18n.category(category) : this.i18n.t('walks.walk.title');
  }

  protected status(f: FindingDto): string {
    return settlementText(f, this.i18n);
  }

  /** Puts a settled finding in place (the walk's version is unchanged by a settlement). */
  protected replace(finding: FindingDto): void {
    this.walk.update((w) => (w ? { ...w, findings: w.findings.map((f) => (f.id === finding.id ? finding : f)) } : w));
    // The allowed events may change once every finding is settled.
    this.load(this.id());
  }

  protected complete(): void {
    const w = this.walk();
    if (!w || this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    this.api.send(w.id, { type: 'COMPLETE_SETTLEMENT', version: w.version }).subscribe({
      next: (walk) => {
        this.sending.set(false);
        this.walk.set(walk);
        this.notifier.success('walks.event.done.COMPLETE_SETTLEMENT');
      },
      error: (err: unknown) => {
        this.sending.set(false);
        const error = toApiError(err);
        if (error.statusCode === 409) this.load(w.id);
        this.error.set(errorMessage(error, this.i18n));
      },
    });
  }
}
