import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';
import { formatDay, formatWhen } from './dates';
import { PluralBase, plural } from './plural';
import { actionStateLabel, caseStateLabel } from './state-labels';

/** `{{ c.state | caseState }}`: "Analys". Impure so that it follows the language switch. */
@Pipe({ name: 'caseState', pure: false })
export class CaseStatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(state: string | null | undefined): string {
    return caseStateLabel(this.i18n, state);
  }
}

/** `{{ a.state | actionState }}`: "Pågår". */
@Pipe({ name: 'actionState', pure: false })
export class ActionStatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(state: string | null | undefined): string {
    return actionStateLabel(this.i18n, state);
  }
}

/** `{{ a.dueDate | day }}`: "1 dec. 2026". */
@Pipe({ name: 'day', pure: false })
export class DayPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(date: string | null | undefined): string {
    return formatDay(this.i18n, date);
  }
}

/** `{{ h.at | when }}`: "21 nov. 2026 14:05" (Swedish time). */
@Pipe({ name: 'when', pure: false })
export class WhenPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(iso: string | null | undefined): string {
    return formatWhen(this.i18n, iso);
  }
}

/** `{{ 3 | plural: 'cases.count.actions' }}`: "3 insatser". */
@Pipe({ name: 'plural', pure: false })
export class PluralPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  transform(count: number, base: PluralBase): string {
    return plural(this.i18n, base, count);
  }
}
