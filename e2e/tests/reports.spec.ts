import { expect, test, type Page } from '@playwright/test';

// The reporter works on a phone.
test.use({ viewport: { width: 390, height: 844 } });

async function signIn(page: Page, email: string, name: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('est-demo-2026');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(name);
}

async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a reporter files a report from a phone; the analyst finds it in the week’s situational picture and sets the level', async ({ page }) => {
  const description = `Nytt klotter på bänkarna vid torget (e2e ${Date.now()})`;

  // --- The reporter, on a 390 × 844 phone -------------------------------------------------------------------
  await signIn(page, 'rapportor@exempelbostader.se', 'Rasmus Rapportör');
  const newReport = page.getByTestId('new-report');
  await expect(newReport).toBeVisible();
  await newReport.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny rapport');

  // Exempelbostäder takes part in two areas: the reporter picks Norrby, then one of its places.
  await choose(page, 'Område', 'Norrby');
  await choose(page, 'Plats', 'Norrby torg');
  await choose(page, 'Kategori', 'Klotter');
  // The time defaults to now.
  await expect(page.getByLabel('Datum')).not.toHaveValue('');
  await expect(page.getByLabel('Klockslag')).not.toHaveValue('');
  await page.getByRole('radio', { name: 'Medel' }).check();
  await page.getByRole('textbox', { name: 'Beskrivning' }).fill(description);
  await expect(page.getByTestId('privacy-warning')).toBeEmpty();
  await page.getByRole('button', { name: 'Skicka rapport' }).click();

  await expect(page.getByRole('heading', { name: 'Tack! Rapporten är skickad.' })).toBeVisible();
  await expect(page.getByText('Rapporten är skickad', { exact: true })).toBeVisible();
  const saved = page.getByTestId('report-saved');
  await expect(saved).toContainText('Norrby torg');
  await expect(saved).toContainText('Klotter');
  await expect(saved.getByRole('link', { name: 'Lägesbild för Norrby' })).toBeVisible();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login$/);

  // --- The analyst -------------------------------------------------------------------------------------------
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'analytiker@exempelstad.se', 'Anders Analytiker');
  await page.getByRole('link', { name: 'Översikt', exact: true }).click();
  const norrbyCard = page
    .getByTestId('area-cards')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Norrby' }) });
  await expect(norrbyCard.getByTestId('level-now')).toHaveText('Ingen bedömning ännu');
  await norrbyCard.getByRole('link', { name: 'Lägesbild för Norrby' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lägesbild – Norrby');
  await expect(page.getByTestId('week-label')).toHaveText(/^Vecka \d{1,2}, \d{1,2}/);
  // The current week: "Denna vecka" is where we are, and there is no later week yet.
  await expect(page.getByTestId('week-current')).toBeDisabled();
  await expect(page.getByTestId('week-next')).toBeDisabled();
  await expect(page.getByTestId('total-count')).not.toHaveText('0');

  // The report is in the week's list (filtered to graffiti).
  await choose(page, 'Kategori', 'Klotter');
  const item = page.getByTestId('report-item').filter({ hasText: description });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Norrby torg');
  await expect(item).toContainText('Exempelbostäder AB');
  await expect(page.getByTestId('export-csv')).toHaveAttribute('href', /\/api\/reports\/export\.csv\?.*categoryId=/);

  // The analyst assesses the week as yellow.
  await expect(page.getByTestId('level-current')).toContainText('Veckan har ingen bedömning ännu.');
  await page.getByRole('radio', { name: 'Gul' }).check();
  const rationale = 'Mer klotter kring torget än vanligt; bevaka helgen.';
  await page.getByRole('textbox', { name: 'Motivering' }).fill(rationale);
  await page.getByRole('button', { name: 'Spara bedömning' }).click();
  await expect(page.getByText('Bedömningen är sparad')).toBeVisible();
  const current = page.getByTestId('level-current');
  await expect(current.locator('sv-level-chip')).toHaveText(/Gul/);
  await expect(current).toContainText('Förhöjd oro – bevaka');
  await expect(current).toContainText(rationale);
  await expect(current).toContainText('Bedömd av Anders Analytiker');

  // It is stored: after a reload and on the overview.
  await page.reload();
  await expect(page.getByTestId('level-current').locator('sv-level-chip')).toHaveText(/Gul/);
  await page.getByRole('link', { name: 'Översikt' }).click();
  await expect(norrbyCard.getByTestId('level-now')).toHaveText(/Gul/);
});
