import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, settled } from './support/a11y';
import { ACCOUNTS, apiSignIn, ok, proposedCase, SAME_ORIGIN, type Account } from './support/api';

/**
 * The start page "Att göra" per role and "Mina rapporter" (issue #15, parts 5 and 6), with the demo accounts: a case
 * waiting for a decision shows on the coordinator's and the commander's start page and leads to the case; the
 * reporter follows a report into the case it became part of. axe-core checks each new page.
 */

test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

async function signIn(page: Page, who: Account): Promise<void> {
  await apiSignIn(page.request, who);
  await page.goto('/');
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS[who].name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
  await settled(page);
}

interface Named {
  id: string;
  name: string;
}

test('a case awaiting a decision is on the coordinator’s and the commander’s start page, each line a link', async ({ page }) => {
  const title = `Väntar på beslut ${Date.now()}`;
  const c = await proposedCase(page.request, title);

  for (const who of ['coordinator', 'police'] as const) {
    await signIn(page, who);
    const group = page.locator('[data-kind="case_decision"]');
    await expect(group.getByRole('heading', { level: 2 })).toContainText('Ärenden som väntar på dig');
    const line = group.getByRole('link', { name: title });
    await expect(line).toBeVisible();
    await expect(group.getByTestId('attention-item').filter({ hasText: title })).toContainText('Förslag – väntar på beslut');
    await expectAccessible(page, `start page (${who})`);
    await line.click();
    await expect(page).toHaveURL(new RegExp(`/cases/${c.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }

  // The coordinator also sees the areas without this week's level; the link opens the area's picture.
  await signIn(page, 'coordinator');
  const levels = page.locator('[data-kind="missing_level"]');
  await expect(levels.getByRole('heading', { level: 2 })).toContainText('Områden utan läge vecka');
  await levels.getByRole('link', { name: /^Norrby/ }).click();
  await expect(page).toHaveURL(/\/areas\/[^/]+\/picture$/);
});

test('the reporter’s start page, "Mina rapporter" with the case a report became part of, and the report page', async ({ page }) => {
  const marker = `Mina rapporter ${Date.now()}`;
  // The reporter files a report; an analyst opens a case with it.
  await apiSignIn(page.request, 'reporter');
  const norrby = (await ok<Named[]>(await page.request.get('/api/areas'))).find((a) => a.name === 'Norrby')!;
  const categories = await ok<{ id: string; code: string }[]>(await page.request.get('/api/categories'));
  const report = await ok<{ id: string }>(
    await page.request.post('/api/reports', {
      headers: SAME_ORIGIN,
      data: {
        areaId: norrby.id,
        categoryId: categories[0].id,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        assessment: 'medium',
        policeNotified: false,
        description: `Klotter på cykelstället (${marker}).`,
      },
    }),
  );
  await apiSignIn(page.request, 'analyst');
  const caseTitle = `Klotter på cykelstället ${Date.now()}`;
  const created = await ok<{ id: string }>(
    await page.request.post('/api/cases', {
      headers: SAME_ORIGIN,
      data: { areaId: norrby.id, title: caseTitle, description: 'Återkommande klotter på cykelstället.', reportIds: [report.id] },
    }),
  );

  await signIn(page, 'reporter');
  // The reporter decides nothing: no case lines, whatever else waits.
  await expect(page.locator('[data-kind="case_decision"]')).toHaveCount(0);
  await expectAccessible(page, 'start page (reporter)');

  await page.getByRole('link', { name: 'Mina rapporter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mina rapporter');
  const mine = page.getByTestId('my-report').filter({ has: page.getByRole('link', { name: caseTitle }) });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByTestId('case-state')).toHaveText('Inkommet');
  await expect(mine.getByTestId('case-outcome')).toHaveText('Inte utvärderat än');
  await expect(mine).toContainText('Inga insatser är beslutade ännu.');
  await settled(page);
  await expectAccessible(page, 'my reports (reporter)');

  await mine.getByRole('heading', { level: 2 }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/reports/${report.id}$`));
  await expect(page.getByTestId('report-description')).toContainText(marker);
  await expect(page.getByTestId('report-case').getByRole('link', { name: caseTitle })).toHaveAttribute('href', `/cases/${created.id}`);
  await settled(page);
  await expectAccessible(page, 'report page (reporter)');
});
