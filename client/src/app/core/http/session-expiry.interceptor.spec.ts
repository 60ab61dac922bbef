import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthService } from '../auth/auth';
import { me } from '../../testing/fixtures';
import { settle } from '../../testing/http';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';

@Component({ template: '' })
class Stub {}

describe('sessionExpiryInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let auth: AuthService;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Stub },
          { path: '**', component: Stub },
        ]),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    auth.setUser(me());
  });

  it('forgets the user and goes to /login when the session has expired', async () => {
    await router.navigateByUrl('/admin/users');
    const errors: number[] = [];
    client.get('/api/areas').subscribe({ error: (e) => errors.push(e.status) });
    http.expectOne('/api/areas').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();

    expect(errors).toEqual([401]);
    expect(auth.user()).toBeNull();
    expect(router.url).toBe('/login?returnUrl=%2Fadmin%2Fusers');
  });

  it('leaves 401 from the sign-in and who-am-I calls to their callers', async () => {
    await router.navigateByUrl('/somewhere');
    client.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });
    client.get('/api/auth/me').subscribe({ error: () => undefined });
    http.expectOne('/api/auth/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();

    expect(auth.user()).not.toBeNull();
    expect(router.url).toBe('/somewhere');
  });

  it('does not treat 403 as an expired session', async () => {
    await router.navigateByUrl('/somewhere');
    client.get('/api/users').subscribe({ error: () => undefined });
    http.expectOne('/api/users').flush(null, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(auth.user()).not.toBeNull();
    expect(router.url).toBe('/somewhere');
  });
});
