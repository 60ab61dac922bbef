import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AreaLevelDto, AreaSummaryDto } from '@samverka/contracts';
import { AuthService } from '../core/auth/auth';
import { KOMMUN, POLIS, me } from '../testing/fixtures';
import { noAnimations } from '../testing/http';
import { currentWeek, shiftWeek, weekNumber } from '../reports/weeks';
import { Overview } from './overview';

const area = (id: string, name: string): AreaSummaryDto => ({ id, name, description: null, placeCount: 3, partners: [KOMMUN, POLIS] });
const level = (areaId: string, week: string, value: AreaLevelDto['level']): AreaLevelDto => ({
  areaId,
  week,
  level: value,
  rationale: 'Motivering',
  setBy: { id: 'u', name: 'Anders Analytiker' },
  setAt: '2026-11-20T10:00:00.000Z',
});

describe('Overview', () => {
  let fixture: ComponentFixture<Overview>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['reporter']));
    fixture = TestBed.createComponent(Overview);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it("shows each area's level this week, the eight weeks before and a link to the picture", async () => {
    const week = currentWeek();
    http.expectOne('/api/areas').flush([area('a1', 'Vivalla'), area('a2', 'Baronbackarna')]);
    await fixture.whenStable();
    // While the levels load, their block keeps its place on each card, invisible and hidden from screen readers.
    const blocks = () => Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="area-levels"]'));
    expect(blocks().map((b) => [b.classList.contains('pending'), b.getAttribute('aria-hidden'), b.querySelectorAll('.recent li').length])).toEqual([
      [true, 'true', 8],
      [true, 'true', 8],
    ]);
    http
      .expectOne('/api/areas/a1/levels')
      .flush([level('a1', week, 'red'), level('a1', shiftWeek(week, -1), 'yellow'), level('a1', shiftWeek(week, -8), 'green')]);
    http.expectOne('/api/areas/a2/levels').flush([]);
    await fixture.whenStable();

    expect(blocks().map((b) => [b.classList.contains('pending'), b.getAttribute('aria-hidden')])).toEqual([
      [false, null],
      [false, null],
    ]);
    const cards = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="area-cards"] > li'));
    const now = (card: Element) => card.querySelector('[data-testid="level-now"]')?.textContent?.trim();
    expect(now(cards[0])).toBe('■Röd');
    expect(now(cards[1])).toBe('Ingen bedömning ännu');
    expect(cards[0].textContent).toContain(`Bedömning vecka ${weekNumber(week)}:`);

    const recent = Array.from(cards[0].querySelectorAll('.recent li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(recent).toHaveLength(8);
    expect(recent[0]).toBe(`v. ${weekNumber(shiftWeek(week, -8))}: ●Grön`);
    expect(recent[7]).toBe(`v. ${weekNumber(shiftWeek(week, -1))}: ▲Gul`);
    expect(recent[3]).toBe(`v. ${weekNumber(shiftWeek(week, -5))}: Ej bedömd`);

    expect(cards[1].querySelector('[data-testid="open-picture"]')?.getAttribute('href')).toBe('/areas/a2/picture');
  });
});
