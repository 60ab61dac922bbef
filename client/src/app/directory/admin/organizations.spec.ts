import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter } from '@angular/router';
import type { OrganizationDto } from '@samverka/contracts';
import { KOMMUN, OBO, POLIS } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { Organizations } from './organizations';

describe('Organizations (admin)', () => {
  let fixture: ComponentFixture<Organizations>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Organizations);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const rowTexts = () =>
    Array.from(root().querySelectorAll('tr[data-testid="row"]')).map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, 2)
        .map((td) => td.textContent?.trim()),
    );

  async function respond(rows: OrganizationDto[]): Promise<void> {
    http.expectOne({ method: 'GET', url: '/api/organizations' }).flush(rows);
    await fixture.whenStable();
  }

  it('lists the organisations with their translated type', async () => {
    expect(root().querySelector('mat-progress-bar')).not.toBeNull();
    await respond([KOMMUN, POLIS]);

    expect(root().querySelector('mat-progress-bar')).toBeNull();
    expect(root().querySelector('h1')?.textContent).toContain('Organisationer');
    expect(rowTexts()).toEqual([
      ['Örebro kommun', 'Kommun'],
      ['Lokalpolisområde Örebro', 'Polis'],
    ]);
  });

  it('says so when there are no organisations', async () => {
    await respond([]);
    expect(root().querySelector('.empty-state')?.textContent).toContain('Det finns inga organisationer ännu');
    expect(root().querySelector('table')).toBeNull();
  });

  it('creates an organisation in a dialog, confirms with "Sparat" and reloads the list', async () => {
    await respond([KOMMUN, POLIS]);
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);

    root().querySelector<HTMLButtonElement>('[data-testid="create"]')!.click();
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Ny organisation');

    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue('ÖBO');
    const type = await dialog.getHarness(MatSelectHarness);
    await type.open();
    await type.clickOptions({ text: 'Fastighetsbolag' });
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();

    const post = http.expectOne({ method: 'POST', url: '/api/organizations' });
    expect(post.request.body).toEqual({ name: 'ÖBO', type: 'fastighetsbolag' });
    post.flush(OBO, { status: 201, statusText: 'Created' });
    await settle();
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(await (await loader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Sparat');
    await respond([KOMMUN, POLIS, OBO]);
    expect(rowTexts().map((r) => r[0])).toEqual(['Örebro kommun', 'Lokalpolisområde Örebro', 'ÖBO']);
  });

  it('shows an API validation error next to the named field and keeps the dialog open', async () => {
    await respond([KOMMUN]);
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    root().querySelector<HTMLButtonElement>('[data-testid="create"]')!.click();
    const dialog = await loader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue('Örebro kommun');
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();

    http
      .expectOne({ method: 'POST', url: '/api/organizations' })
      .flush(apiError(409, 'ORGANIZATION.NAME_TAKEN', 'Det finns redan en organisation med det namnet.', 'name'), {
        status: 409,
        statusText: 'Conflict',
      });
    await settle();
    await fixture.whenStable();

    const error = document.querySelector('mat-dialog-container mat-error');
    expect(error?.textContent?.trim()).toBe('Det finns redan en organisation med det namnet.');
    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
  });

  it('edits an organisation with PATCH', async () => {
    await respond([KOMMUN]);
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    root().querySelector<HTMLButtonElement>('button[aria-label="Redigera: Örebro kommun"]')!.click();
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Redigera organisation');
    const name = await dialog.getHarness(MatInputHarness.with({ selector: '[name="name"]' }));
    expect(await name.getValue()).toBe('Örebro kommun');
    await name.setValue('Örebro kommun, Trygghetsenheten');
    (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();

    const patch = http.expectOne({ method: 'PATCH', url: '/api/organizations/org-kommun' });
    expect(patch.request.body).toEqual({ name: 'Örebro kommun, Trygghetsenheten', type: 'kommun' });
    patch.flush({ ...KOMMUN, name: 'Örebro kommun, Trygghetsenheten' });
    await settle();
    await respond([{ ...KOMMUN, name: 'Örebro kommun, Trygghetsenheten' }]);
    expect(rowTexts()[0][0]).toBe('Örebro kommun, Trygghetsenheten');
  });
});
