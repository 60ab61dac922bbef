import { expect, test } from '@playwright/test';
import { settled } from './support/a11y';
import { apiSignIn, ok } from './support/api';

/**
 * Issue #17 parts 3 and 10: the picture's chart is drawn only when it comes near the viewport (it is not in the way of
 * the page's first view on a phone), yet the browser's own print (Ctrl+P, which fires `beforeprint` and lays the page
 * out right after it) has the chart even though it was never scrolled into view.
 */
test.use({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });

test('printing the picture on a phone includes the trend chart that was never scrolled into view', async ({ page }) => {
  await apiSignIn(page.request, 'analyst');
  const norrby = (await ok<{ id: string; name: string }[]>(await page.request.get('/api/areas'))).find((a) => a.name === 'Norrby')!;
  await page.goto(`/areas/${norrby.id}/picture`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lägesbild – Norrby');
  await settled(page);

  const chart = page.locator('sv-trend-chart');
  // chart.js is loaded once the page is idle, but the chart, far below the fold, is not drawn.
  await expect(chart).toHaveAttribute('data-chart', 'loaded');
  const below = await chart.locator('canvas').evaluate((c) => c.getBoundingClientRect().top - window.innerHeight);
  expect(below).toBeGreaterThan(200);

  // Ctrl+P: the print media and the browser's beforeprint; the chart must be drawn within the event itself.
  await page.emulateMedia({ media: 'print' });
  const during = await chart.evaluate((host) => {
    window.dispatchEvent(new Event('beforeprint'));
    const canvas = host.querySelector('canvas')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return { state: host.dataset['chart'], width: canvas.width, height: canvas.height, painted };
  });
  expect(during.state).toBe('drawn');
  expect(during.width).toBeGreaterThan(0);
  expect(during.height).toBeGreaterThan(0);
  expect(during.painted).toBeGreaterThan(100);
  // In print the chart is there, and so is the table with the same figures.
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('trend-table')).toBeVisible();
});
