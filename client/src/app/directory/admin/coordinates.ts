import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { MessageKey } from '../../core/i18n/i18n';

/**
 * Reads a coordinate typed by a user: decimal comma or point, ASCII or typographic minus.
 * Empty text is null; text that is not a number is NaN.
 */
export function parseCoordinate(text: string | null | undefined): number | null {
  const trimmed = (text ?? '')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/\s/g, '');
  if (trimmed === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** Writes a coordinate for an input field in the locale's notation, without digit grouping. */
export function formatCoordinate(value: number | null | undefined, locale: string): string {
  if (value == null) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 8, useGrouping: false }).format(value).replace(/\u2212/g, '-');
}

/** Validates an optional coordinate in [min, max]; the error names the message to show. */
export function coordinateValidator(min: number, max: number, message: MessageKey): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = parseCoordinate(control.value);
    if (value === null) return null;
    return Number.isFinite(value) && value >= min && value <= max ? null : { message };
  };
}
