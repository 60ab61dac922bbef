import type { NavEntry } from '../core/shell/nav-entry';

/** The safety walks' link in the side navigation: "Trygghetsvandringar" for everyone (partners record findings). */
export const walksNav: NavEntry[] = [{ path: '/walks', labelKey: 'walks.nav', icon: 'map', testId: 'walks-nav' }];
