import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { AreaSummaryDto } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { errorMessage, toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import { DirectoryApi } from '../directory/directory-api';

/** The home page: a greeting and a card for each area of the user's partnership. */
@Component({
  selector: 'sv-overview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatCardActions,
    MatChipSet,
    MatChip,
    MatButton,
    MatProgressBar,
    RouterLink,
    TPipe,
  ],
  template: `
    <h1>{{ 'overview.title' | t }}</h1>
    @if (user(); as me) {
      <p class="greeting">
        <strong>{{ 'overview.greeting' | t: { name: me.name } }}</strong>
        {{ 'overview.organization' | t: { organization: me.organization.name } }}
      </p>
    }

    <h2>{{ 'overview.areasHeading' | t }}</h2>
    <div class="progress-slot">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <div aria-live="polite">
      @if (error(); as message) {
        <p class="error-text" role="alert">{{ message }}</p>
      } @else if (!loading() && areas().length === 0) {
        <p class="empty-state">{{ 'overview.noAreas' | t }}</p>
      }
    </div>

    <ul class="area-cards" data-testid="area-cards">
      @for (area of areas(); track area.id) {
        <li>
          <mat-card appearance="outlined" class="area-card">
            <mat-card-header>
              <mat-card-title>
                <h3 class="card-title">{{ area.name }}</h3>
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <p>{{ area.description || ('overview.noDescription' | t) }}</p>
              <p>{{ 'overview.placeCount' | t: { count: area.placeCount } }}</p>
              @if (area.partners.length) {
                <p class="partners-label" [id]="'partners-' + area.id">{{ 'overview.partners' | t }}</p>
                <mat-chip-set role="list" [attr.aria-labelledby]="'partners-' + area.id">
                  @for (partner of area.partners; track partner.id) {
                    <mat-chip role="listitem" [disableRipple]="true">
                      {{ partner.name }}<span class="chip-type">· {{ i18n.orgType(partner.type) }}</span>
                    </mat-chip>
                  }
                </mat-chip-set>
              }
            </mat-card-content>
            <mat-card-actions>
              <a matButton="tonal" [routerLink]="['/areas', area.id]">{{ 'overview.openArea' | t: { name: area.name } }}</a>
            </mat-card-actions>
          </mat-card>
        </li>
      }
    </ul>
  `,
  styles: `
    .greeting { font: var(--mat-sys-body-large); }
    .area-cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(22rem, 100%), 1fr));
      gap: 1rem;
    }
    .area-card { height: 100%; display: flex; flex-direction: column; }
    .area-card mat-card-content { flex: 1 1 auto; }
    .card-title { font: var(--mat-sys-title-large); margin: 0; }
    .partners-label { font: var(--mat-sys-label-large); margin-bottom: 0.25rem; }
    .chip-type { color: var(--mat-sys-on-surface-variant); margin-inline-start: 0.25em; }
  `,
})
export class Overview {
  private readonly api = inject(DirectoryApi);
  protected readonly i18n = inject(I18n);

  protected readonly user = inject(AuthService).user;
  protected readonly areas = signal<AreaSummaryDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.api.areas().subscribe({
      next: (areas) => {
        this.areas.set(areas);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(errorMessage(toApiError(err), this.i18n));
        this.loading.set(false);
      },
    });
  }
}
