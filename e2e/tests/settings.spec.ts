import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, settled } from './support/a11y';
import { ACCOUNTS, SAME_ORIGIN, apiSignIn, ok, proposedCase } from './support/api';

/**
 * Issue #17 part 4: who agrees actions is the installation's rule. The administrator changes it on the workflow
 * settings page (each choice explained); a coordinator's case page then explains the rule and offers no decision
 * button; the rule is set back through the same page.
 */
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

async function openSettingsAsAdmin(page: Page): Promise<void> {
  await apiSignIn(page.request, 'admin');
  await page.goto('/');
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS.admin.name);
  // Reached from the Administration group of the side navigation.
  await page.getByTestId('admin-nav').getByRole('link', { name: 'Arbetsgång' }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Arbetsgång');
  await expect(page.getByTestId('settings-form')).toBeVisible();
}

async function chooseRuleAndSave(page: Page, label: string): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings/workflow') && r.request().method() === 'PUT');
  await page.getByRole('radio', { name: label }).check();
  await page.getByTestId('save').click();
  expect((await saved).status()).toBe(200);
}

test('administrator sets "only at a chefssamråd"; the coordinator\'s case page explains and follows it', async ({ page }) => {
  const request = page.request;
  const { id } = await proposedCase(request, `Klotter vid busshållplatsen (inställningar ${Date.now()})`);

  // Under the default rule the coordinator may agree the actions on the case page.
  await apiSignIn(request, 'coordinator');
  await page.goto(`/cases/${id}`);
  await settled(page);
  await expect(page.getByTestId('decision-rule')).toContainText('Samordnaren eller en chef kan besluta här');
  await expect(page.getByTestId('event-AGREE')).toBeVisible();

  try {
    await openSettingsAsAdmin(page);
    await expect(page.getByRole('radio', { name: 'Samordnaren eller en chef på ärendesidan' })).toBeChecked();
    await expect(page.getByText('Insatser beslutas bara vid ett chefssamråd. På ärendesidan kan ingen besluta')).toBeVisible();
    await settled(page);
    await expectAccessible(page, 'workflow settings (admin)');
    await chooseRuleAndSave(page, 'Endast vid chefssamråd');
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Endast vid chefssamråd' })).toBeChecked();

    await apiSignIn(request, 'coordinator');
    await page.goto(`/cases/${id}`);
    await settled(page);
    await expect(page.getByTestId('decision-rule')).toContainText('bara vid ett chefssamråd');
    await expect(page.getByTestId('event-AGREE')).toHaveCount(0);
    // The API enforces the same rule: an AGREE outside a meeting is refused.
    const c = await ok<{ version: number }>(await request.get(`/api/cases/${id}`));
    const refused = await request.post(`/api/cases/${id}/events`, { headers: SAME_ORIGIN, data: { type: 'AGREE', version: c.version } });
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    expect(refused.status()).toBeLessThan(500);
  } finally {
    // Back to the default rule, through the page, so that the other specs find the demo's installation as it was.
    await openSettingsAsAdmin(page);
    await chooseRuleAndSave(page, 'Samordnaren eller en chef på ärendesidan');
  }
});
