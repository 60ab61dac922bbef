import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { provideRouter } from '@angular/router';
import type { ActionDto } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { OBO, me } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { action } from '../case-fixtures';
import { TODAY } from '../labels/dates';
import { MyActions, groupActions } from './my-actions';

const TODAY_DATE = '2026-11-20';

const ACTIONS: ActionDto[] = [
  action({ id: 'later', what: 'Bygga om entrén', dueDate: '2026-12-05', state: 'assigned', owner: { id: 'user-1', name: 'Anna Samordnare' } }),
  action({ id: 'soon-2', what: 'Ny belysning i gångtunneln', dueDate: '2026-12-04', allowedEvents: ['ASSIGN', 'CANCEL'] }),
  action({
    id: 'late-1',
    what: 'Byta lås i tvättstugan',
    dueDate: '2026-11-19',
    daysOverdue: 1,
    state: 'in_progress',
    allowedEvents: ['COMPLETE', 'BLOCK', 'CANCEL'],
  }),
  action({ id: 'soon-1', what: 'Klottersanering', dueDate: '2026-11-20', state: 'assigned', allowedEvents: ['START'] }),
  action({
    id: 'late-9',
    what: 'Väktarrond fredagar',
    dueDate: '2026-11-11',
    daysOverdue: 9,
    state: 'blocked',
    blockedReason: 'Väktarbolaget saknar personal',
    allowedEvents: ['RESUME'],
  }),
  action({ id: 'done', what: 'Städa grovsoprummet', dueDate: '2026-11-01', state: 'done', report: 'Städat och skyltat.' }),
];

describe('groupActions', () => {
  it('sorts open actions into overdue (most overdue first), due within 14 days and later, and closed ones apart', () => {
    const g = groupActions(ACTIONS, TODAY_DATE);
    expect(g.overdue.map((a) => a.id)).toEqual(['late-9', 'late-1']);
    // Today + 14 days (4 December) still counts as within 14 days.
    expect(g.soon.map((a) => a.id)).toEqual(['soon-1', 'soon-2']);
    expect(g.later.map((a) => a.id)).toEqual(['later']);
    expect(g.closed.map((a) => a.id)).toEqual(['done']);
  });
});

