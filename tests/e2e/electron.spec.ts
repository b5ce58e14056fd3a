// The desktop app under Playwright's Electron driver. Runs where the Electron binary is installed;
// elsewhere it skips and says why.
import { _electron as electron } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

test('the desktop app opens the library window', async () => {
  const libraryDir = mkdtempSync(join(tmpdir(), 'dossier-electron-'));
  let app;
  try {
    app = await electron.launch({ args: ['.', '--library', libraryDir], cwd: process.cwd() });
  } catch (error) {
    rmSync(libraryDir, { recursive: true, force: true });
    test.skip(true, `Electron binary not installed here (${String((error as Error).message).split('\n')[0]}); run \`npm install\` with network access to test the desktop app.`);
    return;
  }
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
    // Sandboxed and isolated: the page sees the contract API and nothing of Node.
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { dossier: object }).dossier).sort())).toContain('library');
  } finally {
    await app.close();
    rmSync(libraryDir, { recursive: true, force: true });
  }
});
