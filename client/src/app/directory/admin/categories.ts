import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { CategoryDto } from '@samverka/contracts';
import { Observable, map } from 'rxjs';
import { TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { AdminList, AdminListPage } from './admin-list';
import { CategoryDialog, CategoryDialogData } from './category-dialog';

/** Admin: the report categories (the taxonomy reporters choose from), including inactive ones. */
@Component({
  selector: 'sv-categories',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatIconButton, AdminList, TPipe, Icon],
  template: `
    <sv-admin-list
      titleKey="admin.categories.title"
      newKey="admin.categories.new"
      emptyKey="admin.categories.empty"
      [loading]="loading()"
      [error]="error()"
      [empty]="rows().length === 0"
      (create)="open()"
    >
      @if (rows().length) {
        <div class="table-wrapper">
          <table mat-table [dataSource]="rows()" [attr.aria-label]="'admin.categories.title' | t">
            <ng-container matColumnDef="code">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.categories.code' | t }}</th>
              <td mat-cell *matCellDef="let c">
                <code>{{ c.code }}</code>
              </td>
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
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
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
    </sv-admin-list>
  `,
  styles: `
    .inactive {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class Categories extends AdminListPage<CategoryDto> {
  protected readonly columns = ['code', 'labelSv', 'labelEn', 'sortOrder', 'active', 'actions'];

  constructor() {
    super();
    this.load();
  }

  /** The category's label in the active language. */
  protected label(category: CategoryDto): string {
    return this.i18n.lang() === 'sv' ? category.labelSv : category.labelEn;
  }

  /** Opens the create dialog, or the edit dialog for `category`. */
  protected open(category?: CategoryDto): void {
    this.openDialog<CategoryDialogData, CategoryDto>(CategoryDialog, { category }, '36rem');
  }

  protected fetch(): Observable<CategoryDto[]> {
    return this.api.categories(true).pipe(map((rows) => [...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))));
  }
}
