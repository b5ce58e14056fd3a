// Research that travels, in the app: a collection exported as a library archive from the Export dialog,
// imported into a fresh library (documents, collection, a note at its passage), and imported again
// without duplicates; the dialog's other formats download. With DOSSIER_SCREENSHOTS=DIR it saves the dialog.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startHost, stopHost } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const shots = process.env.DOSSIER_SCREENSHOTS || null;

test('exports a collection as an archive from the app and imports it into a fresh library', async ({ page, host }) => {
  test.setTimeout(180_000);
  const out = mkdtempSync(join(tmpdir(), 'dossier-interchange-'));
  const fresh = mkdtempSync(join(tmpdir(), 'dossier-interchange-fresh-'));
  let second: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await page.getByTestId('import-input').setInputFiles([join(fixtures, 'compare', 'plant-fire-day1.txt'), join(fixtures, 'compare', 'plant-fire-day3.txt'), join(fixtures, 'ridge-courier.txt')]);
    const rows = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);

    // A collection of the two plant-fire reports.
    const day1 = rows.filter({ hasText: 'Blast at chemical plant forces mass evacuation' });
    await day1.click();
    await rows.filter({ hasText: 'Questions mount over evacuation figures' }).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'New collection' }).click();
    await page.getByRole('textbox', { name: 'New collection name' }).fill('Plant fire');
    await page.getByRole('textbox', { name: 'New collection name' }).press('Enter');
    const collections = page.getByRole('navigation', { name: 'Collections' });
    await expect(collections.getByRole('option', { name: /Plant fire\s*2/ })).toBeVisible();

    // A note on a passage of the first report, written in the reader's notes panel through the app's API.
    const docId = await day1.getAttribute('data-doc-id');
    const note = await page.evaluate(async ({ id, token }) => {
      const call = async (channel: string, body: unknown) => (await (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })).json()).result;
      const { text } = await call('library:get', { id });
      const start = text.indexOf('1,200');
      return call('notes:create', { docId: id, start, end: start + 5, body: 'Evacuation count to confirm with the county.' });
    }, { id: docId, token: host.token });
    expect(note.anchor.quote.exact).toBe('1,200');

    // Export the collection as an archive from the dialog.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export and import' });
    await dialog.getByRole('combobox', { name: 'What to export' }).selectOption({ label: 'The collection “Plant fire” (2)' });
    await expect(dialog.getByRole('radio', { name: /Library archive/ })).toBeChecked();
    if (shots) {
      for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click({ timeout: 1000 }).catch(() => {});
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.screenshot({ path: join(shots, 'export-dialog-1024x700.png') });
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      await page.screenshot({ path: join(shots, 'export-dialog-dark-1024x700.png') });
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export library archive' }).click();
    const archive = join(out, (await download).suggestedFilename());
    await (await download).saveAs(archive);
    expect(archive).toMatch(/Plant-fire\.dossier\.zip$/);
    await expect(page.getByText(/Exported the library archive \(2 documents, 1 note, 0 claim reviews, 0 briefs\)/)).toBeVisible();
    expect(readFileSync(archive).subarray(0, 2).toString('latin1')).toBe('PK');

    // The other formats download too.
    for (const [radio, button, name] of [[/W3C annotations/, 'Export w3c annotations', /\.jsonld$/], [/Markdown vault/, 'Export markdown vault', /-vault\.zip$/]] as const) {
      await dialog.getByRole('radio', { name: radio }).check();
      const file = page.waitForEvent('download');
      await dialog.getByRole('button', { name: button }).click();
      expect((await file).suggestedFilename()).toMatch(name);
    }
    await dialog.press('Escape');
    await expect(dialog).toBeHidden();

    // A fresh library: the archive comes in through the dialog's Import an archive.
    second = await startHost(fresh);
    await page.goto(second.url);
    await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('archive-input').setInputFiles(archive);
    await expect(page.getByText(/Imported Plant-fire\.dossier\.zip: 2 documents added, 1 note, 0 claim reviews, 0 briefs\./)).toBeVisible();
    await expect(page.getByTestId('import-report')).toContainText('Archived');
    await expect(page.getByTestId('import-report')).toContainText('from the collection “Plant fire”');
    if (shots) await page.getByRole('dialog', { name: 'Export and import' }).screenshot({ path: join(shots, 'import-report.png') });
    await page.getByRole('dialog', { name: 'Export and import' }).press('Escape');
    await expect(rows).toHaveCount(2);
    await expect(collections.getByRole('option', { name: /Plant fire\s*2/ })).toBeVisible();

    // The note is at its passage in the new library.
    await page.keyboard.press('Control+3');
    const card = page.getByText('Evacuation count to confirm with the county.');
    await expect(card).toBeVisible();
    const notes = await page.evaluate(async (token) => (await (await fetch('/api/notes:list', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' })).json()).result, second.token);
    expect(notes).toEqual([expect.objectContaining({ body: 'Evacuation count to confirm with the county.', attached: true, anchor: expect.objectContaining({ quote: expect.objectContaining({ exact: '1,200' }), position: note.anchor.position }) })]);

    // The same archive again, through Import files: nothing is doubled.
    await page.keyboard.press('Control+1');
    await page.getByTestId('import-input').setInputFiles(archive);
    await expect(page.getByText(/Imported Plant-fire\.dossier\.zip: 0 documents added, 2 already in the library, 0 notes/)).toBeVisible();
    await expect(rows).toHaveCount(2);
  } finally {
    if (second) await stopHost(second);
    rmSync(out, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
});
