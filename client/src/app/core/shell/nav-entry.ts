import { InjectionToken, ValueProvider } from '@angular/core';
import type { Role } from '@samverka/contracts';
import type { IconName } from '../ui/icon';
import type { MessageKey } from '../i18n/sv';

/** A link of the side navigation contributed by a feature; shown when the user holds one of `roles` (all users if omitted). */
export interface NavEntry {
  path: string;
  labelKey: MessageKey;
  icon: IconName;
  roles?: Role[];
  testId?: string;
  /** Active only on exactly this path (not on the paths below it); query parameters never matter. */
  exact?: boolean;
}

/** The features' links of the side navigation, one list per feature, in menu order. */
export const NAV_ENTRIES = new InjectionToken<readonly (readonly NavEntry[])[]>('NAV_ENTRIES');

/** Registers a feature's links of the side navigation (from app.config). */
export function provideNav(entries: readonly NavEntry[]): ValueProvider {
  return { provide: NAV_ENTRIES, useValue: entries, multi: true };
}
