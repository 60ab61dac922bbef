import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, norrbyMeeting, proposedCase, type Account } from './support/api';
import { expectVisibleFocus, focused, tabTo } from './support/a11y';

/**
 * Keyboard only (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7): after `page.goto`, every step is a key press – Tab, Shift+Tab,
 * Enter, Space, arrow keys, Escape and typing. No clicks, no `fill`. Preconditions that are not the point of the test
 * (a case waiting for a decision, a scheduled meeting) are made through the API.
 */

test.use({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Stockholm' });

const name = (f: { name: string; text: string }) => (f.name || f.text).replace(/\s*\*\s*$/, '').trim();

/** Signs in on the sign-in page with the keyboard; lands on the overview. */
async function keyboardSignIn(page: Page, who: Account): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await tabTo(page, (f) => f.tag === 'input' && f.type === 'email', 'the e-mail field');
  await expectVisibleFocus(page, 'e-mail field');
  await page.keyboard.type(ACCOUNTS[who].email);
  await page.keyboard.press('Tab');
  expect((await focused(page)).type).toBe('password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS[who].name);
}

/** The first Tab on a signed-in page reaches the skip link, which is then shown and moves the focus to the content. */
async function skipLinkWorks(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  expect(skip.text).toBe('Hoppa till innehåll');
  await expect(page.locator('a.skip-link')).toBeInViewport();
  await expectVisibleFocus(page, 'skip link');
  await page.keyboard.press('Enter');
  expect((await focused(page)).id).toBe('main');
}

/** Opens the focused mat-select, picks the option by typing its name, and closes it with Enter. */
async function choose(page: Page, option: string): Promise<void> {
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  await page.keyboard.type(option, { delay: 20 });
  await expect(listbox.getByRole('option', { name: option, exact: true })).toHaveClass(/mat-mdc-option-active/);
  await page.keyboard.press('Enter');
  await expect(listbox).toBeHidden();
}

const isoDate = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

test('a reporter files a report with the keyboard only: category, place, time, assessment and description', async ({ page }) => {
  const description = `Krossad belysning i gångtunneln vid torget (tangentbord ${Date.now()})`;
  await keyboardSignIn(page, 'reporter');
  await skipLinkWorks(page);

  // From the content, back up to the toolbar's "Ny rapport".
  await tabTo(page, (f) => f.testId === 'new-report', '"Ny rapport" in the toolbar', { back: true });
  await expectVisibleFocus(page, '"Ny rapport"');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny rapport');

  // Area and place (mat-select: Enter opens, typing finds the option, Enter picks it).
  await tabTo(page, (f) => f.role === 'combobox' && name(f).startsWith('Område'), 'the area select');
  await expectVisibleFocus(page, 'area select');
  await choose(page, 'Norrby');
  await expect(page.getByTestId('area-select')).toContainText('Norrby');
  await tabTo(page, (f) => f.role === 'combobox' && name(f).startsWith('Plats'), 'the place select');
  await expect(page.getByTestId('place-select')).toBeEnabled();
  await choose(page, 'Norrby torg');
  await expect(page.getByTestId('place-select')).toContainText('Norrby torg');

  // Category.
  await tabTo(page, (f) => f.role === 'combobox' && name(f).startsWith('Kategori'), 'the category select');
  await choose(page, 'Klotter');
  await expect(page.getByTestId('category-select')).toContainText('Klotter');

  // The time: yesterday evening at 21:30, typed into the date and time fields (Swedish text fields: 2026-12-02, 22:30).
  const yesterday = isoDate(new Date(Date.now() - 86_400_000));
  await tabTo(page, (f) => f.tag === 'input' && name(f) === 'Datum', 'the date field');
  await expectVisibleFocus(page, 'date field');
  await page.keyboard.type(yesterday);
  await page.keyboard.press('Tab');
  expect(name(await focused(page))).toBe('Klockslag');
  await page.keyboard.type('21:30');
  await expect(page.getByLabel('Datum')).toHaveValue(yesterday);
  await expect(page.getByLabel('Klockslag')).toHaveValue('21:30');

  // The assessment: a radio group, moved through with the arrow keys.
  await tabTo(page, (f) => f.type === 'radio' && name(f) === 'Låg', 'the first assessment');
  await expectVisibleFocus(page, 'assessment radio');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Medel' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Medel' })).toBeFocused();

  // "Polisen är underrättad" with Space.
  await tabTo(page, (f) => f.type === 'checkbox' && name(f) === 'Polisen är underrättad', 'the police-notified checkbox');
  await expectVisibleFocus(page, 'checkbox');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Polisen är underrättad' })).toBeChecked();

  await tabTo(page, (f) => f.testId === 'description', 'the description');
  await expectVisibleFocus(page, 'description');
  await page.keyboard.type(description);

  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Skicka rapport', '"Skicka rapport"');
  await expectVisibleFocus(page, '"Skicka rapport"');
  await page.keyboard.press('Enter');

  // Confirmed: the focus moves to the confirmation, which names what was filed.
  const saved = page.getByTestId('report-saved');
  await expect(page.getByRole('heading', { name: 'Tack! Rapporten är skickad.' })).toBeFocused();
  await expect(saved).toContainText('Norrby torg');
  await expect(saved).toContainText('Klotter');
  await expect(saved).toContainText('Medel');
  await expect(saved).toContainText('21:30');

  // On to the week's situational picture: the map's markers are reached with Tab and open their popup with Enter.
  await tabTo(page, (f) => f.testId === 'report-picture-link', '"Lägesbild för Norrby"', { max: 5 });
  await expectVisibleFocus(page, 'picture link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lägesbild – Norrby');
  await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
  const marker = await tabTo(page, (f) => f.role === 'button' && /Norrby torg: \d+ rapporter/.test(f.name), 'the map marker of Norrby torg', { max: 80 });
  await expectVisibleFocus(page, 'map marker');
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toContainText('Norrby torg');
  await expect(popup).toContainText('Klotter');
  expect(marker.name).toMatch(/rapporter/);
});

