import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ActionDto, ActionEventType } from '@samverka/contracts';
import { toApiError } from '../core/http/api-error';
import { I18n, TPipe } from '../core/i18n/i18n';
import { Notifier } from '../core/ui/notifier';
import { caseErrorText } from './case-messages';
import { ACTION_EVENTS, EventRunner } from './event-runner';

/** Which allowed step is the main one (a filled button): the one that moves the action on. */
const PRIMARY_ORDER: readonly ActionEventType[] = ['COMPLETE', 'RESUME', 'START', 'ASSIGN'];

/**
 * The buttons of an agreed action – only for the events the server allows this user now (`allowedEvents`) –
 * each opening the dialog for its payload. Emits the changed action, or `stale` when someone else changed it first.
 */
@Component({
  selector: 'sv-action-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TPipe],
  template: `
    @if (events().length) {
      <div class="buttons" role="group" [attr.aria-label]="'cases.action.controls' | t: { what: action().what }">
        @for (type of events(); track type) {
          <button
            [matButton]="type === primary() ? 'filled' : 'outlined'"
            type="button"
            [attr.aria-busy]="busy()"
            (click)="run(type)"
            [attr.data-testid]="'action-' + type"
          >
            {{ label(type) }}
          </button>
        }
      </div>
    }
    <p class="error-text" role="alert">{{ error() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .error-text {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-medium);
    }
    .error-text:empty {
      display: none;
    }
  `,
})
export class ActionControls {
  private readonly runner = inject(EventRunner);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly action = input.required<ActionDto>();
  readonly changed = output<ActionDto>();
  readonly stale = output();

  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly events = computed(() => ACTION_EVENTS.filter((e) => this.action().allowedEvents.includes(e)));
  /** The step that moves the action forward is the filled button. */
  protected readonly primary = computed(() => PRIMARY_ORDER.find((e) => this.events().includes(e)) ?? null);

  protected label(type: ActionEventType): string {
    return this.i18n.t(`cases.actionEvent.${type}`);
  }

  protected run(type: ActionEventType): void {
    // Repeated clicks are ignored while a step is under way (the buttons stay enabled so that focus stays on them).
    if (this.busy()) return;
    this.error.set('');
    this.busy.set(true);
    this.runner.actionEvent(this.action(), type).subscribe({
      next: (outcome) => {
        this.busy.set(false);
        if (!outcome) return;
        if ('stale' in outcome) {
          this.stale.emit();
          return;
        }
        this.notifier.success('cases.action.updated');
        this.changed.emit(outcome.done);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(caseErrorText(toApiError(err), this.i18n));
      },
    });
  }
}
