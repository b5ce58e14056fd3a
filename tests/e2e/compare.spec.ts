// The Compare view over three reports: figures grouped with verdicts, and a conflict opened as two
// passages side by side in the reader.
import { join } from 'node:path';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'compare');

test('compares three documents and opens a conflict side by side', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(['plant-fire-day1.txt', 'plant-fire-day3.txt', 'plant-fire-day5.txt'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const picker = page.getByLabel('Documents to compare');
  for (const box of await picker.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Compare 3 documents' }).click();

  const workers = page.getByRole('article', { name: 'Group workers' });
  await expect(workers).toContainText('Conflict');
  await expect(workers).toContainText('nowhere near 1,200 workers');
  const killed = page.getByRole('article', { name: 'Group killed or wounded' });
  await expect(killed).toContainText('14');
  await expect(killed).toContainText('31');
  await expect(page.getByRole('article', { name: 'Group firefighters' })).toContainText('Agree');

  // From the disputed figure to both passages, side by side.
  await workers.getByRole('button', { name: /^Open nowhere near 1,200 workers in / }).click();
  const panes = page.getByRole('region', { name: /^Pane \d/ });
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(0)).toContainText('Police said nowhere near 1,200 workers were inside the plant');
  await expect(panes.nth(1)).toContainText('Officials said some 1,200 workers were evacuated');
});
