import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { OrganizationDto } from '@samverka/contracts';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../directory-api';
import { OrganizationDialog, OrganizationDialogData } from './organization-dialog';

/** Admin: the organisations that take part in the partnerships. */
@Component({
  selector: 'sv-organizations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, MatIconButton, MatProgressBar, TPipe, Icon],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.organizations.title' | t }}</h1>
      <div class="page-actions">
        <button matButton="filled" type="button" (click)="open()" data-testid="create">
          <sv-icon name="add" /> {{ 'admin.organizations.new' | t }}
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
        <p class="empty-state">{{ 'admin.organizations.empty' | t }}</p>
      }
    </div>
    @if (rows().length) {
      <div class="table-wrapper">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'admin.organizations.title' | t">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.organizations.name' | t }}</th>
            <td mat-cell *matCellDef="let org">{{ org.name }}</td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.organizations.type' | t }}</th>
            <td mat-cell *matCellDef="let org">{{ i18n.orgType(org.type) }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'common.actions' | t }}</span></th>
            <td mat-cell *matCellDef="let org" class="cell-actions">
              <button
                matIconButton
                type="button"
                [attr.aria-label]="('common.edit' | t) + ': ' + org.name"
                (click)="open(org)"
              >
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
})
export class Organizations {
  private readonly api = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);

  protected readonly rows = signal<OrganizationDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['name', 'type', 'actions'];

  constructor() {
    this.load();
  }

  /** Opens the create dialog, or the edit dialog for `organization`. */
  protected open(organization?: OrganizationDto): void {
    const data: OrganizationDialogData = { organization };
    this.dialog
      .open(OrganizationDialog, { data, width: '36rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: OrganizationDto) => {
        if (!saved) return;
        this.notifier.success('common.saved');
        this.load();
      });
  }

  private load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.organizations().subscribe({
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
