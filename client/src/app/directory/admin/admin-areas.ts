import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AreaSummaryDto, OrganizationDto } from '@samverka/contracts';
import { forkJoin } from 'rxjs';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../directory-api';
import { AreaDialog, AreaDialogData } from './area-dialog';

/** Admin: the areas, their partnerships, and a way into each area's places. */
@Component({
  selector: 'sv-admin-areas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, MatIconButton, MatProgressBar, RouterLink, TPipe, Icon],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.areas.title' | t }}</h1>
      <div class="page-actions">
        <button matButton="filled" type="button" (click)="open()" [disabled]="loading()" data-testid="create">
          <sv-icon name="add" /> {{ 'admin.areas.new' | t }}
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
        <p class="empty-state">{{ 'admin.areas.empty' | t }}</p>
      }
    </div>
    @if (rows().length) {
      <div class="table-wrapper">
        <table mat-table [dataSource]="rows()" [attr.aria-label]="'admin.areas.title' | t">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.areas.name' | t }}</th>
            <td mat-cell *matCellDef="let area">
              <a [routerLink]="['/admin/areas', area.id]" [attr.aria-label]="'admin.areas.manage' | t: { name: area.name }">{{
                area.name
              }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="partners">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.areas.partners' | t }}</th>
            <td mat-cell *matCellDef="let area">{{ partnerNames(area) }}</td>
          </ng-container>
          <ng-container matColumnDef="places">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.areas.placeCount' | t }}</th>
            <td mat-cell *matCellDef="let area">{{ area.placeCount }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'common.actions' | t }}</span></th>
            <td mat-cell *matCellDef="let area" class="cell-actions">
              <button matIconButton type="button" [attr.aria-label]="('common.edit' | t) + ': ' + area.name" (click)="open(area)">
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
export class AdminAreas {
  private readonly api = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly rows = signal<AreaSummaryDto[]>([]);
  protected readonly organizations = signal<OrganizationDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['name', 'partners', 'places', 'actions'];

  constructor() {
    this.load();
  }

  /** The partner organisations' names, comma-separated. */
  protected partnerNames(area: AreaSummaryDto): string {
    return area.partners.map((p) => p.name).join(', ');
  }

  /** Opens the create dialog, or the edit dialog for `area`. */
  protected open(area?: AreaSummaryDto): void {
    const data: AreaDialogData = { area, organizations: this.organizations() };
    this.dialog
      .open(AreaDialog, { data, width: '40rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: AreaSummaryDto) => {
        if (!saved) return;
        this.notifier.success('common.saved');
        this.load();
      });
  }

  private load(): void {
    this.loading.set(true);
    this.error.set(null);
    forkJoin({ areas: this.api.areas(), organizations: this.api.organizations() }).subscribe({
      next: ({ areas, organizations }) => {
        this.rows.set(areas);
        this.organizations.set(organizations);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
