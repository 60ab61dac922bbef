import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { CASE_OUTCOMES, type CaseOutcome, type CategoryDto, type EffectRegisterEntryDto, type EffectRegisterFilters } from '@samverka/contracts';
import { catchError, of, startWith, switchMap, tap } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { I18n, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { SwedishDateInput } from '../core/ui/swedish-date';
import { addDays, formatDay, todayInSweden } from '../cases/labels/dates';
import { DirectoryApi } from '../directory/directory-api';
import { swedishInstant } from '../meetings/meeting-format';
import { EffectsApi } from './effects-api';

/** The outcome filter's "all" choice, typed as the filter's value so that the form's value has the filter's type. */
const ANY_OUTCOME: CaseOutcome | '' = '';

interface FilterValue {
  areaId: string;
  categoryId: string;
  outcome: CaseOutcome | '';
  from: string;
  to: string;
}

/**
 * "Vad fungerar" / "What works" (issue #16): the effect register. Every evaluated case of the user's partnerships
 * with its outcome, categories, actions and the figures frozen at its evaluation; filters by area, category, outcome
 * and the evaluation's period (Swedish days); the same filters as CSV.
 */
@Component({
  selector: 'sv-effects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatButton, MatProgressBar, SwedishDateInput, TPipe, Icon],
  template: `
    <h1>{{ 'effects.title' | t }}</h1>
    <p class="intro">{{ 'effects.intro' | t }}</p>
    <form [formGroup]="form" class="effect-filters" (submit)="$event.preventDefault()" data-testid="effect-filters">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'effects.filter.area' | t }}</mat-label>
        <mat-select formControlName="areaId" data-testid="effect-area">
          <mat-option value="">{{ 'effects.filter.all' | t }}</mat-option>
          @for (a of areas(); track a.id) {
            <mat-option [value]="a.id">{{ a.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'effects.filter.category' | t }}</mat-label>
        <mat-select formControlName="categoryId" data-testid="effect-category">
          <mat-option value="">{{ 'effects.filter.all' | t }}</mat-option>
          @for (c of categories(); track c.id) {
            <mat-option [value]="c.id">{{ i18n.lang() === 'sv' ? c.labelSv : c.labelEn }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'effects.filter.outcome' | t }}</mat-label>
        <mat-select formControlName="outcome" data-testid="effect-outcome">
          <mat-option value="">{{ 'effects.filter.all' | t }}</mat-option>
          @for (o of outcomes; track o.value) {
            <mat-option [value]="o.value">{{ o.key | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'effects.filter.from' | t }}</mat-label>
        <input matInput svDate formControlName="from" data-testid="effect-from" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'effects.filter.to' | t }}</mat-label>
        <input matInput svDate formControlName="to" data-testid="effect-to" />
      </mat-form-field>
      <a matButton="outlined" [href]="csvUrl()" download data-testid="effect-csv"><sv-icon name="download" /> {{ 'effects.csv' | t }}</a>
    </form>

    <section aria-labelledby="effects-heading">
      <h2 id="effects-heading">{{ 'effects.table.heading' | t }}</h2>
      <div class="progress-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
        }
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ 'effects.error' | t }}</p>
      } @else if (entries().length) {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="effects-heading">
          <table class="data-table" data-testid="effect-table">
            <thead>
              <tr>
                <th scope="col">{{ 'effects.table.evaluated' | t }}</th>
                <th scope="col">{{ 'effects.table.case' | t }}</th>
                <th scope="col">{{ 'effects.table.area' | t }}</th>
                <th scope="col">{{ 'effects.table.outcome' | t }}</th>
                <th scope="col">{{ 'effects.table.categories' | t }}</th>
                <th scope="col">{{ 'effects.table.actions' | t }}</th>
                <th scope="col" class="num">{{ 'effects.table.counts' | t }}</th>
                <th scope="col">{{ 'effects.table.meaning' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of entries(); track e.caseId) {
                <tr data-testid="effect-row">
                  <td>{{ day(e.evaluatedAt) }}</td>
                  <th scope="row">
                    <a [routerLink]="['/cases', e.caseId]">{{ e.title }}</a>
                  </th>
                  <td>{{ e.areaName }}</td>
                  <td>{{ outcomeText(e.outcome) }}</td>
                  <td>{{ categoryNames(e) }}</td>
                  <td>
                    <ul class="plain">
                      @for (a of e.actions; track a.number) {
                        <li>{{ a.number }}. {{ a.what }} ({{ a.organizationName }})</li>
                      }
                    </ul>
                  </td>
                  <td class="num">
                    @if (e.figures; as f) {
                      {{ f.counts.treatment.before }} → {{ f.counts.treatment.after }}
                    }
                  </td>
                  <td>
                    @if (e.figures; as f) {
                      {{ meaning(e) }}
                      @if (f.tooFew) {
                        <strong class="too-few">{{ 'effects.figures.tooFew' | t }}</strong>
                      }
                    } @else {
                      {{ 'effects.figures.none' | t }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (!loading()) {
        <p class="empty-state">{{ 'effects.table.empty' | t }}</p>
      }
    </section>
  `,
  styles: `
    .effect-filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 1rem;
    }
    .effect-filters mat-form-field {
      flex: 1 1 11rem;
    }
    .effect-filters a {
      margin-top: 0.5rem;
    }
    .plain {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .too-few {
      display: block;
      color: var(--mat-sys-error);
    }
  `,
})
export class EffectsPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(EffectsApi);
  private readonly auth = inject(AuthService);
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly categories = toSignal(
    inject(DirectoryApi)
      .categories()
      .pipe(catchError(() => of([] as CategoryDto[]))),
    { initialValue: [] },
  );
  protected readonly outcomes = CASE_OUTCOMES.map((value) => ({ value, key: `cases.outcome.${value}` as const }));
  protected readonly form = inject(NonNullableFormBuilder).group({
    areaId: [''],
    categoryId: [''],
    outcome: [ANY_OUTCOME],
    from: [''],
    to: [''],
  });
  private readonly filters = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  protected readonly entries = signal<EffectRegisterEntryDto[]>([]);
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.query(this.filters())));

  constructor() {
    this.form.valueChanges
      .pipe(
        startWith(this.form.getRawValue()),
        tap(() => {
          this.loading.set(true);
          this.error.set(false);
        }),
        switchMap((v) =>
          this.api.register(this.query(v)).pipe(
            catchError(() => {
              this.error.set(true);
              return of([] as EffectRegisterEntryDto[]);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((list) => {
        this.entries.set(list);
        this.loading.set(false);
      });
  }

  /** The filters as the API takes them: the period as Swedish days (to inclusive), an unreadable date left out. */
  private query(v: Partial<FilterValue>): EffectRegisterFilters {
    const from = v.from ? swedishInstant(v.from, '00:00') : null;
    const to = v.to && /^\d{4}-\d{2}-\d{2}$/.test(v.to) ? swedishInstant(addDays(v.to, 1), '00:00') : null;
    return {
      areaId: v.areaId || undefined,
      categoryId: v.categoryId || undefined,
      outcome: v.outcome || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
    };
  }

  protected outcomeText(outcome: CaseOutcome): string {
    return this.i18n.t(`cases.outcome.${outcome}`);
  }

  protected day(iso: string): string {
    return formatDay(this.i18n, todayInSweden(new Date(iso)));
  }

  protected categoryNames(e: EffectRegisterEntryDto): string {
    return e.categories.map((c) => (this.i18n.lang() === 'sv' ? c.sv : c.en)).join(', ');
  }

  /** The difference-in-differences sentence, the one that compares with the rest of the area. */
  protected meaning(e: EffectRegisterEntryDto): string {
    const f = e.figures?.figures.find((x) => x.key === 'did');
    return f ? (this.i18n.lang() === 'sv' ? f.sv : f.en) : '';
  }
}
