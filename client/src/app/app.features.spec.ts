import { TestBed } from '@angular/core/testing';
import { featureTexts } from './app.features';
import { featureMessages } from './app.messages';
import { MESSAGE_FRAGMENTS } from './core/i18n/messages';
import { en } from './core/i18n/en';
import { I18n } from './core/i18n/i18n';
import { sv } from './core/i18n/sv';

describe('featureMessages', () => {
  const placeholders = (text: string) =>
    [...new Set([...text.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

  it('gives every feature text in English, with the same {placeholders}', () => {
    for (const fragment of featureMessages) {
      const svTexts: Record<string, string> = fragment.sv;
      const enTexts: Record<string, string> = fragment.en;
      expect(Object.keys(enTexts).sort()).toEqual(Object.keys(svTexts).sort());
      for (const key of Object.keys(svTexts)) {
        expect(enTexts[key].trim()).not.toBe('');
        expect({ key, placeholders: placeholders(enTexts[key]) }).toEqual({ key, placeholders: placeholders(svTexts[key]) });
      }
    }
  });

  it('defines every key once, across core and the features', () => {
    const keys = [...Object.keys(sv), ...featureMessages.flatMap((fragment) => Object.keys(fragment.sv))];
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('are what I18n translates with, in both languages', () => {
    const i18n = TestBed.inject(I18n);
    i18n.use('sv');
    expect(i18n.t('cases.nav.board')).toBe('Ärenden');
    expect(i18n.t('meetings.nav')).toBe('Möten');
    expect(i18n.t('effects.nav')).toBe('Vad fungerar');
    i18n.use('en');
    expect(i18n.t('meetings.nav')).toBe('Meetings');
    expect(i18n.t('effects.nav')).toBe('What works');
    expect(i18n.t('shell.signOut')).toBe('Sign out');
    expect(i18n.t('nav.settings')).toBe('Workflow');
    i18n.use('sv');
    expect(i18n.t('nav.settings')).toBe('Arbetsgång');
    localStorage.clear();
  });

  it('are loaded by the guard of the signed-in pages, not with the sign-in page, and added once', async () => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.overrideProvider(MESSAGE_FRAGMENTS, { useValue: [] });
    const i18n = TestBed.inject(I18n);
    expect(i18n.hasFragments()).toBe(false);
    expect(i18n.t('cases.nav.board')).toBe('cases.nav.board');
    expect(i18n.t('a11y.footerLink')).toBe('Tillgänglighetsredogörelse');

    const guard = () => TestBed.runInInjectionContext(() => featureTexts({} as never, {} as never)) as Promise<boolean>;
    expect(await guard()).toBe(true);
    expect(i18n.t('cases.nav.board')).toBe('Ärenden');
    expect(i18n.t('walks.nav')).not.toBe('walks.nav');
    expect(await guard()).toBe(true);
    i18n.use('en');
    expect(i18n.t('meetings.nav')).toBe('Meetings');
    localStorage.clear();
  });
});
