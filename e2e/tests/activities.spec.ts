import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { ACCOUNTS, PASSWORD } from './support/api';

test('the police commander reads who does what in Norrby, adds the police’s own activity and sees where nobody is when reports come', async ({ page }) => {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(ACCOUNTS.police.email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS.police.name);

  await page.getByTestId('area-nav').getByRole('link', { name: 'Norrby' }).click();
  await page.getByTestId('open-activities').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vem gör vad – Norrby');
  // The demo register: twelve activities of the four partners, the night walkers running past midnight.
  await expect(page.getByTestId('activity-count')).toHaveText('12 verksamheter');
  const walkers = page.getByTestId('activity').filter({ has: page.getByRole('heading', { name: 'Nattvandring med föräldrar' }) });
  await expect(walkers.getByTestId('activity-when')).toHaveText('fre, lör 21:00–01:00');
  // Another partner's entry cannot be changed from here.
  await expect(walkers.getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('gap-grid')).toBeVisible();
  await expectAccessible(page, 'who does what');

  await page.getByTestId('activity-new').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="title"]').fill('Polisens helgpass i gångtunneln');
  await dialog.locator('input[name="startsOn"]').fill('2026-11-01');
  await dialog.getByRole('checkbox', { name: 'Lördag' }).check();
  await dialog.locator('input[name="startTime"]').fill('22:00');
  await dialog.locator('input[name="endTime"]').fill('02:00');
  await expectAccessible(page, 'activity dialog');
  await dialog.getByTestId('save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('activity-count')).toHaveText('13 verksamheter');
  const own = page.getByTestId('activity').filter({ has: page.getByRole('heading', { name: 'Polisens helgpass i gångtunneln' }) });
  await expect(own.getByTestId('activity-when')).toHaveText('lör 22:00–02:00');
  await expect(own.getByRole('button', { name: 'Ändra Polisens helgpass i gångtunneln' })).toBeVisible();

  // Removing asks first.
  await own.getByRole('button', { name: 'Ta bort Polisens helgpass i gångtunneln' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ta bort' }).click();
  await expect(page.getByTestId('activity-count')).toHaveText('12 verksamheter');
});
