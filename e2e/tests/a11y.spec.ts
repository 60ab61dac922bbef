import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, agreeCase, apiSignIn, norrbyMeeting, ok, proposedCase, SAME_ORIGIN, type Account } from './support/api';
import { expectAccessible, settled } from './support/a11y';

/**
 * WCAG 2.1 AA (the level the Swedish law on accessibility of digital public services requires, through EN 301 549):
 * axe-core checks every page of the client, signed in as each role where the pages differ, in Swedish and English,
 * with the dialogs open, and the reporter's form on a phone. Any serious or critical violation fails the test; the
 * failure names the rule and the elements. Nothing is excluded (see `EXCLUDE` in support/a11y.ts).
 */

test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

async function signIn(page: Page, who: Account): Promise<void> {
  await apiSignIn(page.request, who);
  await page.goto('/');
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS[who].name);
}

/** Opens `url` and checks it once it has settled. */
async function check(page: Page, url: string, label: string, ready?: () => Promise<void>): Promise<void> {
  await page.goto(url);
  await settled(page);
  if (ready) await ready();
  await expectAccessible(page, label);
}

/** Opens the dialog behind `opener`, checks the page with the dialog open, and closes it with Escape. */
async function checkDialog(page: Page, opener: Locator, label: string): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(200);
  await expectAccessible(page, label);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

async function switchLanguage(page: Page, to: 'sv' | 'en'): Promise<void> {
  await page.getByTestId('lang-switch').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

async function areaId(page: Page, name: string): Promise<string> {
  const areas = await ok<{ id: string; name: string }[]>(await page.request.get('/api/areas'));
  return areas.find((a) => a.name === name)!.id;
}

test('public pages: sign-in and the accessibility statement, in Swedish and English, on a desk and a phone', async ({ page }) => {
  await check(page, '/login', 'sign-in (sv)');
  // The statement is linked from the sign-in page.
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page).toHaveURL(/\/tillganglighet$/);
  await settled(page);
  await expectAccessible(page, 'accessibility statement (sv)');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement for Samverka');
  await expectAccessible(page, 'accessibility statement (en)');
  await check(page, '/login', 'sign-in (en)');
  // A failed sign-in shows its message.
  await page.locator('input[name="email"]').fill('nobody@example.se');
  await page.locator('input[name="password"]').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong e-mail address or password');
  await expectAccessible(page, 'sign-in with error (en)');
  await page.setViewportSize({ width: 390, height: 844 });
  await check(page, '/login', 'sign-in (en, phone)');
  await switchLanguage(page, 'sv');
  await check(page, '/tillganglighet', 'accessibility statement (sv, phone)');
});

test('reporter on a phone: overview, menu, new report form with errors and confirmation, in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'reporter');
  await settled(page);
  await expectAccessible(page, 'overview (reporter, phone)');
  // Every signed-in page links the accessibility statement in its footer.
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' })).toHaveAttribute('href', '/tillganglighet');
  await page.getByRole('button', { name: 'Öppna menyn' }).click();
  await expect(page.locator('mat-sidenav')).toBeVisible();
  await page.waitForTimeout(200);
  await expectAccessible(page, 'menu open (reporter, phone)');
  await page.keyboard.press('Escape');

  await check(page, '/reports/new', 'new report (reporter, phone, sv)');
  await page.getByRole('button', { name: 'Skicka rapport' }).click();
  await expectAccessible(page, 'new report with errors (reporter, phone, sv)');
  // A description that looks like personal data shows the warning and its confirmation.
  await page.getByRole('textbox', { name: 'Beskrivning' }).fill('Ring 070-123 45 67 om något händer');
  await expect(page.getByTestId('privacy-warning')).not.toBeEmpty();
  await expectAccessible(page, 'new report with privacy warning (reporter, phone, sv)');

  await switchLanguage(page, 'en');
  await check(page, '/reports/new', 'new report (reporter, phone, en)');
  await page.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Norrby', exact: true }).click();
  await page.getByRole('combobox', { name: 'Place' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectAccessible(page, 'new report, place list open (reporter, phone, en)');
  await page.getByRole('option', { name: 'Norrby torg', exact: true }).click();
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Graffiti', exact: true }).click();
  await page.getByRole('radio', { name: 'Medium' }).check();
  await page.getByRole('textbox', { name: 'Description' }).fill('New graffiti on the benches by the square (a11y test).');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByTestId('report-saved')).toBeVisible();
  await page.waitForTimeout(200);
  await expectAccessible(page, 'report sent (reporter, phone, en)');
  await switchLanguage(page, 'sv');

  await page.setViewportSize({ width: 1280, height: 900 });
  const norrby = await areaId(page, 'Norrby');
  await check(page, `/areas/${norrby}`, 'area page (reporter)');
  await check(page, `/areas/${norrby}/picture`, 'situation picture (reporter)', () => expect(page.getByTestId('map')).toBeVisible());
  await check(page, `/cases?area=${norrby}`, 'case board (reporter)', () => expect(page.getByTestId('board')).toBeVisible());
});

