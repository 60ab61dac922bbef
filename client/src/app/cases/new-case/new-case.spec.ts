import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth';
import { POLIS, me } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { CATEGORIES, VIVALLA, report } from '../../testing/report-fixtures';
import { caseDto } from '../case-fixtures';
import { NewCase } from './new-case';

@Component({ selector: 'sv-stub', template: '' })
class Stub {}

describe('NewCase', () => {
  let fixture: ComponentFixture<NewCase>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const RECENT = [
    report({ id: 'report-1' }),
    report({ id: 'report-2', categoryId: 'cat-skade', description: 'Krossad ruta i entrén', placeName: 'Tvättstugan Vivallagatan 6', placeId: 'place-tvatt' }),
    report({
      id: 'report-3',
      restricted: true,
      detailsVisible: false,
      description: null,
      placeName: null,
      placeId: null,
      organization: { id: POLIS.id, name: POLIS.name },
    }),
  ];

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'cases/:id', component: Stub }]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['analyst']));
    fixture = TestBed.createComponent(NewCase);
    // As linked from the situational picture: the area and two reports, one older than four weeks.
    fixture.componentRef.setInput('area', VIVALLA.id);
    fixture.componentRef.setInput('reports', 'report-1,report-old');
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    const list = http.expectOne((r) => r.url === '/api/reports');
    expect(list.request.params.get('areaId')).toBe(VIVALLA.id);
    expect(list.request.params.get('pageSize')).toBe('500');
    const from = new Date(list.request.params.get('from')!).getTime();
    expect(Math.round((Date.now() - from) / 86_400_000)).toBe(28);
    list.flush({ items: RECENT, total: 3, page: 1, pageSize: 500 });
    await fixture.whenStable();
    http
      .expectOne('/api/reports/report-old')
      .flush(report({ id: 'report-old', description: 'Äldre rapport om tvättstugan', occurredAt: '2026-09-01T18:00:00.000Z' }));
    await settle();
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('lists the area’s recent reports with category, place and time, preselecting those in the address', async () => {
    const options = Array.from(root.querySelectorAll('[data-testid="report-option"]'));
    expect(options).toHaveLength(4);
    expect(text(options[0])).toContain('Äldre rapport om tvättstugan');
    expect(text(options[1])).toContain('Klotter · Vivalla torg · 20 nov. 2026 21:30');
    expect(text(options[3])).toContain('Begränsad uppgift');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const boxes = await loader.getAllHarnesses(MatCheckboxHarness.with({ ancestor: '[data-testid="report-picker"]' }));
    expect(await Promise.all(boxes.map((b) => b.isChecked()))).toEqual([true, true, false, false]);
    expect(text(root.querySelector('.selected-count'))).toBe('(2 valda)');
  });

  it('filters the reports by text and place, keeping the chosen ones first and visible', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[name="textFilter"]' }));
    await search.setValue('krossad');
    let options = Array.from(root.querySelectorAll('[data-testid="report-option"]'));
    expect(options.map((o) => text(o))).toHaveLength(3);
    expect(text(options[2])).toContain('Krossad ruta i entrén');

    await search.setValue('finns inte');
    options = Array.from(root.querySelectorAll('[data-testid="report-option"]'));
    expect(options).toHaveLength(2);
    expect(options.every((o) => !text(o).includes('Krossad'))).toBe(true);

    await search.setValue('');
    const place = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="report-place"]' }));
    await place.open();
    await place.clickOptions({ text: 'Tvättstugan Vivallagatan 6' });
    options = Array.from(root.querySelectorAll('[data-testid="report-option"]'));
    expect(options).toHaveLength(3);
    expect(text(options[2])).toContain('Krossad ruta i entrén');
    await place.open();
    await place.clickOptions({ text: 'Alla platser' });

    const from = await loader.getHarness(MatInputHarness.with({ selector: '[name="fromFilter"]' }));
    await from.setValue('2026-11-2');
    expect(root.querySelectorAll('[data-testid="report-option"]')).toHaveLength(4);
    await from.setValue('2099-01-01');
    options = Array.from(root.querySelectorAll('[data-testid="report-option"]'));
    expect(options).toHaveLength(2);
    expect(text(options[0])).toContain('Äldre rapport om tvättstugan');
    await from.setValue('');

    await (await loader.getHarness(MatCheckboxHarness.with({ label: /Krossad ruta/ }))).check();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: /Äldre rapport/ }))).uncheck();
    options = Array.from(root.querySelectorAll('[data-testid="report-option"]'));
    expect(text(options[1])).toContain('Krossad ruta i entrén');
    expect(text(options[2])).toContain('Äldre rapport om tvättstugan');
  });

  it('opens the case with the chosen reports and places and goes to its page', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="title"]' }))).setValue('Stökigt vid tvättstugan kvällstid');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="description"]' }))).setValue('Grupper samlas på kvällarna.');
    await (await loader.getHarness(MatCheckboxHarness.with({ label: /Krossad ruta/ }))).check();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Skolgården' }))).check();
    root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();

    const post = http.expectOne({ method: 'POST', url: '/api/cases' });
    expect(post.request.body).toEqual({
      areaId: VIVALLA.id,
      title: 'Stökigt vid tvättstugan kvällstid',
      description: 'Grupper samlas på kvällarna.',
      reportIds: ['report-1', 'report-old', 'report-2'],
      placeIds: ['place-skola'],
    });
    post.flush(caseDto({ id: 'case-7' }), { status: 201, statusText: 'Created' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/cases/case-7');
  });

  it('needs a title and a description, and shows the API’s field errors next to them', async () => {
    root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/cases' });
    expect(Array.from(root.querySelectorAll('mat-error')).map((e) => text(e))).toEqual(['Fältet måste fyllas i.', 'Fältet måste fyllas i.']);

    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="title"]' }))).setValue('Abc');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="description"]' }))).setValue('Grupper samlas på kvällarna.');
    root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    http
      .expectOne({ method: 'POST', url: '/api/cases' })
      .flush(apiError(422, 'VALIDATION_FAILED', 'title must be 3–200 characters', 'title'), { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();
    expect(text(root.querySelector('mat-error'))).toBe('Skriv 3–200 tecken.');
  });
});
