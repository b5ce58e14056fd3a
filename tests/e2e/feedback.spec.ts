// Feedback a daily user sees: one "disconnected" banner naming the command that started the host, with
// reconnection by itself when it is back; toasts that stack, fold and expire instead of covering the
// Library's row buttons; counts in words ("1 claim"); key caps and arrows that read as what they are; a
// Compare button that says what to do; a favicon. With DOSSIER_SCREENSHOTS=DIR it saves the Library with
// a burst of messages at 1024×700.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHost, stopHost, test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const shots = process.env.DOSSIER_SCREENSHOTS || null;
const FILES = [
  'ridge-courier.txt',
  'ridge-ledger.md',
  'harbor-report.md',
  'wetlands.html',
  'reservoir-report.html',
  'briefing-aid.txt',
  'daily/canal-wire.txt',
  'daily/canal-review.md',
  'daily/canal-photo.html',
  ...['convoy-bbc.txt', 'convoy-cnn.txt', 'convoy-local.txt', 'plant-fire-day1.txt', 'plant-fire-day3.txt', 'plant-fire-day5.txt'].map((f) => `compare/${f}`),
];

/** For each element shown in its scrolling list: true when nothing is drawn over its middle (a toast, say). */
async function uncovered(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const list = el.closest('.doc-list')!.getBoundingClientRect();
      if (!r.width || y < list.top || y > list.bottom) return true;
      const top = document.elementFromPoint(x, y);
      return !!top && (el === top || el.contains(top));
    }),
  );
}

test('toasts stack, fold and expire; counts in words; readable key caps and arrows; the Compare button; a favicon', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);

  // The empty library's key cap: the interface font, so "O" is not read as a zero.
  const keyO = page.locator('.empty kbd', { hasText: /^O$/ });
  await expect(keyO).toBeVisible();
  expect(await keyO.evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/mono/i);

  // The favicon is served, and nothing on the page is a 404.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBeTruthy();
  expect((await page.request.get(new URL(icon!, page.url()).href)).status()).toBe(200);

  // A document with one claim: "1 claim", not "1 claims".
  const single = testInfo.outputPath('single.txt');
  writeFileSync(single, 'Dredgers removed 30,000 cubic metres of sand, canal officials said.');
  await page.getByTestId('import-input').setInputFiles([single]);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.locator('.toolbar .count')).toHaveText('1 document');
  await page.getByRole('button', { name: /^Open Dredgers removed/ }).click();
  await expect(page.locator('.claims-head')).toContainText(/^\s*1 claim\b/);
  await expect(page.locator('.claims-head')).not.toContainText('1 claims');
  // The reader's hint bar draws its arrows, and names them.
  const arrows = page.locator('.reader-hints kbd.arrow');
  await expect(arrows).toHaveCount(2);
  await expect(arrows.first()).toContainText('Left arrow');
  expect((await arrows.first().locator('svg').boundingBox())!.width).toBeGreaterThanOrEqual(12);

  // Compare with nothing ticked says what to do.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Documents to compare' })).toContainText('0 ticked');
  await expect(page.getByRole('button', { name: 'Tick documents to compare' })).toBeDisabled();

  // A burst of messages: the newest shows, the rest fold behind it, and no row button is covered.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByTestId('import-input').setInputFiles(FILES.map((f) => join(fixtures, f)));
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(FILES.length + 1);
  for (const title of ['Reservoir levels', 'Wetland restoration', 'Harbor expansion', 'Armoured column', 'Dredgers removed']) {
    await page.getByRole('button', { name: new RegExp(`^Delete ${title}`) }).first().click();
  }
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByRole('status')).toHaveCount(1);
  await expect(notifications.getByRole('status')).toContainText('Deleted “Dredgers removed');
  await expect(notifications.getByRole('button', { name: /more messages?$/ })).toHaveText(/^\d+ more messages$/);
  expect((await uncovered(page, '.doc-row .col-actions button')).every(Boolean)).toBe(true);
  if (shots) await page.screenshot({ path: join(shots, 'after-library-toasts-1024x700.png') });
  await notifications.getByRole('button', { name: /more messages$/ }).click();
  await expect(notifications.getByRole('status').filter({ hasText: 'Deleted' })).toHaveCount(5);
  await notifications.getByRole('button', { name: 'Dismiss all' }).click();
  await expect(notifications).toHaveCount(0);

  // Messages go by themselves (an Undo offer lasts eight seconds), but not while the pointer is on them.
  await page.getByRole('button', { name: /^Delete Convoy crosses border/ }).click();
  await expect(notifications.getByRole('status')).toContainText('Deleted');
  await notifications.hover();
  await page.waitForTimeout(9000);
  await expect(notifications.getByRole('status')).toHaveCount(1);
  await page.mouse.move(10, 10);
  await expect(notifications).toHaveCount(0, { timeout: 12_000 });
  expect(missing).toEqual([]);
});

test('one disconnected banner with the command that started the host, and reconnection by itself', async ({ page, libraryDir }) => {
  test.setTimeout(120_000);
  let host = await startHost(libraryDir, [], {}, { DOSSIER_START_COMMAND: 'npm start' });
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(host.url);
    await page.getByTestId('import-input').setInputFiles([join(fixtures, 'ridge-courier.txt')]);
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);

    await stopHost(host);
    // Actions while the host is away: one banner, not an error each.
    const box = page.getByRole('searchbox', { name: 'Search the library' });
    await box.fill('soldiers');
    await box.press('Enter');
    await page.getByRole('button', { name: /^Delete Troops cross/ }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Disconnected' });
    await expect(banner).toHaveCount(1);
    await expect(banner).toContainText('npm start');
    await expect(banner).not.toContainText('dossier serve');
    await expect(page.getByRole('region', { name: 'Notifications' }).locator('.toast.error')).toHaveCount(0);

    // Meanwhile the command line adds a document to the library.
    const added = spawnSync(process.execPath, ['out/main/cli.js', 'import', join(fixtures, 'ridge-ledger.md'), '--library', libraryDir], { encoding: 'utf8' });
    expect(added.status, added.stderr).toBe(0);

    // The host comes back: the banner goes by itself and the library shows what changed.
    host = await startHost(libraryDir, [], {}, { DOSSIER_START_COMMAND: 'npm start' });
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    await box.fill('');
    await box.press('Enter');
    await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: /^Open Ridge build-up/ }).click();
    await expect(page.getByRole('region', { name: /^Pane 1: Ridge build-up/ })).toBeVisible();
  } finally {
    await stopHost(host);
  }
});
