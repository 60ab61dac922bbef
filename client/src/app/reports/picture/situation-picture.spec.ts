import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role, SituationPictureDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { me } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { CATEGORIES, VIVALLA, picture, report } from '../../testing/report-fixtures';
import { DRAW_GRAPHICS } from './graphics';
import { SituationPicture } from './situation-picture';

describe('SituationPicture', () => {
  let fixture: ComponentFixture<SituationPicture>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const listRequest = () => http.expectOne((r) => r.url === '/api/reports' && r.method === 'GET');

  async function render(roles: Role[], dto: SituationPictureDto = picture()): Promise<TestRequest> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: DRAW_GRAPHICS, useValue: false }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(roles));
    fixture = TestBed.createComponent(SituationPicture);
    fixture.componentRef.setInput('id', VIVALLA.id);
    fixture.componentRef.setInput('week', '2026-W47');
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    const pic = http.expectOne((r) => r.url === '/api/situation-picture');
    expect(pic.request.params.get('areaId')).toBe(VIVALLA.id);
    expect(pic.request.params.get('week')).toBe('2026-W47');
    pic.flush(dto);
    await fixture.whenStable();
    http
      .expectOne(`/api/areas/${VIVALLA.id}/levels`)
      .flush(dto.level ? [dto.level, { ...dto.level, week: '2026-W46', level: 'green', rationale: 'Lugnt.' }] : []);
    const list = listRequest();
    await fixture.whenStable();
    return list;
  }

  afterEach(() => http.verify());

  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const rows = (selector: string) =>
    Array.from(root.querySelectorAll(`${selector} tbody tr`)).map((tr) => Array.from(tr.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));

  it('shows the week, the level, the key figures, the tables, the trend and the hotspots', async () => {
    const list = await render(['reporter']);
    list.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();

    expect(text('h1')).toBe('Lägesbild – Vivalla');
    expect(text('[data-testid="week-label"]')).toBe('Vecka 47, 16–22 november 2026');
    // On paper: the municipality, the print date (Swedish format) and the marking.
    expect(text('[data-testid="print-municipality"]')).toBe('Örebro kommun');
    expect(text('[data-testid="print-date"]')).toMatch(/^Utskriven \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(text('[data-testid="print-header"] .print-marking')).toBe('Arbetsmaterial – begränsad spridning');

    expect(text('[data-testid="level-current"] sv-level-chip')).toBe('▲Gul');
    expect(text('[data-testid="level-current"]')).toContain('Förhöjd oro – bevaka');
    expect(text('[data-testid="level-rationale"]')).toBe('Fler rapporter från tvättstugan, bevaka helgen.');
    expect(text('[data-testid="level-current"]')).toContain('Bedömd av Anders Analytiker');

    expect(text('[data-testid="total-count"]')).toBe('14');
    expect(text('[data-testid="total-average"]')).toBe('9,5');
    // The change has words, not only an arrow or a colour.
    expect(text('[data-testid="total-change"]')).toBe('↑ 4,5 fler än snittet');

    expect(rows('[data-testid="by-category"]')).toEqual([
      ['Klotter', '8', '3,25', '↑ 4,75 fler'],
      ['Skadegörelse', '6', '6,25', '↓ 0,25 färre'],
    ]);
    expect(rows('[data-testid="by-place"]')).toEqual([
      ['Tvättstugan Vivallagatan 6', '9', '4', '↑ 5 fler'],
      ['Vivalla torg', '5', '5,5', '↓ 0,5 färre'],
    ]);
    expect(Array.from(root.querySelectorAll('[data-testid="hotspots"] li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Tvättstugan Vivallagatan 6 – 9 rapporter',
      'Vivalla torg – 5 rapporter',
    ]);
    const trend = rows('[data-testid="trend-table"]');
    expect(trend).toHaveLength(12);
    expect(trend[11]).toEqual(['v. 47', '14']);
    expect(text('[data-testid="level-history"]')).toContain('v. 46');
    expect(text('[data-testid="report-list"]')).toBeUndefined();
    expect(text('[data-testid="report-count"]')).toBe('0 rapporter');
  });

  it('lists the week’s reports, hides the details of restricted ones and exports with the same filters', async () => {
    const list = await render(['analyst']);
    expect(list.request.params.get('areaId')).toBe(VIVALLA.id);
    expect(list.request.params.get('from')).toBe('2026-11-15T23:00:00.000Z');
    expect(list.request.params.get('to')).toBe('2026-11-22T23:00:00.000Z');
    list.flush({
      items: [
        report(),
        report({
          id: 'report-2',
          restricted: true,
          detailsVisible: false,
          description: null,
          placeId: null,
          placeName: null,
          reporter: null,
          organization: { id: 'org-polis', name: 'Lokalpolisområde Örebro' },
        }),
        report({ id: 'report-3', description: null, redactedAt: '2026-11-20T02:15:00.000Z' }),
      ],
      total: 3,
      page: 1,
      pageSize: 20,
    });
    await fixture.whenStable();
    const items = Array.from(root.querySelectorAll('[data-testid="report-item"]'));
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toContain('Nytt klotter på fasaden mot torget');
    // A report past its retention period says that its text was removed, rather than showing an empty paragraph.
    expect(items[2].querySelector('[data-testid="redacted"]')?.textContent).toBe('Fritexten är gallrad: rapporten är äldre än lagringstiden.');
    expect(items[0].textContent).toContain('Vivalla torg');
    expect(items[1].textContent).toContain('Begränsad uppgift');
    expect(items[1].textContent).toContain('Lokalpolisområde Örebro');

    const exportLink = () => new URL(root.querySelector<HTMLAnchorElement>('[data-testid="export-csv"]')!.href, 'http://localhost');
    expect(exportLink().pathname).toBe('/api/reports/export.csv');
    expect(exportLink().searchParams.get('from')).toBe('2026-11-15T23:00:00.000Z');

    const loader = TestbedHarnessEnvironment.loader(fixture);
    const category = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-category"]' }));
    await category.open();
    await category.clickOptions({ text: 'Klotter' });
    const time = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="filter-time"]' }));
    await time.open();
    await time.clickOptions({ text: 'Kväll (18–24)' });
    await fixture.whenStable();
    const filtered = http.match((r) => r.url === '/api/reports');
    const last = filtered[filtered.length - 1];
    expect(last.request.params.get('categoryId')).toBe('cat-klotter');
    expect(last.request.params.get('timeOfDay')).toBe('evening');
    filtered.filter((r) => !r.cancelled).forEach((r) => r.flush({ items: [report()], total: 1, page: 1, pageSize: 20 }));
    await fixture.whenStable();
    expect(exportLink().searchParams.get('categoryId')).toBe('cat-klotter');
    expect(exportLink().searchParams.get('timeOfDay')).toBe('evening');
    expect(exportLink().searchParams.get('areaId')).toBe(VIVALLA.id);
  });

  it('shows the level form only to coordinators and analysts', async () => {
    (await render(['reporter', 'commander', 'action_owner'])).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="level-form"]')).toBeNull();
    expect(root.querySelector('[data-testid="level-edit"]')).toBeNull();
    http.verify();
    TestBed.resetTestingModule();

    // A judged week shows its level, and the form opens on "Ändra" (and closes on "Avbryt").
    (await render(['coordinator'])).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="level-form"]')).toBeNull();
    root.querySelector<HTMLButtonElement>('[data-testid="level-edit"]')!.click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="level-form"]')).not.toBeNull();
    root.querySelector<HTMLButtonElement>('[data-testid="level-cancel"]')!.click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="level-form"]')).toBeNull();
  });

  it('lets an analyst set the week’s level and shows it at once', async () => {
    (await render(['analyst'], picture({ level: null }))).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect(text('[data-testid="level-current"]')).toContain('Veckan har ingen bedömning ännu.');
    const form = root.querySelector('[data-testid="level-form"]')!;
    expect(Array.from(form.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['●Grön', '▲Gul', '■Röd']);
    form.querySelector<HTMLInputElement>('[data-testid="level-yellow"] input')!.click();
    const rationale = form.querySelector<HTMLTextAreaElement>('textarea[name="rationale"]')!;
    rationale.value = 'Ok';
    rationale.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('[data-testid="level-save"]')!.click();
    await fixture.whenStable();
    http.expectNone((r) => r.method === 'PUT');
    expect(form.querySelector('mat-error')?.textContent?.trim()).toBe('Minst 3 tecken.');

    rationale.value = 'Fler rapporter vid tvättstugan';
    rationale.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('[data-testid="level-save"]')!.click();
    const put = http.expectOne({ method: 'PUT', url: `/api/areas/${VIVALLA.id}/levels/2026-W47` });
    expect(put.request.body).toEqual({ level: 'yellow', rationale: 'Fler rapporter vid tvättstugan' });
    put.flush({
      areaId: VIVALLA.id,
      week: '2026-W47',
      level: 'yellow',
      rationale: 'Fler rapporter vid tvättstugan',
      setBy: { id: 'user-1', name: 'Anna Samordnare' },
      setAt: '2026-11-21T09:00:00.000Z',
    });
    await settle();
    http.expectOne(`/api/areas/${VIVALLA.id}/levels`).flush([]);
    await fixture.whenStable();
    expect(text('[data-testid="level-current"] sv-level-chip')).toBe('▲Gul');
    expect(text('[data-testid="level-rationale"]')).toBe('Fler rapporter vid tvättstugan');
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Bedömningen är sparad');
    // Saved: the form closes, and the focus is on the button that opens it again.
    expect(root.querySelector('[data-testid="level-form"]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[data-testid="level-edit"]'));
  });

  it('moves between weeks through the address', async () => {
    (await render(['reporter'])).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('[data-testid="week-previous"]')!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/?week=2026-W46');
  });

  it('shows the safety-walk findings as their own source, with the places found on several walks', async () => {
    const list = await render(['reporter']);
    list.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect(text('#walk-findings-heading')).toBe('Fynd från trygghetsvandringar');
    expect(text('[data-testid="walk-count"]')).toBe('3');
    expect(text('[data-testid="walk-average"]')).toBe('0,5');
    expect(text('[data-testid="walk-change"]')).toBe('↑ 2,5 fler än snittet');
    const items = Array.from(root.querySelectorAll('[data-testid="repeated-places"] li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'Tvättstugan Vivallagatan 6 – 3 vandringar, 4 fynd, senast 17 nov. 2026',
      'Plats vid 59,2961, 15,2119 – 2 vandringar, 2 fynd, senast 17 nov. 2026',
    ]);
    expect(text('.map-walk-note')).toContain('fyrkanter');
    // Both sources are counted; the last chosen one cannot be left out.
    const reports = root.querySelector<HTMLInputElement>('[data-testid="source-reports"] input')!;
    const walks = root.querySelector<HTMLInputElement>('[data-testid="source-walks"] input')!;
    expect([reports.checked, walks.checked, reports.disabled, walks.disabled]).toEqual([true, true, false, false]);
    walks.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/?sources=reports');
  });

  it('with walks only, asks for them alone and leaves the report figures and list out', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: DRAW_GRAPHICS, useValue: false }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['reporter']));
    fixture = TestBed.createComponent(SituationPicture);
    fixture.componentRef.setInput('id', VIVALLA.id);
    fixture.componentRef.setInput('week', '2026-W47');
    fixture.componentRef.setInput('sources', 'walks');
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    const pic = http.expectOne((r) => r.url === '/api/situation-picture');
    expect(pic.request.params.get('sources')).toBe('walks');
    pic.flush(picture({ sources: ['walks'], byCategory: [], byPlace: [], hotspots: [], points: [] }));
    await fixture.whenStable();
    http.expectOne(`/api/areas/${VIVALLA.id}/levels`).flush([]);
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="key-figures"]')).toBeNull();
    expect(root.querySelector('[data-testid="by-category"]')).toBeNull();
    expect(root.querySelector('#reports-heading')).toBeNull();
    expect(text('[data-testid="walk-count"]')).toBe('3');
    const walks = root.querySelector<HTMLInputElement>('[data-testid="source-walks"] input')!;
    expect([walks.checked, walks.disabled]).toEqual([true, true]);
    // http.verify (afterEach) proves that no report list was asked for.
  });
});