test('administrator: the directory screens and their dialogs', async ({ page }) => {
  await signIn(page, 'admin');
  await settled(page);
  await expectAccessible(page, 'overview (admin)');

  await check(page, '/admin/organizations', 'organisations (admin)', () => expect(page.getByTestId('row').first()).toBeVisible());
  await checkDialog(page, page.getByTestId('create'), 'organisation dialog (admin)');
  // The dialog's validation messages.
  await page.getByTestId('create').click();
  await page.getByRole('dialog').getByTestId('save').click();
  await expectAccessible(page, 'organisation dialog with errors (admin)');
  await page.keyboard.press('Escape');

  await check(page, '/admin/users', 'users (admin)', () => expect(page.getByTestId('row').first()).toBeVisible());
  await checkDialog(page, page.getByTestId('create'), 'new user dialog (admin)');
  await checkDialog(page, page.getByTestId('row').first().getByRole('button').first(), 'edit user dialog (admin)');

  await check(page, '/admin/areas', 'areas (admin)', () => expect(page.getByTestId('row').first()).toBeVisible());
  await checkDialog(page, page.getByTestId('create'), 'new area dialog (admin)');
  const norrby = await areaId(page, 'Norrby');
  await check(page, `/admin/areas/${norrby}`, 'area with places (admin)', () => expect(page.getByTestId('row').first()).toBeVisible());
  await checkDialog(page, page.getByTestId('edit-area'), 'edit area dialog (admin)');
  await checkDialog(page, page.getByTestId('create-place'), 'new place dialog (admin)');

  await check(page, '/admin/categories', 'categories (admin)', () => expect(page.getByTestId('row').first()).toBeVisible());
  await checkDialog(page, page.getByTestId('create'), 'new category dialog (admin)');

  await switchLanguage(page, 'en');
  await check(page, '/admin/users', 'users (admin, en)', () => expect(page.getByTestId('row').first()).toBeVisible());
  await check(page, `/areas/${norrby}`, 'area page (admin, en)');
});

test('coordinator: overview, import, situation picture with map and chart, cases and follow-up', async ({ page }) => {
  const c = await proposedCase(page.request, `Klotter vid tvättstugan (a11y ${Date.now()})`);
  await signIn(page, 'coordinator');
  await settled(page);
  await expectAccessible(page, 'overview (coordinator)');
  await check(page, '/reports/import', 'import (coordinator)');
  await check(page, `/areas/${c.areaId}/picture`, 'situation picture with map and chart (coordinator)', async () => {
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    await expect(page.getByTestId('trend-table')).toBeAttached();
  });
  // The chart's figures as a table, shown with its toggle.
  await page.getByRole('button', { name: 'Visa som tabell' }).click();
  await expect(page.getByTestId('trend-table')).toBeVisible();
  await expectAccessible(page, 'situation picture with the trend table shown (coordinator)');
  await check(page, `/cases?area=${c.areaId}`, 'case board (coordinator)', () => expect(page.getByTestId('case-card').first()).toBeVisible());
  await check(page, '/cases/new', 'new case (coordinator)', () => expect(page.getByTestId('report-option').first()).toBeVisible());
  await check(page, `/cases/${c.id}`, 'case page, proposed (coordinator)', () => expect(page.getByTestId('history-entry').first()).toBeVisible());
  await check(page, '/cases/follow-up', 'follow-up (coordinator)');

  await switchLanguage(page, 'en');
  await check(page, '/', 'start page (coordinator, en)');
  await check(page, '/overview', 'overview (coordinator, en)');
  await check(page, `/areas/${c.areaId}/picture`, 'situation picture (coordinator, en)', () =>
    expect(page.locator('.leaflet-marker-icon').first()).toBeVisible(),
  );
  await check(page, `/cases?area=${c.areaId}`, 'case board (coordinator, en)', () => expect(page.getByTestId('case-card').first()).toBeVisible());
  await check(page, `/cases/${c.id}`, 'case page (coordinator, en)', () => expect(page.getByTestId('history-entry').first()).toBeVisible());
});

