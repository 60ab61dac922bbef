import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MEETING_LIMITS, type AgendaItemDto, type MeetingDto } from '@samverka/contracts';
import { Subscription } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Notifier } from '../../core/ui/notifier';
import { ActionList, ActionRow, agreedRows } from '../action-list';
import { CaseDecision } from './case-decision';
import { meetingWeek } from '../meeting-format';
import { meetingErrorText } from '../meeting-messages';
import { MeetingStore } from '../meeting-store';
import { MeetingsApi } from '../meetings-api';
import { PictureSummary } from '../picture-summary';
import { RoundPanel } from './round-panel';

/**
 * What the meeting discusses under an agenda item and, for the secretary, what to record: the area's picture, the
 * case to decide, the overdue actions, the round's statements, or a note.
 */
@Component({
  selector: 'sv-item-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    TPipe,
    FieldErrorPipe,
    ActionList,
    CaseDecision,
    PictureSummary,
    RoundPanel,
  ],
  template: `
    @switch (item().kind) {
      @case ('picture') {
        @if (item().areaId; as areaId) {
          <sv-picture-summary [areaId]="areaId" [week]="week()" />
        }
      }
      @case ('follow_up') {
        @if (followUpError(); as message) {
          <p class="error-text" role="alert">{{ message }}</p>
        } @else {
          <sv-action-list [rows]="followUp()" />
        }
      }
      @case ('round') {
        @if (canRecord()) {
          <sv-round-panel [meeting]="meeting()" [item]="item()" />
        }
      }
    }

    @if (item().kind === 'decision' && item().caseId) {
      <sv-case-decision [meeting]="meeting()" [item]="item()" [canRecord]="canRecord()" />
    } @else if (canRecord()) {
      <div class="note-form" data-testid="note-form">
        <mat-form-field appearance="outline" class="wide">
          <mat-label>{{ 'meetings.decision.note' | t }}</mat-label>
          <textarea matInput [formControl]="note" rows="2" [maxlength]="limits.decisionNote.max" data-testid="decision-note"></textarea>
          <mat-error>{{ note | fieldError }}</mat-error>
        </mat-form-field>
        <button matButton="outlined" type="button" [disabled]="saving()" (click)="saveNote()" data-testid="decide-note">
          {{ 'meetings.decide.note' | t }}
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .note-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 1rem;
      margin-top: 0.75rem;
    }
    .wide {
      flex: 1 1 24rem;
    }
    .note-form button {
      margin-top: 0.5rem;
    }
  `,
})
export class ItemPanel {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = MEETING_LIMITS;
  private readonly api = inject(MeetingsApi);
  private readonly store = inject(MeetingStore);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly meeting = input.required<MeetingDto>();
  readonly item = input.required<AgendaItemDto>();
  readonly canRecord = input(false);

  protected readonly week = computed(() => meetingWeek(this.meeting()));
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(MEETING_LIMITS.decisionNote.max)] });
  protected readonly saving = signal(false);
  protected readonly followUp = signal<ActionRow[]>([]);
  protected readonly followUpError = signal<string | null>(null);
  private followUpRequest?: Subscription;
  private readonly followUpKey = computed(() => {
    const item = this.item();
    return item.kind === 'follow_up' ? `${item.caseId ?? ''}|${item.actionIds.join(',')}` : null;
  });

  constructor() {
    // The overdue actions of a follow-up item (or the actions of its case), read again only when they change.
    effect(() => {
      const key = this.followUpKey();
      if (key === null) return;
      const [caseId, ids] = key.split('|');
      untracked(() => this.loadFollowUp(ids ? ids.split(',') : [], caseId || null));
    });
  }

  private loadFollowUp(ids: string[], caseId: string | null): void {
    this.followUpRequest?.unsubscribe();
    this.followUpError.set(null);
    const done = {
      error: (err: unknown) => this.followUpError.set(meetingErrorText(toApiError(err), this.i18n)),
    };
    if (ids.length) {
      this.followUpRequest = this.api.actions(ids.slice(0, 50)).subscribe({ next: (a) => this.followUp.set(agreedRows(a)), ...done });
    } else if (caseId) {
      this.followUpRequest = this.api.caseById(caseId).subscribe({ next: (c) => this.followUp.set(agreedRows(c.actions)), ...done });
    } else {
      this.followUp.set([]);
    }
  }

  /** Records a note on the item ("Anteckna"). */
  protected async saveNote(): Promise<void> {
    const text = this.note.value.trim();
    if (!text) {
      this.note.setErrors({ message: 'meetings.error.noteEmpty' });
      this.note.markAsTouched();
      return;
    }
    this.saving.set(true);
    const itemId = this.item().id;
    const result = await this.store.change((m) => this.api.decide(m.id, itemId, { version: m.version, kind: 'note', note: text }));
    this.saving.set(false);
    if (result.ok) {
      this.note.reset('');
      this.notifier.success('meetings.decision.saved');
    } else {
      this.note.setErrors({ server: result.message });
      this.note.markAsTouched();
    }
  }
}
