import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { CaseDto, Role } from '@samverka/contracts';
import { AuthService } from '../../core/auth/auth';
import { OBO, POLIS, me } from '../../testing/fixtures';
import { apiError, noAnimations, settle } from '../../testing/http';
import { CATEGORIES, VIVALLA, report } from '../../testing/report-fixtures';
import { action, caseDto, caseSummary, effectFigures, historyEntry, planned } from '../case-fixtures';
import { By } from '@angular/platform-browser';
import { DRAW_GRAPHICS } from '../../reports/picture/graphics';
import { PointsMap } from '../../reports/picture/points-map';
import { CasePage } from './case-page';

describe('CasePage', () => {
  let fixture: ComponentFixture<CasePage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(dto: CaseDto, roles: Role[] = ['analyst']): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: DRAW_GRAPHICS, useValue: false }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(roles));
    fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('id', dto.id);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
    await respond(dto);
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    await fixture.whenStable();
  }

  /** Answers the page's load of the case and its history. */
  async function respond(dto: CaseDto, history = [historyEntry()]): Promise<void> {
    http.expectOne({ method: 'GET', url: `/api/cases/${dto.id}` }).flush(dto);
    http.expectOne({ method: 'GET', url: `/api/cases/${dto.id}/history` }).flush(history);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const eventButtons = () => Array.from(root.querySelectorAll('[data-testid^="event-"]')).map((b) => b.getAttribute('data-testid'));
  const click = (testId: string) => root.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click();

  it('explains who decides a proposal and where, by the installation’s rule', async () => {
    await render(
      caseDto({
        state: 'proposed',
        proposedActions: [planned({ organizationId: OBO.id }), planned({ organizationId: POLIS.id })],
        decisionRule: 'meeting',
        allowedEvents: ['SEND_BACK', 'ESCALATE'],
      }),
      ['coordinator'],
    );
    expect(eventButtons()).not.toContain('event-AGREE');
    expect(text(root.querySelector('[data-testid="decision-rule"]'))).toContain('bara vid ett chefssamråd');
  });

  it('under the commanders rule, says which responsible organisations have agreed and which are awaited', async () => {
    await render(
      caseDto({
        state: 'proposed',
        proposedActions: [planned({ organizationId: OBO.id }), planned({ organizationId: POLIS.id })],
        decisionRule: 'commanders',
        agreedByOrganizationIds: [POLIS.id],
        allowedEvents: [],
      }),
      ['commander'],
    );
    const hint = text(root.querySelector('[data-testid="decision-rule"]'));
    expect(hint).toContain(`Har godkänt: ${POLIS.name}`);
    expect(hint).toContain(`Väntar på: ${OBO.name}`);
  });

  it('refuses a due date that has passed in the proposal form, without sending', async () => {
    await render(
      caseDto({
        state: 'analysis',
        analysis: 'Samlingarna sker fredag och lördag kväll när tvättstugan står olåst.',
        allowedEvents: ['SAVE_ANALYSIS', 'PROPOSE', 'DISMISS'],
      }),
    );
    const c = fixture.componentInstance as unknown as {
      form: { controls: { actions: { at(i: number): { patchValue(v: object): void; controls: { dueDate: { errors: unknown } } } } } };
    };
    c.form.controls.actions
      .at(0)
      .patchValue({ cause: 'Olåst', what: 'Byt lås', goal: 'Låst dörr', organizationId: OBO.id, dueDate: '2020-01-01', followUp: 'Trygghetsvandring' });
    click('event-PROPOSE');
    await fixture.whenStable();
    expect(c.form.controls.actions.at(0).controls.dueDate.errors).toEqual({ message: 'cases.error.dueDatePast' });
    http.expectNone({ method: 'POST' });
  });

  it('maps the case’s reports at their places, leaving out another organisation’s restricted report', async () => {
    await render(
      caseDto({
        reports: [
          report({ id: 'r1', placeId: 'place-tvatt', placeName: 'Tvättstugan Vivallagatan 6' }),
          report({ id: 'r2', placeId: null, placeName: null, latitude: 59.3, longitude: 15.21 }),
          report({
            id: 'r3',
            restricted: true,
            detailsVisible: false,
            description: null,
            placeId: null,
            placeName: null,
            organization: { id: POLIS.id, name: POLIS.name },
          }),
        ],
      }),
    );
    const map = fixture.debugElement.query(By.directive(PointsMap)).componentInstance as PointsMap;
    expect(map.points().map((p) => [p.id, p.latitude, p.longitude])).toEqual([
      ['r1', 59.2954, 15.2066],
      ['r2', 59.3, 15.21],
    ]);
    expect(map.places().map((p) => p.name)).toEqual(['Tvättstugan Vivallagatan 6']);
  });

  it('shows the case: state in words, area, reports (restricted ones without details), places and history', async () => {
    await render(
      caseDto({
        state: 'analysis',
        analysis: 'Samlingarna sker fredag och lördag kväll när tvättstugan står olåst.',
        reports: [
          report(),
          report({ id: 'r2', restricted: true, detailsVisible: false, description: null, placeName: null, organization: { id: POLIS.id, name: POLIS.name } }),
        ],
      }),
      ['commander'],
    );
    expect(text(root.querySelector('h1'))).toBe('Stökigt vid tvättstugan kvällstid');
    expect(text(root.querySelector('[data-testid="case-state"]'))).toBe('Analys');
    expect(text(root.querySelector('[data-testid="case-area"]'))).toBe('Vivalla');
    const reports = root.querySelectorAll('[data-testid="case-report"]');
    expect(reports).toHaveLength(2);
    expect(text(reports[0])).toContain('Klotter');
    expect(text(reports[0])).toContain('Nytt klotter på fasaden mot torget');
    expect(text(reports[1])).toContain('Begränsad uppgift');
    expect(text(reports[1])).toContain('Lokalpolisområde Örebro');
    expect(text(root.querySelector('[data-testid="case-place"]'))).toContain('Tvättstugan Vivallagatan 6');
    expect(text(root.querySelector('[data-testid="case-place"]'))).toContain('59,2954, 15,2066');
    // Without SAVE_ANALYSIS the analysis is text, not a form.
    expect(root.querySelector('textarea[name="analysis"]')).toBeNull();
    expect(text(root.querySelector('[data-testid="analysis-text"]'))).toContain('fredag och lördag');
    expect(eventButtons()).toEqual([]);
    expect(text(root.querySelector('.steps'))).toContain('Du har inget att göra i ärendet i det här läget.');
    const entry = root.querySelector('[data-testid="history-entry"]');
    expect(text(entry)).toContain('Ärendet öppnades');
    expect(text(entry)).toContain('Anders Analytiker, Örebro kommun');
    expect(text(entry)).toContain('Läge: Inkommet');
  });

  it('shows only the buttons of allowedEvents and sends {type, version, …payload}, then shows the case as it is now', async () => {
    const proposed = caseDto({
      state: 'proposed',
      version: 4,
      analysis: 'Samlingarna sker fredag och lördag kväll.',
      proposedActions: [planned()],
      allowedEvents: ['AGREE', 'SEND_BACK', 'ESCALATE'],
    });
    await render(proposed, ['commander']);

    expect(eventButtons()).toEqual(['event-AGREE', 'event-SEND_BACK', 'event-ESCALATE']);
    expect(Array.from(root.querySelectorAll('[data-testid="case-events"] button')).map((b) => text(b))).toEqual([
      'Besluta insatserna',
      'Skicka tillbaka till analys',
      'Lyft till chefssamråd',
    ]);
    // The proposal is shown read-only, with the organisation's name.
    const proposal = root.querySelector('[data-testid="proposal-table"] tbody tr');
    expect(text(proposal)).toContain('Byta lås och sätta upp belysning');
    expect(text(proposal)).toContain(OBO.name);
    expect(text(proposal)).toContain('23 nov. 2026 – 1 dec. 2026');

    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    click('event-SEND_BACK');
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Skicka tillbaka till analys: Stökigt vid tvättstugan kvällstid');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="note"]' }))).setValue('Ta med skolans synpunkter.');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();

    const post = http.expectOne({ method: 'POST', url: `/api/cases/${proposed.id}/events` });
    expect(post.request.body).toEqual({ type: 'SEND_BACK', version: 4, note: 'Ta med skolans synpunkter.' });
    post.flush({ ...proposed, state: 'analysis', version: 5, allowedEvents: [] });
    await settle();
    http
      .expectOne(`/api/cases/${proposed.id}/history`)
      .flush([
        historyEntry(),
        historyEntry({ id: '2', eventType: 'SEND_BACK', fromState: 'proposed', toState: 'analysis', payload: { note: 'Ta med skolans synpunkter.' } }),
      ]);
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(text(root.querySelector('[data-testid="case-state"]'))).toBe('Analys');
    expect(eventButtons()).toEqual([]);
    const entries = root.querySelectorAll('[data-testid="history-entry"]');
    expect(text(entries[1])).toContain('Skickades tillbaka till analys');
    expect(text(entries[1])).toContain('Från Förslag till Analys');
    expect(text(entries[1])).toContain('Kommentar: Ta med skolans synpunkter.');
  });

  it('sends START_ANALYSIS at once, without a dialog', async () => {
    const reported = caseDto({ allowedEvents: ['START_ANALYSIS', 'DISMISS'] });
    await render(reported);
    expect(eventButtons()).toEqual(['event-START_ANALYSIS', 'event-DISMISS']);
    click('event-START_ANALYSIS');
    const start = http.expectOne({ method: 'POST', url: `/api/cases/${reported.id}/events` });
    expect(start.request.body).toEqual({ type: 'START_ANALYSIS', version: 1 });
    start.flush(caseDto({ state: 'analysis', version: 2, allowedEvents: ['SAVE_ANALYSIS', 'PROPOSE', 'DISMISS'] }));
    await settle();
    http.expectOne(`/api/cases/${reported.id}/history`).flush([historyEntry()]);
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="case-state"]'))).toBe('Analys');
    expect(eventButtons()).toEqual(['event-DISMISS', 'event-SAVE_ANALYSIS', 'event-PROPOSE']);
    expect(root.querySelectorAll('[data-testid="plan-row"]')).toHaveLength(1);
  });

  it('evaluates from the EVALUATE dialog, showing the before/after figures over the chosen weeks, then shows the frozen figures', async () => {
    const followUp = caseDto({ state: 'follow_up', version: 9, allowedEvents: ['EVALUATE'] });
    await render(followUp);
    expect(eventButtons()).toEqual(['event-EVALUATE']);
    expect(root.querySelector('[data-testid="case-effects"]')).toBeNull();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    click('event-EVALUATE');
    const dialog = await loader.getHarness(MatDialogHarness);
    // The figures over the default eight weeks, then over the twelve the user chooses.
    http
      .expectOne((r) => r.url === `/api/cases/${followUp.id}/effects` && r.params.get('weeks') === '8')
      .flush({ caseId: followUp.id, figures: effectFigures() });
    await settle();
    const preview = document.querySelector('[data-testid="effect-preview"]')!;
    expect(text(preview.querySelector('[data-testid="effect-treatment-before"]'))).toBe('12');
    expect(text(preview.querySelector('[data-testid="effect-treatment-after"]'))).toBe('3');
    expect(text(preview.querySelector('[data-testid="effect-sentences"]'))).toContain('Rapporterna på platserna minskade med 75 %.');
    expect(text(preview.querySelector('[data-testid="effect-too-few"]'))).toBe('För få rapporter för att säga något säkert om effekten.');
    expect(preview.querySelector('[role="region"][tabindex="0"]')?.getAttribute('aria-labelledby')).toBe('effect-preview-heading');
    const weeks = await dialog.getHarness(MatSelectHarness);
    await weeks.open();
    await weeks.clickOptions({ text: '12' });
    http
      .expectOne((r) => r.url === `/api/cases/${followUp.id}/effects` && r.params.get('weeks') === '12')
      .flush({ caseId: followUp.id, figures: effectFigures({ weeks: 12, counts: { ...effectFigures().counts, treatment: { before: 20, after: 4 } } }) });
    await settle();
    expect(text(preview.querySelector('[data-testid="effect-treatment-before"]'))).toBe('20');
    // The note is required: nothing is sent without it.
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Effektivt – problemet är löst, ärendet avslutas' });
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    http.expectNone({ method: 'POST', url: `/api/cases/${followUp.id}/events` });
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="note"]' }))).setValue('Inga nya rapporter på fyra veckor.');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    const post = http.expectOne({ method: 'POST', url: `/api/cases/${followUp.id}/events` });
    expect(post.request.body).toEqual({ type: 'EVALUATE', version: 9, outcome: 'effective', note: 'Inga nya rapporter på fyra veckor.', effectWeeks: 12 });
    post.flush(
      caseDto({
        state: 'closed',
        version: 10,
        outcome: 'effective',
        allowedEvents: ['REOPEN'],
        evaluatedEffects: { evaluatedAt: '2026-11-25T10:00:00.000Z', outcome: 'effective', methodVersion: 1, weeks: 12, figures: effectFigures({ weeks: 12 }) },
      }),
    );
    await settle();
    http.expectOne(`/api/cases/${followUp.id}/history`).flush([historyEntry()]);
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="case-state"]'))).toBe('Avslutat');
    expect(text(root.querySelector('[data-testid="case-outcome"]'))).toBe('Effektivt – problemet är löst, ärendet avslutas');
    expect(eventButtons()).toEqual(['event-REOPEN']);
    const frozen = root.querySelector('[data-testid="case-effects"]')!;
    expect(text(frozen.querySelector('h2'))).toBe('Effekt vid utvärderingen');
    expect(text(frozen.querySelector('[data-testid="effect-treatment-before"]'))).toBe('12');
    expect(text(frozen.querySelector('[data-testid="effect-sentences"]'))).toContain('Varning: för få rapporter i buffertzonen.');
    expect(text(frozen)).toContain('12 veckor före');
  });

  it('dismisses as a duplicate of another case of the area, chosen in the dialog', async () => {
    const reported = caseDto({ version: 2, allowedEvents: ['START_ANALYSIS', 'DISMISS'] });
    await render(reported);
    click('event-DISMISS');
    const others = http.expectOne((r) => r.url === '/api/cases' && r.params.get('areaId') === VIVALLA.id);
    others.flush([
      caseSummary({ id: reported.id }),
      caseSummary({ id: 'case-2', title: 'Samlingar vid tvättstugan', state: 'analysis' }),
      caseSummary({ id: 'case-3', title: 'Gammalt ärende', state: 'dismissed' }),
    ]);
    await settle();
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const dialog = await loader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Dubblett av ett annat ärende' });
    const select = await dialog.getHarness(MatSelectHarness);
    await select.open();
    expect((await select.getOptions()).length).toBe(1);
    await select.clickOptions({ text: 'Samlingar vid tvättstugan (Analys)' });
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name="note"]' }))).setValue('Samma problem.');
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    const post = http.expectOne({ method: 'POST', url: `/api/cases/${reported.id}/events` });
    expect(post.request.body).toEqual({ type: 'DISMISS', version: 2, reason: 'duplicate', duplicateOfCaseId: 'case-2', note: 'Samma problem.' });
    post.flush(caseDto({ state: 'dismissed', version: 3, dismissal: { reason: 'duplicate', duplicateOfCaseId: 'case-2' } }));
    await settle();
    http.expectOne(`/api/cases/${reported.id}/history`).flush([historyEntry()]);
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="case-state"]'))).toBe('Avskrivet');
    expect(text(root.querySelector('[data-testid="case-facts"]'))).toContain('Dubblett av ett annat ärende – visa originalärendet');
  });

  it('proposes the plan’s rows and shows a 422 for actions[0].dueDate at that row’s due date', async () => {
    const inAnalysis = caseDto({
      state: 'analysis',
      version: 3,
      analysis: 'Samlingarna sker fredag och lördag kväll när tvättstugan står olåst.',
      proposedActions: [
        planned({ startDate: '2027-11-23', dueDate: '2027-12-01' }),
        planned({ what: 'Väktarrond fredag och lördag', organizationId: POLIS.id, startDate: null, dueDate: '2027-12-20', kind: 'ordinary', term: 'long' }),
      ],
      allowedEvents: ['SAVE_ANALYSIS', 'PROPOSE', 'DISMISS'],
    });
    await render(inAnalysis);
    expect(eventButtons()).toEqual(['event-DISMISS', 'event-SAVE_ANALYSIS', 'event-PROPOSE']);
    const rows = root.querySelectorAll('[data-testid="plan-row"]');
    expect(rows).toHaveLength(2);
    expect(root.querySelector<HTMLTextAreaElement>('textarea[name="analysis"]')!.value).toContain('fredag och lördag');

    click('event-PROPOSE');
    await fixture.whenStable();
    const post = http.expectOne({ method: 'POST', url: `/api/cases/${inAnalysis.id}/events` });
    expect(post.request.body).toEqual({
      type: 'PROPOSE',
      version: 3,
      analysis: 'Samlingarna sker fredag och lördag kväll när tvättstugan står olåst.',
      actions: [
        planned({ startDate: '2027-11-23', dueDate: '2027-12-01' }),
        {
          cause: 'Tvättstugan står olåst på kvällarna',
          what: 'Väktarrond fredag och lördag',
          goal: 'Inga samlingar i tvättstugan efter kl. 22',
          organizationId: POLIS.id,
          dueDate: '2027-12-20',
          kind: 'ordinary',
          term: 'long',
        },
      ],
    });
    post.flush(apiError(422, 'VALIDATION_FAILED', 'a due date (YYYY-MM-DD) is needed', 'actions[0].dueDate'), {
      status: 422,
      statusText: 'Unprocessable Entity',
    });
    await fixture.whenStable();

    const firstDue = root.querySelectorAll('[data-testid="plan-row"]')[0].querySelector('[data-testid="due-date"]');
    expect(text(firstDue?.querySelector('mat-error'))).toBe('Ange ett giltigt datum för när insatsen ska vara klar.');
    const secondDue = root.querySelectorAll('[data-testid="plan-row"]')[1].querySelector('[data-testid="due-date"]');
    expect(secondDue?.querySelector('mat-error')).toBeNull();
    expect(text(root.querySelector('[data-testid="form-error"]'))).toBe('');
  });

  it('says when someone else changed the case first and reloads it, keeping unsaved text', async () => {
    const inAnalysis = caseDto({ state: 'analysis', version: 3, allowedEvents: ['SAVE_ANALYSIS', 'PROPOSE'] });
    await render(inAnalysis);
    const analysis = root.querySelector<HTMLTextAreaElement>('textarea[name="analysis"]')!;
    analysis.value = 'Mönstret är tydligt: fredagar efter kl. 21.';
    analysis.dispatchEvent(new Event('input'));
    click('event-SAVE_ANALYSIS');
    const post = http.expectOne({ method: 'POST', url: `/api/cases/${inAnalysis.id}/events` });
    expect(post.request.body).toEqual({ type: 'SAVE_ANALYSIS', version: 3, analysis: 'Mönstret är tydligt: fredagar efter kl. 21.' });
    post.flush(apiError(409, 'CASE.STALE_VERSION', 'Someone else changed this in the meantime; reload and try again', 'version'), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();

    const banner = root.querySelector('[data-testid="stale"]');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(text(banner)).toContain('Någon annan har ändrat det här medan du arbetade.');
    expect(root.querySelector('[data-testid="event-SAVE_ANALYSIS"]')?.getAttribute('aria-disabled')).toBe('true');

    click('reload');
    await respond({ ...inAnalysis, version: 4, analysis: 'Annan text.' });
    expect(root.querySelector('[data-testid="stale"]')).toBeNull();
    expect(root.querySelector<HTMLTextAreaElement>('textarea[name="analysis"]')!.value).toBe('Mönstret är tydligt: fredagar efter kl. 21.');
    click('event-SAVE_ANALYSIS');
    const retry = http.expectOne({ method: 'POST', url: `/api/cases/${inAnalysis.id}/events` });
    expect(retry.request.body.version).toBe(4);
    retry.flush({ ...inAnalysis, version: 5, analysis: 'Mönstret är tydligt: fredagar efter kl. 21.' });
    await settle();
    http.expectOne(`/api/cases/${inAnalysis.id}/history`).flush([historyEntry()]);
    await fixture.whenStable();
  });

  it('lists the agreed actions with state, owner, due date, lateness and only their allowed buttons', async () => {
    await render(
      caseDto({
        state: 'execution',
        actions: [
          action({
            state: 'in_progress',
            owner: { id: 'user-9', name: 'Sven Säkerhetschef' },
            daysOverdue: 3,
            dueDate: '2026-11-17',
            allowedEvents: ['COMPLETE', 'BLOCK', 'CANCEL'],
          }),
          action({ id: 'action-2', number: 2, what: 'Polisens närvaro fredagar', organization: { id: POLIS.id, name: POLIS.name }, allowedEvents: [] }),
        ],
      }),
      ['action_owner'],
    );
    const items = root.querySelectorAll('[data-testid="case-action"]');
    expect(text(items[0].querySelector('[data-testid="action-state"]'))).toBe('Pågår');
    expect(text(items[0].querySelector('[data-testid="action-owner"]'))).toBe('Sven Säkerhetschef');
    expect(text(items[0].querySelector('[data-testid="overdue"]'))).toBe('3 dagar sen');
    expect(Array.from(items[0].querySelectorAll('sv-action-controls button')).map((b) => text(b))).toEqual(['Klarmarkera', 'Hindrad', 'Avbryt insatsen']);
    expect(text(items[1].querySelector('[data-testid="action-owner"]'))).toBe('Ingen utsedd');
    expect(items[1].querySelectorAll('sv-action-controls button')).toHaveLength(0);
  });
});