test('coordinator: meetings – list, new, agenda editor, the secretary view in session, confirmation, projector view', async ({ page }) => {
  const stamp = Date.now();
  const running = await proposedCase(page.request, `Skadegörelse i entrén (a11y ${stamp})`);
  const plannedMeeting = await norrbyMeeting(page.request, `Chefssamråd Norrby (a11y planerat ${stamp})`);
  const meeting = await norrbyMeeting(page.request, `Chefssamråd Norrby (a11y ${stamp})`, running.id);

  await signIn(page, 'coordinator');
  await check(page, '/meetings', 'meetings (coordinator)', () => expect(page.getByTestId('meeting-row').first()).toBeVisible());
  await check(page, '/meetings/new', 'new meeting (coordinator)');
  await check(page, `/meetings/${plannedMeeting.id}`, 'meeting planned, agenda editor (coordinator)', () =>
    expect(page.getByTestId('agenda-editor')).toBeVisible(),
  );
  await check(page, `/meetings/${meeting.id}`, 'meeting in session, secretary view (coordinator)', () =>
    expect(page.getByTestId('decision-buttons')).toBeVisible(),
  );
  await checkDialog(page, page.getByTestId('end-meeting'), 'end meeting confirmation (coordinator)');
  await check(page, `/meetings/${meeting.id}/present`, 'projector view (coordinator)', () => expect(page.getByTestId('present-title')).toBeVisible());

  await page.goto('/meetings');
  await settled(page);
  await switchLanguage(page, 'en');
  await check(page, `/meetings/${meeting.id}`, 'meeting in session (coordinator, en)', () => expect(page.getByTestId('decision-buttons')).toBeVisible());
  await check(page, `/meetings/${meeting.id}/present`, 'projector view (coordinator, en)', () => expect(page.getByTestId('present-title')).toBeVisible());
});

test('analyst: situation picture with the level form, a case in analysis, follow-up', async ({ page }) => {
  const c = await proposedCase(page.request, `Bränder i papperskorgar (a11y ${Date.now()})`);
  await apiSignIn(page.request, 'analyst');
  const created = await ok<{ id: string; version: number }>(
    await page.request.post('/api/cases', {
      headers: SAME_ORIGIN,
      data: { areaId: c.areaId, title: `Buskörning på gångvägen (a11y ${Date.now()})`, description: 'Mopeder kör på gångvägen kvällstid.' },
    }),
  );
  await ok(await page.request.post(`/api/cases/${created.id}/events`, { headers: SAME_ORIGIN, data: { type: 'START_ANALYSIS', version: created.version } }));
  await signIn(page, 'analyst');
  await check(page, `/areas/${c.areaId}/picture`, 'situation picture with level form (analyst)', async () => {
    // A judged week shows its level; its form opens on "Ändra nivån".
    if (await page.getByTestId('level-edit').isVisible()) await page.getByTestId('level-edit').click();
    await expect(page.getByTestId('level-form')).toBeVisible();
  });
  // The level form's validation message.
  await page.getByTestId('level-rationale-input').fill('');
  await page.getByTestId('level-save').click();
  await expectAccessible(page, 'level form with error (analyst)');
  await check(page, `/cases/${created.id}`, 'case page, analysis with plan editor (analyst)', () => expect(page.getByTestId('plan-editor')).toBeVisible());
  await check(page, '/cases/follow-up', 'follow-up (analyst)');
});

test('police commander: a proposal to decide, the agree dialog, my actions and a meeting followed live', async ({ page }) => {
  const stamp = Date.now();
  const c = await proposedCase(page.request, `Otrygg passage vid busshållplatsen (a11y ${stamp})`);
  const meeting = await norrbyMeeting(page.request, `Chefssamråd Norrby (a11y polis ${stamp})`, c.id);
  await signIn(page, 'police');
  await settled(page);
  await expectAccessible(page, 'overview (commander)');
  await check(page, `/cases?area=${c.areaId}`, 'case board (commander)', () => expect(page.getByTestId('case-card').first()).toBeVisible());
  await check(page, `/cases/${c.id}`, 'case page, proposed (commander)', () => expect(page.getByRole('button', { name: 'Besluta insatserna' })).toBeVisible());
  await page.getByRole('button', { name: 'Besluta insatserna' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.waitForTimeout(200);
  await expectAccessible(page, 'agree dialog (commander)');
  await page.keyboard.press('Escape');
  await check(page, '/cases/actions', 'my actions (commander)');
  await check(page, `/meetings/${meeting.id}`, 'meeting in session, participant view (commander)', () =>
    expect(page.getByTestId('live-state')).toContainText('Uppdateras direkt'),
  );
});

test('security chief (commander and action owner): my actions with an action and its dialogs, the agreed case', async ({ page }) => {
  const c = await proposedCase(page.request, `Mörk gångtunnel (a11y ${Date.now()})`);
  await agreeCase(page.request, c.id);
  await signIn(page, 'security');
  await check(page, '/cases/actions', 'my actions (action owner)', () => expect(page.getByTestId('my-action').first()).toBeVisible());
  const mine = page.getByTestId('my-action').filter({ hasText: 'Mörk gångtunnel' });
  await checkDialog(page, mine.getByRole('button', { name: 'Tilldela' }), 'assign dialog (action owner)');
  await check(page, `/cases/${c.id}`, 'case page, agreed (action owner)', () => expect(page.getByTestId('case-action').first()).toBeVisible());
  await switchLanguage(page, 'en');
  await check(page, '/cases/actions', 'my actions (action owner, en)', () => expect(page.getByTestId('my-action').first()).toBeVisible());
});
