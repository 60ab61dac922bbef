import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiError, noAnimations, settle } from '../../testing/http';
import { me } from '../../testing/fixtures';
import { sessionExpiryInterceptor } from '../http/session-expiry.interceptor';
import { AuthService } from './auth';
import { Login } from './login';

@Component({ template: '<h1>Home</h1>' })
class Home {}

@Component({ template: '<h1>Area</h1>' })
class AreaStub {}

describe('Login', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Login },
          { path: 'areas/:id', component: AreaStub },
          { path: '', component: Home },
        ]),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        noAnimations,
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  function el<T extends HTMLElement = HTMLElement>(selector: string): T {
    const found = harness.routeNativeElement?.querySelector<T>(selector) ?? document.querySelector<T>(selector);
    if (!found) throw new Error(`No element ${selector}`);
    return found;
  }

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    const emailInput = el<HTMLInputElement>('input[name="email"]');
    const passwordInput = el<HTMLInputElement>('input[name="password"]');
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    el<HTMLButtonElement>('button[type="submit"]').click();
    await harness.fixture.whenStable();
  }

  it('has labelled e-mail and password fields with autocomplete hints', async () => {
    await harness.navigateByUrl('/login', Login);
    expect(el('h1').textContent).toContain('Samverka');
    expect(el('input[name="email"]').getAttribute('autocomplete')).toBe('username');
    expect(el('input[name="password"]').getAttribute('autocomplete')).toBe('current-password');
    const labels = Array.from(harness.routeNativeElement!.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['E-postadress', 'Lösenord']);
    expect(el('button[type="submit"]').textContent).toContain('Logga in');
  });

  it('links the accessibility statement, which is public', async () => {
    await harness.navigateByUrl('/login', Login);
    const link = el<HTMLAnchorElement>('[data-testid="accessibility-link"]');
    expect(link.getAttribute('href')).toBe('/tillganglighet');
    expect(link.textContent?.trim()).toBe('Tillgänglighetsredogörelse');
  });

  it('shows one generic message on 401 and stays on the sign-in page', async () => {
    await harness.navigateByUrl('/login', Login);
    await fillAndSubmit('anna@example.se', 'wrong password');

    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'anna@example.se', password: 'wrong password' });
    req.flush(apiError(401, 'AUTH.INVALID_CREDENTIALS', 'Invalid credentials'), { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();

    const alert = el('[role="alert"]');
    expect(alert.textContent?.trim()).toBe('Fel e-postadress eller lösenord.');
    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(AuthService).user()).toBeNull();
    expect(el<HTMLInputElement>('input[name="password"]').value).toBe('');
  });

  it('shows the English message after switching language', async () => {
    await harness.navigateByUrl('/login', Login);
    el('[data-testid="lang-switch"]').click();
    await harness.fixture.whenStable();
    expect(el('[data-testid="lang-switch"]').textContent).toContain('Svenska');
    expect(el('button[type="submit"]').textContent).toContain('Sign in');

    await fillAndSubmit('anna@example.se', 'wrong password');
    http.expectOne('/api/auth/login').flush(apiError(401, 'AUTH.INVALID_CREDENTIALS', 'x'), { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();
    expect(el('[role="alert"]').textContent?.trim()).toBe('Wrong e-mail address or password.');
  });

  it('signs in and goes to the overview', async () => {
    await harness.navigateByUrl('/login', Login);
    await fillAndSubmit('  anna@example.se ', 'correct horse battery');

    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ email: 'anna@example.se', password: 'correct horse battery' });
    req.flush(me());
    await settle();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/');
    expect(TestBed.inject(AuthService).user()?.name).toBe('Anna Samordnare');
  });

  it('returns to the page the user was sent away from, but never to another site', async () => {
    await harness.navigateByUrl('/login?returnUrl=%2Fareas%2Farea-vivalla', Login);
    await fillAndSubmit('anna@example.se', 'correct horse battery');
    http.expectOne('/api/auth/login').flush(me());
    await settle();
    expect(TestBed.inject(Router).url).toBe('/areas/area-vivalla');

    TestBed.inject(AuthService).clear();
    await harness.navigateByUrl('/login?returnUrl=%2F%2Fevil.example', Login);
    await fillAndSubmit('anna@example.se', 'correct horse battery');
    http.expectOne('/api/auth/login').flush(me());
    await settle();
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('does not send an empty form', async () => {
    await harness.navigateByUrl('/login', Login);
    await fillAndSubmit('', '');
    http.expectNone('/api/auth/login');
    expect(harness.routeNativeElement?.textContent).toContain('Ange din e-postadress.');
  });
});
