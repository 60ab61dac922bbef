import type { NavEntry } from '../core/shell/nav-entry';

/** "Bjud in": coordinators and administrators invite a partner's people with a single-use link. */
export const directoryNav: NavEntry[] = [
  { path: '/invitations', labelKey: 'invite.nav', icon: 'people', roles: ['coordinator', 'admin'], testId: 'invite-nav' },
];
