import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MEETING_LIMITS, type AgendaItemInput, type AgendaItemKind, type CaseSummaryDto, type MeetingDto } from '@samverka/contracts';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { MeetingStore } from '../meeting-store';
import { MeetingsApi } from '../meetings-api';

/** An item of the agenda being edited: kept items have their id, added ones a temporary key. */
interface DraftItem {
  key: string;
  id?: string;
  kind: AgendaItemKind;
  title: string;
  caseId: string | null;
  areaId: string | null;
}

const ADDABLE: AgendaItemKind[] = ['other', 'decision', 'picture', 'follow_up', 'round'];

/**
 * The prepared agenda before the meeting: move items up and down (buttons, so it works from the keyboard and with a
 * screen reader; each move is announced), remove, add (a free item, an area's picture or a case waiting for a
 * decision), then save the whole list with the version it was based on.
 */
@Component({
  selector: 'sv-agenda-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
    Icon,
  ],
  template: `
    <p class="visually-hidden" aria-live="polite" data-testid="agenda-announcement">{{ announcement() }}</p>
    <ol class="agenda" data-testid="agenda-editor">
      @for (item of draft(); track item.key; let i = $index, first = $first, last = $last) {
        <li [attr.data-key]="item.key" data-testid="agenda-item">
          <span class="number" aria-hidden="true">{{ i + 1 }}.</span>
          <span class="text">
            <span class="kind">{{ kindLabel(item.kind) }}</span>
            <span class="title" data-testid="agenda-title">{{ item.title }}</span>
          </span>
          <span class="buttons">
            <button
              matIconButton
              type="button"
              class="up"
              [disabled]="first || saving()"
              (click)="move(i, -1)"
              [attr.aria-label]="'meetings.agenda.moveUp' | t: { title: item.title }"
              data-testid="move-up"
            >
              <sv-icon name="chevronLeft" class="rotate" />
            </button>
            <button
              matIconButton
              type="button"
              class="down"
              [disabled]="last || saving()"
              (click)="move(i, 1)"
              [attr.aria-label]="'meetings.agenda.moveDown' | t: { title: item.title }"
              data-testid="move-down"
            >
              <sv-icon name="chevronRight" class="rotate" />
            </button>
            <button
              matIconButton
              type="button"
              class="remove"
              [disabled]="saving()"
              (click)="remove(i)"
              [attr.aria-label]="'meetings.agenda.remove' | t: { title: item.title }"
              data-testid="remove-item"
            >
              <sv-icon name="delete" />
            </button>
          </span>
        </li>
      } @empty {
        <li class="empty">{{ 'meetings.agenda.empty' | t }}</li>
      }
    </ol>

    <form [formGroup]="addForm" (ngSubmit)="add()" novalidate class="add-form" data-testid="add-item-form">
      <h4 class="sub" id="add-item-heading">{{ 'meetings.agenda.addHeading' | t }}</h4>
      <div class="fields" role="group" aria-labelledby="add-item-heading">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'meetings.agenda.kind' | t }}</mat-label>
          <mat-select formControlName="kind" data-testid="add-kind">
            @for (k of addable; track k) {
              <mat-option [value]="k">{{ kindLabel(k) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (addKind() === 'picture' || addKind() === 'follow_up') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'meetings.agenda.area' | t }}</mat-label>
            <mat-select formControlName="areaId" data-testid="add-area">
              @for (a of meeting().areas; track a.id) {
                <mat-option [value]="a.id">{{ a.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @if (addKind() === 'decision') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'meetings.agenda.case' | t }}</mat-label>
            <mat-select formControlName="caseId" data-testid="add-case">
              @for (c of addableCases(); track c.id) {
                <mat-option [value]="c.id">{{ c.title }} ({{ c.areaName }})</mat-option>
              }
            </mat-select>
            <mat-error>{{ addForm.controls.caseId | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="title-field">
          <mat-label>{{ 'meetings.agenda.title' | t }}</mat-label>
          <input matInput formControlName="title" [maxlength]="limits.agendaItemTitle.max" autocomplete="off" data-testid="add-title" />
          <mat-error>{{ addForm.controls.title | fieldError }}</mat-error>
        </mat-form-field>
        <button matButton="outlined" type="submit" data-testid="add-item"><sv-icon name="add" /> {{ 'meetings.agenda.add' | t }}</button>
      </div>
    </form>

    <div class="progress-slot">
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
      }
    </div>
    <div class="form-alert" role="alert">{{ error() }}</div>
    <div class="save-row">
      <button matButton="filled" type="button" [disabled]="!dirty() || saving()" (click)="save()" data-testid="save-agenda">
        {{ 'meetings.agenda.save' | t }}
      </button>
      <button matButton type="button" [disabled]="!dirty() || saving()" (click)="undo()" data-testid="undo-agenda">{{ 'meetings.agenda.undo' | t }}</button>
      @if (dirty()) {
        <span class="unsaved" data-testid="agenda-unsaved">{{ 'meetings.agenda.unsaved' | t }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .agenda {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .agenda li {
      display: flex;
      align-items: center;
      gap: 0.5rem 0.75rem;
      padding: 0.25rem 0.5rem 0.25rem 1rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .agenda li:last-child {
      border-bottom: 0;
    }
    .agenda li.empty {
      padding: 1rem;
    }
    .number {
      min-width: 1.75rem;
      font-weight: 700;
    }
    .text {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .kind {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .buttons {
      display: flex;
      flex: none;
    }
    .rotate {
      transform: rotate(90deg);
    }
    .sub {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-small);
    }
    .add-form {
      padding: 1rem;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 12px;
      margin-bottom: 1rem;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 1rem;
    }
    .fields mat-form-field {
      flex: 1 1 12rem;
    }
    .fields .title-field {
      flex: 2 1 18rem;
    }
    .fields button {
      margin-top: 0.5rem;
    }
    .save-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .unsaved {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AgendaEditor {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = MEETING_LIMITS;
  private readonly api = inject(MeetingsApi);
  private readonly store = inject(MeetingStore);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly meeting = input.required<MeetingDto>();

  protected readonly addable = ADDABLE;
  protected readonly draft = signal<DraftItem[]>([]);
  protected readonly dirty = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly announcement = signal('');
  /** The version the draft was read at: saving with it refuses to overwrite someone else's change. */
  private baseVersion = 0;
  private added = 0;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly addForm = this.fb.group({
    kind: this.fb.control<AgendaItemKind>('other'),
    title: ['', [Validators.maxLength(MEETING_LIMITS.agendaItemTitle.max)]],
    areaId: [''],
    caseId: [''],
  });
  protected readonly addKind = toSignal(this.addForm.controls.kind.valueChanges, { initialValue: 'other' });
  private readonly cases = signal<CaseSummaryDto[] | null>(null);
  /** Cases waiting for a decision in the meeting's areas that are not on the agenda yet. */
  protected readonly addableCases = computed(() => {
    const onAgenda = new Set(this.draft().map((i) => i.caseId));
    return (this.cases() ?? []).filter((c) => !onAgenda.has(c.id));
  });

  constructor() {
    // The agenda as saved, unless the user is editing it.
    effect(() => {
      const m = this.meeting();
      untracked(() => {
        if (!this.dirty()) this.reset(m);
      });
    });
    // The cases are read when a decision item is to be added.
    effect(() => {
      if (this.addKind() !== 'decision') return;
      untracked(() => {
        if (this.cases() !== null) return;
        this.cases.set([]);
        const m = this.meeting();
        this.api
          .casesIn(
            m.areas.map((a) => a.id),
            ['proposed', 'escalated'],
          )
          .subscribe({ next: (list) => this.cases.set(list), error: () => this.cases.set(null) });
      });
    });
  }

  protected kindLabel(kind: AgendaItemKind): string {
    return this.i18n.t(`meetings.itemKind.${kind}`);
  }

  private reset(m: MeetingDto): void {
    this.baseVersion = m.version;
    this.draft.set(m.agenda.map((i) => ({ key: i.id, id: i.id, kind: i.kind, title: i.title, caseId: i.caseId, areaId: i.areaId })));
    this.dirty.set(false);
  }

  /** Moves item `index` one step up (-1) or down (+1); focus stays on the moved item's button. */
  protected move(index: number, step: -1 | 1): void {
    const items = [...this.draft()];
    const target = index + step;
    if (target < 0 || target >= items.length) return;
    [items[index], items[target]] = [items[target], items[index]];
    this.draft.set(items);
    this.dirty.set(true);
    const moved = items[target];
    this.announcement.set(this.i18n.t('meetings.agenda.moved', { title: moved.title, position: target + 1, count: items.length }));
    const atEdge = target === 0 || target === items.length - 1;
    const cls = atEdge ? (step < 0 ? 'down' : 'up') : step < 0 ? 'up' : 'down';
    this.focusIn(moved.key, `button.${cls}`);
  }

  protected remove(index: number): void {
    const items = [...this.draft()];
    const [removed] = items.splice(index, 1);
    this.draft.set(items);
    this.dirty.set(true);
    this.announcement.set(this.i18n.t('meetings.agenda.removed', { title: removed.title }));
    const next = items[Math.min(index, items.length - 1)];
    if (next) this.focusIn(next.key, 'button.remove');
    else this.focus('[data-testid="add-kind"]');
  }

  protected add(): void {
    const v = this.addForm.getRawValue();
    const kase = v.kind === 'decision' ? (this.cases() ?? []).find((c) => c.id === v.caseId) : undefined;
    const title = v.title.trim() || kase?.title || (v.kind === 'picture' ? this.pictureTitle(v.areaId) : '');
    if (v.kind === 'decision' && !kase) {
      this.addForm.controls.caseId.setErrors({ message: 'meetings.error.itemCase' });
      this.addForm.controls.caseId.markAsTouched();
      return;
    }
    if (title.length < 2) {
      this.addForm.controls.title.setErrors({ message: 'meetings.error.itemTitle' });
      this.addForm.controls.title.markAsTouched();
      return;
    }
    const areaId = kase?.areaId ?? ((v.kind === 'picture' || v.kind === 'follow_up') && v.areaId ? v.areaId : null);
    const item: DraftItem = { key: `new-${++this.added}`, kind: v.kind, title, caseId: kase?.id ?? null, areaId };
    this.draft.update((items) => [...items, item]);
    this.dirty.set(true);
    this.announcement.set(this.i18n.t('meetings.agenda.added', { title, position: this.draft().length }));
    this.addForm.reset({ kind: v.kind, title: '', areaId: v.areaId, caseId: '' });
  }

  private pictureTitle(areaId: string): string {
    const area = this.meeting().areas.find((a) => a.id === areaId);
    return area ? this.i18n.t('meetings.agenda.pictureTitle', { area: area.name }) : '';
  }

  protected undo(): void {
    this.reset(this.meeting());
    this.announcement.set(this.i18n.t('meetings.agenda.undone'));
  }

  /** Saves the whole agenda (PUT) with the version it was read at. */
  protected async save(): Promise<void> {
    if (this.saving() || !this.dirty()) return;
    this.error.set(null);
    const items: AgendaItemInput[] = this.draft().map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      kind: i.kind,
      title: i.title,
      ...(i.caseId ? { caseId: i.caseId } : {}),
      ...(i.areaId ? { areaId: i.areaId } : {}),
    }));
    const version = this.baseVersion;
    this.saving.set(true);
    const result = await this.store.change((m) => this.api.updateAgenda(m.id, version, items));
    this.saving.set(false);
    if (result.ok) {
      this.reset(result.meeting);
      this.notifier.success('meetings.agenda.saved');
      return;
    }
    if (result.error.code === 'MEETING.STALE_VERSION') this.reset(this.meeting());
    this.error.set(result.message);
  }

  private focusIn(key: string, selector: string): void {
    this.focus(`li[data-key="${key}"] ${selector}`);
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
