import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { CreateReportRequest } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { me } from '../testing/fixtures';
import { noAnimations, settle } from '../testing/http';
import { CATEGORIES, VIVALLA, report } from '../testing/report-fixtures';
import { NewReport, localInstant } from './new-report';

describe('NewReport', () => {
  let fixture: ComponentFixture<NewReport>;
  let http: HttpTestingController;
  let root: HTMLElement;
  const getCurrentPosition = jest.fn();

  beforeEach(async () => {
    localStorage.clear();
    getCurrentPosition.mockReset();
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    // A reporter with a single area: it is preselected.
    TestBed.inject(AuthService).setUser(me(['reporter'], { areas: [{ id: VIVALLA.id, name: VIVALLA.name }] }));
    fixture = TestBed.createComponent(NewReport);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const select = async (testId: string, option: string) => {
    const harness = await loader().getHarness(MatSelectHarness.with({ selector: `[data-testid="${testId}"]` }));
    await harness.open();
    await harness.clickOptions({ text: option });
  };
  const input = (name: string) => loader().getHarness(MatInputHarness.with({ selector: `[name="${name}"]` }));
  const send = async () => {
    root.querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    await fixture.whenStable();
  };

  /** Fills everything but the description. */
  async function fillBasics(): Promise<void> {
    await select('place-select', 'Vivalla torg');
    await select('category-select', 'Klotter');
    await (await input('date')).setValue('2026-03-10');
    await (await input('time')).setValue('21:30');
    await (await loader().getHarness(MatRadioGroupHarness.with({ name: 'assessment' }))).checkRadioButton({ label: 'Hög' });
  }

  it('preselects the only area, lists its places and the categories in the UI language, and defaults the time to now', async () => {
    expect(await (await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="area-select"]' }))).getValueText()).toBe('Vivalla');
    const place = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="place-select"]' }));
    await place.open();
    const places = await Promise.all((await place.getOptions()).map((o) => o.getText()));
    expect(places).toEqual(['Ingen namngiven plats', 'Vivalla torg', 'Tvättstugan Vivallagatan 6', 'Skolgården']);
    await place.close();
    const category = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="category-select"]' }));
    await category.open();
    expect(await Promise.all((await category.getOptions()).map((o) => o.getText()))).toEqual(['Skadegörelse', 'Klotter', 'Nedskräpning']);
    expect(await (await input('date')).getValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await (await input('time')).getValue()).toMatch(/^\d{2}:\d{2}$/);
  });

  it('sends the report with the time as ISO 8601 with the Swedish offset', async () => {
    await fillBasics();
    await (await loader().getHarness(MatCheckboxHarness.with({ label: 'Polisen är underrättad' }))).check();
    await (await loader().getHarness(MatRadioGroupHarness.with({ name: 'publicPlace' }))).checkRadioButton({ label: 'Ja' });
    await (await input('description')).setValue('  Nytt klotter på fasaden mot torget  ');
    await send();

    const post = http.expectOne({ method: 'POST', url: '/api/reports' });
    expect(post.request.body).toEqual<CreateReportRequest>({
      areaId: VIVALLA.id,
      placeId: 'place-torget',
      latitude: null,
      longitude: null,
      categoryId: 'cat-klotter',
      occurredAt: '2026-03-10T21:30:00+01:00',
      assessment: 'high',
      policeNotified: true,
      publicPlace: true,
      restricted: false,
      description: 'Nytt klotter på fasaden mot torget',
    });
    post.flush(report({ occurredAt: '2026-03-10T20:30:00.000Z', assessment: 'high' }), { status: 201, statusText: 'Created' });
    await settle();

    // The confirmation view: "Ny rapport" again and a link to the area's picture.
    const saved = root.querySelector('[data-testid="report-saved"]')!;
    expect(saved.textContent).toContain('Tack! Rapporten är skickad.');
    expect(saved.textContent).toContain('Vivalla torg');
    expect(saved.querySelector('[data-testid="report-picture-link"]')!.getAttribute('href')).toBe('/areas/area-vivalla/picture');
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Rapporten är skickad');

    root.querySelector<HTMLButtonElement>('[data-testid="report-again"]')!.click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="report-form"]')).not.toBeNull();
    expect(await (await input('description')).getValue()).toBe('');
  });

  it('warns about a personal identity number while typing and sends confirmNoPersonalData only after the tick', async () => {
    await fillBasics();
    const warning = root.querySelector('[data-testid="privacy-warning"]')!;
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.getAttribute('aria-live')).toBe('polite');
    expect(warning.textContent?.trim()).toBe('');

    await (await input('description')).setValue('Klotter med texten 121212-1212 på väggen');
    await fixture.whenStable();
    expect(warning.textContent).toContain('Texten verkar innehålla personuppgifter');
    expect(warning.textContent).toContain('Personnummer: ••••••-••12');
    expect(warning.textContent).not.toContain('121212-1212');

    // Without the tick nothing is sent.
    await send();
    http.expectNone('/api/reports');
    expect(root.textContent).toContain('Ta bort uppgifterna eller kryssa i rutan innan du skickar.');

    await (await loader().getHarness(MatCheckboxHarness.with({ label: 'Texten handlar inte om en enskild person' }))).check();
    await send();
    const post = http.expectOne({ method: 'POST', url: '/api/reports' });
    expect(post.request.body.confirmNoPersonalData).toBe(true);
    expect(post.request.body.description).toBe('Klotter med texten 121212-1212 på väggen');
    post.flush(report({ review: 'pending' }), { status: 201, statusText: 'Created' });
    await settle();
    await fixture.whenStable();
    // The reporter learns that the text waits for a coordinator before other organisations see it.
    expect(root.querySelector('[data-testid="report-saved-review"]')?.textContent).toContain('Väntar på granskning');
  });

  it('does not send confirmNoPersonalData for a text without personal data, and shows the warning the API gives', async () => {
    await fillBasics();
    await (await input('description')).setValue('Klotter på väggen');
    await send();
    const post = http.expectOne({ method: 'POST', url: '/api/reports' });
    expect('confirmNoPersonalData' in post.request.body).toBe(false);
    post.flush(
      {
        statusCode: 422,
        code: 'REPORT.PERSONAL_DATA',
        message: 'description seems to contain personal data',
        field: 'description',
        hits: [{ kind: 'email', masked: '••••••••se' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(root.querySelector('[data-testid="privacy-warning"]')!.textContent).toContain('E-postadress: ••••••••se');
    expect(root.querySelector('[data-testid="confirm-no-personal-data"]')).not.toBeNull();
  });

  it('shows the server errors next to the named fields, in Swedish', async () => {
    await fillBasics();
    await (await input('description')).setValue('Klotter');
    await send();
    http
      .expectOne({ method: 'POST', url: '/api/reports' })
      .flush(
        { statusCode: 422, code: 'VALIDATION_FAILED', message: 'occurredAt cannot be in the future', field: 'occurredAt' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle();
    const timeField = root.querySelector('input[name="time"]')!.closest('mat-form-field')!;
    expect(timeField.querySelector('mat-error')?.textContent?.trim()).toBe('Tidpunkten kan inte vara i framtiden.');
  });

  it('requires a place or a position, and explains a denied position', async () => {
    await select('category-select', 'Klotter');
    await (await loader().getHarness(MatRadioGroupHarness.with({ name: 'assessment' }))).checkRadioButton({ label: 'Låg' });
    await (await input('description')).setValue('Trasig belysning');
    await send();
    http.expectNone('/api/reports');
    const placeField = root.querySelector('[data-testid="place-select"]')!.closest('mat-form-field')!;
    expect(placeField.querySelector('mat-error')?.textContent?.trim()).toBe('Välj en plats eller använd din position.');

    getCurrentPosition.mockImplementation((_ok: PositionCallback, fail: PositionErrorCallback) =>
      fail({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }),
    );
    root.querySelector<HTMLButtonElement>('[data-testid="use-position"]')!.click();
    await fixture.whenStable();
    expect(root.querySelector('.position-error')?.textContent).toContain('Du har inte gett tillgång till din position');
  });

  it('sends the position when the device gives one', async () => {
    getCurrentPosition.mockImplementation((ok: PositionCallback) =>
      ok({ coords: { latitude: 59.29521234, longitude: 15.21009876, accuracy: 12.4 } } as GeolocationPosition),
    );
    root.querySelector<HTMLButtonElement>('[data-testid="use-position"]')!.click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="position"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Din position: 59,29521, 15,2101 (±12 m)');
    await select('category-select', 'Klotter');
    await (await loader().getHarness(MatRadioGroupHarness.with({ name: 'assessment' }))).checkRadioButton({ label: 'Medel' });
    await (await input('date')).setValue('2026-06-10');
    await (await input('time')).setValue('08:15');
    await (await input('description')).setValue('Crossmotorcykel på fotbollsplanen');
    await send();
    const post = http.expectOne({ method: 'POST', url: '/api/reports' });
    expect(post.request.body).toMatchObject({ placeId: null, latitude: 59.295212, longitude: 15.210099, occurredAt: '2026-06-10T08:15:00+02:00' });
    post.flush(report({ placeId: null, placeName: null, latitude: 59.295212, longitude: 15.210099 }), { status: 201, statusText: 'Created' });
    await settle();
  });
});

describe('localInstant', () => {
  it('reads a Swedish date and time, in winter and in summer', () => {
    expect(localInstant('2026-11-20', '21:30')).toEqual({ at: new Date('2026-11-20T20:30:00Z'), iso: '2026-11-20T21:30:00+01:00' });
    expect(localInstant('2026-07-01', '00:05')?.iso).toBe('2026-07-01T00:05:00+02:00');
    expect(localInstant('2026-02-31', '10:00')).toBeNull();
    expect(localInstant('', '10:00')).toBeNull();
  });
});
