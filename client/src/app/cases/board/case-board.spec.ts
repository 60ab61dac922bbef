import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Role } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { OBO, me } from '../../testing/fixtures';
import { apiError, noAnimations } from '../../testing/http';
import { VIVALLA } from '../../testing/report-fixtures';
import { caseSummary } from '../case-fixtures';
import { AREA_STORAGE_KEY, CaseBoard } from './case-board';

describe('CaseBoard', () => {
  let fixture: ComponentFixture<CaseBoard>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const CASES = [
    caseSummary({ id: 'c1', title: 'Klotter vid torget', state: 'reported' }),
    caseSummary({ id: 'c2', title: 'Mopeder på gångvägen', state: 'reported' }),
    caseSummary({ id: 'c3', title: 'Stökigt vid tvättstugan', state: 'analysis' }),
    caseSummary({ id: 'c4', title: 'Trasig belysning i gångtunneln', state: 'execution', actionCount: 3, openActionCount: 2, overdueActionCount: 2 }),
    caseSummary({ id: 'c5', title: 'Nedskräpning vid återvinningen', state: 'closed', actionCount: 1, openActionCount: 0 }),
    caseSummary({ id: 'c6', title: 'Dubblett: klotter', state: 'dismissed' }),
  ];

  async function render(roles: Role[] = ['analyst'], area: string | undefined = VIVALLA.id): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(roles));
    fixture = TestBed.createComponent(CaseBoard);
    fixture.componentRef.setInput('area', area);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/areas/${area ?? VIVALLA.id}`).flush(VIVALLA);
  }

  beforeEach(() => localStorage.clear());

  async function respond(cases = CASES): Promise<void> {
    const list = http.expectOne((r) => r.url === '/api/cases');
    expect(list.request.params.get('areaId')).toBe(VIVALLA.id);
    list.flush(cases);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const columns = () =>
    Array.from(root.querySelectorAll('[data-testid="board-column"]')).map((col) => ({
      state: col.getAttribute('data-state'),
      heading: text(col.querySelector('.column-name')),
      count: text(col.querySelector('[data-testid="column-count"]')),
      titles: Array.from(col.querySelectorAll('[data-testid="case-card"] .case-title')).map((a) => text(a)),
    }));

  it('groups the area’s cases by state, in the order of the cycle, with counts; dismissed ones only on request', async () => {
    await render();
    await respond();

    expect(columns()).toEqual([
      { state: 'reported', heading: 'Inkommet', count: '2', titles: ['Klotter vid torget', 'Mopeder på gångvägen'] },
      { state: 'analysis', heading: 'Analys', count: '1', titles: ['Stökigt vid tvättstugan'] },
      { state: 'proposed', heading: 'Förslag', count: '0', titles: [] },
      { state: 'escalated', heading: 'Lyft till chefssamråd', count: '0', titles: [] },
      { state: 'agreed', heading: 'Beslutat', count: '0', titles: [] },
      { state: 'execution', heading: 'Genomförande', count: '1', titles: ['Trasig belysning i gångtunneln'] },
      { state: 'follow_up', heading: 'Uppföljning', count: '0', titles: [] },
      { state: 'closed', heading: 'Avslutat', count: '1', titles: ['Nedskräpning vid återvinningen'] },
    ]);
    expect(text(root.querySelector('[data-testid="board-summary"]'))).toBe('5 ärenden i Vivalla. 1 avskrivet ärende visas inte.');

    // A card: its link, its action counts and an overdue mark in words (with an icon), not colour alone.
    const card = root.querySelector('[data-case-id="c4"]')!;
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/cases/c4');
    expect(text(card.querySelector('.case-meta'))).toBe('3 insatser · 2 öppna');
    expect(text(card.querySelector('[data-testid="overdue"]'))).toBe('2 försenade insatser');
    expect(card.querySelector('[data-testid="overdue"] sv-icon')).not.toBeNull();
    expect(root.querySelector('[data-case-id="c1"] [data-testid="overdue"]')).toBeNull();

    fixture.componentRef.setInput('dismissed', 'true');
    await fixture.whenStable();
    const last = columns().at(-1)!;
    expect(last).toEqual({ state: 'dismissed', heading: 'Avskrivet', count: '1', titles: ['Dubblett: klotter'] });
  });

  it('filters by organisation with actions and by overdue actions through the API', async () => {
    await render();
    await respond();
    fixture.componentRef.setInput('org', OBO.id);
    fixture.componentRef.setInput('overdue', 'true');
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/cases');
    expect(list.request.params.get('organizationId')).toBe(OBO.id);
    expect(list.request.params.get('overdue')).toBe('true');
    list.flush([CASES[3]]);
    await fixture.whenStable();
    expect(columns().find((c) => c.state === 'execution')?.count).toBe('1');
    expect(columns().filter((c) => c.count !== '0')).toHaveLength(1);
  });

  it('opens on the area chosen last, else on the first of the user’s areas', async () => {
    localStorage.setItem(AREA_STORAGE_KEY, 'area-baronbackarna');
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['reporter']));
    fixture = TestBed.createComponent(CaseBoard);
    await fixture.whenStable();
    http.expectOne('/api/areas/area-baronbackarna').flush({ ...VIVALLA, id: 'area-baronbackarna', name: 'Baronbackarna' });
    expect(http.expectOne((r) => r.url === '/api/cases').request.params.get('areaId')).toBe('area-baronbackarna');
    http.verify();
    TestBed.resetTestingModule();

    localStorage.setItem(AREA_STORAGE_KEY, 'area-elsewhere');
    await render(['reporter'], undefined);
    expect(http.expectOne((r) => r.url === '/api/cases').request.params.get('areaId')).toBe(VIVALLA.id);
    expect(localStorage.getItem(AREA_STORAGE_KEY)).toBe(VIVALLA.id);
  });

  it('offers "Nytt ärende" to analysts and coordinators only', async () => {
    await render(['analyst']);
    await respond([]);
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="new-case"]');
    expect(text(link)).toBe('Nytt ärende');
    expect(link?.getAttribute('href')).toBe(`/cases/new?area=${VIVALLA.id}`);
    http.verify();
    TestBed.resetTestingModule();

    await render(['commander', 'action_owner']);
    await respond([]);
    expect(root.querySelector('[data-testid="new-case"]')).toBeNull();
  });
  it('shows why the cases could not be read, with an empty board', async () => {
    await render();
    http
      .expectOne((r) => r.url === '/api/cases')
      .flush(apiError(403, 'FORBIDDEN', 'Du har inte behörighet till området.'), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(root.querySelector('mat-progress-bar')).toBeNull();
    expect(text(root.querySelector('[data-testid="board-summary"] [role="alert"]'))).toBe('Du har inte behörighet till området.');
    expect(root.querySelectorAll('[data-testid="case-card"]')).toHaveLength(0);
  });

  it('keeps the cards while the next read is under way, and stops reading when the board is left', async () => {
    await render();
    await respond();
    fixture.componentRef.setInput('overdue', 'true');
    await fixture.whenStable();
    const next = http.expectOne((r) => r.url === '/api/cases');
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    expect(root.querySelectorAll('[data-testid="case-card"]')).toHaveLength(5);

    fixture.destroy();
    expect(next.cancelled).toBe(true);
  });
});
