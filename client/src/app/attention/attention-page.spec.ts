import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ATTENTION_KINDS, type AttentionDto, type AttentionKind } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { me } from '../testing/fixtures';
import { noAnimations } from '../testing/http';
import { AttentionPage, groupAttention } from './attention-page';

const counts = (over: Partial<Record<AttentionKind, number>> = {}) =>
  Object.fromEntries(ATTENTION_KINDS.map((k) => [k, over[k] ?? 0])) as AttentionDto['counts'];

const FULL: AttentionDto = {
  week: '2026-W49',
  items: [
    { kind: 'overdue_action', id: 'a1', label: 'Byta lås i tvättstugan', at: '2026-11-30', detail: null, link: '/cases/c1' },
    { kind: 'due_action', id: 'a2', label: 'Ny belysning', at: '2026-12-05', detail: null, link: '/cases/c2' },
    { kind: 'case_decision', id: 'c3', label: 'Klotter vid skolan', at: null, detail: 'proposed', link: '/cases/c3' },
    { kind: 'next_meeting', id: 'm1', label: 'Samverkansmöte v. 50', at: '2026-12-08T08:00:00.000Z', detail: 'planned', link: '/meetings/m1' },
    { kind: 'missing_level', id: 'ar1', label: 'Vivalla', at: null, detail: '2026-W49', link: '/areas/ar1/picture' },
    { kind: 'report_review', id: null, label: '3', at: null, detail: '3', link: '/reports/review' },
  ],
  counts: counts({ overdue_action: 1, due_action: 1, case_decision: 25, next_meeting: 1, missing_level: 1, report_review: 3 }),
};

describe('AttentionPage', () => {
  let fixture: ComponentFixture<AttentionPage>;
  let http: HttpTestingController;
  let root: HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['coordinator']));
    fixture = TestBed.createComponent(AttentionPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  it('groups the lines by kind in the API’s order, each line a link to where it is done', async () => {
    http.expectOne('/api/attention').flush(FULL);
    await fixture.whenStable();
    expect(text(root.querySelector('h1'))).toBe('Att göra');
    const groups = Array.from(root.querySelectorAll('[data-testid="attention-group"]'));
    expect(groups.map((g) => g.getAttribute('data-kind'))).toEqual([
      'overdue_action',
      'due_action',
      'case_decision',
      'next_meeting',
      'missing_level',
      'report_review',
    ]);
    expect(groups.map((g) => text(g.querySelector('h2')))).toEqual([
      'Försenade insatser 1',
      'Insatser som ska vara klara inom 7 dagar 1',
      'Ärenden som väntar på dig 25',
      'Nästa möte 1',
      'Områden utan läge vecka 49 1',
      'Rapporter att granska 3',
    ]);
    const links = Array.from(root.querySelectorAll('[data-testid="attention-item"] a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/cases/c1', '/cases/c2', '/cases/c3', '/meetings/m1', '/areas/ar1/picture', '/reports/review']);
    expect(text(links[4])).toBe('Vivalla – Sätt läget');
    expect(text(links[5])).toBe('3 rapporter väntar på granskning av personuppgifter');
    expect(text(groups[0].querySelector('.meta'))).toBe('Klar senast 30 nov. 2026');
    expect(text(groups[2].querySelector('.meta'))).toBe('Förslag – väntar på beslut');
    // More cases than lines: the page says how many it shows.
    expect(text(groups[2].querySelector('.muted'))).toBe('Visar 1 av 25.');
    expect(root.querySelector('[data-testid="attention-empty"]')).toBeNull();
  });

  it('says that all is done when nothing waits', async () => {
    http.expectOne('/api/attention').flush({ week: '2026-W49', items: [], counts: counts() } satisfies AttentionDto);
    await fixture.whenStable();
    expect(root.querySelectorAll('[data-testid="attention-group"]')).toHaveLength(0);
    expect(text(root.querySelector('[data-testid="attention-empty"]'))).toBe('Allt är gjort – inget väntar på dig just nu.');
  });

  it('shows the API’s error instead of an empty state', async () => {
    http.expectOne('/api/attention').flush({ statusCode: 500, code: 'INTERNAL', message: 'Något gick fel' }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(text(root.querySelector('[role="alert"]'))).toBe('Något gick fel');
    expect(root.querySelector('[data-testid="attention-empty"]')).toBeNull();
  });
});

describe('groupAttention', () => {
  it('leaves out kinds without lines', () => {
    expect(groupAttention(FULL).map((g) => g.kind)).not.toContain('minutes_approval');
  });
});
