import type { NavEntry } from '../core/shell/nav-entry';

/** The meetings feature's links in the side navigation: "Möten" for everyone. */
export const meetingsNav: NavEntry[] = [{ path: '/meetings', labelKey: 'meetings.nav', icon: 'people', testId: 'meetings-nav' }];
