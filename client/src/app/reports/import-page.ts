import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, InjectionToken, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { AreaSummaryDto, ImportDto, OrganizationDto, RejectedImportRow } from '@samverka/contracts';
import { Subscription, timer } from 'rxjs';
import { AuthService } from '../core/auth/auth';
import { toApiError } from '../core/http/api-error';
import { I18n, MessageKey, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { apiErrorText, importFailureText } from './api-messages';
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
        <label for="import-file" class="file-label" [class.disabled]="busy()"> <sv-icon name="upload" /> {{ 'import.chooseFile' | t }} </label>
        <span id="file-name" class="file-name">{{ file()?.name ?? ('import.noFile' | t) }}</span>
      </div>

      <mat-form-field appearance="outline" class="area-field">
        <mat-label>{{ 'import.area' | t }}</mat-label>
        <mat-select [ngModel]="areaId()" (ngModelChange)="chooseArea($event)" name="areaId" [disabled]="busy()" data-testid="import-area">
          <mat-option value="">{{ 'import.areaFromFile' | t }}</mat-option>
          @for (area of areas(); track area.id) {
            <mat-option [value]="area.id">{{ area.name }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'import.areaHint' | t }}</mat-hint>
      </mat-form-field>

      @if (sources().length > 1) {
        <mat-form-field appearance="outline" class="area-field">
          <mat-label>{{ 'import.source' | t }}</mat-label>
          <mat-select [ngModel]="sourceId()" (ngModelChange)="sourceId.set($event)" name="sourceOrganizationId" [disabled]="busy()" data-testid="import-source">
            @for (org of sources(); track org.id; let first = $first) {
              <mat-option [value]="first ? '' : org.id">{{ first ? ('import.sourceOwn' | t: { name: org.name }) : org.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'import.sourceHint' | t }}</mat-hint>
        </mat-form-field>
      }

      <mat-checkbox [(ngModel)]="validOnly" name="validOnly" [disabled]="busy()" aria-describedby="mode-help" data-testid="import-valid-only">
        {{ 'import.validOnly' | t }}
      </mat-checkbox>
      <div id="mode-help" class="mode-help">
        <p>
          <strong>{{ 'import.modeAllTitle' | t }}</strong> {{ 'import.modeAll' | t }}
        </p>
        <p>
          <strong>{{ 'import.modeValidTitle' | t }}</strong> {{ 'import.modeValid' | t }}
        </p>
      </div>

      <button matButton="filled" type="submit" [disabled]="busy()" data-testid="import-start"><sv-icon name="upload" /> {{ 'import.start' | t }}</button>
    </form>

    <section class="progress" aria-labelledby="import-progress-heading" [hidden]="phase() === 'idle' || phase() === 'done'">
      <h2 id="import-progress-heading">{{ 'import.progressHeading' | t }}</h2>
      <mat-progress-bar mode="determinate" [value]="percent()" [attr.aria-label]="'import.progressHeading' | t" data-testid="import-progress" />
      <p class="status" role="status" aria-live="polite" data-testid="import-status">{{ statusText() }}</p>
    </section>

    @if (result(); as r) {
      @if (r.status !== 'running') {
        <section class="summary" aria-labelledby="import-summary-heading" data-testid="import-summary">
          <h2 id="import-summary-heading">{{ (r.status === 'completed' ? 'import.completed' : 'import.failed') | t }}</h2>
          @if (r.error) {
            <p class="error-text" role="alert" data-testid="import-failure">{{ failureText(r) }}</p>
          }
          @if (creditedTo(r); as name) {
            <p data-testid="import-credited">{{ 'import.creditedTo' | t: { name } }}</p>
          }
          <dl class="counts">
            <div>
              <dt>{{ 'import.rowsRead' | t }}</dt>
              <dd data-testid="rows-read">{{ r.rowsRead }}</dd>
            </div>
            <div>
              <dt>{{ 'import.imported' | t }}</dt>
              <dd data-testid="rows-imported">{{ r.importedRows }}</dd>
            </div>
            <div>
              <dt>{{ 'import.duplicates' | t }}</dt>
              <dd data-testid="rows-duplicate">{{ r.duplicateRows }}</dd>
            </div>
            <div>
              <dt>{{ 'import.rejected' | t }}</dt>
              <dd data-testid="rows-rejected">{{ r.rejectedCount }}</dd>
            </div>
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
                      <td>{{ reasonText(row) }}</td>
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
    :host {
      display: block;
      max-width: 48rem;
    }
    .intro {
      margin-top: 0;
    }
    .columns {
      margin-bottom: 1rem;
    }
    .columns summary {
      cursor: pointer;
      min-height: 44px;
      display: list-item;
      padding: 0.5rem 0;
      color: var(--mat-sys-primary);
    }
    .import-form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .file-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .file-input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
      overflow: hidden;
    }
    .file-label {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 44px;
      padding: 0 1.25rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 999px;
      cursor: pointer;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
    }
    .file-label.disabled {
      opacity: 0.6;
      cursor: default;
    }
    .file-input:focus-visible + .file-label {
      outline: 3px solid var(--mat-sys-tertiary);
      outline-offset: 2px;
    }
    .file-name {
      font: var(--mat-sys-body-medium);
      word-break: break-all;
    }
    .area-field {
      max-width: 28rem;
    }
    .mode-help {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-top: -0.5rem;
    }
    .mode-help p {
      margin: 0.25rem 0;
    }
    .import-form > button {
      align-self: flex-start;
    }
    .progress {
      margin-top: 1.5rem;
    }
    .status {
      margin: 0.5rem 0;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 2rem;
      margin: 0 0 1rem;
    }
    .counts div {
      display: flex;
      flex-direction: column;
    }
    .counts dt {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .counts dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
    }
    .again {
      margin-top: 1rem;
    }
  `,
})
export class ImportPage {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);
  private readonly pollMs = inject(IMPORT_POLL_MS);

  private readonly auth = inject(AuthService);
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly file = signal<File | null>(null);
  protected readonly areaId = signal('');
  /** The organisation whose export the file is (a coordinator may choose a partner of the area); the user's own by default. */
  protected readonly sourceId = signal('');
  private readonly partnerAreas = signal<AreaSummaryDto[]>([]);
  /** The user's organisation first, then the partners of the chosen area (of any of the user's areas when none is chosen). */
  protected readonly sources = computed<OrganizationDto[]>(() => {
    const own = this.auth.user()?.organization;
    if (!own || !this.auth.user()?.roles.includes('coordinator')) return [];
    const areas = this.partnerAreas().filter((a) => !this.areaId() || a.id === this.areaId());
    const partners = new Map(
      areas
        .flatMap((a) => a.partners)
        .filter((o) => o.id !== own.id)
        .map((o) => [o.id, o]),
    );
    return [own, ...[...partners.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'))];
  });
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
      default:
        return '';
    }
  });

  private subscription?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
    if (this.auth.user()?.roles.includes('coordinator')) {
      const areas = this.api.partnerAreas().subscribe({ next: (list) => this.partnerAreas.set(list), error: () => this.partnerAreas.set([]) });
      inject(DestroyRef).onDestroy(() => areas.unsubscribe());
    }
  }

  protected chooseArea(id: string): void {
    this.areaId.set(id);
    // A partner of another area is no choice for this one.
    if (this.sourceId() && !this.sources().some((o) => o.id === this.sourceId())) this.sourceId.set('');
  }

  /** Why the import failed, in the user's language. */
  protected failureText(r: ImportDto): string {
    return r.error ? (importFailureText(this.i18n, r.error, r) ?? r.error) : '';
  }

  /** Why a row was rejected, in the user's language (imports from before the codes keep the API's words). */
  protected reasonText(row: RejectedImportRow): string {
    return row.code ? this.i18n.t(`import.reason.${row.code}`, { value: row.value ?? '' }) : row.reason;
  }

  /** The partner the reports were credited to, when not the user's own organisation. */
  protected creditedTo(r: ImportDto): string | null {
    if (!r.sourceOrganizationId || r.sourceOrganizationId === this.auth.user()?.organization.id) return null;
    return (
      this.partnerAreas()
        .flatMap((a) => a.partners)
        .find((o) => o.id === r.sourceOrganizationId)?.name ?? null
    );
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
    this.subscription = this.api
      .startImport(file, {
        areaId: this.areaId() || null,
        mode: this.validOnly ? 'valid_only' : 'all_or_nothing',
        sourceOrganizationId: this.sourceId() || null,
      })
      .subscribe({
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
