import { Directive, Injector, computed, inject, input } from '@angular/core';
import { AbstractControl, NG_VALIDATORS, NgControl, ValidationErrors, Validator } from '@angular/forms';
import { I18n } from '../i18n/i18n';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "20261202", "2026-12-2" or "2026 12 02" as "2026-12-02"; anything else unchanged. */
export function normaliseDate(text: string): string {
  const s = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const loose = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(s);
  return loose ? `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}` : s;
}

/** "2230", "22.30" or "9:05" as "22:30" / "09:05"; anything else unchanged. */
export function normaliseTime(text: string): string {
  const s = text.trim();
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(s);
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : s;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isSwedishDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Puts the normalised text back into the form control when the field is left. */
function writeBack(injector: Injector, normalise: (s: string) => string, target: HTMLInputElement): void {
  const control = injector.get(NgControl, null, { self: true })?.control;
  const next = normalise(target.value);
  if (next === target.value) return;
  if (control) control.setValue(next);
  else target.value = next;
}

/**
 * `<input matInput svDate formControlName="dueDate" [min]="today">`: a date field that reads and writes the Swedish
 * (ISO) format 2026-12-02 whatever the browser's language. A native `type="date"` shows the operating system's
 * format (12/02/2026 in an American browser); this is a text field with the same value a date field has, so forms
 * and the API see `YYYY-MM-DD` as before. Validates the date and the optional `min` and `max` (as `YYYY-MM-DD`).
 */
@Directive({
  selector: 'input[svDate]',
  host: {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: '10',
    '[attr.placeholder]': 'placeholder()',
    '[attr.min]': 'null',
    '[attr.max]': 'null',
    '(blur)': 'blur($event)',
  },
  providers: [{ provide: NG_VALIDATORS, useExisting: SwedishDateInput, multi: true }],
})
export class SwedishDateInput implements Validator {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  /** The earliest date allowed (YYYY-MM-DD). */
  readonly min = input<string | null | undefined>(null);
  /** The latest date allowed (YYYY-MM-DD). */
  readonly max = input<string | null | undefined>(null);
  protected readonly placeholder = computed(() => this.i18n.t('common.datePlaceholder'));

  validate(control: AbstractControl): ValidationErrors | null {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    if (!value) return null;
    if (!isSwedishDate(normaliseDate(value))) return { message: 'common.invalidDate' };
    const date = normaliseDate(value);
    const min = this.min();
    const max = this.max();
    if (min && date < min) return { message: 'common.dateTooEarly' };
    if (max && date > max) return { message: 'common.dateTooLate' };
    return null;
  }

  protected blur(event: Event): void {
    writeBack(this.injector, normaliseDate, event.target as HTMLInputElement);
  }
}

/** `<input matInput svTime formControlName="time">`: a 24-hour time field, 22:30, whatever the browser's language. */
@Directive({
  selector: 'input[svTime]',
  host: { type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '5', '[attr.placeholder]': 'placeholder()', '(blur)': 'blur($event)' },
  providers: [{ provide: NG_VALIDATORS, useExisting: SwedishTimeInput, multi: true }],
})
export class SwedishTimeInput implements Validator {
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  protected readonly placeholder = computed(() => this.i18n.t('common.timePlaceholder'));

  validate(control: AbstractControl): ValidationErrors | null {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    if (!value) return null;
    return TIME.test(normaliseTime(value)) ? null : { message: 'common.invalidTime' };
  }

  protected blur(event: Event): void {
    writeBack(this.injector, normaliseTime, event.target as HTMLInputElement);
  }
}
