import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import type { ActivityDto, ActivityGapsDto, AreaDetailDto, IsoWeekday, Role } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { KOMMUN, OBO, POLIS, me } from '../testing/fixtures';
import { noAnimations, settle } from '../testing/http';
import { ActivitiesPage } from './activities-page';

const AREA: AreaDetailDto = {
  id: 'area-vivalla',
  name: 'Vivalla',
  description: null,
  placeCount: 1,
  partners: [KOMMUN, POLIS],
  places: [{ id: 'p-torg', areaId: 'area-vivalla', name: 'Vivalla torg', latitude: null, longitude: null }],
};
const WALKERS: ActivityDto = {
  id: 'act-1',
  areaId: 'area-vivalla',
  organization: POLIS,
  title: 'Nattvandring',
  description: null,
  targetGroup: 'Unga',
  places: [{ id: 'p-torg', name: 'Vivalla torg' }],
  startsOn: '2026-09-01',
  endsOn: null,
  weekdays: [5, 6],
  startTime: '22:00',
  endTime: '02:00',
  contactOrganization: KOMMUN,
  fundingEndsOn: '2027-06-30',
  cases: [],
  mayEdit: false,
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
};
const GAPS: ActivityGapsDto = {
  areaId: 'area-vivalla',
  weeks: 12,
  from: '2026-09-09T00:00:00Z',
  to: '2026-12-02T00:00:00Z',
  cells: Array.from({ length: 168 }, (_, i) => ({ weekday: (Math.floor(i / 24) + 1) as IsoWeekday, hour: i % 24, reports: 0, activities: 0 })),
  gaps: [],
  places: [],
};

describe('ActivitiesPage', () => {
  let fixture: ComponentFixture<ActivitiesPage>;
  let http: HttpTestingController;

  const render = async (roles: Role[], organization = KOMMUN) => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    TestBed.inject(AuthService).setUser(me(roles, { organization }));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ActivitiesPage);
    fixture.componentRef.setInput('id', 'area-vivalla');
    fixture.detectChanges();
    http.expectOne('/api/areas/area-vivalla').flush(AREA);
    http.expectOne('/api/areas/area-vivalla/activities').flush([WALKERS]);
    http.expectOne((r) => r.url === '/api/cases' && r.params.get('areaId') === 'area-vivalla').flush([]);
    http.expectOne((r) => r.url === '/api/areas/area-vivalla/activity-gaps' && r.params.get('weeks') === '12').flush(GAPS);
    await fixture.whenStable();
  };
  afterEach(() => http.verify());

  it('lists who does what, where and when, with nights past midnight', async () => {
    await render(['coordinator']);
    const item = fixture.nativeElement.querySelector('[data-testid="activity"]') as HTMLElement;
    expect(item.querySelector('h2')?.textContent).toBe('Nattvandring');
    expect(item.textContent).toContain('Lokalpolisområde Örebro');
    expect(item.textContent).toContain('Vivalla torg');
    expect(item.querySelector('[data-testid="activity-when"]')?.textContent).toBe('fre, lör 22:00–02:00');
    // Another organisation's entry: no edit buttons.
    expect(item.querySelector('button')).toBeNull();
  });

  it('offers a new entry to a partner’s people, never to reporters or organisations outside the partnership', async () => {
    await render(['reporter']);
    expect(fixture.nativeElement.querySelector('[data-testid="activity-new"]')).toBeNull();
    http.verify();
    TestBed.resetTestingModule();
    await render(['action_owner'], OBO);
    expect(fixture.nativeElement.querySelector('[data-testid="activity-new"]')).toBeNull();
    http.verify();
    TestBed.resetTestingModule();
    await render(['action_owner']);
    expect(fixture.nativeElement.querySelector('[data-testid="activity-new"]')).not.toBeNull();
  });

  it('creates an entry from the dialog with the days and hours given', async () => {
    await render(['coordinator']);
    (fixture.nativeElement.querySelector('[data-testid="activity-new"]') as HTMLButtonElement).click();
    await settle();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="title"]' }))).setValue('Fritidsgården');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="startsOn"]' }))).setValue('2026-09-01');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="startTime"]' }))).setValue('15:00');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="endTime"]' }))).setValue('21:00');
    (document.querySelector('input[name="weekday-2"]') as HTMLInputElement).click();
    (document.querySelector('input[name="weekday-4"]') as HTMLInputElement).click();
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    const req = http.expectOne({ method: 'POST', url: '/api/areas/area-vivalla/activities' });
    expect(req.request.body).toMatchObject({
      title: 'Fritidsgården',
      startsOn: '2026-09-01',
      weekdays: [2, 4],
      startTime: '15:00',
      endTime: '21:00',
      placeIds: [],
    });
    req.flush({ ...WALKERS, id: 'act-2', title: 'Fritidsgården', organization: KOMMUN, mayEdit: true });
    await settle();
    http.expectOne((r) => r.url === '/api/areas/area-vivalla/activity-gaps').flush(GAPS);
    await settle();
    fixture.detectChanges();
    expect(Array.from(fixture.nativeElement.querySelectorAll('[data-testid="activity"] h2')).map((h) => (h as HTMLElement).textContent)).toEqual([
      'Fritidsgården',
      'Nattvandring',
    ]);
  });
});
