import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, settled } from './support/a11y';
import { ACCOUNTS, PASSWORD, type Account } from './support/api';

async function signIn(page: Page, who: Account): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(ACCOUNTS[who].email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS[who].name);
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);
}

async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The week's reports of Norrby, as the signed-in user sees them on the situational picture. */
async function norrbyPicture(page: Page): Promise<void> {
  await page.goto('/overview');
  const card = page
    .getByTestId('area-cards')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Norrby' }) });
  await card.getByRole('link', { name: 'Lägesbild för Norrby' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lägesbild – Norrby');
  await choose(page, 'Organisation', 'Exempelbostäder AB');
  await expect(page.getByTestId('report-count')).not.toBeEmpty();
}

/** The CSV export of Norrby's reports, with the browser's session. */
async function norrbyCsv(page: Page): Promise<string> {
  const areas = (await (await page.request.get('/api/areas')).json()) as { id: string; name: string }[];
  const res = await page.request.get(`/api/reports/export.csv?areaId=${areas.find((a) => a.name === 'Norrby')!.id}`);
  expect(res.status()).toBe(200);
  return res.text();
}

test('a personal identity number that got through: withheld from partners until a coordinator redacts it, then gone everywhere', async ({ page }) => {
  // Four sign-ins and a keyboard selection on a shared 2-core machine: more than the default minute.
  const pin = '811218-9876';
  const marker = `Ordernummer ${Date.now()}`;
  const text = `${marker}: lappen med ${pin} satt på porten`;

  // --- The housing company's reporter files the text and says it is not about a person ---------------------
  await signIn(page, 'reporter');
  await page.getByTestId('new-report').click();
  await choose(page, 'Område', 'Norrby');
  await choose(page, 'Plats', 'Norrby torg');
  await choose(page, 'Kategori', 'Klotter');
  await page.getByRole('radio', { name: 'Medel' }).check();
  await page.getByRole('textbox', { name: 'Beskrivning' }).fill(text);
  await expect(page.getByTestId('privacy-warning')).toContainText('Personnummer');
  await page.getByTestId('confirm-no-personal-data').locator('input').check();
  await page.getByRole('button', { name: 'Skicka rapport' }).click();
  await expect(page.getByRole('heading', { name: 'Tack! Rapporten är skickad.' })).toBeVisible();
  // Its own organisation sees it, marked as awaiting review.
  await norrbyPicture(page);
  const own = page.getByTestId('report-item').filter({ hasText: marker });
  await expect(own).toContainText(pin);
  await expect(own.getByTestId('review-badge')).toHaveText(/Väntar på granskning/);
  await expect(own.getByRole('button', { name: /^Gallra text i rapporten från / })).toBeVisible();
  await signOut(page);

  // --- The police (another organisation) do not see the text: not on the page, not in the CSV --------------
  await signIn(page, 'police');
  await norrbyPicture(page);
  await expect(page.getByTestId('report-item').filter({ hasText: 'Begränsad uppgift' }).first()).toBeVisible();
  await expect(page.getByText(marker)).toHaveCount(0);
  const before = await norrbyCsv(page);
  expect(before).not.toContain(pin);
  expect(before).not.toContain(marker);
  await signOut(page);

  // --- The municipality's coordinator finds it in the review list and redacts the number, by keyboard -------
  await signIn(page, 'coordinator');
  await page.getByTestId('review-nav').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapporter som väntar på granskning');
  const item = page.getByTestId('review-item').filter({ hasText: marker });
  await expect(item).toContainText(pin);
  await settled(page);
  await expectAccessible(page, 'review list (coordinator)');
  await item.getByTestId('redact-open').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Gallra text i rapporten' })).toBeVisible();
  await page.waitForTimeout(200);
  await expectAccessible(page, 'redaction dialog (coordinator)');
  const field = dialog.getByRole('textbox', { name: 'Rapportens text' });
  await field.focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < text.indexOf(pin); i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < pin.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(dialog.getByTestId('redact-marked')).toHaveText(`Markerat: ”${pin}”`);
  await expect(dialog.getByTestId('redact-preview')).toHaveText(`${marker}: lappen med [gallrat] satt på porten`);
  await dialog.getByRole('radio', { name: 'Personuppgifter' }).check();
  await dialog.getByRole('button', { name: 'Gallra', exact: true }).click();
  await expect(page.getByText('Texten är gallrad.')).toBeVisible();
  await expect(page.getByTestId('review-item').filter({ hasText: marker })).toHaveCount(0);
  await signOut(page);

  // --- The police now see the report, with the number gone, also in the CSV ----------------------------------
  await signIn(page, 'police');
  await norrbyPicture(page);
  const shared = page.getByTestId('report-item').filter({ hasText: marker });
  await expect(shared).toContainText(`${marker}: lappen med [gallrat] satt på porten`);
  await expect(page.getByText(pin)).toHaveCount(0);
  const after = await norrbyCsv(page);
  expect(after).toContain(`${marker}: lappen med [gallrat] satt på porten`);
  expect(after).not.toContain(pin);
});
