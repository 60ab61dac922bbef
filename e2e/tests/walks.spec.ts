import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ACCOUNTS, SAME_ORIGIN, apiSignIn, ok } from './support/api';
import { expectAccessible, settled } from './support/a11y';

/**
 * Safety walks on a phone (360 px): the coordinator plans a walk with a route drawn on the map, starts it, records a
 * finding with the phone's position and a real JPEG photo while offline, sees it waiting, and the phone sends it when
 * the connection returns – through a lost answer and a reload – so that the API holds it exactly once, with its photo
 * and without the photo's GPS metadata. axe-core checks every walk page on the way.
 */

test.use({
  viewport: { width: 360, height: 780 },
  reducedMotion: 'reduce',
  geolocation: { latitude: 59.1955, longitude: 17.6253 },
  permissions: ['geolocation'],
});

interface Walk {
  id: string;
  state: string;
  version: number;
  caseId: string | null;
  route: { coordinates: [number, number][] } | null;
  invitedOrganizations: { id: string; name: string }[];
  participantCounts: Record<string, number>;
  findings: {
    id: string;
    description: string;
    severity: string;
    latitude: number | null;
    longitude: number | null;
    photos: { id: string; url: string; thumbnailUrl: string; width: number; height: number }[];
  }[];
}

/** A real JPEG from a camera: 1600×1200 with EXIF GPS tags (the position the server must strip). */
async function cameraJpeg(): Promise<Buffer> {
  const { data, info } = await sharp({ create: { width: 160, height: 120, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // A little structure, so that the image is not one flat colour.
  for (let i = 0; i < data.length; i += 3) data[i] = (i / 3) % info.width;
  return sharp(data, { raw: info })
    .resize(1600, 1200)
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'Testkamera', Model: 'E2E-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 11/1 4380/100', GPSLongitudeRef: 'E', GPSLongitude: '17/1 37/1 3108/100' },
    })
    .toBuffer();
}

/** Opens a select from the keyboard (as a keyboard user would) and picks the option. */
async function chooseOption(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option }).first().click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

