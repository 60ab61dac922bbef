import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { AreaSummaryDto, CreatedInvitationDto, InvitationDto, OrganizationDto, Role } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { KOMMUN, OBO, POLIS, me } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { InvitationsPage } from './invitations-page';

const SHOP: OrganizationDto = { id: 'org-shop', name: 'Vivalla Centrum', type: 'naringsliv' };
const FAR: OrganizationDto = { id: 'org-far', name: 'Annan kommun', type: 'kommun' };
const AREAS: AreaSummaryDto[] = [{ id: 'area-vivalla', name: 'Vivalla', description: null, placeCount: 3, partners: [KOMMUN, POLIS, SHOP] }];
const PENDING: InvitationDto = {
  id: 'inv-1',
  email: 'kassa@vivallacentrum.se',
  organization: SHOP,
  roles: ['reporter'],
  status: 'pending',
  invitedBy: 'Anna Samordnare',
  createdAt: '2026-12-01T09:00:00Z',
  expiresAt: '2026-12-08T09:00:00Z',
  acceptedAt: null,
};

describe('InvitationsPage', () => {
  let fixture: ComponentFixture<InvitationsPage>;
  let http: HttpTestingController;

  const render = async (roles: Role[], invitations: InvitationDto[] = [PENDING]) => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    TestBed.inject(AuthService).setUser(me(roles));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InvitationsPage);
    fixture.detectChanges();
    http.expectOne('/api/organizations').flush([KOMMUN, POLIS, OBO, SHOP, FAR]);
    http.expectOne('/api/areas').flush(AREAS);
    http.expectOne('/api/invitations').flush(invitations);
    await fixture.whenStable();
    return TestbedHarnessEnvironment.loader(fixture);
  };
  afterEach(() => http.verify());

  const rows = () =>
    Array.from(fixture.nativeElement.querySelectorAll('tr[data-testid="invite-row"]')).map((tr) =>
      Array.from((tr as HTMLElement).querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );

  it('lets a coordinator invite only to its partnerships, as reporter or action owner', async () => {
    const loader = await render(['coordinator']);
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual(['Örebro kommun', 'Lokalpolisområde Örebro', 'Vivalla Centrum']);
    const roles = await Promise.all((await loader.getAllHarnesses(MatCheckboxHarness)).map((c) => c.getLabelText()));
    expect(roles).toEqual(['Rapportör', 'Insatsansvarig']);
    expect(rows()[0].slice(0, 4)).toEqual(['kassa@vivallacentrum.se', 'Vivalla Centrum', 'Rapportör', 'Väntar']);
  });

  it('offers an administrator every organisation and role', async () => {
    const loader = await render(['admin']);
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    expect((await select.getOptions()).length).toBe(5);
    expect((await loader.getAllHarnesses(MatCheckboxHarness)).length).toBe(6);
  });

  it('shows the new link once, with copy and e-mail, and marks the earlier link to the same address withdrawn', async () => {
    const loader = await render(['coordinator']);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="email"]' }))).setValue('kassa@vivallacentrum.se');
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Vivalla Centrum' });
    (fixture.nativeElement.querySelector('[data-testid="invite-create"]') as HTMLButtonElement).click();
    const req = http.expectOne({ method: 'POST', url: '/api/invitations' });
    expect(req.request.body).toEqual({ email: 'kassa@vivallacentrum.se', organizationId: 'org-shop', roles: ['reporter'] });
    const created: CreatedInvitationDto = { ...PENDING, id: 'inv-2', path: '/invite/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ' };
    req.flush(created);
    await settle();
    fixture.detectChanges();
    const link = fixture.nativeElement.querySelector('[data-testid="invite-link"]') as HTMLInputElement;
    expect(link.value).toBe(`${location.origin}/invite/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ`);
    const mail = (fixture.nativeElement.querySelector('[data-testid="invite-created"] a') as HTMLAnchorElement).href;
    expect(mail.startsWith('mailto:kassa%40vivallacentrum.se?subject=')).toBe(true);
    expect(decodeURIComponent(mail)).toContain('/invite/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ');
    expect(rows().map((r) => r[3])).toEqual(['Väntar', 'Återkallad']);
  });

  it('puts the API’s refusal on the field it names', async () => {
    const loader = await render(['coordinator'], []);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="email"]' }))).setValue('rapportor@exempel.se');
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: 'Vivalla Centrum' });
    (fixture.nativeElement.querySelector('[data-testid="invite-create"]') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/invitations' })
      .flush(apiError(409, 'USER.EMAIL_TAKEN', 'A user with this e-mail address already exists', 'email'), { status: 409, statusText: 'Conflict' });
    await settle();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('mat-error')?.textContent).toContain('already exists');
    expect(fixture.nativeElement.querySelector('[data-testid="invite-created"]')).toBeNull();
  });

  it('withdraws a pending invitation', async () => {
    await render(['coordinator']);
    (fixture.nativeElement.querySelector('tr[data-testid="invite-row"] button') as HTMLButtonElement).click();
    http.expectOne({ method: 'DELETE', url: '/api/invitations/inv-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    fixture.detectChanges();
    expect(rows()[0][3]).toBe('Återkallad');
    expect(fixture.nativeElement.querySelector('tr[data-testid="invite-row"] button')).toBeNull();
  });
});
