import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AreaDetailDto } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, LocalNumberPipe, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { DirectoryApi } from './directory-api';

/** One area: its description, its partnership and its named places. */
@Component({
  selector: 'sv-area-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatChipSet, MatChip, MatProgressBar, MatButton, RouterLink, TPipe, LocalNumberPipe, Icon],
  template: `
    <div class="page-header">
      <h1>{{ area()?.name ?? ('area.title' | t) }}</h1>
      @if (area(); as area) {
        <div class="page-actions">
          <a matButton="filled" [routerLink]="['/areas', area.id, 'picture']" data-testid="open-picture">
            <sv-icon name="barChart" /> {{ 'area.picture' | t }}
          </a>
          <a matButton="outlined" [routerLink]="['/areas', area.id, 'activities']" data-testid="open-activities">
            <sv-icon name="people" /> {{ 'activities.link' | t }}
          </a>
        </div>
      }
    </div>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>

    @if (area(); as area) {
      <h2>{{ 'area.description' | t }}</h2>
      <p>{{ area.description || ('overview.noDescription' | t) }}</p>

      <h2 id="partnership-heading">{{ 'area.partnership' | t }}</h2>
      @if (area.partners.length) {
        <mat-chip-set role="list" aria-labelledby="partnership-heading">
          @for (partner of area.partners; track partner.id) {
            <mat-chip role="listitem" [disableRipple]="true">
              {{ partner.name }}<span class="chip-type">· {{ i18n.orgType(partner.type) }}</span>
            </mat-chip>
          }
        </mat-chip-set>
      } @else {
        <p class="empty-state">{{ 'area.noPartners' | t }}</p>
      }

      <h2 id="places-heading">{{ 'area.places' | t }}</h2>
      @if (area.places.length) {
        <div class="table-wrapper">
          <table mat-table [dataSource]="area.places" aria-labelledby="places-heading" data-testid="places-table">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'area.placeName' | t }}</th>
              <td mat-cell *matCellDef="let place">{{ place.name }}</td>
            </ng-container>
            <ng-container matColumnDef="latitude">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'area.latitude' | t }}</th>
              <td mat-cell *matCellDef="let place" class="number">
                {{ place.latitude === null ? ('area.noCoordinates' | t) : (place.latitude | localNumber) }}
              </td>
            </ng-container>
            <ng-container matColumnDef="longitude">
              <th mat-header-cell *matHeaderCellDef scope="col">{{ 'area.longitude' | t }}</th>
              <td mat-cell *matCellDef="let place" class="number">
                {{ place.longitude === null ? ('area.noCoordinates' | t) : (place.longitude | localNumber) }}
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      } @else {
        <p class="empty-state">{{ 'area.noPlaces' | t }}</p>
      }
    } @else if (!loading()) {
      <p class="error-text" role="alert">{{ error() }}</p>
      <a matButton="outlined" routerLink="/overview"><sv-icon name="arrowBack" /> {{ 'area.back' | t }}</a>
    }
  `,
  styles: `
    .chip-type {
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 0.25em;
    }
    .number {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class AreaPage {
  private readonly api = inject(DirectoryApi);
  protected readonly i18n = inject(I18n);
  private request?: Subscription;

  /** The area id, from the route (`/areas/:id`). */
  readonly id = input.required<string>();

  protected readonly area = signal<AreaDetailDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['name', 'latitude', 'longitude'];

  constructor() {
    effect((onCleanup) => {
      const id = this.id();
      untracked(() => this.load(id));
      onCleanup(() => this.request?.unsubscribe());
    });
  }

  private load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.area.set(null);
    this.request = this.api.area(id).subscribe({
      next: (area) => {
        this.area.set(area);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        const notFound = err instanceof HttpErrorResponse && (err.status === 404 || err.status === 403);
        this.error.set(notFound ? this.i18n.t('area.notFound') : errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