describe('CasePage: removing a report’s text (gallra)', () => {
  let fixture: ComponentFixture<CasePage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  it('offers "Gallra text" on the reports the user may redact and shows the report as the server answers', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: DRAW_GRAPHICS, useValue: false }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['coordinator']));
    const text = 'Lappen med 811218-9876 satt på porten';
    const dto = caseDto({ reports: [report({ id: 'r1', description: text, review: 'pending', canRedact: true }), report({ id: 'r2', canRedact: false })] });
    fixture = TestBed.createComponent(CasePage);
    fixture.componentRef.setInput('id', dto.id);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/categories').flush(CATEGORIES);
    http.expectOne({ method: 'GET', url: `/api/cases/${dto.id}` }).flush(dto);
    http.expectOne({ method: 'GET', url: `/api/cases/${dto.id}/history` }).flush([historyEntry()]);
    await fixture.whenStable();
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    await fixture.whenStable();

    const items = () => Array.from(root.querySelectorAll('[data-testid="case-report"]'));
    expect(items().map((i) => !!i.querySelector('[data-testid="redact-open"]'))).toEqual([true, false]);
    expect(items()[0].querySelector('[data-testid="review-badge"]')?.textContent).toContain('Väntar på granskning');

    items()[0].querySelector<HTMLButtonElement>('[data-testid="redact-open"]')!.click();
    await fixture.whenStable();
    await settle();
    document.querySelector<HTMLInputElement>('[data-testid="redact-whole"] input')!.click();
    document.querySelector<HTMLInputElement>('[data-testid="redact-reason-personal_data"] input')!.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('[data-testid="redact-confirm"]')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/reports/r1/redactions' });
    expect(req.request.body).toEqual({ whole: true, reason: 'personal_data' });
    req.flush(report({ id: 'r1', description: '[gallrat]', review: null, canRedact: true }));
    await fixture.whenStable();
    await settle();
    expect(items()[0].querySelector('.report-text')?.textContent?.trim()).toBe('[gallrat]');
    expect(root.textContent).not.toContain('811218-9876');
    expect(items()[0].querySelector('[data-testid="review-badge"]')).toBeNull();
  });
});
