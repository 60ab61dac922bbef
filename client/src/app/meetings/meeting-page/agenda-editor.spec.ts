import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiError, noAnimations, settle } from '../../testing/http';
import { AgendaEditor } from './agenda-editor';
import { MEETING_EVENT_SOURCE } from '../meeting-stream';
import { MeetingStore } from '../meeting-store';
import { CASE_ITEM, OTHER_ITEM, PICTURE_ITEM, meeting } from '../testing/meeting-fixtures';

describe('AgendaEditor', () => {
  let fixture: ComponentFixture<AgendaEditor>;
  let http: HttpTestingController;
  let store: MeetingStore;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        noAnimations,
        MeetingStore,
        { provide: MEETING_EVENT_SOURCE, useValue: () => null },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MeetingStore);
    store.load('meeting-1');
    http.expectOne('/api/meetings/meeting-1').flush(meeting());
    fixture = TestBed.createComponent(AgendaEditor);
    fixture.componentRef.setInput('meeting', store.meeting());
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const titles = () => Array.from(root.querySelectorAll('[data-testid="agenda-title"]')).map((e) => e.textContent?.trim());
  const row = (id: string) => root.querySelector<HTMLElement>(`li[data-key="${id}"]`)!;
  const click = async (el: Element | null) => {
    (el as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  const type = async (selector: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };

  it('reorders with the up and down buttons (announced, focus kept) and PUTs the items with the version read', async () => {
    expect(titles()).toEqual(['Lägesbild: Vivalla', 'Klotter i tvättstugan', 'Laget runt', 'Övriga frågor']);
    expect(row(PICTURE_ITEM.id).querySelector<HTMLButtonElement>('[data-testid="move-up"]')!.disabled).toBe(true);
    expect(row(PICTURE_ITEM.id).querySelector('[data-testid="move-down"]')!.getAttribute('aria-label')).toBe('Flytta ned: Lägesbild: Vivalla');

    // The case first, the picture second: the focus stays on the moved item's button.
    await click(row(PICTURE_ITEM.id).querySelector('[data-testid="move-down"]'));
    expect(titles()).toEqual(['Klotter i tvättstugan', 'Lägesbild: Vivalla', 'Laget runt', 'Övriga frågor']);
    expect(root.querySelector('[data-testid="agenda-announcement"]')?.textContent).toBe('Lägesbild: Vivalla är nu punkt 2 av 4.');
    expect(document.activeElement).toBe(row(PICTURE_ITEM.id).querySelector('[data-testid="move-down"]'));
    expect(root.querySelector('[data-testid="agenda-unsaved"]')).not.toBeNull();

    // "Övriga frågor" before the round; the round is removed; a new item is added at the end.
    await click(row(OTHER_ITEM.id).querySelector('[data-testid="move-up"]'));
    await click(row('item-round').querySelector('[data-testid="remove-item"]'));
    await type('[data-testid="add-title"]', 'Trygghetsvandring i december');
    await click(root.querySelector('[data-testid="add-item"]'));
    expect(titles()).toEqual(['Klotter i tvättstugan', 'Lägesbild: Vivalla', 'Övriga frågor', 'Trygghetsvandring i december']);

    await click(root.querySelector('[data-testid="save-agenda"]'));
    const put = http.expectOne({ method: 'PATCH', url: '/api/meetings/meeting-1/agenda' });
    expect(put.request.body).toEqual({
      version: 3,
      items: [
        { id: CASE_ITEM.id, kind: 'decision', title: 'Klotter i tvättstugan', caseId: 'case-1', areaId: 'area-vivalla' },
        { id: PICTURE_ITEM.id, kind: 'picture', title: 'Lägesbild: Vivalla', areaId: 'area-vivalla' },
        { id: OTHER_ITEM.id, kind: 'other', title: 'Övriga frågor' },
        { kind: 'other', title: 'Trygghetsvandring i december' },
      ],
    });
    const saved = meeting({
      version: 4,
      agenda: [CASE_ITEM, PICTURE_ITEM, OTHER_ITEM, { ...OTHER_ITEM, id: 'item-new', title: 'Trygghetsvandring i december' }],
    });
    put.flush(saved);
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    expect(store.meeting()?.version).toBe(4);
    fixture.componentRef.setInput('meeting', store.meeting());
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="agenda-unsaved"]')).toBeNull();
    expect(titles()).toEqual(['Klotter i tvättstugan', 'Lägesbild: Vivalla', 'Övriga frågor', 'Trygghetsvandring i december']);
  });

  it('reloads and says so when someone else changed the meeting (stale version)', async () => {
    await click(row(CASE_ITEM.id).querySelector('[data-testid="move-up"]'));
    await click(root.querySelector('[data-testid="save-agenda"]'));
    http
      .expectOne({ method: 'PATCH', url: '/api/meetings/meeting-1/agenda' })
      .flush(apiError(409, 'MEETING.STALE_VERSION', 'The meeting changed in the meantime; reload and try again', 'version'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    http.expectOne('/api/meetings/meeting-1').flush(meeting({ version: 5 }));
    await fixture.whenStable();
    await settle();
    await fixture.whenStable();
    expect(store.meeting()?.version).toBe(5);
    expect(store.notice()).toContain('Mötet har ändrats av någon annan');
    expect(root.querySelector('.form-alert')?.textContent).toContain('Mötet har ändrats av någon annan');
    // The draft is the saved agenda again.
    expect(titles()).toEqual(['Lägesbild: Vivalla', 'Klotter i tvättstugan', 'Laget runt', 'Övriga frågor']);
  });
});
