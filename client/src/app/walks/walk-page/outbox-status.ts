import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { FindingOutbox, type OutboxItem } from '../offline/finding-outbox';

/**
 * What the phone still has to send: "3 fynd väntar på att skickas", whether it is offline, and per finding its
 * photos and any refusal (with "try again" and "discard"). A polite live region announces the count as it changes.
 */
@Component({
  selector: 'sv-outbox-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TPipe, Icon],
  template: `
    <section class="outbox" [class.offline]="!outbox.online()" aria-labelledby="outbox-heading" data-testid="outbox">
      <h2 id="outbox-heading" class="visually-hidden">{{ 'walks.outbox.heading' | t }}</h2>
      <p class="count" aria-live="polite" data-testid="outbox-count">
        @if (waiting().length) {
          <sv-icon name="upload" /> {{ countText() }}
        } @else if (!refused().length) {
          <sv-icon name="checkCircle" /> {{ 'walks.outbox.allSent' | t }}
        }
      </p>
      @if (!outbox.online()) {
        <p class="note" data-testid="outbox-offline">{{ 'walks.outbox.offline' | t }}</p>
      } @else if (outbox.sending()) {
        <p class="note">{{ 'walks.outbox.sending' | t }}</p>
      }
      @if (outbox.storageError()) {
        <p class="error-text" role="alert">{{ 'walks.outbox.storage' | t }}</p>
      }
      @if (items().length) {
        <ul class="items">
          @for (item of items(); track item.key) {
            <li [attr.data-testid]="item.refusal ? 'outbox-refused' : 'outbox-item'">
              <span class="summary">{{ item.summary }}</span>
              <span class="meta">
                @if (item.photos.length) {
                  {{ 'walks.outbox.photos' | t: { sent: sentPhotos(item), count: item.photos.length } }}
                }
                @if (!item.refusal && item.attempts > 0) {
                  · {{ 'walks.outbox.retryAfter' | t: { attempts: item.attempts } }}
                }
              </span>
              @if (item.refusal; as refusal) {
                <p class="error-text" role="alert">{{ refusalText(item) }}</p>
                <div class="item-actions">
                  <button matButton="outlined" type="button" (click)="outbox.retry(item.key)">{{ 'walks.outbox.retry' | t }}</button>
                  <button matButton type="button" (click)="outbox.discard(item.key)">{{ 'walks.outbox.discard' | t }}</button>
                </div>
              }
            </li>
          }
        </ul>
        @if (outbox.online() && waiting().length && !outbox.sending()) {
          <button matButton="outlined" type="button" (click)="outbox.sendNow()" data-testid="outbox-send-now">{{ 'walks.outbox.sendNow' | t }}</button>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 1rem;
    }
    .outbox {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0.5rem 1rem;
      background: var(--mat-sys-surface-container-low);
    }
    .outbox.offline {
      border-color: #8a5a00;
      background: #fff6dc;
      color: #3d2a00;
    }
    .count {
      font: var(--mat-sys-title-medium);
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0.25rem 0;
    }
    .count:empty {
      display: none;
    }
    .note {
      margin: 0.25rem 0;
    }
    .items {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
    }
    .items li {
      padding: 0.4rem 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
    }
    .summary {
      overflow-wrap: anywhere;
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: inherit;
    }
    .item-actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
})
export class OutboxStatus {
  protected readonly outbox = inject(FindingOutbox);
  private readonly i18n = inject(I18n);

  /** Only this walk's findings (all walks' when not given). */
  readonly walkId = input<string | null>(null);

  protected readonly items = computed(() => {
    const id = this.walkId();
    return this.outbox.items().filter((i) => !id || i.walkId === id);
  });
  protected readonly waiting = computed(() => this.items().filter((i) => !i.refusal));
  protected readonly refused = computed(() => this.items().filter((i) => i.refusal));
  protected readonly countText = computed(() => {
    const n = this.waiting().length;
    return n === 1 ? this.i18n.t('walks.outbox.waitingOne') : this.i18n.t('walks.outbox.waiting', { count: n });
  });

  protected sentPhotos(item: OutboxItem): number {
    return item.photos.filter((p) => p.sent).length;
  }

  protected refusalText(item: OutboxItem): string {
    const r = item.refusal!;
    const message = r.message || this.i18n.t('common.unexpectedError');
    return r.photo ? this.i18n.t('walks.outbox.refusedPhoto', { name: r.photo, message }) : this.i18n.t('walks.outbox.refused', { message });
  }
}
