// Organising the library in the app: a document's title, outlet, date and tags edited in the item pane
// show in the Library's columns, the search filters, Compare's dates and an exported brief; a collection
// made from a selection is compared whole. With DOSSIER_SCREENSHOTS=DIR it also saves the screenshots
// the README shows (item pane, library with columns and a collection, first page of a PDF brief).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const shots = process.env.DOSSIER_SCREENSHOTS || null;
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

async function shoot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  // Toasts go by themselves; the ones still up are dismissed so they do not cover the view.
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click({ timeout: 1000 }).catch(() => {});
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(shots, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('edits metadata in the item pane, sees it everywhere, and compares a whole collection', async ({ page, host }) => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'dossier-organise-'));
  try {
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await page
      .getByTestId('import-input')
      .setInputFiles([join(fixtures, 'compare', 'plant-fire-day1.txt'), join(fixtures, 'compare', 'plant-fire-day3.txt'), join(fixtures, 'ridge-courier.txt')]);
    const rows = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);

    // One document, edited field by field in the item pane; each change is saved when the field is left.
    await rows.filter({ hasText: 'Blast at chemical plant forces mass evacuation' }).click();
    const pane = page.getByRole('complementary', { name: 'Item details' });
    await pane.getByRole('textbox', { name: 'Title' }).fill('Chemical plant blast: 1,200 evacuated');
    await pane.getByRole('textbox', { name: 'Title' }).press('Enter');
    await expect(page.getByText('Title changed to “Chemical plant blast: 1,200 evacuated”.')).toBeVisible();
    await pane.getByRole('combobox', { name: 'Outlet' }).fill('Valley Herald');
    await pane.getByRole('combobox', { name: 'Outlet' }).press('Enter');
    await pane.getByLabel('Published date').fill('2024-03-01');
    await pane.getByLabel('Published time').fill('09:30');
    await pane.getByLabel('Published time').blur();
    await pane.getByRole('button', { name: 'Add author' }).click();
    await pane.getByRole('textbox', { name: 'Author 1' }).fill('Mara Lind');
    await pane.getByRole('textbox', { name: 'Author 1' }).press('Enter');
    for (const tag of ['plant-fire', 'evacuation']) {
      await pane.getByRole('combobox', { name: 'Add tag' }).fill(tag);
      await pane.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    }
    const edited = rows.filter({ hasText: 'Chemical plant blast: 1,200 evacuated' });
    await expect(edited).toContainText('Valley Herald');
    await expect(edited).toContainText('Mara Lind');
    await expect(edited).toContainText('plant-fire');
    await expect(edited).toContainText('2024');

    // Undo takes back the last change, and the change can be made again.
    await page.getByRole('button', { name: /^Undo$/ }).first().click();
    await expect(edited).not.toContainText('evacuation');
    await pane.getByRole('combobox', { name: 'Add tag' }).fill('evacuation');
    await pane.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await expect(edited).toContainText('evacuation');

    // Sorted by outlet: the report whose date line names Harbour Daily, then the edited one.
    await page.getByRole('button', { name: 'Outlet', exact: true }).click();
    await expect(rows.nth(0)).toContainText('Harbour Daily');
    await expect(rows.nth(1)).toContainText('Valley Herald');

    // The search filters see the new metadata at once.
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('evacuated');
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const filters = page.getByLabel('Search filters');
    await filters.getByLabel('Tag filter', { exact: true }).fill('plant-fire');
    await filters.getByLabel('Tag filter', { exact: true }).press('Enter');
    await filters.getByLabel('Outlet filter', { exact: true }).fill('Valley Herald');
    await filters.getByLabel('Outlet filter', { exact: true }).press('Enter');
    await filters.getByLabel('From').fill('2024-03-01');
    await filters.getByLabel('From').press('Enter');
    const hits = page.locator('.hit');
    await expect(hits).toHaveCount(1);
    await expect(hits.first()).toContainText('Chemical plant blast: 1,200 evacuated');
    await filters.getByLabel('From').fill('2024-03-02');
    await filters.getByLabel('From').press('Enter');
    await expect(hits).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
    await page.getByRole('searchbox', { name: 'Search the library' }).press('Escape');
    await page.getByRole('button', { name: 'Filters', exact: true }).click();

    // A collection from a selection of two (Ctrl+click), made in one step from the sidebar.
    await rows.filter({ hasText: 'Questions mount over evacuation figures' }).click({ modifiers: ['Control'] });
    await expect(page.getByRole('complementary', { name: 'Selected documents' })).toContainText('2 documents selected');
    await page.getByRole('button', { name: 'New collection' }).click();
    await page.getByRole('textbox', { name: 'New collection name' }).fill('Plant fire');
    await page.getByRole('textbox', { name: 'New collection name' }).press('Enter');
    const collections = page.getByRole('navigation', { name: 'Collections' });
    await expect(collections.getByRole('option', { name: /Plant fire\s*2/ })).toBeVisible();
    await expect(rows).toHaveCount(2);
    await rows.first().click();
    await shoot(page, 'item-pane');
    await collections.getByRole('option', { name: /All documents/ }).click();
    await expect(rows).toHaveCount(3);
    // The third document joins by drag and drop, then leaves again from the item pane.
    await rows.filter({ hasText: 'Troops cross the Varna ridge' }).dragTo(collections.getByRole('option', { name: /Plant fire/ }));
    await expect(collections.getByRole('option', { name: /Plant fire\s*3/ })).toBeVisible();
    await rows.filter({ hasText: 'Troops cross the Varna ridge' }).click();
    await page.getByRole('button', { name: 'Remove from collection Plant fire' }).click();
    await expect(collections.getByRole('option', { name: /Plant fire\s*2/ })).toBeVisible();
    await rows.filter({ hasText: 'Chemical plant blast' }).click();
    await shoot(page, 'library');

    // Compare "all of this collection": the edited document's date is the figure's date.
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('combobox', { name: 'Filter documents to compare: collection' }).selectOption({ label: 'Plant fire (2)' });
    await page.getByRole('button', { name: /Compare all of “Plant fire” \(2\)/ }).click();
    const results = page.locator('.compare-results');
    await expect(results.getByRole('article').first()).toBeVisible();
    await expect(results).toContainText('2024-03-01');

    // A brief with a claim of the edited document names its new title, author, outlet and date.
    await page.getByRole('button', { name: 'Brief', exact: true }).click();
    await page.getByRole('button', { name: 'New brief' }).first().click();
    await page.getByRole('textbox', { name: 'Brief title' }).fill('Chemical plant fire: what the sources say');
    const material = page.getByLabel('Material');
    await material.getByRole('combobox', { name: 'Filter the material: collection' }).selectOption({ label: 'Plant fire (2)' });
    await material.getByRole('combobox', { name: 'Document to take claims from' }).selectOption({ label: 'All of “Plant fire” (2 documents)' });
    await material.getByRole('button', { name: /^Add claim to brief: Officials said some 1,200 workers/ }).click();
    await material.getByRole('button', { name: /^Add claim to brief: Police said nowhere near 1,200 workers/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    for (const [format, label] of [['html', 'HTML'], ['pdf', 'PDF']] as const) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: `Export as ${label}` }).click();
      await (await download).saveAs(join(out, `brief.${format}`));
    }
    const html = readFileSync(join(out, 'brief.html'), 'utf8');
    for (const expected of ['Chemical plant blast: 1,200 evacuated', 'Mara Lind', 'Valley Herald', '1 March 2024', 'Lind, M. (2024, March 1)']) expect(html).toContain(expected);
    expect(html).not.toMatch(/>dossier:\/\//);
    if (has('pdftotext')) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, 'brief.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const expected of ['Chemical plant blast: 1,200 evacuated', 'Valley Herald', '1 March 2024', 'Open in Dossier']) expect(text).toContain(expected);
    }
    if (shots && has('pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(out, 'brief.pdf'), join(shots, 'brief-pdf-page1')]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('imports a folder chosen in the browser and names every file it skips', async ({ page, host }) => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-folder-'));
  try {
    mkdirSync(join(folder, 'reports', 'older'), { recursive: true });
    writeFileSync(join(folder, 'reports', 'quay.txt'), 'Quay repairs begin\n\nWork on the north quay started on Monday.');
    writeFileSync(join(folder, 'reports', 'older', 'tides.md'), '# Tide tables\n\nSpring tides peaked at 6.1 metres.');
    writeFileSync(join(folder, 'reports', 'budget.xlsx'), 'not a document Dossier reads');
    await page.goto(host.url);
    await page.getByTestId('import-folder-input').setInputFiles(join(folder, 'reports'));
    const rows = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(page.getByText(/reports\/budget\.xlsx: Skipped: \.xlsx files are not imported/)).toBeVisible();
    await expect(rows.filter({ hasText: 'Tide tables' })).toBeVisible();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
