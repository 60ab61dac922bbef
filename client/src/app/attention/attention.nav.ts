import type { NavEntry } from '../core/shell/nav-entry';

/** "Mina rapporter" in the side navigation, for everyone (anyone may file reports). The start page "Att göra" is core's home link. */
export const attentionNav: NavEntry[] = [{ path: '/reports/mine', labelKey: 'myReports.nav', icon: 'label', testId: 'my-reports-nav', exact: true }];
