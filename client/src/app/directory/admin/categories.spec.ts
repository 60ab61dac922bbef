import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CATEGORIES } from '../../testing/report-fixtures';
import { apiError, noAnimations } from '../../testing/http';
import { Categories } from './categories';

describe('Categories (admin)', () => {
  let fixture: ComponentFixture<Categories>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Categories);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const request = () => http.expectOne((req) => req.url === '/api/categories' && req.params.get('includeInactive') === 'true');

  it('lists every category, inactive ones too, in their sort order', async () => {
    expect(root().querySelector('mat-progress-bar')).not.toBeNull();
    request().flush(CATEGORIES);
    await fixture.whenStable();

    expect(root().querySelector('mat-progress-bar')).toBeNull();
    expect(root().querySelector('h1')?.textContent).toContain('Kategorier');
    expect(root().querySelector('[data-testid="create"]')?.textContent).toContain('Ny kategori');
    const codes = Array.from(root().querySelectorAll('tr[data-testid="row"] code')).map((c) => c.textContent?.trim());
    expect(codes).toEqual(['skadegorelse', 'klotter', 'nedskrapning']);
  });

  it('shows a failed read as an alert, without the empty state or a table', async () => {
    request().flush(apiError(503, 'SERVICE_UNAVAILABLE', 'Tjänsten är inte tillgänglig just nu.'), { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();

    expect(root().querySelector('[role="alert"]')?.textContent?.trim()).not.toBe('');
    expect(root().querySelector('.empty-state')).toBeNull();
    expect(root().querySelector('table')).toBeNull();
    expect(root().querySelector('mat-progress-bar')).toBeNull();
  });
});
