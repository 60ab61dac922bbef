import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { CategoryDto, FindingDto, WalkDto } from '@samverka/contracts';
import { I18n, LocalNumberPipe, TPipe } from '../../core/i18n/i18n';
import { Notifier } from '../../core/ui/notifier';
import { settlementText } from '../settlement-text';
import { walkTime } from '../walk-format';
import { WalksApi } from '../walks-api';
import { WALK_KEYS } from '../walk-keys';

/** The walk's findings, newest first: what, where, how unsafe, who recorded it, its photos and its status. */
@Component({
  selector: 'sv-finding-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TPipe, LocalNumberPipe],
  template: `
    <ul class="findings" data-testid="walk-findings">
      @for (f of findings(); track f.id) {
        <li data-testid="walk-finding" [class.high]="f.severity === 'high'">
          <p class="head">
            <strong>{{ what(f) }}</strong>
            <span class="severity">{{ 'walks.finding.severity' | t }} {{ keys.severity(f.severity) | t }}</span>
          </p>
          <p class="description">{{ f.description }}</p>
          <p class="meta">
            @if (f.placeName) {
              {{ f.placeName }}
            } @else if (f.latitude !== null && f.longitude !== null) {
              {{ f.latitude | localNumber: 5 }}, {{ f.longitude | localNumber: 5 }}
            }
            · {{ time(f.recordedAt) }} · {{ 'walks.finding.by' | t: { name: f.recordedBy.name, organization: f.recordedBy.organizationName } }}
            @if (f.responsibleOrganization; as org) {
              · {{ 'walks.finding.responsible' | t }}: {{ org.name }}
            }
          </p>
          <p class="status" data-testid="finding-status">{{ status(f) }}</p>
          @if (f.photos.length) {
            <ul class="photos">
              @for (p of f.photos; track p.id; let n = $index) {
                <li>
                  <a [href]="p.url" target="_blank" rel="noopener">
                    <img [src]="p.thumbnailUrl" [alt]="'walks.finding.photoAlt' | t: { n: n + 1 }" loading="lazy" data-testid="finding-photo" />
                    <span class="visually-hidden">{{ 'walks.newTab' | t }}</span>
                  </a>
                </li>
              }
            </ul>
          }
          @if (f.editable) {
            <button matButton type="button" (click)="remove(f)" [disabled]="busy()" data-testid="finding-delete">{{ 'walks.finding.delete' | t }}</button>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    .findings {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .findings > li {
      border: 1px solid var(--mat-sys-outline-variant);
      border-inline-start-width: 6px;
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
    }
    .findings > li.high {
      border-inline-start-color: #a31515;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .description {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .meta,
    .status {
      margin: 0.25rem 0;
      font: var(--mat-sys-body-medium);
    }
    .status {
      font-weight: 600;
    }
    .photos {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .photos img {
      width: 96px;
      height: 96px;
      object-fit: cover;
      border-radius: 6px;
      display: block;
    }
  `,
})
export class FindingList {
  protected readonly keys = WALK_KEYS;
  private readonly api = inject(WalksApi);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly walk = input.required<WalkDto>();
  readonly categories = input<CategoryDto[]>([]);
  /** A finding was deleted. */
  readonly changed = output();

  protected readonly busy = signal(false);
  protected readonly findings = computed(() => [...this.walk().findings].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)));

  /** The checklist item or category of a finding. */
  protected what(f: FindingDto): string {
    const sv = this.i18n.lang() === 'sv';
    const item = this.walk().checklist.find((i) => i.key === f.checklistItemKey);
    if (item) return sv ? item.labelSv : item.labelEn;
    const category = this.categories().find((c) => c.id === f.categoryId);
    return category ? this.i18n.category(category) : '';
  }

  protected time(iso: string): string {
    return walkTime(iso, this.i18n.locale(), 'medium');
  }

  protected status(f: FindingDto): string {
    return settlementText(f, this.i18n);
  }

  protected remove(f: FindingDto): void {
    this.busy.set(true);
    this.api.deleteFinding(this.walk().id, f.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.notifier.success('walks.finding.deleted');
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.notifier.error(err);
      },
    });
  }
}
