import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { OrganizationDto, Role, UserDto } from '@samverka/contracts';
import { Observable, forkJoin, map } from 'rxjs';
import { TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { AdminList, AdminListPage } from './admin-list';
import { UserDialog, UserDialogData } from './user-dialog';

/** Admin: the users, their organisation and roles. */
@Component({
  selector: 'sv-users',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatIconButton, AdminList, TPipe, Icon],
  template: `
    <sv-admin-list
      titleKey="admin.users.title"
      newKey="admin.users.new"
      emptyKey="admin.users.empty"
      [loading]="loading()"
      [error]="error()"
      [empty]="rows().length === 0"
      [createDisabled]="loading()"
      (create)="open()"
    >
      @if (rows().length) {
        <div class="table-wrapper">
          <table mat-table [dataSource]="rows()" [attr.aria-label]="'admin.users.title' | t">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.users.name' | t }}</th>
              <td mat-cell *matCellDef="let user">{{ user.name }}</td>
            </ng-container>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.users.email' | t }}</th>
              <td mat-cell *matCellDef="let user">{{ user.email }}</td>
            </ng-container>
            <ng-container matColumnDef="organization">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.users.organization' | t }}</th>
              <td mat-cell *matCellDef="let user">{{ user.organization.name }}</td>
            </ng-container>
            <ng-container matColumnDef="roles">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.users.roles' | t }}</th>
              <td mat-cell *matCellDef="let user">{{ roleLabels(user.roles) }}</td>
            </ng-container>
            <ng-container matColumnDef="active">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.users.status' | t }}</th>
              <td mat-cell *matCellDef="let user">
                <span [class.inactive]="!user.active">{{ (user.active ? 'admin.users.active' : 'admin.users.inactive') | t }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
              <td mat-cell *matCellDef="let user" class="cell-actions">
                <button matIconButton type="button" [attr.aria-label]="('common.edit' | t) + ': ' + user.name" (click)="open(user)">
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
export class Users extends AdminListPage<UserDto> {
  protected readonly organizations = signal<OrganizationDto[]>([]);
  protected readonly columns = ['name', 'email', 'organization', 'roles', 'active', 'actions'];

  constructor() {
    super();
    this.load();
  }

  /** The roles as translated labels. */
  protected roleLabels(roles: Role[]): string {
    return roles.map((role) => this.i18n.role(role)).join(', ');
  }

  /** Opens the create dialog, or the edit dialog for `user`. */
  protected open(user?: UserDto): void {
    this.openDialog<UserDialogData, UserDto>(UserDialog, { user, organizations: this.organizations() }, '40rem');
  }

  /** The users with the organisations (which the dialog offers); both are set together when both arrived. */
  protected fetch(): Observable<UserDto[]> {
    return forkJoin({ users: this.api.users(), organizations: this.api.organizations() }).pipe(
      map(({ users, organizations }) => {
        this.organizations.set(organizations);
        return users;
      }),
    );
  }
}
