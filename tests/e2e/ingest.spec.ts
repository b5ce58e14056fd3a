// Importing a web page and a PDF through the UI, then finding a phrase from each with search.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice'], { stdio: 'ignore' }).status === 0;

test('imports an HTML page and a PDF, and search finds a phrase from each', async ({ page, host }) => {
  test.skip(!hasLibreOffice, 'LibreOffice is needed to make the test PDF (apt-get install libreoffice-writer-nogui)');
  const out = mkdtempSync(join(tmpdir(), 'dossier-pdf-'));
  try {
    execFileSync('libreoffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', 'pdf', '--outdir', out, join(fixtures, 'reservoir-report.html')], { timeout: 180_000, stdio: 'ignore' });
    await page.goto(host.url);
    await page.getByTestId('import-input').setInputFiles([join(fixtures, 'wetlands.html'), join(out, 'reservoir-report.pdf')]);
    await expect(page.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByText('Wetland restoration doubles bird counts')).toBeVisible();
    await expect(page.getByText('Coastal Courier')).toBeVisible();

    const search = page.getByRole('searchbox', { name: 'Search the library' });
    await search.fill('"restored marsh"');
    const results = page.getByLabel('Search results');
    await expect(results.getByRole('button')).toHaveCount(1);
    await expect(results.getByRole('button').first()).toContainText('Wetland restoration doubles bird counts');
    await expect(results.locator('mark').first()).toHaveText('restored marsh');

    await search.fill('spillway gates seals');
    await expect(results.getByRole('button')).toHaveCount(1);
    await expect(results.getByRole('button').first()).toContainText('pdf');
    await expect(results.locator('mark').first()).toHaveText(/spillway/i);

    // The hit opens the PDF in the reader, at its second page.
    await results.getByRole('button').first().click();
    const main = page.getByRole('main');
    await expect(main).toContainText('two of the six gates needed new seals');
    await expect(main).toContainText(/page 2/i);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
