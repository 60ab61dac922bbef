import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth';
import { POLIS, me } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { action, caseDto, caseSummary } from '../case-fixtures';
import { FollowUp } from './follow-up';

describe('FollowUp', () => {
  let fixture: ComponentFixture<FollowUp>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const WAITING = caseSummary({ id: 'case-5', state: 'follow_up', version: 7, actionCount: 2 });

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['coordinator']));
    fixture = TestBed.createComponent(FollowUp);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const cases = http.expectOne((r) => r.url === '/api/cases');
    expect(cases.request.params.get('state')).toBe('follow_up');
    cases.flush([WAITING]);
    const actions = http.expectOne((r) => r.url === '/api/actions');
    expect(actions.request.params.get('overdue')).toBe('true');
    actions.flush([
      action({ id: 'a1', what: 'Klottersanering', daysOverdue: 2, dueDate: '2026-11-18' }),
      action({ id: 'a2', what: 'Polisens närvaro fredagar', daysOverdue: 12, dueDate: '2026-11-08', organization: { id: POLIS.id, name: POLIS.name } }),
    ]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('lists every overdue action with its organisation and days late, the latest first', () => {
    const rows = Array.from(root.querySelectorAll('[data-testid="overdue-action"]'));
    expect(
      rows.map((r) => [text(r.querySelector('[data-testid="overdue"]')), text(r.querySelector('th')), text(r.querySelector('[data-testid="overdue-org"]'))]),
    ).toEqual([
      ['12 dagar sen', 'Polisens närvaro fredagar', POLIS.name],
      ['2 dagar sen', 'Klottersanering', 'ÖBO'],
    ]);
  });

  it('evaluates a case waiting for follow-up and fetches the list again', async () => {
    expect(text(root.querySelector('[data-testid="follow-up-case"] a'))).toBe(WAITING.title);
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    root.querySelector<HTMLButtonElement>('[data-testid="event-EVALUATE"]')!.click();
    // The full case says until when the actions have time to work (here: no minimum).
    http.expectOne({ method: 'GET', url: '/api/cases/case-5' }).flush(caseDto({ id: 'case-5', state: 'follow_up', version: 7, evaluationFrom: null }));
    const dialog = await loader.getHarness(MatDialogHarness);
    // No action was started and done: the API has no figures, and the dialog says so.
    http.expectOne((r) => r.url === '/api/cases/case-5/effects' && r.params.get('weeks') === '8').flush({ caseId: 'case-5', figures: null });
    await settle();
    expect(document.querySelector('[data-testid="effect-none"]')?.textContent?.trim()).toBe('Inga siffror: ingen insats var påbörjad och avslutad.');
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: /Inte effektivt/ });
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="note"]' }))).setValue('Rapporterna fortsätter.');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    const post = http.expectOne({ method: 'POST', url: '/api/cases/case-5/events' });
    expect(post.request.body).toEqual({ type: 'EVALUATE', version: 7, outcome: 'not_effective', note: 'Rapporterna fortsätter.', effectWeeks: 8 });
    post.flush(caseDto({ id: 'case-5', state: 'analysis', version: 8 }));
    await settle();
    http.expectOne((r) => r.url === '/api/cases').flush([]);
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="follow-up-cases"] .empty-state'))).toBe('Inga ärenden väntar på utvärdering.');
  });
});
