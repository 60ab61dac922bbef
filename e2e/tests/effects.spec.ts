import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { agreeCase, apiSignIn, ok, proposedCase, SAME_ORIGIN } from './support/api';

// Evaluation happens at a desk.
test.use({ viewport: { width: 1280, height: 900 } });

/**
 * Issue #16: the evaluation dialog shows the case's before/after figures over the weeks chosen, the figures are
 * stored with the evaluation and shown on the case page, and the effect register "Vad fungerar" lists the case.
 */
test('evaluating a case shows its before/after figures, stores them, and the register lists it', async ({ page }) => {
  const request = page.request;
  const title = `Skadegörelse i tvättstugan (effekt e2e ${Date.now()})`;
  const { id } = await proposedCase(request, title);
  await agreeCase(request, id);
  // The housing company's security chief carries the action out: the case moves to follow-up.
  await apiSignIn(request, 'security');
  const me = await ok<{ id: string }>(await request.get('/api/auth/me'));
  const agreed = await ok<{ actions: { id: string; version: number }[] }>(await request.get(`/api/cases/${id}`));
  let { version } = agreed.actions[0];
  for (const body of [{ type: 'ASSIGN', ownerId: me.id }, { type: 'START' }, { type: 'COMPLETE', report: 'Nytt lås och belysning monterade.' }])
    ({ version } = await ok<{ version: number }>(
      await request.post(`/api/actions/${agreed.actions[0].id}/events`, { headers: SAME_ORIGIN, data: { ...body, version } }),
    ));

  await apiSignIn(request, 'analyst');
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId('case-state')).toHaveText('Uppföljning');
  await page.getByRole('button', { name: 'Utvärdera' }).click();
  const dialog = page.getByRole('dialog');
  const preview = dialog.getByTestId('effect-preview');
  await expect(preview.getByRole('heading', { name: 'Före och efter' })).toBeVisible();
  await expect(preview.getByRole('region', { name: 'Före och efter' })).toBeVisible();
  await expect(preview.getByTestId('effect-sentences').locator('li')).toHaveCount(3);
  await expect(preview).toContainText('8 veckor före');
  // Twelve weeks instead of eight: the figures are computed again.
  await dialog.getByRole('combobox', { name: 'Veckor före och efter' }).click();
  await page.getByRole('option', { name: '12', exact: true }).click();
  await expect(preview).toContainText('12 veckor före');
  await expectAccessible(page, 'evaluation dialog with effect figures');
  const before = await preview.getByTestId('effect-treatment-before').textContent();

  await dialog.getByRole('radio', { name: /^Effektivt/ }).check();
  await dialog.getByRole('textbox', { name: 'Motivering' }).fill('Inga nya rapporter från tvättstugan sedan insatsen.');
  const early = dialog.getByRole('textbox', { name: 'Skäl att utvärdera tidigare' });
  if (await early.count()) await early.fill('Fastigheten byggs om, gruppen följs upp i ett nytt ärende.');
  await dialog.getByRole('button', { name: 'Utvärdera' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-state')).toHaveText('Avslutat');

  // The frozen figures on the case page: the same counts, with the weeks chosen.
  const frozen = page.getByTestId('case-effects');
  await expect(frozen.getByRole('heading', { name: 'Effekt vid utvärderingen' })).toBeVisible();
  await expect(frozen.getByTestId('effect-treatment-before')).toHaveText(before ?? '');
  await expect(frozen).toContainText('12 veckor före');

  // The register "Vad fungerar", from the side navigation.
  await page.getByTestId('effects-nav').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vad fungerar');
  const row = page.getByTestId('effect-row').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Effektivt');
  await expect(row).toContainText('Exempelbostäder AB');
  // The table scrolls inside a focusable region named by its heading.
  await expect(page.locator('[role="region"][tabindex="0"]').filter({ has: page.getByTestId('effect-table') })).toHaveAttribute(
    'aria-labelledby',
    'effects-heading',
  );
  await expectAccessible(page, 'effect register');
  // Filtered to "Inte effektivt", the case is not there.
  await page.getByRole('combobox', { name: 'Utfall' }).click();
  await page.getByRole('option', { name: /^Inte effektivt/ }).click();
  await expect(page.getByTestId('effect-row').filter({ hasText: title })).toHaveCount(0);
  await expect(page.getByTestId('effect-csv')).toHaveAttribute('href', /outcome=not_effective/);
});
