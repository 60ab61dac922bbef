import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AreaSummaryDto, OrganizationDto } from '@samverka/contracts';
import { Observable, forkJoin, map } from 'rxjs';
import { TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { AdminList, AdminListPage } from './admin-list';
import { AreaDialog, AreaDialogData } from './area-dialog';

/** Admin: the areas, their partnerships, and a way into each area's places. */
@Component({
  selector: 'sv-admin-areas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatIconButton, AdminList, RouterLink, TPipe, Icon],
  template: `
    <sv-admin-list
      titleKey="admin.areas.title"
      newKey="admin.areas.new"
      emptyKey="admin.areas.empty"
      [loading]="loading()"
      [error]="error()"
      [empty]="rows().length === 0"
      [createDisabled]="loading()"
      (create)="open()"
    >
      @if (rows().length) {
        <div class="table-wrapper">
          <table mat-table [dataSource]="rows()" [attr.aria-label]="'admin.areas.title' | t">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.areas.name' | t }}</th>
              <td mat-cell *matCellDef="let area">
                <a [routerLink]="['/admin/areas', area.id]" [attr.aria-label]="'admin.areas.manage' | t: { name: area.name }">{{ area.name }}</a>
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
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
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
    </sv-admin-list>
  `,
})
export class AdminAreas extends AdminListPage<AreaSummaryDto> {
  protected readonly organizations = signal<OrganizationDto[]>([]);
  protected readonly columns = ['name', 'partners', 'places', 'actions'];

  constructor() {
    super();
    this.load();
  }

  /** The partner organisations' names, comma-separated. */
  protected partnerNames(area: AreaSummaryDto): string {
    return area.partners.map((p) => p.name).join(', ');
  }

  /** Opens the create dialog, or the edit dialog for `area`. */
  protected open(area?: AreaSummaryDto): void {
    this.openDialog<AreaDialogData, AreaSummaryDto>(AreaDialog, { area, organizations: this.organizations() }, '40rem');
  }

  /** The areas with the organisations (which the dialog offers); both are set together when both arrived. */
  protected fetch(): Observable<AreaSummaryDto[]> {
    return forkJoin({ areas: this.api.areas(), organizations: this.api.organizations() }).pipe(
      map(({ areas, organizations }) => {
        this.organizations.set(organizations);
        return areas;
      }),
    );
  }
}
