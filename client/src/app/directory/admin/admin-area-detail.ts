import { ChangeDetectionStrategy, Component, effect, input, signal, untracked } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AreaDetailDto, AreaSummaryDto, OrganizationDto, PlaceDto } from '@samverka/contracts';
import { Observable, filter, forkJoin, switchMap } from 'rxjs';
import { LocalNumberPipe, TPipe } from '../../core/i18n/i18n';
import { ConfirmDialog, ConfirmDialogData } from '../../core/ui/confirm-dialog';
import { Icon } from '../../core/ui/icon';
import { AdminPage, AdminStatus } from './admin-list';
import { AreaDialog, AreaDialogData } from './area-dialog';
import { PlaceDialog, PlaceDialogData } from './place-dialog';

/**
 * Admin: one area with its partnership and its named places (add, edit, delete). An `AdminPage` but not an
 * `AdminList`: its heading is the area's name with an edit button, and the places are a section of it, with their
 * own heading, create button and empty state.
 */
@Component({
  selector: 'sv-admin-area-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButton, MatIconButton, MatChipSet, MatChip, AdminStatus, RouterLink, TPipe, LocalNumberPipe, Icon],
  template: `
    <p class="back">
      <a routerLink="/admin/areas"><sv-icon name="arrowBack" /> {{ 'admin.areas.back' | t }}</a>
    </p>
    <div class="page-header">
      <h1>{{ area()?.name ?? ('admin.areas.title' | t) }}</h1>
      @if (area(); as area) {
        <div class="page-actions">
          <button matButton="outlined" type="button" (click)="editArea(area)" data-testid="edit-area">
            <sv-icon name="edit" /> {{ 'admin.areas.edit' | t }}
          </button>
        </div>
      }
    </div>
    <sv-admin-status [loading]="loading()" [error]="error()" />

    @if (area(); as area) {
      <p>{{ area.description || ('overview.noDescription' | t) }}</p>
      <h2 id="partners-heading">{{ 'admin.areas.partners' | t }}</h2>
      @if (area.partners.length) {
        <mat-chip-set role="list" aria-labelledby="partners-heading">
          @for (partner of area.partners; track partner.id) {
            <mat-chip role="listitem" [disableRipple]="true">{{ partner.name }} · {{ i18n.orgType(partner.type) }}</mat-chip>
          }
        </mat-chip-set>
      } @else {
        <p class="empty-state">{{ 'area.noPartners' | t }}</p>
      }

      <div class="page-header places-header">
        <h2 id="places-heading">{{ 'admin.areas.places' | t }}</h2>
        <button matButton="filled" type="button" (click)="editPlace(area.id)" data-testid="create-place">
          <sv-icon name="add" /> {{ 'admin.places.new' | t }}
        </button>
      </div>
      @if (area.places.length) {
        <div class="table-wrapper">
          <table mat-table [dataSource]="area.places" aria-labelledby="places-heading">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'area.placeName' | t }}</th>
              <td mat-cell *matCellDef="let place">{{ place.name }}</td>
            </ng-container>
            <ng-container matColumnDef="latitude">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'area.latitude' | t }}</th>
              <td mat-cell *matCellDef="let place">
                {{ place.latitude === null ? ('area.noCoordinates' | t) : (place.latitude | localNumber) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="longitude">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'area.longitude' | t }}</th>
              <td mat-cell *matCellDef="let place">
                {{ place.longitude === null ? ('area.noCoordinates' | t) : (place.longitude | localNumber) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="responsible">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'admin.places.responsibleColumn' | t }}</th>
              <td mat-cell *matCellDef="let place">{{ responsibleName(place) ?? ('admin.places.noResponsibleSet' | t) }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">{{ 'common.actions' | t }}</span>
              </th>
              <td mat-cell *matCellDef="let place" class="cell-actions">
                <button matIconButton type="button" [attr.aria-label]="('common.edit' | t) + ': ' + place.name" (click)="editPlace(area.id, place)">
                  <sv-icon name="edit" />
                </button>
                <button matIconButton type="button" [attr.aria-label]="('common.delete' | t) + ': ' + place.name" (click)="deletePlace(place)">
                  <sv-icon name="delete" />
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" data-testid="row"></tr>
          </table>
        </div>
      } @else {
        <p class="empty-state">{{ 'admin.areas.noPlaces' | t }}</p>
      }
    }
  `,
  styles: `
    .back a {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .places-header {
      margin-top: 1.5rem;
    }
    .places-header h2 {
      margin: 0;
    }
  `,
})
export class AdminAreaDetail extends AdminPage<{ area: AreaDetailDto; organizations: OrganizationDto[] }> {
  /** The area id, from the route (`/admin/areas/:id`). */
  readonly id = input.required<string>();

  protected readonly area = signal<AreaDetailDto | null>(null);
  protected readonly organizations = signal<OrganizationDto[]>([]);
  protected readonly columns = ['name', 'latitude', 'longitude', 'responsible', 'actions'];

  constructor() {
    super();
    effect(() => {
      this.id();
      untracked(() => this.load());
    });
  }

  /** The area with the organisations (which the area dialog offers as partners). */
  protected fetch(): Observable<{ area: AreaDetailDto; organizations: OrganizationDto[] }> {
    return forkJoin({ area: this.api.area(this.id()), organizations: this.api.organizations() });
  }

  protected show({ area, organizations }: { area: AreaDetailDto; organizations: OrganizationDto[] }): void {
    this.area.set(area);
    this.organizations.set(organizations);
  }

  /** Opens the area dialog for this area. */
  protected editArea(area: AreaSummaryDto): void {
    this.openDialog<AreaDialogData, AreaSummaryDto>(AreaDialog, { area, organizations: this.organizations() }, '40rem');
  }

  /** The name of the organisation responsible for the place's physical environment, if one is named. */
  protected responsibleName(place: PlaceDto): string | null {
    const id = place.responsibleOrganizationId;
    return id ? (this.organizations().find((o) => o.id === id)?.name ?? null) : null;
  }

  /** Opens the place dialog: for `place`, or for a new place in the area; the area's partners may be responsible. */
  protected editPlace(areaId: string, place?: PlaceDto): void {
    const partners = this.area()?.partners ?? [];
    this.openDialog<PlaceDialogData, PlaceDto>(PlaceDialog, { areaId, place, partners, organizations: this.organizations() }, '36rem');
  }

  /** Asks for confirmation, then deletes `place`; a place in use (409) is refused with the API's reason. */
  protected deletePlace(place: PlaceDto): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('admin.places.deleteTitle'),
      message: this.i18n.t('admin.places.deleteQuestion', { name: place.name }),
      confirmLabel: this.i18n.t('common.delete'),
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '30rem', maxWidth: '95vw', role: 'alertdialog' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.deletePlace(place.id)),
      )
      .subscribe({
        next: () => {
          this.notifier.success('common.deleted');
          this.load();
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }
}
