import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { MeetingDto, Role } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { DRAW_GRAPHICS } from '../../reports/picture/graphics';
import { OBO, POLIS, me } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { VIVALLA } from '../../testing/report-fixtures';
import { MEETING_EVENT_SOURCE } from '../meeting-stream';
import { MeetingPage } from './meeting-page';
import { CASE_ITEM, FakeEventSource, caseDto, meeting } from '../testing/meeting-fixtures';

describe('MeetingPage (secretary view)', () => {
  let fixture: ComponentFixture<MeetingPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  const inSession = (overrides: Partial<MeetingDto> = {}) =>
    meeting({ state: 'in_session', currentItemId: CASE_ITEM.id, allowedEvents: ['SET_CURRENT', 'RECORD', 'END'], ...overrides });

  async function render(roles: Role[], dto: MeetingDto): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        noAnimations,
        { provide: DRAW_GRAPHICS, useValue: false },
        { provide: MEETING_EVENT_SOURCE, useValue: (url: string) => new FakeEventSource(url) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(roles, roles.includes('commander') ? { organization: POLIS } : {}));
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', 'meeting-1');
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/meetings/meeting-1').flush(dto);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    // The current item is a case: its analysis and proposed actions, and the area's partners for the editor.
    http.expectOne('/api/cases/case-1').flush(caseDto());
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    http.expectOne('/api/areas/area-vivalla').flush(VIVALLA);
    // The people of the proposed actions' organisations, to name an owner.
    for (const r of http.match((req) => /^\/api\/organizations\/[^/]+\/users$/.test(req.url))) r.flush(MEMBERS);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
  }

  const MEMBERS = [
    { id: 'user-olle', name: 'Olle Områdesvärd' },
    { id: 'user-stina', name: 'Stina Säkerhetschef' },
  ];

  afterEach(() => http.verify());

  const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const buttons = () => Array.from(root.querySelectorAll('[data-testid="decision-buttons"] button')).map((b) => b.textContent?.trim());
  const type = async (selector: string, value: string) => {
    const input = q<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  it('records "Besluta åtgärderna" with the adjusted actions, the note and the version read', async () => {
    await render(['coordinator'], inSession());
    expect(FakeEventSource.last?.url).toBe('/api/meetings/meeting-1/stream');

    const current = q('[aria-current="step"]')!;
    expect(current.textContent).toContain('Klotter i tvättstugan');
    expect(current.textContent).toContain('Aktuell punkt');
    expect(q('[data-testid="case-analysis"]')?.textContent).toContain('Tvättstugan är olåst efter 21');
    expect(q('[data-testid="next-item"]')).not.toBeNull();
    expect(q('[data-testid="end-meeting"]')).not.toBeNull();
    expect(q('[data-testid="start-meeting"]')).toBeNull();
    // A chefssamråd does not lift a case to itself.
    expect(buttons()).toEqual(['Besluta åtgärderna', 'Åter till analys', 'Anteckna']);

    // Sending back needs a reason: nothing is sent without one.
    q<HTMLButtonElement>('[data-testid="decide-send_back"]')!.click();
    await fixture.whenStable();
    expect(q('[data-testid="decision-form"]')?.textContent).toContain('Skriv en motivering (minst 3 tecken).');
    http.expectNone((r) => r.url.endsWith('/decisions'));

    // The owner is chosen among the responsible organisation's people (or left to the organisation).
    const owner = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="action-owner"]' }));
    await owner.open();
    expect((await owner.getOptions()).length).toBe(3);
    await owner.clickOptions({ text: 'Olle Områdesvärd' });
    await type('[data-testid="action-due"]', '2026-12-01');
    await type('[data-testid="action-goal"]', 'Inga nya skador på sex veckor');
    await type('[data-testid="decision-note"]', 'Beslutat med tidigare slutdatum.');
    q<HTMLButtonElement>('[data-testid="decide-agree"]')!.click();
    await fixture.whenStable();

    const post = http.expectOne({ method: 'POST', url: '/api/meetings/meeting-1/decisions' });
    expect(post.request.body).toEqual({
      itemId: 'item-case',
      version: 3,
      kind: 'agree',
      note: 'Beslutat med tidigare slutdatum.',
      actions: [
        {
          cause: 'Olåst dörr efter 21',
          what: 'Byta lås till passersystem',
          goal: 'Inga nya skador på sex veckor',
          organizationId: OBO.id,
          ownerId: 'user-olle',
          startDate: null,
          dueDate: '2026-12-01',
          kind: 'one_off',
          term: 'short',
        },
      ],
    });
    const decided = inSession({
      version: 4,
      agenda: inSession().agenda.map((i) =>
        i.id === CASE_ITEM.id
          ? {
              ...i,
              decision: {
                kind: 'agree' as const,
                note: 'Beslutat med tidigare slutdatum.',
                caseState: 'agreed',
                by: 'Anna Samordnare',
                at: '2026-11-24T08:20:00.000Z',
              },
            }
          : i,
      ),
    });
    post.flush(decided);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    // The case is read again after the decision: it is agreed, the editor gives way to the agreed actions.
    http.expectOne('/api/cases/case-1').flush(caseDto({ state: 'agreed', allowedEvents: [] }));
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();

    const record = q('[data-testid="item-decision"]')!;
    expect(record.textContent).toContain('Beslut: Åtgärderna beslutades');
    expect(record.textContent).toContain('Beslutat med tidigare slutdatum.');
    expect(record.textContent).toContain('ärendet: Beslutat');
    expect(buttons()).toEqual(['Anteckna']);
    expect(q('[data-testid="action-editor"]')).toBeNull();
    // The pressed button is gone: the focus is on the item's heading, just above the recorded decision.
    expect(document.activeElement?.id).toBe('item-item-case');
  });

  it('puts a case-workflow error on the due date it names', async () => {
    await render(['coordinator'], inSession());
    await type('[data-testid="action-due"]', '2026-12-01');
    q<HTMLButtonElement>('[data-testid="decide-agree"]')!.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: '/api/meetings/meeting-1/decisions' })
      .flush(apiError(422, 'VALIDATION_FAILED', 'a due date (YYYY-MM-DD) is needed', 'actions[0].dueDate'), {
        status: 422,
        statusText: 'Unprocessable Entity',
      });
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    expect(q('[data-testid="action-editor"] mat-error')?.textContent).toContain('Ange ett giltigt datum för när åtgärden ska vara klar.');
  });

  it('shows no decision buttons when recording is not allowed (a chief following the meeting)', async () => {
    await render(['commander'], inSession({ allowedEvents: [] }));
    expect(q('[aria-current="step"]')?.textContent).toContain('Klotter i tvättstugan');
    expect(q('[data-testid="case-analysis"]')?.textContent).toContain('Tvättstugan är olåst efter 21');
    expect(q('[data-testid="action-list"]')?.textContent).toContain('Byta lås till passersystem');
    expect(q('[data-testid="decision-buttons"]')).toBeNull();
    expect(q('[data-testid="decision-form"]')).toBeNull();
    expect(q('[data-testid="next-item"]')).toBeNull();
    expect(q('[data-testid="end-meeting"]')).toBeNull();
    expect(q('[data-testid="attendance-form"]')).toBeNull();

    // A decision recorded by the secretary appears through the live updates.
    FakeEventSource.last!.emit({ meetingId: 'meeting-1', version: 4, change: 'RECORD', currentItemId: CASE_ITEM.id });
    await fixture.whenStable();
    http.expectOne('/api/meetings/meeting-1').flush(
      inSession({
        version: 4,
        allowedEvents: [],
        agenda: inSession().agenda.map((i) =>
          i.id === CASE_ITEM.id
            ? {
                ...i,
                decision: {
                  kind: 'agree' as const,
                  note: 'De föreslagna åtgärderna beslutades',
                  caseState: 'agreed',
                  by: 'Sara Samordnare',
                  at: '2026-11-24T08:20:00.000Z',
                },
              }
            : i,
        ),
      }),
    );
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    http.expectOne('/api/cases/case-1').flush(caseDto({ state: 'agreed', allowedEvents: [] }));
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    expect(q('[data-testid="item-decision"]')?.textContent).toContain('Åtgärderna beslutades');
    expect(q('[data-testid="decision-text"]')).toBeNull();
  });
});
