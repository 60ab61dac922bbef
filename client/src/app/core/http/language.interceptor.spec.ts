import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { languageInterceptor } from './language.interceptor';

describe('languageInterceptor', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([languageInterceptor])), provideHttpClientTesting()],
    });
  });

  it('sends the active UI language to the API', () => {
    const client = TestBed.inject(HttpClient);
    const http = TestBed.inject(HttpTestingController);

    client.get('/api/areas').subscribe();
    expect(http.expectOne('/api/areas').request.headers.get('Accept-Language')).toMatch(/^sv-SE/);

    TestBed.inject(I18n).use('en');
    client.get('/api/areas').subscribe();
    expect(http.expectOne('/api/areas').request.headers.get('Accept-Language')).toMatch(/^en-GB/);

    client.get('/assets/x.json').subscribe();
    expect(http.expectOne('/assets/x.json').request.headers.has('Accept-Language')).toBe(false);
    http.verify();
  });
});
