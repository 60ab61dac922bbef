import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { I18n, LANG_STORAGE_KEY } from './i18n';
import { sv } from './sv';

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  function create(): I18n {
    TestBed.resetTestingModule();
    return TestBed.inject(I18n);
  }

  it('starts in Swedish and sets <html lang="sv">', () => {
    const i18n = create();
    expect(i18n.lang()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(i18n.t('shell.signOut')).toBe('Logga ut');
  });

  it('switches to English at once, updates <html lang> and remembers the choice', () => {
    const i18n = create();
    i18n.toggle();
    expect(i18n.lang()).toBe('en');
    expect(i18n.t('shell.signOut')).toBe('Sign out');
    expect(i18n.t('lang.switchLabel')).toBe('Svenska');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');

    i18n.toggle();
    expect(i18n.t('lang.switchLabel')).toBe('English');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('sv');
  });

  it('restores the remembered language on start and ignores unknown values', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(create().lang()).toBe('en');
    localStorage.setItem(LANG_STORAGE_KEY, 'de');
    expect(create().lang()).toBe('sv');
  });

  it('fills {placeholders} and leaves unknown ones alone', () => {
    const i18n = create();
    expect(i18n.t('overview.greeting', { name: 'Anna' })).toBe('Välkommen, Anna!');
    expect(i18n.t('overview.greeting')).toBe('Välkommen, {name}!');
  });

  it('formats numbers with a decimal comma in Swedish and a point in English', () => {
    const i18n = create();
    expect(i18n.formatNumber(59.2753)).toBe('59,2753');
    i18n.use('en');
    expect(i18n.formatNumber(59.2753)).toBe('59.2753');
  });

  it('translates role and organisation-type labels', () => {
    const i18n = create();
    expect(i18n.role('action_owner')).toBe('Insatsansvarig');
    expect(i18n.orgType('fastighetsbolag')).toBe('Fastighetsbolag');
    i18n.use('en');
    expect(i18n.role('commander')).toBe('Commander');
    expect(i18n.orgType('naringsliv')).toBe('Business');
  });

  it('has an English text for every Swedish key, and no extra ones', () => {
    const svKeys = Object.keys(sv).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys).toEqual(svKeys);
    for (const key of svKeys) {
      expect(en[key as keyof typeof en].trim()).not.toBe('');
    }
  });

  it('uses the same {placeholders} in both languages', () => {
    const names = (text: string) =>
      [...new Set([...text.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect({ key, placeholders: names(en[key]) }).toEqual({ key, placeholders: names(sv[key]) });
    }
  });
  it('chooses Swedish and English plural forms by Intl.PluralRules ("1 rapport", "2 rapporter")', () => {
    const i18n = create();
    expect(i18n.t('picture.reports', { count: 1 })).toBe('1 rapport');
    expect(i18n.t('picture.reports', { count: 0 })).toBe('0 rapporter');
    expect(i18n.t('picture.reports', { count: 1234 })).toBe('1\u00a0234 rapporter');
    expect(i18n.t('picture.map.marker', { place: 'Torget', count: 1 })).toBe('Torget: 1 rapport');
    expect(i18n.t('import.importing', { percent: 40, rows: 1 })).toBe('Importerar: 40 % (1 rad läst)');
    expect(i18n.t('overview.recentLevels', { count: 1 })).toBe('Den senaste veckan');
    expect(i18n.pluralCategory(1)).toBe('one');
    i18n.use('en');
    expect(i18n.t('picture.reports', { count: 1 })).toBe('1 report');
    expect(i18n.t('picture.reports', { count: 3 })).toBe('3 reports');
    expect(i18n.t('overview.recentLevels', { count: 8 })).toBe('The last 8 weeks');
  });

  it('leaves a plural without its number, or a malformed one, as written', () => {
    const i18n = create();
    expect(i18n.t('picture.reports', { other: 1 })).toBe('{count, plural, one {# rapport} other {# rapporter}}');
  });
});
