// Hostile input: an imported page full of scripts, handlers, javascript: links, frames and remote
// resources must be shown as text only — nothing runs and no request leaves 127.0.0.1.
import { join } from 'node:path';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');

test('a hostile web page imports as inert text', async ({ page, host, offLoopbackRequests }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(join(fixtures, 'hostile.html'));
  await expect(page.getByText('Harbour dredging contract awarded')).toBeVisible();
  await page.getByRole('button', { name: /^Open Harbour dredging/ }).click();
  const main = page.getByRole('main');
  await expect(main).toContainText('some 400,000 cubic metres of silt');
  await expect(main).toContainText('Read the tender documents');
  await main.getByText(/channel closures/).first().hover();

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('main iframe, main img[src^="http"], main object, main a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(offLoopbackRequests).toEqual([]);
  expect(consoleErrors.filter((e) => /Content Security Policy/.test(e))).toEqual([]);
});

test('the page is served with a strict Content-Security-Policy', async ({ page, host }) => {
  const response = await page.goto(host.url);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  // An injected inline script is refused by the policy.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
});
