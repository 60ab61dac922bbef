import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
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

  /** An organisation that is not (or no longer) a partner of Vivalla. */
  const TRAFIK = { id: 'org-trafik', name: 'Länstrafiken', type: 'ovrig' as const };
  const responsibleCells = () => Array.from(root().querySelectorAll('tr[data-testid="row"] td:nth-child(4)')).map((td) => td.textContent?.trim());

  async function respond(area = VIVALLA): Promise<void> {
    http.expectOne({ method: 'GET', url: `/api/areas/${area.id}` }).flush(area);
    http.expectOne({ method: 'GET', url: '/api/organizations' }).flush([KOMMUN, POLIS, OBO, TRAFIK]);
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

  it("shows who is responsible for each place's physical environment in the places list", async () => {
    await respond({
      ...VIVALLA,
      places: [{ ...VIVALLA.places[0], responsibleOrganizationId: KOMMUN.id }, VIVALLA.places[1], { ...VIVALLA.places[2], responsibleOrganizationId: null }],
    });
    expect(root().querySelector('th:nth-child(4)')?.textContent?.trim()).toBe('Ansvarig för den fysiska miljön');
    expect(responsibleCells()).toEqual(['Örebro kommun', 'Ingen angiven', 'Ingen angiven']);
  });

  it("adds a place with the organisation responsible for its physical environment, chosen among the area's partners", async () => {
    await respond();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    root().querySelector<HTMLButtonElement>('[data-testid="create-place"]')!.click();
    const dialog = await loader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue('Busshållplatsen');
    const select = await dialog.getHarness(MatSelectHarness);
    // Labelled for screen readers by its form field label.
    const label = document.querySelector('mat-select[name="responsibleOrganizationId"]')!.getAttribute('aria-labelledby')!;
    expect(
      label
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim())
        .join(' '),
    ).toContain('Ansvarig för den fysiska miljön (valfri)');
    expect(await select.isEmpty()).toBe(true);
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual([
      'Ingen',
      'Örebro kommun (Kommun)',
      'Lokalpolisområde Örebro (Polis)',
      'ÖBO (Fastighetsbolag)',
    ]);
    await select.clickOptions({ text: /ÖBO/ });
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();

    const post = http.expectOne({ method: 'POST', url: '/api/areas/area-vivalla/places' });
    expect(post.request.body).toEqual({ name: 'Busshållplatsen', latitude: null, longitude: null, responsibleOrganizationId: OBO.id });
    post.flush({ id: 'place-buss', areaId: VIVALLA.id, name: 'Busshållplatsen', latitude: null, longitude: null, responsibleOrganizationId: OBO.id });
    await settle();
    await fixture.whenStable();
    await respond({
      ...VIVALLA,
      places: [
        ...VIVALLA.places,
        { id: 'place-buss', areaId: VIVALLA.id, name: 'Busshållplatsen', latitude: null, longitude: null, responsibleOrganizationId: OBO.id },
      ],
    });
    expect(responsibleCells()).toEqual(['Ingen angiven', 'Ingen angiven', 'Ingen angiven', 'ÖBO']);
  });

  it('keeps a responsible organisation that has left the partnership unless it is changed, and can clear it', async () => {
    const place = { ...VIVALLA.places[0], responsibleOrganizationId: TRAFIK.id };
    await respond({ ...VIVALLA, places: [place, VIVALLA.places[1], VIVALLA.places[2]] });
    expect(responsibleCells()[0]).toBe('Länstrafiken');
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);

    // An unrelated edit does not send it (the API would refuse a non-partner).
    root().querySelector<HTMLButtonElement>('button[aria-label="Redigera: Vivalla torg"]')!.click();
    let dialog = await loader.getHarness(MatDialogHarness);
    const select = await dialog.getHarness(MatSelectHarness);
    expect(await select.getValueText()).toBe('Länstrafiken (Övrig)');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue('Vivalla torg norra');
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    let patch = http.expectOne({ method: 'PATCH', url: '/api/places/place-torget' });
    expect(patch.request.body).toEqual({ name: 'Vivalla torg norra', latitude: 59.2952, longitude: 15.2101 });
    patch.flush({ ...place, name: 'Vivalla torg norra' });
    await settle();
    await fixture.whenStable();
    await respond({ ...VIVALLA, places: [place, VIVALLA.places[1], VIVALLA.places[2]] });

    // Choosing "Ingen" clears it.
    root().querySelector<HTMLButtonElement>('button[aria-label="Redigera: Vivalla torg"]')!.click();
    dialog = await loader.getHarness(MatDialogHarness);
    const again = await dialog.getHarness(MatSelectHarness);
    await again.open();
    await again.clickOptions({ text: 'Ingen' });
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    patch = http.expectOne({ method: 'PATCH', url: '/api/places/place-torget' });
    expect(patch.request.body).toEqual({ name: 'Vivalla torg', latitude: 59.2952, longitude: 15.2101, responsibleOrganizationId: null });
    patch.flush({ ...place, responsibleOrganizationId: null });
    await settle();
    await fixture.whenStable();
    await respond();
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