test('the coordinator runs a meeting with the keyboard only and records the decision agreeing the actions', async ({ page }) => {
  const stamp = Date.now();
  const caseTitle = `Klotter på förskolans staket (tangentbord ${stamp})`;
  const meetingTitle = `Chefssamråd Norrby (tangentbord ${stamp})`;
  const c = await proposedCase(page.request, caseTitle);
  const meeting = await norrbyMeeting(page.request, meetingTitle);
  const caseIndex = meeting.agenda.findIndex((i) => i.caseId === c.id);
  expect(caseIndex).toBeGreaterThan(0);

  await keyboardSignIn(page, 'coordinator');
  await skipLinkWorks(page);

  // "Möten" in the side navigation, then the meeting in the list.
  await tabTo(page, (f) => f.testId === 'meetings-nav', '"Möten" in the navigation', { back: true });
  await expectVisibleFocus(page, '"Möten" link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Möten');
  await tabTo(page, (f) => f.tag === 'a' && f.text.includes(meetingTitle), 'the meeting in the list', { max: 120 });
  await expectVisibleFocus(page, 'meeting link');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('meeting-title')).toHaveText(meetingTitle);

  // Start the meeting; the focus moves on to "Nästa punkt".
  await tabTo(page, (f) => f.testId === 'start-meeting', '"Starta mötet"', { max: 40 });
  await expectVisibleFocus(page, '"Starta mötet"');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('meeting-state')).toHaveText('Pågår');
  await expect(page.getByTestId('next-item')).toBeFocused();
  await expectVisibleFocus(page, '"Nästa punkt"');

  // "Nästa punkt" with Enter until the case is the current item.
  const rows = page.getByTestId('agenda-row');
  for (let i = 1; i <= caseIndex; i++) {
    await page.keyboard.press('Enter');
    await expect(rows.nth(i)).toHaveAttribute('aria-current', 'step');
  }
  const caseRow = rows.filter({ hasText: caseTitle });
  await expect(caseRow).toHaveAttribute('aria-current', 'step');
  await expect(caseRow.getByTestId('decision-buttons')).toBeVisible();

  // The meeting moves the due date and writes its note, then agrees the actions.
  await tabTo(page, (f) => f.testId === 'action-due', 'the due date of the action', { max: 40 });
  await expectVisibleFocus(page, 'due date');
  await page.keyboard.type('2027-02-28');
  await expect(caseRow.getByTestId('action-due')).toHaveValue('2027-02-28');
  await tabTo(page, (f) => f.testId === 'decision-note', 'the decision note', { max: 10 });
  await page.keyboard.type('Polisen förstärker närvaron vid staketet tills det är lagat.');
  await tabTo(page, (f) => f.testId === 'decide-agree', '"Besluta åtgärderna"', { max: 5 });
  await expectVisibleFocus(page, '"Besluta åtgärderna"');
  await page.keyboard.press('Enter');

  await expect(page.getByText('Beslutet är protokollfört')).toBeVisible();
  const decision = caseRow.getByTestId('item-decision');
  await expect(decision).toContainText('Åtgärderna beslutades');
  await expect(decision).toContainText('Polisen förstärker närvaron');
  await expect(caseRow.getByTestId('action-list')).toContainText('28 feb. 2027');
  // The focus is not lost on the page's body after the buttons went away.
  expect((await focused(page)).tag).not.toBe('body');

  // End the meeting: the confirmation dialog traps the focus, Escape cancels, Enter on the confirm button ends it.
  await tabTo(page, (f) => f.testId === 'end-meeting', '"Avsluta mötet"', { back: true, max: 80 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect.poll(async () => (await focused(page)).inDialog, { message: 'the focus moves into the dialog' }).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('end-meeting')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const confirm = await tabTo(page, (f) => f.testId === 'confirm', 'the confirm button', { max: 6 });
  expect(confirm.inDialog).toBe(true);
  await expectVisibleFocus(page, 'confirm button');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('meeting-state')).toHaveText('Protokollutkast');

  // The case was agreed through the meeting.
  const after = await page.request.get(`/api/cases/${c.id}`);
  expect(((await after.json()) as { state: string }).state).toBe('agreed');
});
