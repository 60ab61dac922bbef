import type { NavEntry } from '../core/shell/nav-entry';

/** The cases feature's links in the side navigation. */
export const casesNav: NavEntry[] = [];
