import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { UserDto } from '@samverka/contracts';
import { KOMMUN, POLIS } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { Users } from './users';

const PER: UserDto = {
  id: 'user-per',
  name: 'Per Polis',
  email: 'per@polisen.se',
  roles: ['commander'],
  active: true,
  organization: POLIS,
};

describe('Users (admin)', () => {
  let fixture: ComponentFixture<Users>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Users);
    http.expectOne('/api/users').flush([PER]);
    http.expectOne('/api/organizations').flush([KOMMUN, POLIS]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const input = (dialog: MatDialogHarness, name: string) => dialog.getHarness(MatInputHarness.with({ selector: `[name="${name}"]` }));
  const save = () => (document.querySelector('[data-testid="save"]') as HTMLButtonElement).click();

  it('lists users with organisation, translated roles and status', () => {
    const cells = Array.from(fixture.nativeElement.querySelectorAll('tr[data-testid="row"] td')).map((td) => (td as HTMLElement).textContent?.trim());
    expect(cells.slice(0, 5)).toEqual(['Per Polis', 'per@polisen.se', 'Lokalpolisområde Örebro', 'Chef', 'Aktiv']);
  });

  it('lets the name and e-mail fields take no more than the API accepts', async () => {
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    (fixture.nativeElement.querySelector('[data-testid="create"]') as HTMLButtonElement).click();
    await loader.getHarness(MatDialogHarness);
    const max = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).maxLength;
    // The limits of the API's request classes (contracts' DIRECTORY_LIMITS): an e-mail address is at most 254 characters.
    expect({ name: max('name'), email: max('email') }).toEqual({ name: 200, email: 254 });
  });

  it('requires a role and a password of at least 12 characters before creating a user', async () => {
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    (fixture.nativeElement.querySelector('[data-testid="create"]') as HTMLButtonElement).click();
    const dialog = await loader.getHarness(MatDialogHarness);

    await (await input(dialog, 'name')).setValue('Sara Rapportör');
    await (await input(dialog, 'email')).setValue('sara@obo.se');
    const org = await dialog.getHarness(MatSelectHarness);
    await org.open();
    await org.clickOptions({ text: 'Örebro kommun' });
    await (await input(dialog, 'password')).setValue('too short');
    save();
    await fixture.whenStable();
    http.expectNone('/api/users');
    const dialogText = document.querySelector('mat-dialog-container')?.textContent ?? '';
    expect(dialogText).toContain('Välj minst en roll.');
    const fieldErrors = Array.from(document.querySelectorAll('mat-dialog-container mat-error')).map((e) => e.textContent?.trim());
    expect(fieldErrors).toEqual(['Minst 12 tecken.']);

    await (await dialog.getHarness(MatCheckboxHarness.with({ label: 'Rapportör' }))).check();
    await (await dialog.getHarness(MatCheckboxHarness.with({ label: 'Samordnare' }))).check();
    await (await input(dialog, 'password')).setValue('a long enough password');
    save();

    const post = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(post.request.body).toEqual({
      name: 'Sara Rapportör',
      email: 'sara@obo.se',
      organizationId: KOMMUN.id,
      roles: ['coordinator', 'reporter'],
      password: 'a long enough password',
    });
    post.flush({ ...PER, id: 'user-sara' }, { status: 201, statusText: 'Created' });
    await settle();
    http.expectOne('/api/users').flush([PER]);
    http.expectOne('/api/organizations').flush([KOMMUN, POLIS]);
  });

  it('edits a user without sending a password unless a new one is typed', async () => {
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    (fixture.nativeElement.querySelector('button[aria-label="Redigera: Per Polis"]') as HTMLButtonElement).click();
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Redigera användare');
    const active = document.querySelector('mat-dialog-container mat-slide-toggle button') as HTMLButtonElement;
    active.click();
    save();

    const patch = http.expectOne({ method: 'PATCH', url: '/api/users/user-per' });
    expect(patch.request.body).toEqual({
      name: 'Per Polis',
      email: 'per@polisen.se',
      organizationId: POLIS.id,
      roles: ['commander'],
      active: false,
    });
    patch.flush({ ...PER, active: false });
    await settle();
    http.expectOne('/api/users').flush([{ ...PER, active: false }]);
    http.expectOne('/api/organizations').flush([KOMMUN, POLIS]);
  });
});
