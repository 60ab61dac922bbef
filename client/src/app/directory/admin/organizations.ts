import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { OrganizationDto } from '@samverka/contracts';
import { Observable } from 'rxjs';
import { TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { AdminList, AdminListPage } from './admin-list';
import { OrganizationDialog, OrganizationDialogData } from './organization-dialog';

/** Admin: the organisations that take part in the partnerships. */
@Component({
  selector: 'sv-organizations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatIconButton, AdminList, TPipe, Icon],
  template: `
    <sv-admin-list
      titleKey="admin.organizations.title"
      newKey="admin.organizations.new"
      emptyKey="admin.organizations.empty"
      [loading]="loading()"
      [error]="error()"
      [empty]="rows().length === 0"
      (create)="open()"
    >
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
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
              <td mat-cell *matCellDef="let org" class="cell-actions">
                <button matIconButton type="button" [attr.aria-label]="('common.edit' | t) + ': ' + org.name" (click)="open(org)">
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
export class Organizations extends AdminListPage<OrganizationDto> {
  protected readonly columns = ['name', 'type', 'actions'];

  constructor() {
    super();
    this.load();
  }

  /** Opens the create dialog, or the edit dialog for `organization`. */
  protected open(organization?: OrganizationDto): void {
    this.openDialog<OrganizationDialogData, OrganizationDto>(OrganizationDialog, { organization }, '36rem');
  }

  protected fetch(): Observable<OrganizationDto[]> {
    return this.api.organizations();
  }
}
