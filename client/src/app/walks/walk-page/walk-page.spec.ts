import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { WalkDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { I18n } from '../../core/i18n/i18n';
import { DRAW_GRAPHICS } from '../../reports/picture/graphics';
import { KOMMUN, OBO, me } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { WalkPage } from './walk-page';

function walk(overrides: Partial<WalkDto>): WalkDto {
  return {
    id: 'walk-1',
    areaId: 'area-1',
    areaName: 'Norrby',
    title: 'Trygghetsvandring Norrby',
    startsAt: '2026-12-03T17:30:00.000Z',
    state: 'planned',
    version: 1,
    restricted: false,
    detailsVisible: true,
    findingCount: 0,
    organization: { id: KOMMUN.id, name: KOMMUN.name },
    meetingPoint: 'Norrby torg',
    route: null,
    invitedOrganizations: [{ id: OBO.id, name: OBO.name }],
    participantCounts: { residents: 12 },
    checklistTemplateId: 'tpl-1',
    checklist: [{ key: 'lighting', labelSv: 'Belysning', labelEn: 'Lighting' }],
    stops: [],
    findings: [],
    caseId: null,
    cancelReason: null,
    followUpNote: null,
    allowedEvents: [],
    canRecord: false,
    canSettle: false,
    ...overrides,
  };
}

/** The walk page shows a control only when the API says it may be used (`allowedEvents`, `canRecord`, `canSettle`). */
describe('WalkPage', () => {
  let fixture: ComponentFixture<WalkPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(dto: WalkDto): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: DRAW_GRAPHICS, useValue: false }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).use('sv');
    TestBed.inject(AuthService).setUser(me(['coordinator']));
    fixture = TestBed.createComponent(WalkPage);
    fixture.componentRef.setInput('id', dto.id);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/walks/walk-1').flush(dto);
    http.expectOne('/api/categories').flush([]);
    await settle();
    http
      .match('/api/areas/area-1')
      .forEach((r) => r.flush({ id: 'area-1', name: 'Norrby', description: null, placeCount: 0, partners: [KOMMUN, OBO], places: [] }));
    await fixture.whenStable();
  }

  const testIds = (prefix: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid^="${prefix}"]`)].map((e) => e.dataset['testid']);

  it('a planned walk the organiser may start: start, cancel and change the plan; nothing to record yet', async () => {
    await render(walk({ allowedEvents: ['START', 'CANCEL'] }));
    expect(testIds('walk-event-')).toEqual(['walk-event-START', 'walk-event-CANCEL']);
    expect(root.querySelector('[data-testid="walk-edit"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="finding-form"]')).toBeNull();
    expect(root.querySelector('[data-testid="walk-settle"]')).toBeNull();
    expect(root.textContent).toContain('Boende: 12');
  });

  it('a walk in progress for a participant: the finding form and the checklist, but no events and no plan changes', async () => {
    await render(walk({ state: 'in_progress', allowedEvents: [], canRecord: true }));
    expect(testIds('walk-event-')).toEqual([]);
    expect(root.querySelector('[data-testid="walk-edit"]')).toBeNull();
    expect(root.querySelector('[data-testid="finding-form"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="stop-form"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="outbox-count"]')?.textContent).toContain('Alla fynd är skickade.');
  });

  it('a restricted walk seen from outside: the summary only', async () => {
    await render(walk({ state: 'recorded', restricted: true, detailsVisible: false, meetingPoint: null, invitedOrganizations: [], participantCounts: {} }));
    expect(root.querySelector('[data-testid="walk-details-hidden"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="walk-invitation-pdf"]')).toBeNull();
    expect(root.querySelector('[data-testid="walk-report-pdf"]')).toBeNull();
    expect(root.querySelector('[data-testid="walk-findings"]')).toBeNull();
  });
});
