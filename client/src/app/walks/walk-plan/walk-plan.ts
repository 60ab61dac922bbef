import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  PARTICIPANT_GROUPS,
  WALK_LIMITS,
  WALK_MAX,
  type AreaDetailDto,
  type ChecklistTemplateDto,
  type CreateWalkRequest,
  type FindingDto,
  type ParticipantCounts,
  type ParticipantGroup,
  type UpdateWalkRequest,
  type WalkDto,
} from '@samverka/contracts';
import { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth';
import { errorMessage, toApiError } from '../../core/http/api-error';
import { I18n, LocalNumberPipe, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { DirectoryApi } from '../../directory/directory-api';
import { settlementText } from '../settlement-text';
import { swedishInstant, swedishParts, walkTime } from '../walk-format';
import { WalkMap, type MapMark, type RoutePoint } from '../walk-map';
import { WalksApi } from '../walks-api';
import { WALK_KEYS } from '../walk-keys';

/** Required, and not only blanks. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** Which form control shows the API's error for a field of the request. */
const CONTROL_OF_FIELD: Record<string, string> = {
  areaId: 'areaId',
  title: 'title',
  startsAt: 'date',
  meetingPoint: 'meetingPoint',
  checklistTemplateId: 'checklistTemplateId',
};

type CountsGroup = FormGroup<Record<ParticipantGroup, FormControl<number>>>;

/**
 * "Planera trygghetsvandring" (and, with an id, changing a planned walk): the area, when, the meeting point, the
 * route drawn on the map, the invited partner organisations, the other participants counted by group (never named),
 * the checklist, and whether the details are restricted to the invited organisations.
 */
@Component({
  selector: 'sv-walk-plan',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatProgressBar,
    TPipe,
    LocalNumberPipe,
    FieldErrorPipe,
    Icon,
    WalkMap,
  ],
  template: `
    <p class="back">
      @if (id(); as walkId) {
        <a [routerLink]="['/walks', walkId]"><sv-icon name="arrowBack" /> {{ 'walks.backToWalk' | t }}</a>
      } @else {
        <a routerLink="/walks"><sv-icon name="arrowBack" /> {{ 'walks.backToList' | t }}</a>
      }
    </p>
    <h1 tabindex="-1">{{ (id() ? 'walks.edit.title' : 'walks.new.title') | t }}</h1>
    <div class="progress-slot">
      @if (loading() || saving()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="(saving() ? 'common.saving' : 'app.loading') | t" />
      }
    </div>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="plan" data-testid="walk-plan-form">
      <div class="form-alert" role="alert">{{ formError() }}</div>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'walks.area' | t }}</mat-label>
        <mat-select formControlName="areaId" required data-testid="walk-area">
          @for (a of areas(); track a.id) {
            <mat-option [value]="a.id">{{ a.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.areaId | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'walks.form.title' | t }}</mat-label>
        <input matInput formControlName="title" required [attr.maxlength]="limits.title.max" data-testid="walk-title" />
        <mat-hint>{{ 'walks.form.titleHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.title | fieldError }}</mat-error>
      </mat-form-field>
      <div class="when">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'walks.form.date' | t }}</mat-label>
          <input matInput type="date" formControlName="date" required data-testid="walk-date" />
          <mat-error>{{ form.controls.date | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'walks.form.time' | t }}</mat-label>
          <input matInput type="time" formControlName="time" required data-testid="walk-time" />
          <mat-hint>{{ 'walks.form.timeHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.time | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'walks.form.meetingPoint' | t }}</mat-label>
        <input matInput formControlName="meetingPoint" required [attr.maxlength]="limits.meetingPoint.max" data-testid="walk-meeting-point" />
        <mat-error>{{ form.controls.meetingPoint | fieldError }}</mat-error>
      </mat-form-field>

      <fieldset class="group">
        <legend>{{ 'walks.form.route' | t }}</legend>
        <p class="help" id="route-help">{{ 'walks.form.routeHelp' | t }}</p>
        <sv-walk-map #routeMap [(route)]="route" [editable]="true" [extent]="extent()" [marks]="previousMarks()" label="walks.form.routeMap" />
        <div class="route-tools">
          <button matButton="outlined" type="button" (click)="routeMap.addAtCentre()" data-testid="route-add-centre">
            <sv-icon name="add" /> {{ 'walks.form.routeAddCenter' | t }}
          </button>
          @if (route().length) {
            <button matButton type="button" (click)="undoPoint()" data-testid="route-undo">{{ 'walks.form.routeUndo' | t }}</button>
            <button matButton type="button" (click)="route.set([])" data-testid="route-clear">{{ 'walks.form.routeClear' | t }}</button>
          }
        </div>
        <h3 class="points-heading" id="route-points">{{ 'walks.form.routePoints' | t }}</h3>
        @if (route().length) {
          <ol class="points" aria-labelledby="route-points" data-testid="route-points">
            @for (p of route(); track $index) {
              <li>
                <span>{{ p[1] | localNumber: 5 }}, {{ p[0] | localNumber: 5 }}</span>
                <button matButton type="button" (click)="removePoint($index)" [attr.aria-label]="'walks.form.routeRemovePoint' | t: { n: $index + 1 }">
                  <sv-icon name="delete" />
                </button>
              </li>
            }
          </ol>
        } @else {
          <p class="empty-state">{{ 'walks.form.routeEmpty' | t }}</p>
        }
        @if (route().length === 1) {
          <p class="error-text" role="alert">{{ 'walks.form.routeTooShort' | t }}</p>
        }
      </fieldset>

      @if (previous(); as prev) {
        <section class="group previous" aria-labelledby="previous-heading" data-testid="previous-walk">
          <h2 id="previous-heading">{{ 'walks.previous.heading' | t }}</h2>
          <p>
            <a [routerLink]="['/walks', prev.id]">{{ prev.title }}</a> · {{ when(prev.startsAt) }}
            @if (prev.route && !route().length) {
              <button matButton type="button" (click)="route.set(prev.route.coordinates)" data-testid="previous-route">
                {{ 'walks.previous.useRoute' | t }}
              </button>
            }
          </p>
          @if (prev.findings.length) {
            <ul class="previous-findings">
              @for (f of prev.findings; track f.id) {
                <li>
                  <span class="prev-desc">{{ f.description }}</span> <strong>{{ status(f) }}</strong>
                </li>
              }
            </ul>
          } @else {
            <p class="empty-state">{{ 'walks.page.noFindings' | t }}</p>
          }
        </section>
      }

      <fieldset class="group">
        <legend>{{ 'walks.form.invited' | t }}</legend>
        <p class="help">{{ 'walks.form.invitedHint' | t }}</p>
        <div class="checks" data-testid="walk-invited">
          @for (o of partners(); track o.id) {
            <mat-checkbox [checked]="invited().includes(o.id)" (change)="toggleInvited(o.id, $event.checked)">{{ o.name }}</mat-checkbox>
          }
        </div>
      </fieldset>

      <fieldset class="group" [formGroup]="counts">
        <legend>{{ 'walks.form.participants' | t }}</legend>
        <div class="counts">
          @for (g of groups; track g) {
            <mat-form-field appearance="outline">
              <mat-label>{{ keys.participants(g) | t }}</mat-label>
              <input matInput type="number" inputmode="numeric" min="0" [max]="maxCount" [formControlName]="g" [attr.data-testid]="'count-' + g" />
              <mat-error>{{ counts.controls[g] | fieldError }}</mat-error>
            </mat-form-field>
          }
        </div>
      </fieldset>

      <mat-form-field appearance="outline">
        <mat-label>{{ 'walks.form.checklist' | t }}</mat-label>
        <mat-select formControlName="checklistTemplateId" required data-testid="walk-checklist">
          @for (c of checklists(); track c.id) {
            <mat-option [value]="c.id">{{ i18n.lang() === 'sv' ? c.nameSv : c.nameEn }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.checklistTemplateId | fieldError }}</mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="restricted" data-testid="walk-restricted">{{ 'walks.form.restricted' | t }}</mat-checkbox>

      <div class="actions">
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="walk-save">
          {{ (id() ? 'walks.form.save' : 'walks.form.submit') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    :host {
      display: block;
      max-width: 52rem;
    }
    .back {
      margin: 0 0 0.5rem;
    }
    .back a {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
    }
    .plan {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .when {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .when mat-form-field {
      flex: 1 1 10rem;
    }
    .group {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0.5rem 1rem 1rem;
      margin: 0.5rem 0 1rem;
      min-width: 0;
    }
    .group legend {
      font: var(--mat-sys-title-medium);
      padding: 0 0.25rem;
    }
    .help {
      margin: 0.25rem 0 0.75rem;
    }
    .route-tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.5rem 0;
    }
    .points-heading {
      font: var(--mat-sys-title-small);
      margin: 0.5rem 0 0.25rem;
    }
    .points {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .points li {
      font-variant-numeric: tabular-nums;
    }
    .points li button {
      min-width: 48px;
    }
    .checks {
      display: flex;
      flex-direction: column;
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0 1rem;
    }
    .actions {
      margin: 1rem 0 2rem;
    }
    .previous h2 {
      font: var(--mat-sys-title-medium);
      margin: 0.5rem 0;
    }
    .previous-findings {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .previous-findings li {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class WalkPlan {
  protected readonly keys = WALK_KEYS;
  private readonly api = inject(WalksApi);
  private readonly directory = inject(DirectoryApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  /** The walk to change (from the route `:id/edit`); none when planning a new one. */
  readonly id = input<string | undefined>(undefined);
  /** An area to preselect (`?area=`). */
  readonly area = input<string | undefined>(undefined);

  protected readonly limits = WALK_LIMITS;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly maxCount = WALK_MAX.participantsPerGroup;
  protected readonly areas = computed(() => this.auth.user()?.areas ?? []);
  protected readonly checklists = signal<ChecklistTemplateDto[]>([]);
  protected readonly areaDetail = signal<AreaDetailDto | null>(null);
  protected readonly partners = computed(() => this.areaDetail()?.partners ?? []);
  protected readonly extent = computed<[number, number][]>(() =>
    (this.areaDetail()?.places ?? []).filter((p) => p.latitude !== null && p.longitude !== null).map((p) => [p.latitude!, p.longitude!]),
  );
  protected readonly route = signal<RoutePoint[]>([]);
  /** The area's latest walk that was walked (for a new walk): its route and its findings with their status. */
  protected readonly previous = signal<WalkDto | null>(null);
  protected readonly previousMarks = computed<MapMark[]>(() =>
    (this.previous()?.findings ?? [])
      .filter((f) => f.latitude !== null && f.longitude !== null)
      .map((f) => ({
        id: f.id,
        latitude: f.latitude!,
        longitude: f.longitude!,
        label: `${f.description} – ${settlementText(f, this.i18n)}`,
        high: f.severity === 'high',
      })),
  );
  protected readonly invited = signal<string[]>([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  private readonly walk = signal<WalkDto | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    areaId: ['', Validators.required],
    title: ['', [requiredText, Validators.minLength(WALK_LIMITS.title.min), Validators.maxLength(WALK_LIMITS.title.max)]],
    date: ['', Validators.required],
    time: ['18:00', Validators.required],
    meetingPoint: ['', [requiredText, Validators.minLength(WALK_LIMITS.meetingPoint.min), Validators.maxLength(WALK_LIMITS.meetingPoint.max)]],
    checklistTemplateId: ['', Validators.required],
    restricted: [false],
  });
  protected readonly counts: CountsGroup = new FormGroup(
    Object.fromEntries(
      PARTICIPANT_GROUPS.map((g) => [
        g,
        new FormControl(0, { nonNullable: true, validators: [Validators.min(0), Validators.max(WALK_MAX.participantsPerGroup)] }),
      ]),
    ) as Record<ParticipantGroup, FormControl<number>>,
  );
  private readonly areaId = toSignal(this.form.controls.areaId.valueChanges, { initialValue: '' });

  constructor() {
    this.api.checklists().subscribe({
      next: (list) => {
        const active = list.filter((c) => c.active);
        this.checklists.set(active);
        const control = this.form.controls.checklistTemplateId;
        if (!control.value) control.setValue((active.find((c) => c.isDefault) ?? active[0])?.id ?? '');
      },
      error: (err: unknown) => this.formError.set(errorMessage(toApiError(err), this.i18n)),
    });
    effect(() => {
      const id = this.id();
      const areas = this.areas();
      const wanted = this.area();
      untracked(() => {
        if (id) this.load(id);
        else if (!this.form.controls.areaId.value) {
          const pick = wanted && areas.some((a) => a.id === wanted) ? wanted : areas.length === 1 ? areas[0].id : '';
          if (pick) this.form.controls.areaId.setValue(pick);
        }
      });
    });
    effect(() => {
      const areaId = this.areaId();
      untracked(() => this.loadArea(areaId));
    });
  }

  protected toggleInvited(id: string, checked: boolean): void {
    this.invited.update((list) => (checked ? [...new Set([...list, id])] : list.filter((x) => x !== id)));
  }

  protected undoPoint(): void {
    this.route.update((r) => r.slice(0, -1));
  }

  protected removePoint(i: number): void {
    this.route.update((r) => r.filter((_, j) => j !== i));
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (walk) => {
        this.loading.set(false);
        this.walk.set(walk);
        const { date, time } = swedishParts(walk.startsAt);
        this.form.patchValue({
          areaId: walk.areaId,
          title: walk.title,
          date,
          time,
          meetingPoint: walk.meetingPoint ?? '',
          checklistTemplateId: walk.checklistTemplateId,
          restricted: walk.restricted,
        });
        this.form.controls.areaId.disable();
        this.counts.patchValue(Object.fromEntries(PARTICIPANT_GROUPS.map((g) => [g, walk.participantCounts[g] ?? 0])));
        this.route.set(walk.route?.coordinates ?? []);
        this.invited.set(walk.invitedOrganizations.map((o) => o.id));
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.formError.set(errorMessage(toApiError(err), this.i18n));
      },
    });
  }

  protected when(iso: string): string {
    return walkTime(iso, this.i18n.locale(), 'medium');
  }

  protected status(f: FindingDto): string {
    return settlementText(f, this.i18n);
  }

  /** The area's latest walk that was walked (recorded or later), shown when planning the next one. */
  private loadPrevious(areaId: string): void {
    this.previous.set(null);
    if (!areaId || this.id()) return;
    this.api.list({ areaId }).subscribe({
      next: (walks) => {
        const last = walks
          .filter((w) => w.detailsVisible && !['planned', 'in_progress', 'cancelled'].includes(w.state))
          .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
        if (last) this.api.get(last.id).subscribe({ next: (w) => this.previous.set(w), error: () => undefined });
      },
      error: () => undefined,
    });
  }

  private loadArea(areaId: string): void {
    this.loadPrevious(areaId);
    if (!areaId) {
      this.areaDetail.set(null);
      return;
    }
    this.directory.area(areaId).subscribe({
      next: (area) => {
        this.areaDetail.set(area);
        // Invitations only among the area's partners.
        this.invited.update((list) => list.filter((id) => area.partners.some((p) => p.id === id)));
      },
      error: (err: unknown) => this.formError.set(errorMessage(toApiError(err), this.i18n)),
    });
  }

  protected submit(): void {
    if (this.saving()) return;
    this.formError.set(null);
    const v = this.form.getRawValue();
    const startsAt = swedishInstant(v.date, v.time);
    if (v.date && v.time && !startsAt) this.form.controls.date.setErrors({ message: 'walks.error.startsAt' });
    const route = this.route();
    if (this.form.invalid || this.counts.invalid || !startsAt || route.length === 1) {
      this.form.markAllAsTouched();
      this.counts.markAllAsTouched();
      this.focusFirstProblem();
      return;
    }
    const participantCounts: ParticipantCounts = {};
    for (const g of PARTICIPANT_GROUPS) {
      const n = Number(this.counts.controls[g].value) || 0;
      if (n > 0) participantCounts[g] = n;
    }
    const common = {
      title: v.title.trim(),
      startsAt,
      meetingPoint: v.meetingPoint.trim(),
      route: route.length >= 2 ? { type: 'LineString' as const, coordinates: route } : null,
      invitedOrganizationIds: this.invited(),
      participantCounts,
      checklistTemplateId: v.checklistTemplateId,
      restricted: v.restricted,
    };
    const walk = this.walk();
    const request: Observable<WalkDto> = walk
      ? this.api.update(walk.id, { ...common, version: walk.version } satisfies UpdateWalkRequest)
      : this.api.create({ ...common, areaId: v.areaId } satisfies CreateWalkRequest);
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.notifier.success(walk ? 'walks.saved' : 'walks.created');
        void this.router.navigate(['/walks', saved.id]);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        const error = toApiError(err);
        let placed = false;
        for (const e of [...(error.errors ?? []), ...(error.field ? [{ field: error.field, message: error.message }] : [])]) {
          const control = this.form.get(CONTROL_OF_FIELD[e.field] ?? '');
          if (control) {
            control.setErrors({ ...(control.errors ?? {}), server: e.message });
            control.markAsTouched();
            placed = true;
          }
        }
        if (!placed) this.formError.set(errorMessage(error, this.i18n));
        this.focusFirstProblem();
      },
    });
  }

  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const invalid = root.querySelector<HTMLElement>('form input.ng-invalid, form mat-select.ng-invalid');
        invalid?.focus();
      },
      { injector: this.injector },
    );
  }
}