describe('MyActions', () => {
  let fixture: ComponentFixture<MyActions>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: TODAY, useValue: () => TODAY_DATE }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['commander', 'action_owner'], { organization: OBO }));
    fixture = TestBed.createComponent(MyActions);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/actions');
    expect(list.request.params.get('organizationId')).toBe(OBO.id);
    list.flush(ACTIONS);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const group = (id: string) => root.querySelector(`[data-group="${id}"]`)!;
  const fact = (row: Element, label: string) => {
    const dt = Array.from(row.querySelectorAll('dt')).find((d) => text(d) === label);
    return text(dt?.nextElementSibling);
  };
  const whats = (id: string) => Array.from(group(id).querySelectorAll('[data-testid="my-action"] .what')).map((e) => text(e));

  it('groups the organisation’s actions: overdue with days late, within 14 days, later, and closed folded away', async () => {
    expect(text(root.querySelector('h1'))).toBe('Mina insatser');
    expect(text(root.querySelector('.intro'))).toBe('Insatser som ÖBO ansvarar för.');
    expect(text(group('overdue').querySelector('h2'))).toBe('Försenade 2');
    expect(whats('overdue')).toEqual(['Väktarrond fredagar', 'Byta lås i tvättstugan']);
    const late = group('overdue').querySelectorAll('[data-testid="my-action"]');
    expect(text(late[0].querySelector('[data-testid="overdue"]'))).toBe('9 dagar sen');
    expect(text(late[1].querySelector('[data-testid="overdue"]'))).toBe('1 dag sen');
    expect(text(late[0].querySelector('[data-testid="action-state"]'))).toBe('Hindrad');
    expect(fact(late[0], 'Hinder')).toBe('Väktarbolaget saknar personal');
    expect(text(group('soon').querySelector('h2'))).toBe('Inom 14 dagar 2');
    expect(whats('soon')).toEqual(['Klottersanering', 'Ny belysning i gångtunneln']);
    expect(whats('later')).toEqual(['Bygga om entrén']);
    expect(group('later').querySelector('[data-testid="overdue"]')).toBeNull();

    // The row: case link, goal, due date, owner, state.
    const row = group('later').querySelector('[data-testid="my-action"]')!;
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/cases/case-1');
    expect(text(row.querySelector('a'))).toBe('Stökigt vid tvättstugan kvällstid');
    expect(text(row.querySelector('[data-testid="due"]'))).toBe('5 dec. 2026');
    expect(text(row.querySelector('[data-testid="owner"]'))).toBe('Anna Samordnare');
    expect(text(row.querySelector('[data-testid="action-state"]'))).toBe('Tilldelad');

    // Closed actions are behind a disclosure button.
    const toggle = root.querySelector<HTMLButtonElement>('[data-testid="toggle-closed"]')!;
    expect(text(toggle)).toBe('Avslutade 1');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(whats('closed')).toEqual([]);
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(whats('closed')).toEqual(['Städa grovsoprummet']);
  });

  it('shows only the buttons of each action’s allowedEvents', () => {
    const buttons = (id: string) =>
      Array.from(root.querySelector(`[data-action-id="${id}"]`)!.querySelectorAll('sv-action-controls button')).map((b) => text(b));
    expect(buttons('late-1')).toEqual(['Klarmarkera', 'Hindrad', 'Avbryt insatsen']);
    expect(buttons('late-9')).toEqual(['Återuppta']);
    expect(buttons('soon-1')).toEqual(['Starta']);
    expect(buttons('soon-2')).toEqual(['Tilldela', 'Avbryt insatsen']);
    expect(buttons('later')).toEqual([]);
  });

  it('assigns an action to a colleague of the organisation and marks one done with what was done', async () => {
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    root.querySelector<HTMLButtonElement>('[data-action-id="soon-2"] [data-testid="action-ASSIGN"]')!.click();
    http
      .expectOne((r) => r.method === 'GET' && /^\/api\/organizations\/[^/]+\/users$/.test(r.url))
      .flush([
        { id: 'user-1', name: 'Anna Samordnare' },
        { id: 'user-7', name: 'Kalle Kvartersvärd' },
      ]);
    let dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Tilldela: Ny belysning i gångtunneln');
    const owner = await dialog.getHarness(MatRadioGroupHarness);
    expect(await owner.getCheckedValue()).toBe('user-1');
    const choices = await owner.getRadioButtons();
    expect(await Promise.all(choices.map((c) => c.getLabelText()))).toEqual(['Mig själv (Anna Samordnare)', 'Kalle Kvartersvärd']);
    await choices[1].check();
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    const assign = http.expectOne({ method: 'POST', url: '/api/actions/soon-2/events' });
    expect(assign.request.body).toEqual({ type: 'ASSIGN', version: 1, ownerId: 'user-7' });
    assign.flush({
      ...ACTIONS[1],
      state: 'assigned',
      version: 2,
      owner: { id: 'user-7', name: 'Kalle Kvartersvärd' },
      allowedEvents: ['ASSIGN', 'START', 'CANCEL'],
    });
    await settle();
    await fixture.whenStable();
    const assigned = root.querySelector('[data-action-id="soon-2"]')!;
    expect(text(assigned.querySelector('[data-testid="owner"]'))).toBe('Kalle Kvartersvärd');
    expect(text(assigned.querySelector('[data-testid="action-state"]'))).toBe('Tilldelad');

    root.querySelector<HTMLButtonElement>('[data-action-id="late-1"] [data-testid="action-COMPLETE"]')!.click();
    dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Klarmarkera: Byta lås i tvättstugan');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="report"]' }))).setValue('Nya lås monterade.');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    const complete = http.expectOne({ method: 'POST', url: '/api/actions/late-1/events' });
    expect(complete.request.body).toEqual({ type: 'COMPLETE', version: 1, report: 'Nya lås monterade.' });
    complete.flush({ ...ACTIONS[2], state: 'done', version: 2, daysOverdue: 0, report: 'Nya lås monterade.', allowedEvents: [] });
    await settle();
    await fixture.whenStable();
    expect(whats('overdue')).toEqual(['Väktarrond fredagar']);
    // The closed group opens to show where the action went.
    expect(text(root.querySelector('[data-testid="toggle-closed"]'))).toBe('Avslutade 2');
    expect(root.querySelector('[data-testid="toggle-closed"]')?.getAttribute('aria-expanded')).toBe('true');
    expect(whats('closed')).toEqual(['Byta lås i tvättstugan', 'Städa grovsoprummet']);
  });

  it('offers a reload when someone else changed the action first', async () => {
    root.querySelector<HTMLButtonElement>('[data-action-id="soon-1"] [data-testid="action-START"]')!.click();
    // "Starta" asks for an optional note.
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="note"]' }))).setValue('Bokat till tisdag');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    const start = http.expectOne({ method: 'POST', url: '/api/actions/soon-1/events' });
    expect(start.request.body).toEqual({ type: 'START', version: 1, note: 'Bokat till tisdag' });
    start.flush(apiError(409, 'ACTION.STALE_VERSION', 'Someone else changed this in the meantime; reload and try again', 'version'), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="stale"]'))).toContain('Någon annan har ändrat det här');
    root.querySelector<HTMLButtonElement>('[data-testid="reload"]')!.click();
    http.expectOne((r) => r.url === '/api/actions').flush(ACTIONS);
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="stale"]')).toBeNull();
  });
});
