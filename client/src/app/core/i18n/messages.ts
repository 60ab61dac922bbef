import { InjectionToken, ValueProvider } from '@angular/core';

/**
 * The keys features add to the dictionary. Each feature's `*.i18n.ts` augments this interface with its own keys
 * (`declare module`), so `MessageKey` knows them without core importing any feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features through declaration merging
export interface FeatureMessages {}

/** A feature's texts in both languages; the English part has exactly the keys of the Swedish one. */
export interface MessageFragment {
  readonly sv: Readonly<Record<string, string>>;
  readonly en: Readonly<Record<string, string>>;
}

/** The features' dictionary fragments, merged after core's own texts by `I18n`. */
export const MESSAGE_FRAGMENTS = new InjectionToken<readonly MessageFragment[]>('MESSAGE_FRAGMENTS');

/** Registers features' texts (from app.config), in the order they are merged. */
export function provideMessages(...fragments: MessageFragment[]): ValueProvider[] {
  return fragments.map((fragment) => ({ provide: MESSAGE_FRAGMENTS, useValue: fragment, multi: true }));
}
