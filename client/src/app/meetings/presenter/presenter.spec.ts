import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth';
import { DRAW_GRAPHICS } from '../../reports/picture/graphics';
import { KOMMUN, OBO, POLIS, me } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { MEETING_EVENT_SOURCE } from '../meeting-stream';
import { Presenter } from './presenter';
import { CASE_ITEM, FakeEventSource, OTHER_ITEM, ROUND_ITEM, caseDto, meeting } from '../testing/meeting-fixtures';

describe('Presenter (projector view)', () => {
  let fixture: ComponentFixture<Presenter>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    FakeEventSource.last = null;
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
    TestBed.inject(AuthService).setUser(me(['commander'], { organization: POLIS }));
    fixture = TestBed.createComponent(Presenter);
    fixture.componentRef.setInput('id', 'meeting-1');
    root = document.body;
    await fixture.whenStable();
    http.expectOne('/api/organizations').flush([KOMMUN, POLIS, OBO]);
    http.expectOne('/api/meetings/meeting-1').flush(meeting({ state: 'in_session', version: 5, currentItemId: OTHER_ITEM.id, allowedEvents: [] }));
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  it('follows the current item announced over server-sent events', async () => {
    expect(FakeEventSource.last?.url).toBe('/api/meetings/meeting-1/stream');
    expect(text('[data-testid="present-meeting"]')).toBe('Chefssamråd Vivalla');
    expect(text('[data-testid="present-title"]')).toBe('Övriga frågor');
    expect(text('.present-position')).toContain('Punkt 4 av 4');
    // The clock is not read out every minute.
    expect(root.querySelector('[data-testid="clock"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(text('[data-testid="clock"]')).toMatch(/^\d{2}:\d{2}$/);
    // Nothing to edit here.
    expect(root.querySelector('[data-testid="presenter"]')!.querySelectorAll('input, textarea, select')).toHaveLength(0);

    // The connection's first message has the version shown: nothing to read.
    FakeEventSource.last!.emit({ meetingId: 'meeting-1', version: 5, change: 'CONNECTED', currentItemId: OTHER_ITEM.id });
    await fixture.whenStable();
    http.expectNone('/api/meetings/meeting-1');

    // The secretary goes to the case: the presenter reads the meeting and the case, and shows them.
    FakeEventSource.last!.emit({ meetingId: 'meeting-1', version: 6, change: 'SET_CURRENT', currentItemId: CASE_ITEM.id });
    await fixture.whenStable();
    http.expectOne('/api/meetings/meeting-1').flush(meeting({ state: 'in_session', version: 6, currentItemId: CASE_ITEM.id, allowedEvents: [] }));
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    http.expectOne('/api/cases/case-1').flush(caseDto());
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();

    expect(text('[data-testid="present-title"]')).toBe('Klotter i tvättstugan');
    expect(text('.present-position')).toContain('Punkt 2 av 4');
    expect(text('[data-testid="present-case"]')).toContain('Tvättstugan är olåst efter 21 och saknar belysning vid entrén.');
    expect(text('[data-testid="present-case"]')).toContain('Föreslagna åtgärder');
    expect(text('[data-testid="present-case"]')).toContain('Byta lås till passersystem');
    expect(text('[data-testid="present-case"]')).toContain('ÖBO');
    expect(text('[data-testid="present-next"]')).toBe(`Nästa: ${ROUND_ITEM.title}`);

    fixture.destroy();
    expect(FakeEventSource.last!.closed).toBe(true);
    expect(document.querySelector('[data-testid="presenter"]')).toBeNull();
  });
});
