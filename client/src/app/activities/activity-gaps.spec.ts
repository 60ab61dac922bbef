import { TestBed } from '@angular/core/testing';
import type { ActivityGapsDto, IsoWeekday } from '@samverka/contracts';
import { ActivityGaps } from './activity-gaps';

function gaps(): ActivityGapsDto {
  const cells = Array.from({ length: 168 }, (_, i) => ({ weekday: (Math.floor(i / 24) + 1) as IsoWeekday, hour: i % 24, reports: 0, activities: 0 }));
  cells[4 * 24 + 23] = { weekday: 5, hour: 23, reports: 3, activities: 1 };
  cells[1 * 24 + 10] = { weekday: 2, hour: 10, reports: 2, activities: 0 };
  return {
    areaId: 'area-1',
    weeks: 12,
    from: '2026-09-09T00:00:00Z',
    to: '2026-12-02T00:00:00Z',
    cells,
    gaps: [{ weekday: 2, hour: 10, reports: 2, activities: 0 }],
    places: [
      { id: 'p1', name: 'Torget', reports: 3, activities: 2 },
      { id: 'p2', name: 'Tunneln', reports: 2, activities: 0 },
    ],
  };
}

describe('ActivityGaps', () => {
  it('shows reports by weekday and hour, marks hours with reports and nobody there, and names the largest gaps', async () => {
    localStorage.clear();
    const fixture = TestBed.createComponent(ActivityGaps);
    fixture.componentRef.setInput('gaps', gaps());
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const covered = root.querySelector('[data-testid="cell-5-23"]')!;
    const gap = root.querySelector('[data-testid="cell-2-10"]')!;
    expect(covered.textContent?.trim()).toBe('3');
    expect(covered.classList.contains('gap')).toBe(false);
    expect(gap.classList.contains('gap')).toBe(true);
    expect(gap.getAttribute('aria-label')).toBe('2 rapporter, 0 verksamheter');
    expect(root.querySelectorAll('table[data-testid="gap-grid"] tbody tr')).toHaveLength(7);
    expect(root.querySelector('table[data-testid="gap-grid"] tbody th')?.textContent?.trim()).toBe('Måndag');
    expect(root.querySelector('[data-testid="gap-list"] li')?.textContent?.trim()).toBe('Tisdag kl. 10:00: 2 rapporter, ingen på plats');
    const placeRows = Array.from(root.querySelectorAll('[data-testid="gap-places"] tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td'))
        .map((td) => td.textContent?.trim())
        .join(' '),
    );
    expect(placeRows).toEqual(['Torget 3 2', 'Tunneln 2 0']);
  });
});
