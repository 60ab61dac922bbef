import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { me } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { AcceptInvitation } from './accept-invitation';

const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

describe('AcceptInvitation', () => {
  let fixture: ComponentFixture<AcceptInvitation>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AcceptInvitation);
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const fill = async (name: string, password: string, repeat = password) => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="name"]' }))).setValue(name);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="password"]' }))).setValue(password);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[name="repeat"]' }))).setValue(repeat);
  };
  const submit = () => (fixture.nativeElement.querySelector('[data-testid="invite-accept"]') as HTMLButtonElement).click();

  it('says what the link invites to, creates the account, signs in and goes to the start page', async () => {
    http
      .expectOne(`/api/invitations/accept/${TOKEN}`)
      .flush({ email: 'kassa@vivallacentrum.se', organizationName: 'Vivalla Centrum', roles: ['reporter'], expiresAt: '2026-12-08T09:00:00Z' });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="invite-intro"]').textContent).toContain(
      'Rapportör för Vivalla Centrum med e-postadressen kassa@vivallacentrum.se',
    );
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fill('Kassan Vivalla', 'ett-långt-lösenord-9');
    submit();
    const accept = http.expectOne({ method: 'POST', url: `/api/invitations/accept/${TOKEN}` });
    expect(accept.request.body).toEqual({ name: 'Kassan Vivalla', password: 'ett-långt-lösenord-9' });
    accept.flush(me(['reporter']));
    const login = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(login.request.body).toEqual({ email: 'kassa@vivallacentrum.se', password: 'ett-långt-lösenord-9' });
    login.flush(me(['reporter']));
    await settle();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('refuses differing passwords before sending anything', async () => {
    http
      .expectOne(`/api/invitations/accept/${TOKEN}`)
      .flush({ email: 'a@b.se', organizationName: 'Vivalla Centrum', roles: ['reporter'], expiresAt: '2026-12-08T09:00:00Z' });
    await fixture.whenStable();
    await fill('Kassan Vivalla', 'ett-långt-lösenord-9', 'ett-annat-lösenord-9');
    submit();
    await settle();
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('Lösenorden är inte lika.');
  });

  it('explains a used or expired link instead of the form', async () => {
    http
      .expectOne(`/api/invitations/accept/${TOKEN}`)
      .flush(apiError(410, 'INVITATION.EXPIRED', 'This invitation has expired (links are valid 7 days); ask for a new one', 'token'), {
        status: 410,
        statusText: 'Gone',
      });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="invite-problem"]').textContent).toContain('expired');
    expect(fixture.nativeElement.querySelector('form')).toBeNull();
  });
});
