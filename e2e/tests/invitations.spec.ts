import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { ACCOUNTS, PASSWORD } from './support/api';

test('a coordinator invites a shop’s staff member, who creates an account on a phone with the link; the link then is used up', async ({ page, browser }) => {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(ACCOUNTS.coordinator.email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS.coordinator.name);

  await page.getByTestId('invite-nav').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bjud in personer');
  await page.locator('input[name="email"]').fill('kassan@norrbycentrum.se');
  await page.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: 'Norrby Centrum', exact: true }).click();
  // A coordinator gives the roles of people who report and carry out actions, never an administrator's.
  await expect(page.getByRole('checkbox', { name: 'Administratör' })).toHaveCount(0);
  await page.getByTestId('invite-create').click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('invite-row').first()).toContainText('kassan@norrbycentrum.se');
  await expect(page.getByTestId('invite-row').first()).toContainText('Väntar');
  await expectAccessible(page, 'invitations page');

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const shop = await phone.newPage();
  await shop.goto(link);
  await expect(shop.getByTestId('invite-intro')).toContainText('Rapportör för Norrby Centrum med e-postadressen kassan@norrbycentrum.se');
  await expectAccessible(shop, 'accept invitation page');
  await shop.locator('input[name="name"]').fill('Kassan Norrby Centrum');
  await shop.locator('input[name="password"]').fill('tryggt-handelsomrade-2026');
  await shop.locator('input[name="repeat"]').fill('tryggt-handelsomrade-2026');
  await shop.getByTestId('invite-accept').click();
  await expect(shop.getByTestId('user-name')).toHaveText('Kassan Norrby Centrum');
  // The shop sees the area its organisation takes part in, nothing else (the menu is closed on a phone).
  const areas = shop.getByTestId('area-nav').locator('a');
  await expect(areas).toHaveText(['Norrby']);
  await phone.close();

  const late = await browser.newContext();
  const again = await late.newPage();
  await again.goto(link);
  await expect(again.getByTestId('invite-problem')).toContainText('already been used');
  await late.close();

  await page.reload();
  await expect(page.getByTestId('invite-row').first()).toContainText('Använd');
});
