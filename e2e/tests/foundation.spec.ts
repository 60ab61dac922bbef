import { expect, test } from '@playwright/test';

test('the analyst signs in in Swedish, sees the shell and the three areas, switches to English and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();

  await page.locator('input[name="email"]').fill('analytiker@exempelstad.se');
  await page.locator('input[name="password"]').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord');

  await page.locator('input[name="password"]').fill('est-demo-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();

  await expect(page.getByTestId('user-name')).toHaveText('Anders Analytiker');
  await expect(page.getByTestId('user-org')).toContainText('Exempelstad kommun');
  // The start page is "Att göra"; the overview of the areas is one link away.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
  await page.getByRole('link', { name: 'Översikt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Översikt');
  const areaNav = page.getByTestId('area-nav');
  for (const area of ['Centrum', 'Norrby', 'Söderdal']) {
    await expect(areaNav.getByRole('link', { name: area })).toBeVisible();
  }
  // The analyst is no administrator: no administration menu.
  await expect(page.getByRole('link', { name: 'Användare' })).toHaveCount(0);

  await areaNav.getByRole('link', { name: 'Norrby' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Norrby');
  await expect(page.getByText('Norrby torg')).toBeVisible();

  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('sign-out')).toContainText('Sign out');
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // The session is gone on the server too: a reload stays on the sign-in page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('an administrator manages the directory: adds an organisation and sees it listed', async ({ page }) => {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill('admin@exempelstad.se');
  await page.locator('input[name="password"]').fill('est-demo-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('Alva Admin');
  await page.getByRole('link', { name: 'Organisationer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisationer');
  await expect(page.getByRole('cell', { name: 'Lokalpolisområde Exempelstad', exact: true })).toBeVisible();

  await page.getByTestId('create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Namn').fill('Exempelstads Trygghetsvärdar');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: 'Övrig' }).click();
  await dialog.getByTestId('save').click();
  await expect(page.getByText('Sparat')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Exempelstads Trygghetsvärdar' });
  await expect(row.getByRole('cell', { name: 'Övrig', exact: true })).toBeVisible();
  // The change is stored: it is still there after a reload.
  await page.reload();
  await expect(page.getByRole('cell', { name: 'Exempelstads Trygghetsvärdar', exact: true })).toBeVisible();
});
