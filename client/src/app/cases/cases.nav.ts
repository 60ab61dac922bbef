import type { NavEntry } from '../core/shell/nav-entry';

/** The cases feature's links in the side navigation. */
export const casesNav: NavEntry[] = [
  { path: '/cases', labelKey: 'cases.nav.board', icon: 'label', testId: 'cases-nav', exact: true },
  { path: '/cases/actions', labelKey: 'cases.nav.myActions', icon: 'checkCircle', roles: ['action_owner', 'commander'], testId: 'my-actions-nav' },
  { path: '/cases/follow-up', labelKey: 'cases.nav.followUp', icon: 'today', roles: ['analyst', 'coordinator'], testId: 'follow-up-nav' },
];
