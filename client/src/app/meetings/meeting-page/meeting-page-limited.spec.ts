import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth';
import { I18n } from '../../core/i18n/i18n';
import { DRAW_GRAPHICS } from '../../reports/picture/graphics';
import { KOMMUN, OBO, POLIS, me } from '../../testing/fixtures';
import { noAnimations, settle } from '../../testing/http';
import { MEETING_EVENT_SOURCE } from '../meeting-stream';
import { MeetingPage } from './meeting-page';
import { Presenter } from '../presenter/presenter';
import { FakeEventSource, meeting } from '../testing/meeting-fixtures';

/**
 * The municipality's administrator opens a meeting of the police and the housing company: the API gives it for
 * administration only (`detailsVisible` false), and the page says so instead of showing an empty agenda and failing
 * live updates.
 */
const limited = meeting({
  title: 'Operativ grupp Vivalla',
  state: 'approved',
  organizations: [POLIS, OBO].map(({ id, name }) => ({ id, name })),
  participants: [{ name: 'Petra Polischef', organizationId: POLIS.id, organizationName: POLIS.name, present: true, userId: null, role: null }],
  agenda: [],
  allowedEvents: [],
  detailsVisible: false,
});

const providers = () => [
  provideRouter([]),
  provideHttpClient(),
  provideHttpClientTesting(),
  noAnimations,
  { provide: DRAW_GRAPHICS, useValue: false },
  { provide: MEETING_EVENT_SOURCE, useValue: (url: string) => new FakeEventSource(url) },
];

describe('MeetingPage for an administrator whose organisation does not take part', () => {
  let fixture: ComponentFixture<MeetingPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(lang: 'sv' | 'en' = 'sv'): Promise<void> {
    localStorage.clear();
    FakeEventSource.last = null;
    TestBed.configureTestingModule({ providers: providers() });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(I18n).use(lang);
    TestBed.inject(AuthService).setUser(me(['admin']));
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', 'meeting-1');
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/meetings/meeting-1').flush(limited);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const q = (selector: string) => root.querySelector<HTMLElement>(selector);

  it('shows the title, time, areas, organisations and participants, says why there is no more, and opens no live updates', async () => {
    await render();
    expect(q('[data-testid="meeting-title"]')!.textContent).toContain('Operativ grupp Vivalla');
    expect(q('[data-testid="meeting-when"]')!.textContent.trim()).not.toBe('');
    expect(root.textContent).toContain('Lokalpolisområde Örebro, ÖBO');
    expect(root.textContent).toContain('Petra Polischef');
    const notice = q('[data-testid="meeting-limited"]')!;
    expect(notice.querySelector('h2')!.textContent).toContain('Din organisation deltar inte i mötet');
    expect(notice.textContent).toContain('bara för de deltagande organisationerna');
    // No agenda, controls, documents or live-update state to be confused by, and no stream that would be refused.
    for (const id of ['agenda', 'meeting-controls', 'documents', 'present']) expect({ id, shown: !!q(`[data-testid="${id}"]`) }).toEqual({ id, shown: false });
    expect(q('[data-testid="live-state"]')!.textContent.trim()).toBe('');
    expect(FakeEventSource.last).toBeNull();
    // Everything stays reachable by keyboard: the page's links only.
    expect(Array.from(root.querySelectorAll('button')).length).toBe(0);
  });

  it('says it in English too', async () => {
    await render('en');
    expect(q('[data-testid="meeting-limited"] h2')!.textContent).toContain('Your organisation does not take part in this meeting');
  });
});

describe('Presenter for an administrator whose organisation does not take part', () => {
  it('shows the meeting’s title and the same notice, without live updates', async () => {
    localStorage.clear();
    FakeEventSource.last = null;
    TestBed.configureTestingModule({ providers: providers() });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['admin']));
    const fixture = TestBed.createComponent(Presenter);
    fixture.componentRef.setInput('id', 'meeting-1');
    await fixture.whenStable();
    http.expectOne('/api/organizations').flush([KOMMUN, POLIS, OBO]);
    http.expectOne('/api/meetings/meeting-1').flush(limited);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    const text = (selector: string) => document.body.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text('[data-testid="present-meeting"]')).toBe('Operativ grupp Vivalla');
    expect(text('[data-testid="present-limited"]')).toBe('Din organisation deltar inte i mötet');
    expect(FakeEventSource.last).toBeNull();
    http.verify();
    fixture.destroy();
  });
});
