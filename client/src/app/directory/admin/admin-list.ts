import { ChangeDetectionStrategy, Component, DestroyRef, Directive, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { ComponentType } from '@angular/cdk/portal';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Observable, Subscription } from 'rxjs';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../directory-api';

/**
 * The state line of an admin page under its heading: the progress bar while reading, then the error or the empty
 * state (announced politely).
 */
@Component({
  selector: 'sv-admin-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar, TPipe],
  host: { style: 'display: block' },
  template: `
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <div aria-live="polite">
      @if (error(); as message) {
        <p class="error-text" role="alert">{{ message }}</p>
      } @else if (!loading() && empty() && emptyKey()) {
        <p class="empty-state">{{ emptyKey()! | t }}</p>
      }
    </div>
  `,
})
export class AdminStatus {
  readonly loading = input.required<boolean>();
  readonly error = input.required<string | null>();
  /** Whether there is nothing to show (then `emptyKey` says so). */
  readonly empty = input(false);
  readonly emptyKey = input<MessageKey | null>(null);
}

/**
 * The frame of an admin list page: the heading with its create button, the progress bar, the error or the empty
 * state (announced politely), and the page's table (projected; the page shows it once there are rows).
 */
@Component({
  selector: 'sv-admin-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TPipe, Icon, AdminStatus],
  host: { style: 'display: block' },
  template: `
    <div class="page-header">
      <h1>{{ titleKey() | t }}</h1>
      <div class="page-actions">
        <button matButton="filled" type="button" (click)="create.emit()" [disabled]="createDisabled()" data-testid="create">
          <sv-icon name="add" /> {{ newKey() | t }}
        </button>
      </div>
    </div>
    <sv-admin-status [loading]="loading()" [error]="error()" [empty]="empty()" [emptyKey]="emptyKey()" />
    <ng-content />
  `,
})
export class AdminList {
  readonly titleKey = input.required<MessageKey>();
  readonly newKey = input.required<MessageKey>();
  readonly emptyKey = input.required<MessageKey>();
  readonly loading = input.required<boolean>();
  readonly error = input.required<string | null>();
  readonly empty = input.required<boolean>();
  readonly createDisabled = input(false);
  /** The create button was pressed. */
  readonly create = output();
}

/**
 * What every admin page does: reads what it shows (`fetch`, handed to `show`), shows loading and errors, and opens
 * the create or edit dialogs (`EntityDialog`s), reading again after a save. A newer read cancels an older one still
 * under way; leaving the page cancels it. Pages call `load()` when they know what to read.
 */
@Directive()
export abstract class AdminPage<T> {
  protected readonly api = inject(DirectoryApi);
  protected readonly i18n = inject(I18n);
  protected readonly dialog = inject(MatDialog);
  protected readonly notifier = inject(Notifier);

  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  private request?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  /** What the page shows, as read from the API. */
  protected abstract fetch(): Observable<T>;
  /** Shows what `fetch` read. */
  protected abstract show(value: T): void;

  /** Opens `dialog` with `data`; a save is confirmed and the page read again. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the dialog's data and result types, and the data is checked against D
  protected openDialog<D, R>(dialog: ComponentType<unknown>, data: D, width: string): void {
    this.dialog
      .open<unknown, D, R>(dialog, { data, width, maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: R) => {
        if (!saved) return;
        this.notifier.success('common.saved');
        this.load();
      });
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.fetch().subscribe({
      next: (value) => {
        this.show(value);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}

/** An admin list page (`AdminList` frame): its rows. Pages call `load()` in their constructor. */
@Directive()
export abstract class AdminListPage<T> extends AdminPage<T[]> {
  protected readonly rows = signal<T[]>([]);

  protected show(rows: T[]): void {
    this.rows.set(rows);
  }
}
