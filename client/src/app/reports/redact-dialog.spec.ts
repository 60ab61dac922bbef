import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ReportDto } from '@samverka/contracts';
import { apiError, noAnimations, settle } from '../testing/http';
import { report } from '../testing/report-fixtures';
import { ReportRedaction } from './report-redaction';

const TEXT = 'Personen med nummer 811218-9876 sov i trapphuset';

@Component({
  imports: [ReportRedaction],
  template: `<sv-report-redaction [report]="report()" (changed)="changed.push($event); report.set($event)" />`,
})
class Host {
  readonly report = signal<ReportDto>(report({ description: TEXT, review: 'pending', canRedact: true, canReview: true }));
  readonly changed: ReportDto[] = [];
}

describe('RedactDialog (via ReportRedaction)', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });
  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  const q = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);
  const text = (selector: string) => q(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const open = async () => {
    root.querySelector<HTMLButtonElement>('[data-testid="redact-open"]')!.click();
    await fixture.whenStable();
    await settle();
  };
  const choose = async (testId: string) => {
    q<HTMLInputElement>(`[data-testid="${testId}"] input`)!.click();
    await fixture.whenStable();
  };
  const submit = async () => {
    q<HTMLButtonElement>('[data-testid="redact-confirm"]')!.click();
    await fixture.whenStable();
  };

  it('shows the review badge and the button, named for screen readers', () => {
    expect(root.querySelector('[data-testid="review-badge"]')?.textContent).toContain('Väntar på granskning');
    expect(root.querySelector('[data-testid="redact-open"]')?.getAttribute('aria-label')).toMatch(/^Gallra text i rapporten från /);
    // "Godkänn texten" belongs to the review list only.
    expect(root.querySelector('[data-testid="review-confirm"]')).toBeNull();
  });

  it('has no button for those who may not redact', async () => {
    fixture.componentInstance.report.set(report({ description: TEXT, canRedact: false }));
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="redact-open"]')).toBeNull();
    expect(root.querySelector('[data-testid="review-badge"]')).toBeNull();
  });

  it('removes the part marked with the keyboard, with a reason, and hands back the report', async () => {
    await open();
    const area = q<HTMLTextAreaElement>('[data-testid="redact-text"]')!;
    expect(area.getAttribute('aria-readonly')).toBe('true');
    // Typing changes nothing.
    area.value = 'något annat';
    area.dispatchEvent(new Event('input'));
    expect(area.value).toBe(TEXT);
    expect(area.value).toBe(TEXT);
    // Shift + arrow keys select in the read-only field; the dialog follows the selection on key-up.
    const start = TEXT.indexOf('811218');
    area.focus();
    area.setSelectionRange(start, start + 11);
    area.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true }));
    await fixture.whenStable();
    expect(text('[data-testid="redact-marked"]')).toBe('Markerat: ”811218-9876”');
    expect(text('[data-testid="redact-preview"]')).toBe('Personen med nummer [gallrat] sov i trapphuset');

    // Without a reason nothing is sent.
    await submit();
    expect(text('[data-testid="redact-error"]')).toBe('Välj ett skäl.');
    http.expectNone('/api/reports/report-1/redactions');

    await choose('redact-reason-personal_data');
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/reports/report-1/redactions' });
    expect(req.request.body).toEqual({ start, end: start + 11, reason: 'personal_data' });
    req.flush(
      report({
        description: 'Personen med nummer [gallrat] sov i trapphuset',
        review: null,
        canRedact: true,
        textRedaction: { at: '2026-12-02T10:00:00.000Z', organizationId: 'org-kommun', reason: 'personal_data', note: null },
      }),
    );
    await fixture.whenStable();
    await settle();
    expect(q('[data-testid="redact-text"]')).toBeNull();
    expect(fixture.componentInstance.changed.map((r) => r.description)).toEqual(['Personen med nummer [gallrat] sov i trapphuset']);
    expect(root.querySelector('[data-testid="review-badge"]')).toBeNull();
    expect(root.querySelector('[data-testid="redacted-info"]')?.textContent).toContain('Text gallrad');
  });

  it('asks for a part to be marked, and for a note when the reason is "other"', async () => {
    await open();
    await choose('redact-reason-other');
    await submit();
    expect(text('[data-testid="redact-error"]')).toBe('Markera den del som ska gallras.');
    await choose('redact-whole');
    expect(text('[data-testid="redact-preview"]')).toBe('[gallrat]');
    await submit();
    expect(text('[data-testid="redact-error"]')).toBe('Beskriv skälet.');
    http.expectNone('/api/reports/report-1/redactions');
    const note = q<HTMLTextAreaElement>('[data-testid="redact-note"]')!;
    note.value = 'Fel rapport';
    note.dispatchEvent(new Event('input'));
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/reports/report-1/redactions' });
    expect(req.request.body).toEqual({ whole: true, reason: 'other', note: 'Fel rapport' });
    // The server finds personal data in the note: the dialog stays open and says so.
    req.flush(
      { ...apiError(422, 'REPORT.PERSONAL_DATA', 'note seems to contain personal data', 'note'), hits: [] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();
    expect(text('[data-testid="redact-error"]')).toBe('Kommentaren verkar innehålla personuppgifter. Beskriv skälet utan dem.');
    expect(q('[data-testid="redact-text"]')).not.toBeNull();
    expect(fixture.componentInstance.changed).toEqual([]);
  });
});
