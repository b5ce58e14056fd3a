// Walking skeleton through the browser host: import via the UI, list, open, delete with undo, restart.
import { join } from 'node:path';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');

test('import, read, delete with undo, and find everything after a restart', async ({ page, host, restartHost }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();

  await page.getByTestId('import-input').setInputFiles([join(fixtures, 'briefing-aid.txt'), join(fixtures, 'harbor-report.md')]);
  const rows = page.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('Relief agencies delivered some 4,500 tonnes')).toBeVisible();
  await expect(page.getByText('Harbor expansion report')).toBeVisible();

  // Open the text document in the reader.
  await page.getByRole('button', { name: /^Open Relief agencies/ }).click();
  await expect(page.getByRole('article', { name: 'Document text' })).toContainText('Roads into the valley reopened on Tuesday');

  // Back to the library; delete the Markdown document and undo.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Delete Harbor expansion report' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(2);

  // Delete the other one for good, then restart the host and reload.
  await page.getByRole('button', { name: /^Delete Relief agencies/ }).click();
  await expect(rows).toHaveCount(1);

  const restarted = await restartHost();
  await page.goto(restarted.url);
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('Harbor expansion report')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('listitem')).toHaveCount(1);
});

test('the API refuses calls without the token and from foreign hosts', async ({ host, request }) => {
  const list = `${host.origin}/api/library:list`;
  expect((await request.post(list, { data: {} })).status()).toBe(401);
  const ok = await request.post(list, { data: {}, headers: { authorization: `Bearer ${host.token}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).result).toEqual([]);
  const rebinding = await request.post(list, { data: {}, headers: { authorization: `Bearer ${host.token}`, host: 'evil.example:80' } });
  expect(rebinding.status()).toBe(421);
  const unknown = await request.post(`${host.origin}/api/library:format`, { data: {}, headers: { authorization: `Bearer ${host.token}` } });
  expect(unknown.status()).toBe(404);
});
