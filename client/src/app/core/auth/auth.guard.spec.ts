import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { routes } from '../../app.routes';
import { me } from '../../testing/fixtures';
import { nextRequest, noAnimations, settle } from '../../testing/http';
import { sessionExpiryInterceptor } from '../http/session-expiry.interceptor';
import { AuthService } from './auth';

/** The guards, exercised through the application's real route table. */
describe('auth and admin guards', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        noAnimations,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  it('asks the API who is signed in and sends a visitor without session to /login', async () => {
    const navigation = router.navigateByUrl('/areas/area-vivalla');
    (await nextRequest(http, '/api/auth/session')).flush({ user: null });
    await navigation;
    await settle();

    expect(router.url).toBe('/login?returnUrl=%2Fareas%2Farea-vivalla');
    expect(harness.routeNativeElement?.querySelector('input[name="email"]')).not.toBeNull();
  });

  it('lets a signed-in user in', async () => {
    const navigation = router.navigateByUrl('/');
    (await nextRequest(http, '/api/auth/session')).flush({ user: me() });
    await navigation;
    expect(router.url).toBe('/');
    // The start page "Att göra".
    (await nextRequest(http, '/api/attention')).flush({ week: '2026-W49', items: [], counts: {} });
    await settle();
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Att göra');
  });

  it('keeps non-admins out of the admin screens', async () => {
    TestBed.inject(AuthService).setUser(me(['coordinator', 'analyst']));
    for (const url of ['/admin/organizations', '/admin/users', '/admin/areas', '/admin/categories']) {
      await harness.navigateByUrl(url);
      expect(router.url).toBe('/');
    }
    http.expectNone('/api/organizations');
    http.expectNone('/api/users');
  });

  it('sends a visitor without session who asks for an admin screen to /login', async () => {
    const navigation = router.navigateByUrl('/admin/users');
    (await nextRequest(http, '/api/auth/session')).flush({ user: null });
    await navigation;
    expect(router.url).toBe('/login?returnUrl=%2Fadmin%2Fusers');
  });

  it('lets administrators into the admin screens', async () => {
    TestBed.inject(AuthService).setUser(me(['admin']));
    await harness.navigateByUrl('/admin/organizations');
    expect(router.url).toBe('/admin/organizations');
    (await nextRequest(http, '/api/organizations')).flush([]);
    await settle();
    await harness.fixture.whenStable();
    expect(document.querySelector('h1')?.textContent).toContain('Organisationer');
  });

  it('keeps a signed-in user away from /login', async () => {
    TestBed.inject(AuthService).setUser(me());
    await harness.navigateByUrl('/login');
    expect(router.url).toBe('/');
  });
});
