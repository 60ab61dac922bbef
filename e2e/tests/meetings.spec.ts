import { expect, test, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { PASSWORD, proposedCase } from './support/api';

async function signIn(page: Page, email: string, name: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(name);
}

async function signedInContext(browser: Browser, email: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, name);
  return page;
}

test('a chefssamråd: the coordinator prepares and runs it, a decision reaches the police chief live, who approves the minutes', async ({ page, browser }) => {
  const stamp = Date.now();
  const caseTitle = `Skadegörelse i tvättstugan Norrbyvägen 6 (e2e ${stamp})`;
  const meetingTitle = `Chefssamråd Norrby (e2e ${stamp})`;
  await proposedCase(page.request, caseTitle);

  // --- The coordinator schedules the meeting ----------------------------------------------------------------
  await signIn(page, 'samordnare@exempelstad.se', 'Sara Samordnare');
  await page.getByTestId('meetings-nav').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Möten');
  // The current action plan of an area is one link away.
  const areaPlan = page.getByTestId('plan-download');
  await expect(areaPlan).toHaveAttribute('href', /^\/api\/action-plan\.pdf\?areaId=[0-9a-f-]{36}&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&lang=sv$/);
  const current = await page.request.get((await areaPlan.getAttribute('href'))!);
  expect(current.status()).toBe(200);
  expect(current.headers()['content-type']).toContain('application/pdf');
  await page.getByTestId('new-meeting').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt möte');
  await page.getByRole('radio', { name: /Chefssamråd/ }).check();
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(meetingTitle);
  // A meeting can be started at the earliest three hours before its time (the installation's setting): it is held
  // an hour from now, in Swedish time.
  const soon = new Date(Date.now() + 3_600_000);
  const inSweden = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', ...o }).format(soon);
  const date = inSweden({ year: 'numeric', month: '2-digit', day: '2-digit' });
  await page.getByLabel('Datum').fill(date);
  await page.getByLabel('Klockslag').fill(inSweden({ hour: '2-digit', minute: '2-digit' }));
  await page.getByRole('textbox', { name: 'Plats' }).fill('Stadshuset, sammanträdesrum 2');
  await page.getByTestId('meeting-areas').getByRole('checkbox', { name: 'Norrby' }).check();
  const orgs = page.getByTestId('meeting-organizations');
  await orgs.getByRole('checkbox', { name: 'Lokalpolisområde Exempelstad' }).check();
  await orgs.getByRole('checkbox', { name: 'Exempelbostäder AB' }).check();
  await page.getByTestId('add-participant').click();
  const row = page.getByTestId('participant-row').last();
  await row.getByRole('textbox', { name: 'Namn' }).fill('Petra Polischef');
  await row.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: 'Lokalpolisområde Exempelstad' }).click();
  await page.getByTestId('save').click();

  // The agenda is prepared from the data: the picture of Norrby, the case, the round, other business.
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingUrl = page.url();
  await expect(page.getByTestId('meeting-title')).toHaveText(meetingTitle);
  await expect(page.getByTestId('meeting-state')).toHaveText('Planerat');
  const editor = page.getByTestId('agenda-editor');
  await expect(editor.getByTestId('agenda-title').first()).toHaveText('Lägesbild: Norrby');
  await expect(editor.getByTestId('agenda-item').filter({ hasText: caseTitle })).toHaveCount(1);
  await expect(editor.getByTestId('agenda-item').filter({ hasText: 'Laget runt' })).toHaveCount(1);

  // Other business before the round: moved with the keyboard-usable buttons and saved.
  await editor.getByTestId('agenda-item').filter({ hasText: 'Övriga frågor' }).getByTestId('move-up').click();
  await expect(editor.getByTestId('agenda-title').last()).toHaveText('Laget runt');
  await page.getByTestId('save-agenda').click();
  await expect(page.getByText('Dagordningen är sparad')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('agenda-editor').getByTestId('agenda-title').last()).toHaveText('Laget runt');

  // The police chief opens the meeting in another browser and follows it.
  const chief = await signedInContext(browser, 'polischef@exempelstad.se', 'Petra Polischef');
  await chief.goto(meetingUrl);
  await expect(chief.getByTestId('meeting-title')).toHaveText(meetingTitle);
  await expect(chief.getByTestId('live-state')).toContainText('Uppdateras direkt');

  // --- The meeting ----------------------------------------------------------------------------------------
  await page.getByTestId('start-meeting').click();
  await expect(page.getByTestId('meeting-state')).toHaveText('Pågår');
  await expect(page.locator('[aria-current="step"]')).toContainText('Lägesbild: Norrby');
  await expect(chief.getByTestId('meeting-state')).toHaveText('Pågår');

  // "Nästa punkt" until the case is the current item (each step waits for the page to follow).
  const rows = page.getByTestId('agenda-row');
  const caseIndex = (await rows.locator('h3').allTextContents()).findIndex((t) => t.includes(caseTitle));
  expect(caseIndex).toBeGreaterThan(0);
  const caseRow = rows.nth(caseIndex);
  for (let i = 1; i <= caseIndex; i++) {
    await page.getByTestId('next-item').click();
    await expect(rows.nth(i)).toHaveAttribute('aria-current', 'step');
  }
  await expect(caseRow).toHaveAttribute('aria-current', 'step');
  await expect(chief.getByTestId('agenda-row').filter({ hasText: caseTitle })).toHaveAttribute('aria-current', 'step');
  await expect(caseRow.getByTestId('case-analysis')).toContainText('Tvättstugan står olåst efter klockan 21');

  // The meeting moves the due date forward and decides the actions.
  await expect(caseRow.getByTestId('action-due')).toHaveValue('2027-03-31');
  await caseRow.getByTestId('action-due').fill('2027-02-28');
  await caseRow.getByTestId('decision-note').fill('Polisen förstärker närvaron vid entrén tills passersystemet är på plats.');
  await caseRow.getByRole('button', { name: 'Besluta åtgärderna' }).click();
  await expect(page.getByText('Beslutet är protokollfört')).toBeVisible();
  const decision = caseRow.getByTestId('item-decision');
  await expect(decision).toContainText('Åtgärderna beslutades');
  await expect(caseRow.getByTestId('action-list')).toContainText('Exempelbostäder AB');
  await expect(caseRow.getByTestId('action-list')).toContainText('28 feb. 2027');

  // The police chief sees the decision appear without reloading.
  const chiefCase = chief.getByTestId('agenda-row').filter({ hasText: caseTitle });
  await expect(chiefCase.getByTestId('item-decision')).toContainText('Åtgärderna beslutades');
  await expect(chiefCase.getByTestId('item-decision')).toContainText('Polisen förstärker närvaron');
  await expect(chiefCase.getByTestId('decision-buttons')).toHaveCount(0);

  // "Laget runt": the police's statement.
  const roundRow = page.getByTestId('agenda-row').filter({ hasText: 'Laget runt' });
  await roundRow.getByTestId('go-to-item').click();
  await expect(roundRow).toHaveAttribute('aria-current', 'step');
  await roundRow
    .getByRole('textbox', { name: 'Lägesrapport från Lokalpolisområde Exempelstad' })
    .fill('Lugnare helger sedan oktober; två anmälningar om buskörning.');
  await roundRow.getByRole('button', { name: 'Spara lägesrapporten från Lokalpolisområde Exempelstad' }).click();
  await expect(roundRow.getByTestId('item-statements')).toContainText('två anmälningar om buskörning');
  await expect(chief.getByTestId('agenda-row').filter({ hasText: 'Laget runt' }).getByTestId('item-statements')).toContainText('Lugnare helger sedan oktober');

  // The meeting ends: the minutes draft.
  await page.getByTestId('end-meeting').click();
  await page.getByTestId('confirm').click();
  await expect(page.getByTestId('meeting-state')).toHaveText('Protokollutkast');

  // --- The police chief approves the minutes -----------------------------------------------------------------
  await expect(chief.getByTestId('meeting-state')).toHaveText('Protokollutkast');
  await chief.getByTestId('approve-minutes').click();
  await chief.getByTestId('confirm').click();
  await expect(chief.getByTestId('meeting-state')).toHaveText('Godkänt');
  await expect(chief.getByTestId('approved-by')).toContainText('Godkänt av Petra Polischef');
  await expect(page.getByTestId('meeting-state')).toHaveText('Godkänt');

  // The plan and the minutes are PDFs.
  const planHref = await chief.getByTestId('plan-pdf-sv').getAttribute('href');
  expect(planHref).toMatch(/\/api\/meetings\/[0-9a-f-]{36}\/action-plan\.pdf\?lang=sv$/);
  const plan = await chief.request.get(planHref!);
  expect(plan.status()).toBe(200);
  expect(plan.headers()['content-type']).toContain('application/pdf');
  expect((await plan.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Read as any PDF reader would (pdftotext): the decided action with its adjusted due date, its organisation, å/ä/ö intact.
  const planText = execFileSync('pdftotext', ['-', '-'], { input: await plan.body() })
    .toString('utf8')
    .replace(/\s+/g, ' ');
  for (const text of [
    'Gemensam handlingsplan',
    'Byta till passersystem och sätta upp belysning vid entrén',
    'Exempelbostäder AB',
    '2027-02-28',
    'Petra Polischef',
  ]) {
    expect(planText).toContain(text);
  }
  const minutes = await chief.request.get((await chief.getByTestId('minutes-pdf-en').getAttribute('href'))!);
  expect(minutes.status()).toBe(200);
  expect(minutes.headers()['content-type']).toContain('application/pdf');

  // The coordinator may start a new version; the approved one stays locked.
  await expect(page.getByTestId('revise-minutes')).toBeVisible();
  await expect(page.getByTestId('decision-buttons')).toHaveCount(0);
  await chief.context().close();
});
