import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WorkflowSettings } from '@samverka/contracts';
import { I18n } from '../../core/i18n/i18n';
import { apiError, noAnimations } from '../../testing/http';
import { WorkflowSettingsPage } from './workflow-settings';

const STORED: WorkflowSettings = { decisionRule: 'coordinator', minutesApproval: 'chair_and_adjusters', evaluationMinDays: 28, meetingStartHoursBefore: 3 };

describe('WorkflowSettingsPage (admin)', () => {
  let fixture: ComponentFixture<WorkflowSettingsPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkflowSettingsPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const read = async (settings = STORED) => {
    http.expectOne({ method: 'GET', url: '/api/settings/workflow' }).flush(settings);
    await fixture.whenStable();
  };
  const radio = (testid: string) => root().querySelector<HTMLInputElement>(`[data-testid="${testid}"] input[type="radio"]`)!;
  const input = (name: string) => root().querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    root().querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    await fixture.whenStable();
  };

  it('shows the settings in force, every choice with its explanation', async () => {
    expect(root().querySelector('mat-progress-bar')).not.toBeNull();
    await read({ ...STORED, decisionRule: 'meeting' });

    expect(root().querySelector('h1')?.textContent).toContain('Arbetsgång');
    expect(radio('rule-meeting').checked).toBe(true);
    expect(radio('rule-coordinator').checked).toBe(false);
    expect(radio('approval-chair_and_adjusters').checked).toBe(true);
    expect(input('evaluationMinDays').value).toBe('28');
    expect(input('meetingStartHoursBefore').value).toBe('3');
    const explanation = root().querySelector('#rule-meeting-explain')?.textContent ?? '';
    expect(explanation).toContain('bara vid ett chefssamråd');
    expect(radio('rule-meeting').getAttribute('aria-describedby')).toContain('rule-meeting-explain');
    expect(root().querySelector('[data-testid="decision-rule"] legend')?.textContent).toContain('Vem beslutar om insatser');
  });

  it('explains the choices in English too', async () => {
    TestBed.inject(I18n).use('en');
    await read();
    expect(root().querySelector('h1')?.textContent).toContain('Workflow');
    expect(root().querySelector('#rule-commanders-explain')?.textContent).toContain('Each organisation responsible for an action');
    expect(root().querySelector('#approval-chair_only-explain')?.textContent).toContain('The chair approves the minutes alone');
    localStorage.clear();
  });

  it('saves the chosen rule and numbers, and shows what the API answers', async () => {
    await read();
    radio('rule-commanders').click();
    radio('approval-chair_only').click();
    type('evaluationMinDays', '14');
    await submit();

    const put = http.expectOne({ method: 'PUT', url: '/api/settings/workflow' });
    expect(put.request.body).toEqual({ decisionRule: 'commanders', minutesApproval: 'chair_only', evaluationMinDays: 14, meetingStartHoursBefore: 3 });
    put.flush({ decisionRule: 'commanders', minutesApproval: 'chair_only', evaluationMinDays: 14, meetingStartHoursBefore: 3 });
    await fixture.whenStable();
    expect(radio('rule-commanders').checked).toBe(true);
    expect(input('evaluationMinDays').value).toBe('14');
  });

  it('refuses a number outside the limits before sending, naming the range', async () => {
    await read();
    type('meetingStartHoursBefore', '49');
    type('evaluationMinDays', '2.5');
    await submit();

    http.expectNone({ method: 'PUT', url: '/api/settings/workflow' });
    const errors = Array.from(root().querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Ange ett heltal från 0 till 365.', 'Ange ett heltal från 0 till 48.']);
  });

  it("puts the API's field error next to its field", async () => {
    await read();
    await submit();
    http
      .expectOne({ method: 'PUT', url: '/api/settings/workflow' })
      .flush(apiError(422, 'VALIDATION', 'evaluationMinDays must be 0–365 days', 'evaluationMinDays'), { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();
    expect(root().querySelector('mat-error')?.textContent).toContain('evaluationMinDays must be 0–365 days');
  });

  it('shows a failed read as an alert, without the form', async () => {
    http
      .expectOne({ method: 'GET', url: '/api/settings/workflow' })
      .flush(apiError(503, 'SERVICE_UNAVAILABLE', 'Tjänsten är inte tillgänglig just nu.'), { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(root().querySelector('[role="alert"]')?.textContent?.trim()).not.toBe('');
    expect(root().querySelector('form')).toBeNull();
  });
});
