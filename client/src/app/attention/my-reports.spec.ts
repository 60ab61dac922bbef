import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyReportDto, ReportDto } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { OBO, me } from '../testing/fixtures';
import { noAnimations } from '../testing/http';
import { MyReports } from './my-reports';
import { ReportPage } from './report-page';

const REPORTS: MyReportDto[] = [
  {
    id: 'r1',
    areaId: 'a1',
    areaName: 'Vivalla',
    categoryId: 'cat-1',
    occurredAt: '2026-11-20T19:00:00.000Z',
    reportedAt: '2026-11-20T20:00:00.000Z',
    restricted: true,
    cases: [
      {
        id: 'c1',
        title: 'Samlingar i tvättstugan',
        state: 'closed',
        outcome: 'effective',
        actions: [{ id: 'x1', number: 1, what: 'Ny belysning', organizationName: 'ÖBO', dueDate: '2026-12-05', state: 'done' }],
      },
    ],
  },
  {
    id: 'r2',
    areaId: 'a1',
    areaName: 'Vivalla',
    categoryId: 'gone',
    occurredAt: '2026-11-21T19:00:00.000Z',
    reportedAt: '2026-11-21T20:00:00.000Z',
    restricted: false,
    cases: [],
  },
];

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('MyReports', () => {
  let fixture: ComponentFixture<MyReports>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['reporter'], { organization: OBO }));
    fixture = TestBed.createComponent(MyReports);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  it('shows for each report its case, the case’s stage, the evaluation and the actions', async () => {
    http.expectOne('/api/reports/mine').flush(REPORTS);
    http.expectOne('/api/categories').flush([{ id: 'cat-1', code: 'x', labelSv: 'Stökiga grupper', labelEn: 'Rowdy groups', active: true, sortOrder: 1 }]);
    await fixture.whenStable();
    const [first, second] = Array.from(root.querySelectorAll('[data-testid="my-report"]'));
    expect(text(first.querySelector('h2'))).toBe('Stökiga grupper, Vivalla Begränsad');
    expect(first.querySelector('h2 a')?.getAttribute('href')).toBe('/reports/r1');
    const c = first.querySelector('[data-testid="report-case"]')!;
    expect(c.querySelector('a')?.getAttribute('href')).toBe('/cases/c1');
    expect(text(c.querySelector('[data-testid="case-state"]'))).toBe('Avslutat');
    expect(text(c.querySelector('[data-testid="case-outcome"]'))).toBe('Effektiv');
    const region = first.querySelector('[role="region"]')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(text(root.querySelector(`#${region.getAttribute('aria-labelledby')}`))).toBe('Insatser i ärendet');
    expect(Array.from(first.querySelectorAll('[data-testid="report-action"] td')).map((td) => text(td))).toEqual([
      '1',
      'Ny belysning',
      'ÖBO',
      '5 dec. 2026',
      'Genomförd',
    ]);
    // An inactive category: the area alone; a report without a case says so.
    expect(text(second.querySelector('h2'))).toBe('Vivalla');
    expect(text(second.querySelector('[data-testid="no-case"]'))).toBe('Inte kopplad till något ärende ännu.');
  });

  it('says so when there are no reports', async () => {
    http.expectOne('/api/reports/mine').flush([]);
    http.expectOne('/api/categories').flush([]);
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="my-reports-empty"]'))).toBe('Du har inte lämnat några rapporter ännu.');
  });
});

describe('ReportPage', () => {
  const report = (over: Partial<ReportDto>): ReportDto => ({
    id: 'r1',
    areaId: 'a1',
    placeId: null,
    placeName: null,
    latitude: null,
    longitude: null,
    categoryId: 'cat-1',
    occurredAt: '2026-11-20T19:00:00.000Z',
    reportedAt: '2026-11-20T20:00:00.000Z',
    assessment: 'high',
    policeNotified: false,
    publicPlace: null,
    restricted: true,
    detailsVisible: false,
    description: null,
    organization: OBO,
    reporter: null,
    source: 'form',
    personalDataConfirmed: false,
    editableUntil: null,
    cases: [{ id: 'c1', title: 'Samlingar i tvättstugan', state: 'execution', outcome: null, actions: [] }],
    ...over,
  });

  async function open(r: ReportDto) {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReportPage);
    fixture.componentRef.setInput('id', 'r1');
    await fixture.whenStable();
    http.expectOne('/api/reports/r1').flush(r);
    await fixture.whenStable();
    http.verify();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the case the report became part of, and that a restricted report’s details stay with its organisation', async () => {
    const root = await open(report({}));
    expect(text(root.querySelector('[data-testid="report-withheld"]'))).toBe(
      'Rapporten är begränsad: detaljerna visas bara inom den rapporterande organisationen.',
    );
    expect(root.querySelector('[data-testid="report-description"]')).toBeNull();
    const c = root.querySelector('[data-testid="report-case"]')!;
    expect(c.querySelector('a')?.getAttribute('href')).toBe('/cases/c1');
    expect(text(c)).toBe('Samlingar i tvättstugan Genomförande · Inte utvärderat än');
  });

  it('shows the text to those who may see it', async () => {
    const root = await open(report({ detailsVisible: true, description: 'Samling vid tvättstugan', cases: [] }));
    expect(text(root.querySelector('[data-testid="report-description"]'))).toBe('Samling vid tvättstugan');
    expect(root.querySelector('[data-testid="report-withheld"]')).toBeNull();
  });
});
