import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { ChecklistTemplateDto } from '@samverka/contracts';
import { Observable } from 'rxjs';
import { TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { AdminList, AdminListPage } from '../../directory/admin/admin-list';
import { WalksApi } from '../walks-api';
import { ChecklistDialog, ChecklistDialogData } from './checklist-dialog';

/** Admin: the checklist templates of safety walks (a walk keeps a copy of the items it was planned with). */
@Component({
  selector: 'sv-checklist-admin',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatIconButton, AdminList, TPipe, Icon],
  template: `
    <sv-admin-list
      titleKey="walks.checklists.title"
      newKey="walks.checklists.new"
      emptyKey="walks.checklists.empty"
      [loading]="loading()"
      [error]="error()"
      [empty]="rows().length === 0"
      (create)="open()"
    >
      @if (rows().length) {
        <div class="table-wrapper" role="region" tabindex="0" aria-labelledby="checklists-heading">
          <h2 id="checklists-heading" class="visually-hidden">{{ 'walks.checklists.title' | t }}</h2>
          <table mat-table [dataSource]="rows()" aria-labelledby="checklists-heading">
            <ng-container matColumnDef="nameSv">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'walks.checklists.nameSv' | t }}</th>
              <td mat-cell *matCellDef="let c" lang="sv">
                {{ c.nameSv }}
                @if (c.isDefault) {
                  <span class="default">({{ 'walks.checklists.default' | t }})</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="nameEn">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'walks.checklists.nameEn' | t }}</th>
              <td mat-cell *matCellDef="let c" lang="en">{{ c.nameEn }}</td>
            </ng-container>
            <ng-container matColumnDef="items">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'walks.checklists.items' | t }}</th>
              <td mat-cell *matCellDef="let c">{{ itemLabels(c) }}</td>
            </ng-container>
            <ng-container matColumnDef="active">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'walks.checklists.active' | t }}</th>
              <td mat-cell *matCellDef="let c">
                <span [class.inactive]="!c.active">{{ (c.active ? 'common.yes' : 'common.no') | t }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
              <td mat-cell *matCellDef="let c" class="cell-actions">
                <button matIconButton type="button" [attr.aria-label]="('common.edit' | t) + ': ' + name(c)" (click)="open(c)" data-testid="edit">
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
    .default {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ChecklistAdmin extends AdminListPage<ChecklistTemplateDto> {
  private readonly walks = inject(WalksApi);
  protected readonly columns = ['nameSv', 'nameEn', 'items', 'active', 'actions'];

  constructor() {
    super();
    this.load();
  }

  /** The template's name in the active language. */
  protected name(t: ChecklistTemplateDto): string {
    return this.i18n.lang() === 'sv' ? t.nameSv : t.nameEn;
  }

  /** The items' labels in the active language, in order. */
  protected itemLabels(t: ChecklistTemplateDto): string {
    return t.items.map((i) => (this.i18n.lang() === 'sv' ? i.labelSv : i.labelEn)).join(', ');
  }

  /** Opens the create dialog, or the edit dialog for `template`. */
  protected open(template?: ChecklistTemplateDto): void {
    this.openDialog<ChecklistDialogData, ChecklistTemplateDto>(ChecklistDialog, { template }, '52rem');
  }

  protected fetch(): Observable<ChecklistTemplateDto[]> {
    return this.walks.checklists();
  }
}
