import type { NavEntry } from '../core/shell/nav-entry';

/** The meetings feature's links in the side navigation. */
export const meetingsNav: NavEntry[] = [];
