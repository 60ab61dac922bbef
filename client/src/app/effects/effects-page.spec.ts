import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { EffectRegisterEntryDto } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { me } from '../testing/fixtures';
import { noAnimations, settle } from '../testing/http';
import { CATEGORIES } from '../testing/report-fixtures';
import { effectFigures } from '../cases/case-fixtures';
import { EffectsPage } from './effects-page';

describe('EffectsPage', () => {
  let fixture: ComponentFixture<EffectsPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const entry = (overrides: Partial<EffectRegisterEntryDto> = {}): EffectRegisterEntryDto => ({
    caseId: 'case-1',
    title: 'Klotter vid skolan',
    areaId: 'area-vivalla',
    areaName: 'Vivalla',
    outcome: 'effective',
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    methodVersion: 1,
    weeks: 8,
    figures: effectFigures(),
    categories: [{ id: CATEGORIES[0].id, sv: 'Klotter', en: 'Graffiti' }],
    actions: [{ number: 1, what: 'Klottersanering', organizationName: 'ÖBO', state: 'done' }],
    ...overrides,
  });

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['reporter']));
    fixture = TestBed.createComponent(EffectsPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
  });

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('lists the evaluated cases in a table inside a focusable region named by its heading', async () => {
    const first = http.expectOne((r) => r.url === '/api/effects');
    expect(first.request.params.keys()).toEqual([]);
    first.flush([entry(), entry({ caseId: 'case-2', title: 'Samlingar', outcome: 'not_effective', figures: null, actions: [] })]);
    await settle();
    const region = root.querySelector('[role="region"][tabindex="0"]');
    expect(region?.getAttribute('aria-labelledby')).toBe('effects-heading');
    expect(text(root.querySelector('#effects-heading'))).toBe('Utvärderade ärenden');
    const rows = Array.from(root.querySelectorAll('[data-testid="effect-row"]')).map((r) => Array.from(r.children).map((c) => text(c)));
    expect(rows[0].slice(1, 7)).toEqual([
      'Klotter vid skolan',
      'Vivalla',
      'Effektivt – problemet är löst, ärendet avslutas',
      'Klotter',
      '1. Klottersanering (ÖBO)',
      '12 → 3',
    ]);
    expect(rows[0][7]).toContain('Jämfört med resten av området minskade de mer.');
    expect(rows[0][7]).toContain('För få rapporter');
    expect(rows[1][7]).toBe('Inga siffror: ingen insats var påbörjad och avslutad.');
    expect(root.querySelector('[data-testid="effect-csv"]')?.getAttribute('href')).toBe('/api/effects/export.csv');
  });

  it('filters by area, outcome and period, and the CSV link carries the same filters', async () => {
    http.expectOne((r) => r.url === '/api/effects').flush([entry()]);
    await settle();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const area = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="effect-area"]' }));
    await area.open();
    await area.clickOptions({ text: 'Vivalla' });
    http.expectOne((r) => r.url === '/api/effects' && r.params.get('areaId') === 'area-vivalla').flush([entry()]);
    const outcome = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="effect-outcome"]' }));
    await outcome.open();
    await outcome.clickOptions({ text: /Inte effektivt/ });
    http.expectOne((r) => r.url === '/api/effects' && r.params.get('outcome') === 'not_effective').flush([]);
    await settle();
    expect(text(root.querySelector('.empty-state'))).toBe('Inga utvärderade ärenden med dessa filter.');
    const from = root.querySelector<HTMLInputElement>('[data-testid="effect-from"]')!;
    from.value = '2026-11-01';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('blur'));
    const req = http.expectOne((r) => r.url === '/api/effects' && r.params.has('from'));
    // A Swedish day: midnight in Stockholm.
    expect(req.request.params.get('from')).toBe('2026-11-01T00:00:00+01:00');
    req.flush([]);
    await settle();
    const href = root.querySelector('[data-testid="effect-csv"]')?.getAttribute('href') ?? '';
    expect(href.startsWith('/api/effects/export.csv?')).toBe(true);
    expect(new URLSearchParams(href.split('?')[1]).get('outcome')).toBe('not_effective');
    expect(new URLSearchParams(href.split('?')[1]).get('areaId')).toBe('area-vivalla');
  });
});
