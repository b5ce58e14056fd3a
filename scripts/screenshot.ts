// Takes the README screenshot: the browser host on a temporary library with two of the test articles
// open side by side. Run after `npm run build`: npx tsx scripts/screenshot.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..');
const library = mkdtempSync(join(tmpdir(), 'dossier-shot-'));
const host = spawn(process.execPath, ['bin/dossier.mjs', 'serve', '--library', library], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve) => {
  let out = '';
  host.stdout!.on('data', (d) => {
    out += d;
    const match = /Open (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.getByTestId('import-input').setInputFiles(['ridge-courier.txt', 'ridge-ledger.md'].map((f) => join(root, 'tests', 'fixtures', f)));
  await page.getByRole('listitem').nth(1).waitFor();
  await page.getByRole('button', { name: /^Open Troops cross/ }).click();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: /^Open beside: Ridge build-up|^Open Ridge build-up.*beside/ }).first().click();
  await page.getByRole('region', { name: /^Pane 2/ }).waitFor();
  await page.waitForTimeout(500);
  await page.locator('.toast button[aria-label="Dismiss"]').first().click().catch(() => {});
  await page.getByRole('region', { name: /^Pane 1/ }).getByText('3,000').first().hover();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(root, 'resources', 'screenshot.png') });
  console.log('wrote resources/screenshot.png');
} finally {
  await browser.close();
  host.kill('SIGTERM');
  rmSync(library, { recursive: true, force: true });
}
