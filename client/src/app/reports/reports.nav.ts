import type { NavEntry } from '../core/shell/nav-entry';

/** The reports feature's links in the side navigation (besides the toolbar's "new report"). */
export const reportsNav: NavEntry[] = [{ path: '/reports/review', labelKey: 'review.nav', icon: 'warning', roles: ['coordinator'], testId: 'review-nav' }];
