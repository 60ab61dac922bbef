import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MEETING_LIMITS, type AgendaItemDto, type MeetingDto } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Notifier } from '../../core/ui/notifier';
import { MeetingStore } from '../meeting-store';
import { MeetingsApi } from '../meetings-api';

/**
 * "Laget runt": one statement field per participating organisation, each saved on its own. A field the user has not
 * touched follows what others record (live updates); one being written is left alone.
 */
@Component({
  selector: 'sv-round-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, MatButton, TPipe, FieldErrorPipe],
  template: `
    <ul class="statements" data-testid="statement-editor">
      @for (o of meeting().organizations; track o.id) {
        <li data-testid="statement-row">
          <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
            <mat-label>{{ 'meetings.round.statementOf' | t: { organization: o.name } }}</mat-label>
            <textarea matInput [formControl]="control(o.id)" rows="2" [maxlength]="limits.statement.max" [attr.data-testid]="'statement-' + o.id"></textarea>
            <mat-error>{{ control(o.id) | fieldError }}</mat-error>
          </mat-form-field>
          <button
            matButton="outlined"
            type="button"
            [disabled]="busy() === o.id"
            (click)="save(o.id)"
            [attr.aria-label]="'meetings.round.saveFor' | t: { organization: o.name }"
            data-testid="save-statement"
          >
            {{ 'common.save' | t }}
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .statements {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .statements li {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
      margin-bottom: 0.75rem;
    }
    .wide {
      flex: 1 1 24rem;
    }
    button {
      margin-top: 0.5rem;
    }
  `,
})
export class RoundPanel {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = MEETING_LIMITS;
  private readonly api = inject(MeetingsApi);
  private readonly store = inject(MeetingStore);
  private readonly notifier = inject(Notifier);

  readonly meeting = input.required<MeetingDto>();
  readonly item = input.required<AgendaItemDto>();

  protected readonly busy = signal<string | null>(null);
  private readonly controls = new Map<string, FormControl<string>>();
  private readonly recorded = computed(() => new Map(this.item().statements.map((s) => [s.organizationId, s.text])));

  constructor() {
    // Untouched fields show what has been recorded.
    effect(() => {
      const recorded = this.recorded();
      untracked(() => {
        for (const [orgId, control] of this.controls) if (control.pristine) control.setValue(recorded.get(orgId) ?? '');
      });
    });
  }

  protected control(orgId: string): FormControl<string> {
    let control = this.controls.get(orgId);
    if (!control) {
      control = new FormControl(this.recorded().get(orgId) ?? '', { nonNullable: true, validators: [Validators.maxLength(MEETING_LIMITS.statement.max)] });
      this.controls.set(orgId, control);
    }
    return control;
  }

  protected async save(orgId: string): Promise<void> {
    const control = this.control(orgId);
    const text = control.value.trim();
    if (!text) {
      control.setErrors({ message: 'meetings.error.statement' });
      control.markAsTouched();
      return;
    }
    this.busy.set(orgId);
    const itemId = this.item().id;
    const result = await this.store.change((m) => this.api.statement(m.id, itemId, m.version, orgId, text));
    this.busy.set(null);
    if (result.ok) {
      control.markAsPristine();
      this.notifier.success('meetings.round.saved');
    } else {
      control.setErrors({ server: result.message });
      control.markAsTouched();
    }
  }
}
