import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { CategoryDto } from '@samverka/contracts';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../directory-api';
import { CategoryDialog, CategoryDialogData } from './category-dialog';

/** Admin: the report categories (the taxonomy reporters choose from), including inactive ones. */
@Component({
  selector: 'sv-categories',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, MatIconButton, MatProgressBar, TPipe, Icon],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.categories.title' | t }}</h1>
      <div class="page-actions">
        <button matButton="filled" type="button" (click)="open()" data-testid="create">
          <sv-icon name="add" /> {{ 'admin.categories.new' | t }}
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
      } @else if (!loading() && rows().length === 0) {
        <p class="empty-state">{{ 'admin.categories.empty' | t }}</p>
      }
    </div>
    @if (rows().length) {
      <div class="table-wrapper">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'admin.categories.title' | t">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.categories.code' | t }}</th>
            <td mat-cell *matCellDef="let c"><code>{{ c.code }}</code></td>
          </ng-container>
          <ng-container matColumnDef="labelSv">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.categories.labelSv' | t }}</th>
            <td mat-cell *matCellDef="let c" lang="sv">{{ c.labelSv }}</td>
          </ng-container>
          <ng-container matColumnDef="labelEn">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.categories.labelEn' | t }}</th>
            <td mat-cell *matCellDef="let c" lang="en">{{ c.labelEn }}</td>
          </ng-container>
          <ng-container matColumnDef="sortOrder">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.categories.sortOrder' | t }}</th>
            <td mat-cell *matCellDef="let c">{{ c.sortOrder }}</td>
          </ng-container>
          <ng-container matColumnDef="active">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.categories.active' | t }}</th>
            <td mat-cell *matCellDef="let c">
              <span [class.inactive]="!c.active">{{ (c.active ? 'common.yes' : 'common.no') | t }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'common.actions' | t }}</span></th>
            <td mat-cell *matCellDef="let c" class="cell-actions">
              <button matIconButton type="button" [attr.aria-label]="('common.edit' | t) + ': ' + label(c)" (click)="open(c)">
                <sv-icon name="edit" />
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns" data-testid="row"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    .inactive { color: var(--mat-sys-error); font-weight: 600; }
  `,
})
export class Categories {
  private readonly api = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly rows = signal<CategoryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['code', 'labelSv', 'labelEn', 'sortOrder', 'active', 'actions'];

  constructor() {
    this.load();
  }

  /** The category's label in the active language. */
  protected label(category: CategoryDto): string {
    return this.i18n.lang() === 'sv' ? category.labelSv : category.labelEn;
  }

  /** Opens the create dialog, or the edit dialog for `category`. */
  protected open(category?: CategoryDto): void {
    const data: CategoryDialogData = { category };
    this.dialog
      .open(CategoryDialog, { data, width: '36rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: CategoryDto) => {
        if (!saved) return;
        this.notifier.success('common.saved');
        this.load();
      });
  }

  private load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.categories(true).subscribe({
      next: (rows) => {
        this.rows.set([...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)));
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
