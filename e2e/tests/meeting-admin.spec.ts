import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiSignIn, ok } from './support/api';
import { expectAccessible, settled } from './support/a11y';

/**
 * The municipality's administrator opens a meeting the municipality does not take part in (the police's operational
 * group with Exempelbostäder AB): the page shows the meeting's facts and participants and says why there is no
 * more – no errors, no empty agenda – and is accessible and usable by keyboard.
 */
test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' };

test('administrator: a meeting of other organisations is shown for administration only', async ({ page }) => {
  const request = page.request;
  const stamp = Date.now();
  await apiSignIn(request, 'admin');
  const orgs = await ok<{ id: string; name: string }[]>(await request.get('/api/organizations'));
  const org = (name: string) => orgs.find((o) => o.name === name)!.id;
  const norrby = (await ok<{ id: string; name: string }[]>(await request.get('/api/areas'))).find((a) => a.name === 'Norrby')!.id;
  const email = `polissamordnare-${stamp}@polisen.exempel.se`;
  const password = 'Operativa-gruppen-leds-av-polisen';
  await ok(
    await request.post('/api/users', {
      headers: SAME_ORIGIN,
      data: { name: 'Pia Polissamordnare', email, organizationId: org('Lokalpolisområde Exempelstad'), roles: ['coordinator'], password },
    }),
  );
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  await ok(await request.post('/api/auth/login', { headers: SAME_ORIGIN, data: { email, password } }));
  const title = `Operativ grupp Norrby (admin ${stamp})`;
  const meeting = await ok<{ id: string }>(
    await request.post('/api/meetings', {
      headers: SAME_ORIGIN,
      data: {
        kind: 'operational',
        title,
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        place: 'Polishuset',
        areaIds: [norrby],
        organizationIds: [org('Exempelbostäder AB')],
        participants: [{ name: 'Pia Polissamordnare', organizationId: org('Lokalpolisområde Exempelstad') }],
      },
    }),
  );

  await apiSignIn(request, 'admin');
  await page.goto('/');
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS.admin.name);
  await page.goto(`/meetings/${meeting.id}`);
  await settled(page);
  await expect(page.getByTestId('meeting-title')).toHaveText(title);
  await expect(page.getByTestId('meeting-limited')).toContainText('Din organisation deltar inte i mötet');
  await expect(page.getByText('Pia Polissamordnare')).toBeVisible();
  await expect(page.getByTestId('agenda')).toHaveCount(0);
  await expect(page.getByTestId('meeting-controls')).toHaveCount(0);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expectAccessible(page, 'meeting of other organisations (admin)');

  // By keyboard: the way back to the list is reachable and works.
  const back = page.getByRole('link', { name: 'Alla möten' });
  await back.focus();
  await expect(back).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
