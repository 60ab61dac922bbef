import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { IsActiveMatchOptions, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../auth/auth';
import { I18n, TPipe } from '../i18n/i18n';
import { Icon } from '../ui/icon';
import { LangSwitch } from '../ui/lang-switch';
import { NAV_ENTRIES } from './nav-entry';

/** Below this width the side navigation slides over the content instead of sitting beside it. */
export const HANDSET_QUERY = '(max-width: 959.98px)';

/** The frame around every signed-in page: toolbar, side navigation and the routed content. */
@Component({
  selector: 'sv-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatToolbar,
    MatButton,
    MatIconButton,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TPipe,
    Icon,
    LangSwitch,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18n);
  private readonly navEntries = (inject(NAV_ENTRIES, { optional: true }) ?? []).flat();

  /** The signed-in user (the shell is only shown behind the auth guard). */
  protected readonly user = this.auth.user;
  protected readonly isAdmin = this.auth.isAdmin;
  /** Coordinators and analysts import incident data (CSV). */
  protected readonly canImport = computed(() => {
    const roles = this.user()?.roles ?? [];
    return roles.includes('coordinator') || roles.includes('analyst');
  });

  protected readonly exactPath: IsActiveMatchOptions = { paths: 'exact', queryParams: 'ignored', matrixParams: 'ignored', fragment: 'ignored' };
  protected readonly subsetPath: IsActiveMatchOptions = { ...this.exactPath, paths: 'subset' };

  /** The features' links (registered with `provideNav`) this user may use. */
  protected readonly featureNav = computed(() => {
    const roles = this.user()?.roles ?? [];
    return this.navEntries.filter((e) => !e.roles || e.roles.some((r) => roles.includes(r)));
  });

  /** Whether the viewport is narrow enough for the slide-over navigation. */
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** Whether the slide-over menu (phones) is open; kept from the sidenav's own events, however it was closed. */
  protected readonly menuOpen = signal(false);

  /** The user's roles as translated labels, e.g. "Administratör, Samordnare". */
  protected readonly roleLabels = computed(() => (this.user()?.roles ?? []).map((role) => this.i18n.role(role)).join(', '));

  /** The admin screens, in menu order. */
  protected readonly adminLinks = [
    { path: '/admin/organizations', label: 'nav.organizations', icon: 'business' },
    { path: '/admin/users', label: 'nav.users', icon: 'people' },
    { path: '/admin/areas', label: 'nav.areas', icon: 'map' },
    { path: '/admin/categories', label: 'nav.categories', icon: 'label' },
    { path: '/admin/walk-checklists', label: 'nav.walkChecklists', icon: 'checkCircle' },
    { path: '/admin/settings', label: 'nav.settings', icon: 'tune' },
  ] as const;

  /** Moves focus to the main content (the skip link), without touching the router's URL. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    const main = this.document.getElementById('main');
    main?.focus(); // focusing also scrolls it into view
  }

  /** In slide-over mode, closes the navigation once a link was chosen. */
  protected closeIfOver(sidenav: MatSidenav): void {
    if (this.handset()) void sidenav.close();
  }

  /** Ends the session and returns to the sign-in page. */
  protected signOut(): void {
    this.auth.logout().subscribe(() => void this.router.navigate(['/login']));
  }
}
