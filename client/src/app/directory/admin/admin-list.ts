import { ChangeDetectionStrategy, Component, Directive, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { ComponentType } from '@angular/cdk/portal';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Observable } from 'rxjs';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../directory-api';

/**
 * The frame of an admin list page: the heading with its create button, the progress bar, the error or the empty
 * state (announced politely), and the page's table (projected; the page shows it once there are rows).
 */
@Component({
  selector: 'sv-admin-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatProgressBar, TPipe, Icon],
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
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <div aria-live="polite">
      @if (error(); as message) {
        <p class="error-text" role="alert">{{ message }}</p>
      } @else if (!loading() && empty()) {
        <p class="empty-state">{{ emptyKey() | t }}</p>
      }
    </div>
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
 * What every admin list page does: reads its rows (`fetch`), shows loading and errors, and opens the create or
 * edit dialog, reading the rows again after a save. Pages call `load()` in their constructor.
 */
@Directive()
export abstract class AdminListPage<T> {
  protected readonly api = inject(DirectoryApi);
  protected readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly rows = signal<T[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  /** The rows, as the page lists them. */
  protected abstract fetch(): Observable<T[]>;

  /** Opens `dialog` with `data`; a save is confirmed and the rows are read again. */
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
    this.loading.set(true);
    this.error.set(null);
    this.fetch().subscribe({
      next: (rows) => {
        this.rows.set(rows);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
