import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { noAnimations, settle } from '../testing/http';
import { report } from '../testing/report-fixtures';
import { ReviewPage } from './review-page';

describe('ReviewPage', () => {
  let fixture: ComponentFixture<ReviewPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const first = report({ id: 'r1', description: 'Ordernummer 811218-9876 på skylten', review: 'pending', canRedact: true, canReview: true });
  const second = report({ id: 'r2', description: 'Ring 070-123 45 67', review: 'pending', canRedact: true, canReview: true });

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/reports');
    expect(list.request.params.get('review')).toBe('pending');
    list.flush({ items: [first, second], total: 2, page: 1, pageSize: 50 });
    await fixture.whenStable();
  });
  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const items = () => [...root.querySelectorAll('[data-testid="review-item"]')];

  it('lists the reports awaiting review with their text and a count', () => {
    expect(text('h1')).toBe('Rapporter som väntar på granskning');
    expect(text('[data-testid="review-count"]')).toBe('2 rapporter väntar');
    expect(items().map((i) => i.querySelector('[data-testid="review-text"]')!.textContent)).toEqual([first.description, second.description]);
    expect(items()[0].querySelector('[data-testid="review-confirm"]')?.getAttribute('aria-label')).toMatch(/^Godkänn texten i rapporten från /);
  });

  it('confirms a report: it leaves the list', async () => {
    items()[0].querySelector<HTMLButtonElement>('[data-testid="review-confirm"]')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/reports/r1/review' });
    expect(req.request.body).toEqual({ decision: 'confirm' });
    req.flush({ ...first, review: 'confirmed', canReview: false });
    await fixture.whenStable();
    expect(items()).toHaveLength(1);
    expect(text('[data-testid="review-count"]')).toBe('1 rapport väntar');
  });

  it('redacts a report from the list; the last one leaves an empty list', async () => {
    for (const [i, r] of [first, second].entries()) {
      items()[0].querySelector<HTMLButtonElement>('[data-testid="redact-open"]')!.click();
      await fixture.whenStable();
      await settle();
      document.querySelector<HTMLInputElement>('[data-testid="redact-whole"] input')!.click();
      document.querySelector<HTMLInputElement>('[data-testid="redact-reason-personal_data"] input')!.click();
      await fixture.whenStable();
      document.querySelector<HTMLButtonElement>('[data-testid="redact-confirm"]')!.click();
      const req = http.expectOne({ method: 'POST', url: `/api/reports/${r.id}/redactions` });
      expect(req.request.body).toEqual({ whole: true, reason: 'personal_data' });
      req.flush({ ...r, description: '[gallrat]', review: null, canReview: false });
      await fixture.whenStable();
      await settle();
      expect(items()).toHaveLength(1 - i);
    }
    expect(text('[data-testid="review-count"]')).toBe('Inga rapporter väntar på granskning.');
  });
});
