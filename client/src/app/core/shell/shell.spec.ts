import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role } from '@samverka/contracts';
import { me } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { AuthService } from '../auth/auth';
import { Shell } from './shell';

@Component({ template: '' })
class Stub {}

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Stub },
          { path: '**', component: Stub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        noAnimations,
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(roles: Role[]): Promise<HTMLElement> {
    TestBed.inject(AuthService).setUser(me(roles));
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, selector: string) => root.querySelector(selector)?.textContent?.trim();
  const hrefs = (root: HTMLElement, selector: string) =>
    Array.from(root.querySelectorAll<HTMLAnchorElement>(`${selector} a`)).map((a) => a.getAttribute('href'));

  it("shows the user's name, organisation and translated roles in the toolbar", async () => {
    const root = await render(['coordinator', 'analyst']);
    expect(text(root, 'header [data-testid="user-name"]')).toBe('Anna Samordnare');
    expect(text(root, 'header [data-testid="user-org"]')).toBe('Örebro kommun');
    expect(text(root, '[data-testid="user-roles"]')).toBe('Samordnare, Analytiker');
    expect(text(root, '[data-testid="sign-out"]')).toBe('Logga ut');
  });

  it("lists the user's areas, each linking to its page and to its situational picture", async () => {
    const root = await render(['reporter']);
    expect(hrefs(root, '[data-testid="area-nav"]')).toEqual(['/areas/area-vivalla', '/areas/area-baronbackarna']);
    expect(text(root, '[data-testid="area-nav"]')).toContain('Vivalla');
    expect(hrefs(root, '[data-testid="picture-nav"]')).toEqual(['/areas/area-vivalla/picture', '/areas/area-baronbackarna/picture']);
    // The link's name says what it leads to ("Lägesbild: Vivalla"), the visible text is the area.
    expect(text(root, '[data-testid="picture-nav"] a')).toBe('Lägesbild: Vivalla');
  });

  it('offers "Ny rapport" to everyone, in the toolbar and the menu', async () => {
    const root = await render(['reporter']);
    expect(root.querySelector('header [data-testid="new-report"]')?.getAttribute('href')).toBe('/reports/new');
    expect(text(root, 'header [data-testid="new-report"]')).toBe('Ny rapport');
    expect(hrefs(root, 'mat-nav-list[aria-label="Huvudmeny"]')).toEqual([
      '/',
      '/overview',
      '/reports/new',
      '/reports/mine',
      '/cases',
      '/meetings',
      '/walks',
      '/effects',
    ]);
  });

  it('offers the import to coordinators and analysts only', async () => {
    let root = await render(['reporter', 'commander', 'action_owner', 'admin']);
    expect(root.querySelector('[data-testid="import-nav"]')).toBeNull();
    fixture.destroy();
    root = await render(['analyst']);
    expect(root.querySelector('[data-testid="import-nav"]')?.getAttribute('href')).toBe('/reports/import');
    fixture.destroy();
    root = await render(['coordinator']);
    expect(text(root, '[data-testid="import-nav"]')).toBe('Importera');
  });

  it('offers "Bjud in" to coordinators and admins only', async () => {
    let root = await render(['reporter', 'commander', 'action_owner', 'analyst']);
    expect(root.querySelector('[data-testid="invite-nav"]')).toBeNull();
    fixture.destroy();
    root = await render(['coordinator']);
    expect(root.querySelector('[data-testid="invite-nav"]')?.getAttribute('href')).toBe('/invitations');
    expect(text(root, '[data-testid="invite-nav"]')).toBe('Bjud in');
    fixture.destroy();
    root = await render(['admin']);
    expect(root.querySelector('[data-testid="invite-nav"]')?.getAttribute('href')).toBe('/invitations');
  });

  it('hides the Administration group from non-admins', async () => {
    const root = await render(['coordinator', 'commander', 'action_owner', 'reporter', 'analyst']);
    expect(root.querySelector('[data-testid="admin-nav"]')).toBeNull();
    expect(root.textContent).not.toContain('Administration');
    expect(root.querySelector('a[href^="/admin"]')).toBeNull();
  });

  it('shows the Administration group with its six screens to admins, the workflow settings last', async () => {
    const root = await render(['admin']);
    expect(text(root, '[data-testid="admin-nav"] h2')).toBe('Administration');
    expect(hrefs(root, '[data-testid="admin-nav"]')).toEqual([
      '/admin/organizations',
      '/admin/users',
      '/admin/areas',
      '/admin/categories',
      '/admin/walk-checklists',
      '/admin/settings',
    ]);
    expect(text(root, '[data-testid="admin-nav"]')).toContain('Kategorier');
    expect(text(root, '[data-testid="admin-nav"]')).toContain('Checklistor för vandringar');
    expect(text(root, '[data-testid="admin-nav"]')).toContain('Arbetsgång');
  });

  it('has landmarks and a skip link to the main content', async () => {
    const root = await render(['reporter']);
    expect(root.querySelector('header')).not.toBeNull();
    const navs = Array.from(root.querySelectorAll('[role="navigation"]'));
    expect(navs.map((nav) => nav.getAttribute('aria-label') ?? nav.getAttribute('aria-labelledby'))).toEqual([
      'Huvudmeny',
      'nav-areas-heading',
      'nav-pictures-heading',
    ]);
    expect(root.querySelector('main#main')).not.toBeNull();
    const skip = root.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.textContent?.trim()).toBe('Hoppa till innehåll');
    skip!.click();
    expect(document.activeElement?.id).toBe('main');
  });

  it('links the accessibility statement in its footer', async () => {
    const root = await render(['reporter']);
    const link = root.querySelector<HTMLAnchorElement>('footer [data-testid="accessibility-link"]');
    expect(link?.getAttribute('href')).toBe('/tillganglighet');
    expect(link?.textContent?.trim()).toBe('Tillgänglighetsredogörelse');
  });

  it('switches the whole shell to English and back without reload', async () => {
    const root = await render(['admin', 'action_owner']);
    const langButton = root.querySelector<HTMLButtonElement>('[data-testid="lang-switch"]')!;
    expect(langButton.textContent?.trim()).toBe('English');

    langButton.click();
    await fixture.whenStable();
    expect(langButton.textContent?.trim()).toBe('Svenska');
    expect(langButton.getAttribute('aria-label')).toBe('Byt till svenska');
    expect(text(root, '[data-testid="sign-out"]')).toBe('Sign out');
    expect(text(root, '[data-testid="user-roles"]')).toBe('Administrator, Action owner');
    expect(text(root, '[data-testid="admin-nav"]')).toContain('Organisations');
    expect(document.documentElement.lang).toBe('en');

    langButton.click();
    await fixture.whenStable();
    expect(text(root, '[data-testid="sign-out"]')).toBe('Logga ut');
  });

  it('signs out through the API and goes to /login', async () => {
    const root = await render(['reporter']);
    root.querySelector<HTMLButtonElement>('[data-testid="sign-out"]')!.click();
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(TestBed.inject(AuthService).user()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});