test('coordinator on a phone: plan, start, record a finding with a photo offline, and it is stored once when back online', async ({ page, context }) => {
  const photo = await cameraJpeg();
  expect((await sharp(photo).metadata()).exif, 'the test photo carries EXIF (with GPS)').toBeTruthy();

  await apiSignIn(page.request, 'coordinator');
  await page.goto('/walks');
  await expect(page.getByTestId('user-name')).toHaveText(ACCOUNTS.coordinator.name);
  await settled(page);
  await expectAccessible(page, 'walks list (coordinator, phone)');

  // Plan: area, title, time, meeting point, a route of two points drawn on the map, an invited partner, counts.
  await page.getByTestId('new-walk').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planera trygghetsvandring');
  await chooseOption(page, 'walk-area', 'Norrby');
  const title = `Trygghetsvandring Norrby e2e ${Date.now()}`;
  await page.getByTestId('walk-title').fill(title);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('walk-date').fill(tomorrow);
  await page.getByTestId('walk-time').fill('18:30');
  await page.getByTestId('walk-meeting-point').fill('Norrby torg, vid fontänen');
  const map = page.getByTestId('walk-map');
  await expect(map.locator('.leaflet-map-pane')).toBeAttached();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.3, y: box.height * 0.4 } });
  await expect(page.getByTestId('route-points').locator('li')).toHaveCount(1);
  await map.click({ position: { x: box.width * 0.7, y: box.height * 0.6 } });
  await expect(page.getByTestId('route-points').locator('li')).toHaveCount(2);
  await page.getByTestId('walk-invited').getByText('Exempelbostäder AB').click();
  await page.getByTestId('count-residents').fill('12');
  await expect(page.getByTestId('walk-checklist')).not.toBeEmpty();
  await settled(page);
  await expectAccessible(page, 'plan a walk (coordinator, phone)');
  await page.getByTestId('walk-save').click();

  await expect(page.getByTestId('walk-title')).toHaveText(title);
  const walkId = /\/walks\/([0-9a-f-]{36})$/.exec(page.url())![1];
  let walk = await ok<Walk>(await page.request.get(`/api/walks/${walkId}`));
  expect(walk.state).toBe('planned');
  expect(walk.route?.coordinates).toHaveLength(2);
  expect(walk.invitedOrganizations.map((o) => o.name)).toEqual(['Exempelbostäder AB']);
  expect(walk.participantCounts).toEqual({ residents: 12 });
  // Planned: the plan can be changed, no findings can be recorded yet.
  await expect(page.getByTestId('walk-edit')).toBeVisible();
  await expect(page.getByTestId('finding-form')).toHaveCount(0);
  // The invitation can be printed: the link gives the PDF.
  const invitation = await page.request.get((await page.getByTestId('walk-invitation-pdf').getAttribute('href'))!);
  expect(invitation.headers()['content-type']).toContain('application/pdf');
  await settled(page);
  await expectAccessible(page, 'walk page, planned (coordinator, phone)');

  // Start: the API now allows recording.
  await page.getByTestId('walk-event-START').click();
  await expect(page.getByTestId('walk-state')).toHaveText('Pågår');
  await expect(page.getByTestId('walk-event-START')).toHaveCount(0);
  await expect(page.getByTestId('finding-form')).toBeVisible();

  // Outdoors without coverage.
  await context.setOffline(true);
  await expect(page.getByTestId('outbox-offline')).toBeVisible();
  await page.getByTestId('finding-use-position').click();
  await expect(page.getByTestId('finding-position')).toContainText('59,1955');
  await page.getByTestId('finding-item').click();
  await page.getByRole('option').nth(1).click();
  const description = 'Belysningen i gångtunneln under järnvägen är trasig, det är helt mörkt efter kl. 17.';
  await page.getByTestId('finding-description').fill(description);
  await page.getByTestId('severity-high').click();
  await page.getByTestId('finding-photo-input').setInputFiles({ name: 'gangtunnel.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('finding-photos').locator('li')).toHaveCount(1);
  // The photo needs the confirmation that no face or licence plate can be recognised.
  await page.getByTestId('finding-save').click();
  await expect(page.getByText('Bekräfta att fotona inte visar igenkännbara ansikten')).toBeVisible();
  await page.getByTestId('finding-no-faces').click();
  await page.getByTestId('finding-save').click();

  await expect(page.getByTestId('outbox-count')).toHaveText('1 fynd väntar på att skickas');
  await expect(page.getByTestId('outbox-item')).toContainText('Belysningen i gångtunneln');
  await expect(page.getByTestId('finding-photos')).toHaveCount(0);
  await settled(page);
  await expectAccessible(page, 'walk page, finding waiting offline (coordinator, phone)');

  // Back online, the first answer is lost: the API stores the finding but the phone never hears of it.
  let creates = 0;
  await page.route(`**/api/walks/${walkId}/findings`, async (route) => {
    creates++;
    if (creates === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.route(`**/api/walks/${walkId}/findings/*/photos`, (route) => route.abort('internetdisconnected'));
  await context.setOffline(false);
  await expect.poll(() => creates).toBe(1);
  await expect(page.getByTestId('outbox-count')).toHaveText('1 fynd väntar på att skickas');

  // A reload keeps the queue (IndexedDB).
  await page.reload();
  await expect(page.getByTestId('walk-title')).toHaveText(title);
  await expect(page.getByTestId('outbox-count')).toHaveText('1 fynd väntar på att skickas');

  // The connection works again: the same key is sent again, the API replays, the photo follows. The phone's own
  // retry timer may already be running, so the test does what a phone does when coverage returns: it goes offline
  // and online again, and the `online` event sends at once (the "send now" button is covered by the outbox's spec).
  await page.unrouteAll({ behavior: 'wait' });
  await context.setOffline(true);
  await expect(page.getByTestId('outbox-offline')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('outbox-count')).toHaveText('Alla fynd är skickade.');
  await expect(page.getByTestId('walk-finding')).toHaveCount(1);
  await expect(page.getByTestId('finding-photo')).toHaveCount(1);

  walk = await ok<Walk>(await page.request.get(`/api/walks/${walkId}`));
  expect(walk.findings, 'stored exactly once').toHaveLength(1);
  const [finding] = walk.findings;
  expect(finding.description).toBe(description);
  expect(finding.severity).toBe('high');
  expect([finding.latitude, finding.longitude]).toEqual([59.1955, 17.6253]);
  expect(finding.photos).toHaveLength(1);
  const image = await page.request.get(finding.photos[0].url);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/jpeg');
  const stored = await sharp(await image.body()).metadata();
  expect(stored.format).toBe('jpeg');
  expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(2000);
  expect(stored.exif, 'the stored photo has no EXIF (GPS, camera)').toBeUndefined();
  await settled(page);
  await expectAccessible(page, 'walk page, finding sent (coordinator, phone)');

  // After the walk: finish, and settle the finding as an action.
  await page.getByTestId('walk-event-FINISH').click();
  await expect(page.getByTestId('walk-state')).toHaveText('Dokumenterad');
  await page.getByTestId('walk-settle').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fördela fynden');
  await expect(page.getByTestId('settle-finding')).toHaveCount(1);
  await expect(page.getByTestId('finding-status')).toHaveText('Ej fördelat');
  await settled(page);
  await expectAccessible(page, 'settle the findings (coordinator, phone)');
  await page.getByTestId('settle-what').fill('Byta armaturerna i gångtunneln och sätta upp rörelsestyrd extrabelysning');
  await page.getByTestId('settle-goal').fill('Tunneln är upplyst hela dygnet inom fyra veckor');
  await chooseOption(page, 'settle-organization', 'Exempelstad kommun');
  await page.getByTestId('settle-save').click();
  await expect(page.getByTestId('finding-status')).toContainText('Åtgärd: Exempelstad kommun');
  await expect(page.getByTestId('settle-progress')).toHaveText('1 av 1 fynd fördelade');
  const report = await page.request.get((await page.getByTestId('walk-report-pdf').getAttribute('href'))!);
  expect(report.headers()['content-type']).toContain('application/pdf');
  await expectAccessible(page, 'settle the findings, settled (coordinator, phone)');

  // Every finding is settled: the settlement can be completed, and the action is agreed in the walk's case.
  await page.getByTestId('walk-event-COMPLETE_SETTLEMENT').click();
  await expect(page.getByTestId('walk-state')).toHaveText('Fördelad');
  await expect(page.getByTestId('walk-event-COMPLETE_SETTLEMENT')).toHaveCount(0);
  walk = await ok<Walk>(await page.request.get(`/api/walks/${walkId}`));
  expect(walk.state).toBe('settled');
  expect(walk.caseId, 'the walk has its case').toBeTruthy();
});

test('the situational picture counts walk findings as their own source and rings a place found on two walks', async ({ page }) => {
  await apiSignIn(page.request, 'coordinator');
  const centrum = (await ok<{ id: string; name: string }[]>(await page.request.get('/api/areas'))).find((a) => a.name === 'Centrum')!;
  const place = (await ok<{ places: { id: string; name: string }[] }>(await page.request.get(`/api/areas/${centrum.id}`))).places[0];
  const checklist = (await ok<{ id: string; isDefault: boolean }[]>(await page.request.get('/api/walk-checklists'))).find((c) => c.isDefault)!;
  for (const n of [1, 2]) {
    const walk = await ok<{ id: string }>(
      await page.request.post('/api/walks', {
        headers: SAME_ORIGIN,
        data: {
          areaId: centrum.id,
          title: `Uppföljning ${n}`,
          startsAt: new Date(Date.now() - n * 3_600_000).toISOString(),
          meetingPoint: 'Torget',
          invitedOrganizationIds: [],
          participantCounts: {},
          checklistTemplateId: checklist.id,
        },
      }),
    );
    await ok(await page.request.post(`/api/walks/${walk.id}/events`, { headers: SAME_ORIGIN, data: { type: 'START', version: 1 } }));
    await ok(
      await page.request.post(`/api/walks/${walk.id}/findings`, {
        headers: SAME_ORIGIN,
        data: { placeId: place.id, checklistItemKey: 'lighting', description: 'Mörkt vid entrén', severity: 'medium' },
      }),
    );
  }
  await page.goto(`/areas/${centrum.id}/picture?sources=walks`);
  await settled(page);
  await expect(page.getByTestId('walk-findings')).toBeVisible();
  await expect(page.getByTestId('repeated-places')).toContainText(place.name);
  await expect(page.getByTestId('key-figures')).toHaveCount(0);
  await expectAccessible(page, 'situational picture, walk findings only (coordinator, phone)');
});

test('an administrator maintains the walk checklists on a phone', async ({ page }) => {
  await apiSignIn(page.request, 'admin');
  await page.goto('/admin/walk-checklists');
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checklistor för trygghetsvandringar');
  await expectAccessible(page, 'walk checklists (admin, phone)');
  await page.getByTestId('create').click();
  await page.locator('input[formcontrolname="nameSv"]').fill('Kvällsvandring');
  await page.locator('input[formcontrolname="nameEn"]').fill('Evening walk');
  await page.locator('input[formcontrolname="key"]').fill('lighting');
  await page.locator('input[formcontrolname="labelSv"]').fill('Belysning');
  await page.locator('input[formcontrolname="labelEn"]').fill('Lighting');
  await expectAccessible(page, 'new walk checklist dialog (admin, phone)');
  await page.getByTestId('save').click();
  await expect(page.locator('sv-checklist-dialog')).toHaveCount(0);
  await expect(page.getByTestId('row').filter({ hasText: 'Kvällsvandring' })).toContainText('Belysning');
  const lists = await ok<{ nameSv: string; items: { key: string }[] }[]>(await page.request.get('/api/walk-checklists'));
  expect(lists.find((l) => l.nameSv === 'Kvällsvandring')?.items.map((i) => i.key)).toEqual(['lighting']);
});
