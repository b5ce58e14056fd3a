// A two-column PDF imported through the UI is read as a document, not as lines: the reader shows its
// heading, list items, table and notes as such, and highlights a claim inside a paragraph whose
// sentence crossed a line end in the PDF.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSampleReport } from '../../scripts/sample-pdf';
import { longSampleReport } from '../../scripts/sample-report';
import { test, expect } from './host';

test('a two-column PDF shows its heading, list, table and notes, with claims across line ends', async ({ page, host }, testInfo) => {
  const report = longSampleReport(2);
  const { pdf, lines } = await renderSampleReport(report);
  // The sentence below really is broken over two lines of the PDF.
  expect(lines.some((line) => line.text.endsWith('daily transits'))).toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'dossier-layout-'));
  try {
    const file = join(out, 'canal-report.pdf');
    writeFileSync(file, pdf);
    await page.goto(host.url);
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });
    await page.getByRole('button', { name: new RegExp(`^Open ${report.title}`) }).click();

    const main = page.getByRole('main');
    await expect(main.locator('h3[data-kind="heading"]').filter({ hasText: 'Who was affected' }).first()).toBeVisible();
    await expect(main.locator('[data-kind="list-item"]').filter({ hasText: 'Liquefied gas carriers' }).first()).toBeVisible();
    const table = main.locator('table.doc-table').first();
    await expect(table.locator('tr')).toHaveCount(4);
    await expect(table.locator('tr').first().locator('td')).toHaveText(['Month', 'Daily transits', 'Draft limit']);
    const note = main.locator('[data-kind="footnote"]').filter({ hasText: 'Draft is the depth of a ship' }).first();
    await expect(note).toBeAttached();
    // Page furniture is not in the text.
    await expect(main).not.toContainText(report.header);

    // The claim's marks (its figures are marked apart) read as the whole sentence, joined across the line end.
    const first = main.locator('[data-kind="paragraph"] mark.claim-mark').filter({ hasText: 'daily transits from' }).first();
    await expect(first).toBeVisible();
    const claimId = await first.getAttribute('data-claim-id');
    const claimText = (await main.locator(`[data-kind="paragraph"] mark[data-claim-id="${claimId}"]`).allTextContents()).join('');
    expect(claimText).toContain('The canal authority cut the number of daily transits from 36 to 24 in November 2023');

    for (const [width, height] of [
      [1440, 900],
      [1024, 700],
    ]) {
      await page.setViewportSize({ width, height });
      await main.locator('table.doc-table').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`structure-${width}x${height}.png`) });
    }
    // The notes close their page's text, set as notes.
    await note.scrollIntoViewIfNeeded();
    await expect(note).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('structure-notes-1024x700.png') });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
