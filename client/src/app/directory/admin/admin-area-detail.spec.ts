import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import { KOMMUN, OBO, POLIS } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { VIVALLA } from '../../testing/report-fixtures';
import { AdminAreaDetail } from './admin-area-detail';

describe('AdminAreaDetail (admin)', () => {
  let fixture: ComponentFixture<AdminAreaDetail>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AdminAreaDetail);
    fixture.componentRef.setInput('id', VIVALLA.id);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const placeNames = () => Array.from(root().querySelectorAll('tr[data-testid="row"] td:first-child')).map((td) => td.textContent?.trim());

  async function respond(area = VIVALLA): Promise<void> {
    http.expectOne({ method: 'GET', url: `/api/areas/${area.id}` }).flush(area);
    http.expectOne({ method: 'GET', url: '/api/organizations' }).flush([KOMMUN, POLIS, OBO]);
    await fixture.whenStable();
  }

  it('shows the area, its partners and its places', async () => {
    expect(root().querySelector('mat-progress-bar')).not.toBeNull();
    await respond();
    expect(root().querySelector('mat-progress-bar')).toBeNull();
    expect(root().querySelector('h1')?.textContent?.trim()).toBe('Vivalla');
    expect(root().querySelectorAll('mat-chip')).toHaveLength(3);
    expect(placeNames()).toEqual(['Vivalla torg', 'Tvättstugan Vivallagatan 6', 'Skolgården']);
  });

  it('says why the area could not be read', async () => {
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(apiError(404, 'NOT_FOUND', 'Området finns inte.'), { status: 404, statusText: 'Not Found' });
    expect(http.expectOne('/api/organizations').cancelled).toBe(true);
    await fixture.whenStable();
    expect(root().querySelector('[role="alert"]')?.textContent?.trim()).toBe('Området finns inte.');
    expect(root().querySelector('table')).toBeNull();
  });

  it('edits a place in its dialog, confirms with "Sparat" and reads the area again', async () => {
    await respond();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    root().querySelector<HTMLButtonElement>('button[aria-label="Redigera: Skolgården"]')!.click();
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Redigera plats');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue('Skolgården norra');
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();

    const patch = http.expectOne({ method: 'PATCH', url: '/api/places/place-skola' });
    expect(patch.request.body).toEqual({ name: 'Skolgården norra', latitude: null, longitude: null });
    patch.flush({ ...VIVALLA.places[2], name: 'Skolgården norra' });
    await settle();
    await fixture.whenStable();

    expect(await (await loader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Sparat');
    await respond({ ...VIVALLA, places: [VIVALLA.places[0], VIVALLA.places[1], { ...VIVALLA.places[2], name: 'Skolgården norra' }] });
    expect(placeNames()).toEqual(['Vivalla torg', 'Tvättstugan Vivallagatan 6', 'Skolgården norra']);
  });

  it('reads another area instead of the one under way, and stops reading when the page is left', async () => {
    const first = http.expectOne(`/api/areas/${VIVALLA.id}`);
    http.expectOne('/api/organizations');
    fixture.componentRef.setInput('id', 'area-baronbackarna');
    await fixture.whenStable();
    expect(first.cancelled).toBe(true);
    const second = http.expectOne('/api/areas/area-baronbackarna');
    http.expectOne('/api/organizations');

    fixture.destroy();
    expect(second.cancelled).toBe(true);
  });
});
