// A library folder the user cannot write opens read-only in the browser: the documents are listed and
// the banner says why. As root, permissions do not bind, so the host runs as the `nobody` user.
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startHost, stopHost, test } from './host.ts';

const NOBODY = 65534;

function chmodTree(dir: string, mode: number): void {
  chmodSync(dir, mode);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) chmodTree(join(dir, entry.name), mode);
}

test('a library folder that cannot be written opens read-only with the reason on a banner', async ({ page, libraryDir }) => {
  const asRoot = process.getuid?.() === 0;
  const library = join(libraryDir, 'library');
  const report = join(libraryDir, 'tram.txt');
  writeFileSync(report, 'Tram services\n\nTram services resumed on 14 routes after the strike, the operator said.');
  execFileSync(process.execPath, ['out/main/cli.js', 'import', report, '--library', library], { stdio: 'ignore' });
  chmodTree(libraryDir, asRoot ? 0o755 : 0o555);
  const host = await startHost(library, [], asRoot ? { uid: NOBODY, gid: NOBODY } : {});
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(host.url);
    const banner = page.getByRole('alert').filter({ hasText: 'cannot be written' });
    await expect(banner).toContainText('open read-only: you can read and search, but nothing can be imported or changed');
    await expect(page.getByRole('button', { name: /^Open Tram services/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import files…' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/read-only-library.png' });
  } finally {
    await stopHost(host);
    chmodTree(libraryDir, 0o755);
  }
});
