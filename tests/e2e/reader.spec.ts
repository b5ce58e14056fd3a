// The side-by-side reader through the browser host: two reports on one story open beside each other,
// a claim leads to its counterpart in the other report, a note is anchored to a claim, a claim is
// rejected, and both survive a restart of the host and a reload.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './host';
import type { Page } from '@playwright/test';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const COURIER = 'Troops cross the Varna ridge as border talks stall';
const LEDGER = 'Ridge build-up far larger than first reported';

async function importFixtures(page: Page): Promise<void> {
  await page.getByTestId('import-input').setInputFiles([join(fixtures, 'ridge-courier.txt'), join(fixtures, 'ridge-ledger.md')]);
  await expect(page.getByRole('listitem')).toHaveCount(2);
}

async function openSideBySide(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Open ${COURIER}`, exact: true }).click();
  await expect(page.getByRole('region', { name: `Pane 1: ${COURIER}` })).toBeVisible();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: `Open beside: ${LEDGER}` }).click();
  await expect(page.getByRole('region', { name: `Pane 2: ${LEDGER}` })).toBeVisible();
}

function claimRow(page: Page, pane: string, text: string) {
  return page.getByRole('region', { name: pane }).getByRole('listitem').filter({ hasText: text });
}

test('compare two reports, anchor a note to a claim, reject a claim, and keep both after a restart', async ({ page, host, restartHost }) => {
  await page.goto(host.url);
  await importFixtures(page);
  await openSideBySide(page);

  const courier = page.getByRole('region', { name: `Pane 1: ${COURIER}` });
  const ledger = page.getByRole('region', { name: `Pane 2: ${LEDGER}` });
  await expect(courier.getByRole('article', { name: 'Document text' })).toContainText('Some 3,000 soldiers crossed the Varna ridge');
  await expect(ledger.getByRole('article', { name: 'Document text' })).toContainText('nowhere near 3,000 soldiers');

  // Claims are highlighted inline, their figures marked.
  await expect(courier.locator('mark.claim-mark.qty', { hasText: '3,000' })).toBeVisible();

  // Select the courier's "some 3,000 soldiers" claim and jump to the most similar claim in the ledger.
  const soldiers = claimRow(page, `Pane 1: ${COURIER}`, 'Some 3,000 soldiers crossed');
  await soldiers.getByRole('button', { name: /Some 3,000 soldiers crossed/ }).click();
  await expect(soldiers.getByRole('button', { name: /Some 3,000 soldiers crossed/ })).toHaveAttribute('aria-current', 'true');
  await soldiers.getByRole('button', { name: 'Related claim in other pane' }).click();
  const counterpart = claimRow(page, `Pane 2: ${LEDGER}`, 'nowhere near 3,000 soldiers');
  await expect(counterpart.getByRole('button', { name: /nowhere near 3,000 soldiers/ })).toHaveAttribute('aria-current', 'true');
  await expect(ledger.getByRole('status').filter({ hasText: 'Most similar to' })).toContainText('same measure: soldiers');
  await expect(ledger.getByRole('status').filter({ hasText: 'Most similar to' })).toContainText('disputes the same figure');
  await expect(ledger.locator('mark.claim-mark.active').first()).toContainText('nowhere near');

  // Hovering a claim in the text explains it in plain words.
  await courier.locator('mark.claim-mark.qty', { hasText: '3,000' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('Regional officials, via Radio Meridian, say about 3,000 soldiers');

  // A note about the ledger's claim, anchored to it; autosave confirms.
  await counterpart.getByRole('button', { name: 'Note about this claim' }).click();
  const editor = ledger.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await editor.fill('Contradicts the **Courier**: a few hundred scouts, not 3,000.');
  await expect(ledger.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 5000 });
  await ledger.getByRole('button', { name: 'Done' }).click();
  await expect(ledger.locator('.note-card')).toContainText('Contradicts the Courier');
  await expect(ledger.locator('.note-card strong')).toHaveText('Courier');

  // Reject the courier's claim about families.
  const families = claimRow(page, `Pane 1: ${COURIER}`, 'about 1,200 families');
  await families.getByRole('button', { name: 'Reject claim' }).click();
  await expect(families.getByRole('button', { name: 'Reject claim' })).toHaveAttribute('aria-pressed', 'true');
  await expect(families).toContainText('Rejected');
  await expect(courier.locator('mark.claim-mark.rejected.qty')).toHaveText('1,200');

  // Restart the host, reload, open both again: the note is still anchored and the claim still rejected.
  const restarted = await restartHost();
  // Same library, same address: the layout the browser kept for it comes back.
  expect(new URL(restarted.url).port).toBe(new URL(host.url).port);
  await page.goto(restarted.url);
  await page.reload();
  await expect(page.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('region', { name: `Pane 1: ${COURIER}` })).toBeVisible();
  await expect(page.getByRole('region', { name: `Pane 2: ${LEDGER}` })).toBeVisible();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await openSideBySide(page);
  const families2 = claimRow(page, `Pane 1: ${COURIER}`, 'about 1,200 families');
  await expect(families2).toContainText('Rejected');
  await expect(families2.getByRole('button', { name: 'Reject claim' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: `Pane 1: ${COURIER}` }).locator('mark.claim-mark.rejected.qty')).toHaveText('1,200');

  const ledger2 = page.getByRole('region', { name: `Pane 2: ${LEDGER}` });
  await ledger2.getByRole('tab', { name: /Notes/ }).click();
  const note = ledger2.locator('.note-card');
  await expect(note).toContainText('Contradicts the Courier');
  await expect(note).toContainText('On a claim');
  await expect(note.getByRole('button', { name: /nowhere near 3,000 soldiers/ })).toBeEnabled();
  await expect(note).not.toContainText('passage no longer found');

  // The note's passage link scrolls to it; the Notes view lists the note with its document.
  await note.getByRole('button', { name: /nowhere near 3,000 soldiers/ }).click();
  await page.keyboard.press('Control+3');
  const notesView = page.getByRole('region', { name: 'Notes', exact: true });
  await expect(notesView.getByRole('region', { name: `Notes on ${LEDGER}` }).locator('.note-card')).toContainText('Contradicts the Courier');
  await notesView.getByRole('searchbox', { name: 'Search notes' }).fill('scouts');
  await expect(notesView.locator('.note-card')).toHaveCount(1);
  await notesView.getByRole('searchbox', { name: 'Search notes' }).fill('nothing like this');
  await expect(notesView.locator('.note-card')).toHaveCount(0);
});

test('keyboard first: palette, claims with J/K, find, switching panes, notes with N, undo a delete', async ({ page, host }) => {
  await page.goto(host.url);
  await importFixtures(page);

  // Ctrl+K opens the palette; fuzzy typing finds "Open document: …".
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('open doc troops');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const courier = page.getByRole('region', { name: `Pane 1: ${COURIER}` });
  await expect(courier).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('beside ridge build');
  await page.keyboard.press('Enter');
  const ledger = page.getByRole('region', { name: `Pane 2: ${LEDGER}` });
  await expect(ledger).toBeVisible();

  // Alt+← moves to the first pane; J steps to its first claim and shows the popover.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(courier).toHaveClass(/active/);
  await page.keyboard.press('j');
  await expect(courier.locator('button.claim-item[aria-current="true"]')).toContainText('Some 3,000 soldiers');
  await expect(page.getByRole('tooltip')).toContainText('Regional officials');
  await page.keyboard.press('j');
  await expect(courier.locator('button.claim-item[aria-current="true"]')).toContainText('at least 40 armoured vehicles');
  await page.keyboard.press('k');
  await expect(courier.locator('button.claim-item[aria-current="true"]')).toContainText('Some 3,000 soldiers');

  // Ctrl+F finds in the active document: count, Enter for next.
  await page.keyboard.press('Control+f');
  const find = courier.getByRole('searchbox', { name: 'Find in document' });
  await expect(find).toBeFocused();
  await find.fill('ridge');
  await expect(courier.locator('.find-count')).toHaveText('1 of 3');
  await find.press('Enter');
  await expect(courier.locator('.find-count')).toHaveText('2 of 3');
  await expect(courier.locator('mark.find.current')).toHaveText('ridge');
  await find.press('Escape');
  await expect(find).toBeHidden();

  // N writes a note about the active claim; Escape closes the editor once it has saved.
  await page.keyboard.press('n');
  const editor = courier.getByRole('textbox', { name: 'Note text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Radio Meridian is the only source for this.');
  await expect(courier.getByText('Saved', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  const card = courier.locator('.note-card');
  await expect(card).toContainText('On a claim');
  await expect(card).toContainText('Radio Meridian is the only source');

  // Deleting the note offers Undo, which brings it back.
  await card.getByRole('button', { name: 'Delete note' }).click();
  await expect(courier.locator('.note-card')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(courier.locator('.note-card')).toContainText('Radio Meridian is the only source');

  // Synchronized scroll is a toggle.
  const sync = page.getByRole('button', { name: /Synchronized scroll/ });
  await sync.click();
  await expect(sync).toHaveAttribute('aria-pressed', 'true');
  const texts = page.getByRole('article', { name: 'Document text' });
  await texts.first().evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => texts.nth(1).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  // Notes render sanitised Markdown: raw HTML stays text, links open outside.
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'New note' }).click();
  const free = page.getByRole('textbox', { name: 'Note text' });
  await free.fill('# Open questions\n\n<img src=x onerror="window.pwned=1"> see [the ministry](https://example.org)');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const preview = page.locator('.note-preview');
  await expect(preview.locator('h1')).toHaveText('Open questions');
  await expect(preview.locator('img')).toHaveCount(0);
  await expect(preview).toContainText('<img src=x');
  await expect(preview.locator('a')).toHaveAttribute('rel', 'noopener noreferrer');
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('library rows dragged onto the Reader tab open side by side', async ({ page, host }) => {
  await page.goto(host.url);
  await importFixtures(page);
  const readerTab = page.getByRole('button', { name: /^Reader/ });
  await page.getByRole('listitem').filter({ hasText: COURIER }).dragTo(readerTab);
  await expect(page.getByRole('region', { name: `Pane 1: ${COURIER}` })).toBeVisible();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('listitem').filter({ hasText: LEDGER }).dragTo(readerTab);
  await expect(page.getByRole('region', { name: `Pane 2: ${LEDGER}` })).toBeVisible();
  await expect(page.getByRole('region', { name: `Pane 1: ${COURIER}` })).toBeVisible();
  // Panes resize from the keyboard too.
  const divider = page.getByRole('separator', { name: 'Resize panes 1 and 2' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', '55');
});

test('a 1 MB document opens whole: every paragraph renders and the last one can be reached', async ({ page, host }, testInfo) => {
  // How fast it opens and how long the page is blocked are measured by `npm run bench` (reader.open_1mb_*).
  test.setTimeout(120_000);
  const paragraph = 'The committee heard that 4,000 households had been moved, and officials said they expected more to follow. ';
  const text = Array.from({ length: 5000 }, (_, i) => `Section ${i}. ${paragraph}${paragraph}`).join('\n\n');
  expect(text.length).toBeGreaterThan(1_000_000);
  const file = testInfo.outputPath('large-report.txt');
  writeFileSync(file, text);
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });

  await page.getByRole('button', { name: /^Open Section 0/ }).click();
  // Cheap in-page checks: role queries over a huge DOM would block the page they wait on.
  await page.waitForFunction(() => document.querySelectorAll('p.para').length > 0, null, { polling: 'raf' });
  await page.waitForFunction(() => document.querySelectorAll('p.para').length === 5000, null, { timeout: 60_000, polling: 250 });

  // A passage far down can be reached: scrolling to the end shows the last section.
  await page.locator('article.reader-text').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('p.para').last()).toContainText('Section 4999.');
  await expect(page.locator('.side-tab .count').first()).toHaveText('15000');
});

test('opinion is never tinted as a claim and hidden from the claims list until asked for; vague amounts read as written', async ({ page, host }, testInfo) => {
  const file = testInfo.outputPath('harbour-report.txt');
  writeFileSync(
    file,
    [
      'Harbour closure strands ferry passengers',
      'Tens of thousands of passengers were stranded when the harbour closed on Monday, the port authority said.',
      'The closure was a disaster for the island’s traders.',
      'Ferries are due to resume on Thursday.',
    ].join('\n'),
  );
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /^Open Harbour closure strands/ }).click();
  const pane = page.getByRole('region', { name: /^Pane 1: Harbour closure strands/ });
  const text = pane.getByRole('article', { name: 'Document text' });

  // The opinion sentence is never tinted as a claim: unmarked until asked for.
  await expect(text.locator('mark.claim-mark').first()).toBeVisible();
  await expect(text.locator('mark.claim-mark', { hasText: 'a disaster for the island' })).toHaveCount(0);

  // The claims list leaves it out until the Opinion filter is on, then labels it Opinion, and the text
  // marks it dotted and untinted, not as an asserted fact.
  const rows = pane.getByRole('list', { name: 'Claims' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'a disaster' })).toHaveCount(0);
  await pane.getByRole('button', { name: /^Filter/ }).click();
  await pane.getByRole('checkbox', { name: 'Opinion' }).check();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'a disaster' }).locator('.tag.opinion')).toHaveText('Opinion');
  const opinion = text.locator('mark.claim-mark.opinion', { hasText: 'a disaster for the island' });
  await expect(opinion).toBeVisible();
  await expect(opinion).not.toHaveClass(/\basserted\b/);
  expect(await opinion.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');

  // The vague amount is written as the document wrote it, with no invented range.
  const stranded = rows.filter({ hasText: 'Tens of thousands of passengers' });
  await expect(stranded.locator('.tag.quantity')).toHaveText('tens of thousands of passengers');
  await page.screenshot({ path: testInfo.outputPath('reader-opinion.png') });
});
