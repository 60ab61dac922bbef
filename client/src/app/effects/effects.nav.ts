import type { NavEntry } from '../core/shell/nav-entry';

/** The effect register's link in the side navigation: "Vad fungerar" for everyone signed in (scoped to their partnerships). */
export const effectsNav: NavEntry[] = [{ path: '/effects', labelKey: 'effects.nav', icon: 'barChart', testId: 'effects-nav' }];
