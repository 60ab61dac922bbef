import { DOCUMENT, Injectable, Pipe, PipeTransform, computed, inject, signal } from '@angular/core';
import type { AreaLevel, Assessment, CategoryDto, OrganizationType, Role, TimeOfDay } from '@samverka/contracts';
import { en } from './en';
import { MESSAGE_FRAGMENTS, type MessageFragment } from './messages';
import { MessageKey, sv } from './sv';

export type { MessageKey } from './sv';

/** The languages of the UI: Swedish first, English second. */
export type Lang = 'sv' | 'en';

/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Record<string, string | number>;

/** localStorage key under which the chosen language is remembered. */
export const LANG_STORAGE_KEY = 'samverka.lang';

/** A language's texts by key: core's and the registered features'. */
type Texts = Readonly<Record<string, string>>;

/** The UI language and its translations; switching is immediate, without reload. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(this.readStoredLang());
  /** The fragments merged so far: those provided (tests) and those added once loaded (the features' lazy texts). */
  private readonly fragments = signal<readonly MessageFragment[]>(inject(MESSAGE_FRAGMENTS, { optional: true }) ?? []);
  private readonly dictionaries = computed<Record<Lang, Texts>>(() => mergeFragments(this.fragments()));

  /** The active language. Change it with `use()` or `toggle()`. */
  readonly lang = this.current.asReadonly();

  /** The BCP 47 locale for number and date formatting in the active language. */
  readonly locale = computed(() => (this.current() === 'sv' ? 'sv-SE' : 'en-GB'));

  /** The language the switch button offers (the one not active). */
  readonly otherLang = computed<Lang>(() => (this.current() === 'sv' ? 'en' : 'sv'));

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  /** Switches the UI language, remembers it and updates `<html lang>`. */
  use(lang: Lang): void {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage may be unavailable (private mode, policy); the switch still works for this visit.
    }
  }

  /** Switches between Swedish and English. */
  toggle(): void {
    this.use(this.otherLang());
  }

  /** Adds features' texts loaded later (merged after the ones there, in order); the views showing them re-render. */
  addFragments(fragments: readonly MessageFragment[]): void {
    this.fragments.update((there) => [...there, ...fragments.filter((f) => !there.includes(f))]);
  }

  /** Whether any features' texts are there (provided or added). */
  hasFragments(): boolean {
    return this.fragments().length > 0;
  }

  /** The plural rules of the active language (Swedish and English: "one" for 1, "other" otherwise). */
  private readonly pluralRules = computed(() => new Intl.PluralRules(this.locale()));

  /**
   * The text for `key` in the active language, with `{placeholders}` filled from `params`. A text may choose its
   * words by a number in ICU style: `{count, plural, one {# rapport} other {# rapporter}}` (`=0 {…}` for an exact
   * number; `#` is the number in the language's format).
   */
  t(key: MessageKey, params?: MessageParams): string {
    const dictionaries = this.dictionaries();
    const text = dictionaries[this.current()][key] ?? dictionaries.sv[key] ?? key;
    return params ? interpolate(text, params, this.pluralRules(), this.locale()) : text;
  }

  /** The plural category of `count` in the active language ("one" or "other"), for texts kept as `<key>.one`/`.other`. */
  pluralCategory(count: number): Intl.LDMLPluralRule {
    return this.pluralRules().select(count);
  }

  /** The translated label of a role ("Samordnare" / "Coordinator"). */
  role(role: Role): string {
    return this.t(`role.${role}`);
  }

  /** The translated label of an organisation type ("Fastighetsbolag" / "Housing company"). */
  orgType(type: OrganizationType): string {
    return this.t(`orgType.${type}`);
  }

  /** The translated label of a reporter's assessment ("Hög" / "High"). */
  assessment(assessment: Assessment): string {
    return this.t(`assessment.${assessment}`);
  }

  /** The translated name of an area level ("Gul" / "Yellow"). */
  level(level: AreaLevel): string {
    return this.t(`level.${level}`);
  }

  /** The translated part of the day with its hours ("Kväll (18–24)"). */
  timeOfDay(part: TimeOfDay): string {
    return this.t(`timeOfDay.${part}`);
  }

  /** A category's label in the active language. */
  category(category: Pick<CategoryDto, 'labelSv' | 'labelEn'>): string {
    return this.current() === 'sv' ? category.labelSv : category.labelEn;
  }

  /** Formats a number with the active language's decimal separator (comma in Swedish). */
  formatNumber(value: number, maximumFractionDigits = 6): string {
    return new Intl.NumberFormat(this.locale(), { maximumFractionDigits }).format(value);
  }

  private readStoredLang(): Lang {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY);
      return stored === 'en' || stored === 'sv' ? stored : 'sv';
    } catch {
      return 'sv';
    }
  }
}

/** Core's dictionaries followed by the features' fragments, in registration order (a later key wins). */
function mergeFragments(fragments: readonly { sv: Texts; en: Texts }[]): Record<Lang, Texts> {
  return {
    sv: Object.assign({}, sv, ...fragments.map((f) => f.sv)) as Texts,
    en: Object.assign({}, en, ...fragments.map((f) => f.en)) as Texts,
  };
}

/** Fills `{name}` placeholders after choosing the branch of every `{name, plural, …}` by its number. */
export function interpolate(text: string, params: MessageParams, rules: Intl.PluralRules, locale: string): string {
  return fillPlaceholders(choosePlurals(text, params, rules, locale), params);
}

/** The text with each ICU plural replaced by its chosen branch (`#` the number); a malformed one is left as written. */
function choosePlurals(text: string, params: MessageParams, rules: Intl.PluralRules, locale: string): string {
  const start = /\{(\w+),\s*plural,/g;
  let out = '';
  let from = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const branches = new Map<string, string>();
    let i = m.index + m[0].length;
    let end = -1;
    while (i < text.length) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] === '}') {
        end = i + 1;
        break;
      }
      const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i));
      if (!selector) break;
      i += selector[0].length;
      const bodyStart = i;
      for (let depth = 1; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
      branches.set(selector[1], text.slice(bodyStart, i - 1));
    }
    const value = Number(params[m[1]]);
    if (end < 0 || !branches.has('other') || !Object.prototype.hasOwnProperty.call(params, m[1]) || Number.isNaN(value)) continue;
    const branch = branches.get(`=${value}`) ?? branches.get(rules.select(value)) ?? branches.get('other')!;
    out += text.slice(from, m.index) + choosePlurals(branch, params, rules, locale).replace(/#/g, new Intl.NumberFormat(locale).format(value));
    from = end;
    start.lastIndex = end;
  }
  return out + text.slice(from);
}

function fillPlaceholders(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match));
}

/**
 * `{{ 'nav.overview' | t }}`: translates in templates. Impure so that it re-renders when the
 * language signal changes (reading the signal inside makes the view depend on it).
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  /** Translates `key`, filling `params`. */
  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ 59.3293 | localNumber }}`: a number in the active language's format (decimal comma in Swedish). */
@Pipe({ name: 'localNumber', pure: false })
export class LocalNumberPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  /** Formats `value`; null and undefined become an empty string. */
  transform(value: number | null | undefined, maximumFractionDigits = 6): string {
    return value == null ? '' : this.i18n.formatNumber(value, maximumFractionDigits);
  }
}
