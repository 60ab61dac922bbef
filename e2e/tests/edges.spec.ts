import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, type Account } from './support/api';

// The rough edges a new user meets (issue 17, parts 7–10): a clean console, a phone of 360 px, Swedish formats in an
// American browser, the CSV's name, the printed picture and the import of a partner's export.

/** A 1×1 PNG: the map's tiles come from the Internet, which is no part of these tests. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function offlineTiles(page: Page): Promise<void> {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
}

async function signIn(page: Page, who: Account): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(ACCOUNTS[who].email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS[who].name);
}

async function norrbyId(page: Page): Promise<string> {
  const areas = (await (await page.request.get('/api/areas')).json()) as { id: string; name: string }[];
  return areas.find((a) => a.name === 'Norrby')!.id;
}

test.describe('the browser console', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('stays free of errors on the main pages, signed out and signed in', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    await offlineTiles(page);

    // Signed out: the start page asks who is signed in (no 401 for that) and lands on the sign-in page.
    for (const url of ['/', '/login', '/tillganglighet']) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    }
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await signIn(page, 'coordinator');
    const norrby = await norrbyId(page);
    for (const url of [
      '/',
      `/areas/${norrby}/picture`,
      `/areas/${norrby}`,
      `/cases?area=${norrby}`,
      '/meetings',
      '/reports/new',
      '/reports/import',
      '/cases/actions',
      '/cases/follow-up',
    ]) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(errors).toEqual([]);
  });

  test('robots.txt keeps crawlers out, as plain text', async ({ request }) => {
    const res = await request.get('/robots.txt');
    expect(res.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('User-agent: *\nDisallow: /\n');
  });
});

test.describe('on a phone of 360 × 740', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("the sign-in card fits the screen, the header takes at most 64 px, and the week's level form closes after saving", async ({ page }) => {
    await offlineTiles(page);
    await page.goto('/login');
    const card = (await page.locator('.login-card').boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await signIn(page, 'analyst');
    const header = (await page.locator('.app-header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(64);
    expect(header.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The user's name, no longer in the toolbar, is in the menu.
    await page.getByRole('button', { name: 'Öppna menyn' }).click();
    await expect(page.locator('.menu-user')).toContainText(ACCOUNTS.analyst.name);
    await page.keyboard.press('Escape');

    await page.goto(`/areas/${await norrbyId(page)}/picture?week=2026-W30`);
    const edit = page.getByTestId('level-edit');
    await expect(page.getByTestId('level-form').or(edit)).toBeVisible();
    if (await edit.isVisible()) await edit.click();
    const form = page.getByTestId('level-form');
    await form.getByTestId('level-yellow').click();
    await form.getByTestId('level-rationale-input').fill('Fler rapporter om klotter vid torget (telefon)');
    await form.getByTestId('level-save').click();
    await expect(page.getByTestId('level-rationale')).toHaveText('Fler rapporter om klotter vid torget (telefon)');
    await expect(form).toHaveCount(0);
    await expect(edit).toBeFocused();
  });
});

test.describe('in an American browser', () => {
  test.use({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });

  test('dates and times read 2026-12-02 and 22:30, the CSV is named by area and week, the printed picture is marked', async ({ page }) => {
    await offlineTiles(page);
    await signIn(page, 'coordinator');
    await page.goto('/reports/new');
    const date = page.locator('input[name="date"]');
    const time = page.locator('input[name="time"]');
    await expect(date).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(time).toHaveValue(/^([01]\d|2[0-3]):[0-5]\d$/);
    expect(await date.getAttribute('type')).toBe('text');
    await time.fill('2230');
    await time.blur();
    await expect(time).toHaveValue('22:30');

    const norrby = await norrbyId(page);
    await page.goto(`/areas/${norrby}/picture?week=2026-W49`);
    await expect(page.getByTestId('week-label')).toContainText('49');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe('rapporter-norrby-2026-v49.csv');

    await page.emulateMedia({ media: 'print' });
    const header = page.getByTestId('print-header');
    await expect(header).toBeVisible();
    await expect(header).toContainText('Exempelstad kommun');
    await expect(header).toContainText(/Utskriven \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(header).toContainText('Arbetsmaterial – begränsad spridning');
    // Nothing taller than a printed page is kept whole (it would be pushed to the next page, leaving this one half
    // empty): an A4 page holds about 1 000 CSS pixels.
    const keptWhole = await page.evaluate(() =>
      Array.from(document.querySelectorAll('sv-situation-picture *'))
        .filter((e) => getComputedStyle(e).breakInside === 'avoid' && e.getBoundingClientRect().height > 900)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().height)} px`),
    );
    expect(keptWhole).toEqual([]);
  });
});

test.describe("importing a partner's export", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the coordinator credits the file to the housing company; every message is Swedish and said once', async ({ page }) => {
    await signIn(page, 'coordinator');
    await page.goto('/reports/import');
    await page.getByTestId('import-area').click();
    await page.getByRole('option', { name: 'Norrby', exact: true }).click();
    await page.getByTestId('import-source').click();
    // Only the partners of Norrby (not Hyresfastigheter, which takes part in Centrum and Söderdal only).
    await expect(page.getByRole('option')).toHaveText([
      'Exempelstad kommun (din organisation)',
      'Exempelbostäder AB',
      'Lokalpolisområde Exempelstad',
      'Norrby Centrum',
    ]);
    await page.getByRole('option', { name: 'Exempelbostäder AB' }).click();

    const stamp = Date.now();
    const bad = [
      'Händelse-id;Tidpunkt;Plats;Kategori;Beskrivning',
      `E-${stamp}-1;2026-10-05 20:00;Norrby torg;Klotter;Klotter i trapphuset`,
      `E-${stamp}-2;igår;Norrby torg;Klotter;Klotter vid entrén`,
    ].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'exempelbostader.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-failure')).toHaveText(
      '1 av 2 rader avvisades, så ingenting importerades. Välj "Importera endast giltiga rader" för att importera de andra.',
    );
    await expect(page.getByTestId('rejected-table')).toContainText('"igår" är inte en tidpunkt');
    await expect(page.getByText('Importen misslyckades')).toHaveCount(1);

    await page.getByRole('button', { name: 'Importera en fil till' }).click();
    await page.getByTestId('import-valid-only').locator('input').check();
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-credited')).toHaveText('Rapporterna räknas till Exempelbostäder AB.');
    await expect(page.getByTestId('rows-imported')).toHaveText('1');
  });
});
