import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { OrganizationDto, Role, UserDto } from '@samverka/contracts';
import { forkJoin } from 'rxjs';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../directory-api';
import { UserDialog, UserDialogData } from './user-dialog';

/** Admin: the users, their organisation and roles. */
@Component({
  selector: 'sv-users',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, MatIconButton, MatProgressBar, TPipe, Icon],
  template: `
    <div class="page-header">
      <h1>{{ 'admin.users.title' | t }}</h1>
      <div class="page-actions">
        <button matButton="filled" type="button" (click)="open()" [disabled]="loading()" data-testid="create">
          <sv-icon name="add" /> {{ 'admin.users.new' | t }}
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
        <p class="empty-state">{{ 'admin.users.empty' | t }}</p>
      }
    </div>
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
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">{{ 'common.actions' | t }}</span></th>
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
  `,
  styles: `
    .inactive { color: var(--mat-sys-error); font-weight: 600; }
  `,
})
export class Users {
  private readonly api = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly rows = signal<UserDto[]>([]);
  protected readonly organizations = signal<OrganizationDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['name', 'email', 'organization', 'roles', 'active', 'actions'];

  constructor() {
    this.load();
  }

  /** The roles as translated labels. */
  protected roleLabels(roles: Role[]): string {
    return roles.map((role) => this.i18n.role(role)).join(', ');
  }

  /** Opens the create dialog, or the edit dialog for `user`. */
  protected open(user?: UserDto): void {
    const data: UserDialogData = { user, organizations: this.organizations() };
    this.dialog
      .open(UserDialog, { data, width: '40rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved?: UserDto) => {
        if (!saved) return;
        this.notifier.success('common.saved');
        this.load();
      });
  }

  private load(): void {
    this.loading.set(true);
    this.error.set(null);
    forkJoin({ users: this.api.users(), organizations: this.api.organizations() }).subscribe({
      next: ({ users, organizations }) => {
        this.rows.set(users);
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
