import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, InjectionToken, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ImportDto } from '@samverka/contracts';
import { Subscription, timer } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { toApiError } from '../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { apiErrorText } from './api-messages';
import { ReportsApi } from './reports-api';

/** How often a running import is asked for its progress (ms). */
export const IMPORT_POLL_MS = new InjectionToken<number>('IMPORT_POLL_MS', { providedIn: 'root', factory: () => 500 });

/** The report fields a rejected row may name, as the column a user knows. */
const FIELD_LABELS: Record<string, MessageKey> = {
  occurredAt: 'import.field.occurredAt',
  place: 'import.field.place',
  latitude: 'import.field.latitude',
  longitude: 'import.field.longitude',
  category: 'import.field.category',
  description: 'import.field.description',
  externalId: 'import.field.externalId',
  area: 'import.field.area',
  assessment: 'import.field.assessment',
  policeNotified: 'import.field.policeNotified',
};

type Phase = 'idle' | 'uploading' | 'importing' | 'done';

/**
 * "Importera": a coordinator or analyst uploads a CSV export of incidents (e.g. the police's), follows the upload
 * and the import, and reads the outcome: rows read, imported, duplicates skipped and the rejected rows.
 */
@Component({
  selector: 'sv-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatFormField, MatLabel, MatHint, MatSelect, MatOption, MatCheckbox, MatButton, MatProgressBar, TPipe, Icon],
  template: `
    <h1>{{ 'import.title' | t }}</h1>
    <p class="intro">{{ 'import.intro' | t }}</p>
    <details class="columns">
      <summary>{{ 'import.columnsHeading' | t }}</summary>
      <p>{{ 'import.columns' | t }}</p>
    </details>

    <form (ngSubmit)="start()" novalidate class="import-form" data-testid="import-form">
      <div class="form-alert" role="alert" data-testid="import-error">{{ formError() }}</div>

      <div class="file-row">
        <input
          #fileInput
          id="import-file"
          class="file-input"
          type="file"
          name="file"
          accept=".csv,.txt,text/csv"
          (change)="choose(fileInput.files)"
          [disabled]="busy()"
          aria-describedby="file-name"
          data-testid="import-file"
        />
        <label for="import-file" class="file-label" [class.disabled]="busy()">
          <sv-icon name="upload" /> {{ 'import.chooseFile' | t }}
        </label>
        <span id="file-name" class="file-name">{{ file()?.name ?? ('import.noFile' | t) }}</span>
      </div>

      <mat-form-field appearance="outline" class="area-field">
        <mat-label>{{ 'import.area' | t }}</mat-label>
        <mat-select [(ngModel)]="areaId" name="areaId" [disabled]="busy()" data-testid="import-area">
          <mat-option value="">{{ 'import.areaFromFile' | t }}</mat-option>
          @for (area of areas(); track area.id) {
            <mat-option [value]="area.id">{{ area.name }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'import.areaHint' | t }}</mat-hint>
      </mat-form-field>

      <mat-checkbox [(ngModel)]="validOnly" name="validOnly" [disabled]="busy()" aria-describedby="mode-help" data-testid="import-valid-only">
        {{ 'import.validOnly' | t }}
      </mat-checkbox>
      <div id="mode-help" class="mode-help">
        <p><strong>{{ 'import.modeAllTitle' | t }}</strong> {{ 'import.modeAll' | t }}</p>
        <p><strong>{{ 'import.modeValidTitle' | t }}</strong> {{ 'import.modeValid' | t }}</p>
      </div>

      <button matButton="filled" type="submit" [disabled]="busy()" data-testid="import-start">
        <sv-icon name="upload" /> {{ 'import.start' | t }}
      </button>
    </form>

    <section class="progress" aria-labelledby="import-progress-heading" [hidden]="phase() === 'idle'">
      <h2 id="import-progress-heading">{{ 'import.progressHeading' | t }}</h2>
      <mat-progress-bar mode="determinate" [value]="percent()" [attr.aria-label]="'import.progressHeading' | t" data-testid="import-progress" />
      <p class="status" role="status" aria-live="polite" data-testid="import-status">{{ statusText() }}</p>
    </section>

    @if (result(); as r) {
      @if (r.status !== 'running') {
        <section class="summary" aria-labelledby="import-summary-heading" data-testid="import-summary">
          <h2 id="import-summary-heading">{{ (r.status === 'completed' ? 'import.completed' : 'import.failed') | t }}</h2>
          @if (r.error) {
            <p class="error-text" role="alert" data-testid="import-failure">{{ r.error }}</p>
          }
          <dl class="counts">
            <div><dt>{{ 'import.rowsRead' | t }}</dt><dd data-testid="rows-read">{{ r.rowsRead }}</dd></div>
            <div><dt>{{ 'import.imported' | t }}</dt><dd data-testid="rows-imported">{{ r.importedRows }}</dd></div>
            <div><dt>{{ 'import.duplicates' | t }}</dt><dd data-testid="rows-duplicate">{{ r.duplicateRows }}</dd></div>
            <div><dt>{{ 'import.rejected' | t }}</dt><dd data-testid="rows-rejected">{{ r.rejectedCount }}</dd></div>
          </dl>
          @if (r.rejected.length) {
            <h3 id="rejected-heading">{{ 'import.rejectedHeading' | t }}</h3>
            @if (r.rejectedCount > r.rejected.length) {
              <p>{{ 'import.rejectedShown' | t: { shown: r.rejected.length, count: r.rejectedCount } }}</p>
            }
            <div class="table-scroll">
              <table class="data-table" aria-labelledby="rejected-heading" data-testid="rejected-table">
                <thead>
                  <tr>
                    <th scope="col" class="num">{{ 'import.line' | t }}</th>
                    <th scope="col">{{ 'import.field' | t }}</th>
                    <th scope="col">{{ 'import.reason' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of r.rejected; track $index) {
                    <tr data-testid="row">
                      <td class="num">{{ row.line }}</td>
                      <td>{{ fieldLabel(row.field) }}</td>
                      <td>{{ row.reason }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
          <button matButton="outlined" type="button" (click)="reset()" class="again">{{ 'import.again' | t }}</button>
        </section>
      }
    }
  `,
  styles: `
    :host { display: block; max-width: 48rem; }
    .intro { margin-top: 0; }
    .columns { margin-bottom: 1rem; }
    .columns summary { cursor: pointer; min-height: 44px; display: list-item; padding: 0.5rem 0; color: var(--mat-sys-primary); }
    .import-form { display: flex; flex-direction: column; gap: 0.75rem; }
    .file-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    .file-input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
    .file-label {
      display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px; padding: 0 1.25rem;
      border: 1px solid var(--mat-sys-outline); border-radius: 999px; cursor: pointer;
      color: var(--mat-sys-primary); font: var(--mat-sys-label-large);
    }
    .file-label.disabled { opacity: 0.6; cursor: default; }
    .file-input:focus-visible + .file-label { outline: 3px solid var(--mat-sys-tertiary); outline-offset: 2px; }
    .file-name { font: var(--mat-sys-body-medium); word-break: break-all; }
    .area-field { max-width: 28rem; }
    .mode-help { font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); margin-top: -0.5rem; }
    .mode-help p { margin: 0.25rem 0; }
    .import-form > button { align-self: flex-start; }
    .progress { margin-top: 1.5rem; }
    .status { margin: 0.5rem 0; }
    .counts { display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; margin: 0 0 1rem; }
    .counts div { display: flex; flex-direction: column; }
    .counts dt { font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
    .counts dd { margin: 0; font: var(--mat-sys-headline-small); font-variant-numeric: tabular-nums; }
    .again { margin-top: 1rem; }
  `,
})
export class ImportPage {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);
  private readonly pollMs = inject(IMPORT_POLL_MS);

  private readonly auth = inject(AuthService);
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly file = signal<File | null>(null);
  protected areaId = '';
  protected validOnly = false;

  protected readonly phase = signal<Phase>('idle');
  protected readonly uploadPercent = signal(0);
  protected readonly result = signal<ImportDto | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly busy = computed(() => this.phase() === 'uploading' || this.phase() === 'importing');

  /** Upload counts for the first half of the bar, the import's own progress for the second. */
  protected readonly percent = computed(() => {
    switch (this.phase()) {
      case 'uploading':
        return Math.round(this.uploadPercent() / 2);
      case 'importing':
        return 50 + Math.round((this.result()?.progress ?? 0) / 2);
      case 'done':
        return 100;
      default:
        return 0;
    }
  });

  protected readonly statusText = computed(() => {
    const r = this.result();
    switch (this.phase()) {
      case 'uploading':
        return this.i18n.t('import.uploading', { percent: this.uploadPercent() });
      case 'importing':
        return this.i18n.t('import.importing', { percent: r?.progress ?? 0, rows: r?.rowsRead ?? 0 });
      case 'done':
        return this.i18n.t(r?.status === 'completed' ? 'import.completed' : 'import.failed');
      default:
        return '';
    }
  });

  private subscription?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected choose(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
    this.formError.set(null);
  }

  protected fieldLabel(field: string): string {
    const key = FIELD_LABELS[field];
    return key ? this.i18n.t(key) : field;
  }

  /** Uploads the file, then follows the import until it has finished. */
  protected start(): void {
    if (this.busy()) return;
    const file = this.file();
    if (!file) {
      this.formError.set(this.i18n.t('import.error.fileRequired'));
      return;
    }
    this.formError.set(null);
    this.result.set(null);
    this.uploadPercent.set(0);
    this.phase.set('uploading');
    this.subscription?.unsubscribe();
    this.subscription = this.api.startImport(file, { areaId: this.areaId || null, mode: this.validOnly ? 'valid_only' : 'all_or_nothing' }).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.uploadPercent.set(event.total ? Math.round((event.loaded / event.total) * 100) : 0);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploadPercent.set(100);
          this.follow(event.body);
        }
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  /** Starts over with another file. */
  protected reset(): void {
    this.subscription?.unsubscribe();
    this.phase.set('idle');
    this.result.set(null);
    this.uploadPercent.set(0);
  }

  private follow(dto: ImportDto): void {
    this.result.set(dto);
    if (dto.status !== 'running') {
      this.phase.set('done');
      return;
    }
    this.phase.set('importing');
    this.subscription = timer(this.pollMs).subscribe(() => {
      this.subscription = this.api.getImport(dto.id).subscribe({
        next: (next) => this.follow(next),
        error: (err: unknown) => this.fail(err),
      });
    });
  }

  private fail(err: unknown): void {
    this.phase.set('idle');
    this.formError.set(apiErrorText(toApiError(err), this.i18n));
  }
}
