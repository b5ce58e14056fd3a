// Searching the library as an analyst does: a figure is one search term ("3,000" does not match every
// "3" and "000"), the outlet filter matches by the start of the outlet's words and suggests outlets,
// filters alone list documents, OR, -word and quoted phrases work and are explained in the search box's
// help, and result dates read as the reader's locale writes them.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const WIRE = 'Container ship freed after six days blocking the Suez Canal';
const REVIEW = 'Canal traffic after the grounding: a technical review';
const PHOTO = 'How one ship held up world trade';
const COURIER = 'Troops cross the Varna ridge as border talks stall';

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await box.fill(query);
  await box.press('Enter');
}

function hitTitles(page: Page) {
  return page.getByRole('region', { name: 'Search results' }).locator('.hit-title');
}

test('figures, outlet filter with suggestions, filters alone, OR / -word / phrases, and dates in the locale', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page
    .getByTestId('import-input')
    .setInputFiles(['daily/canal-wire.txt', 'daily/canal-review.md', 'daily/canal-photo.html', 'ridge-courier.txt'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
  const docs = await callApi<Array<{ id: string; title: string }>>(host, 'library:list');
  const idOf = (title: string) => docs.find((d) => d.title === title)!.id;
  await callApi(host, 'library:update', { id: idOf(WIRE), changes: { outlet: 'BBC News' } });
  await callApi(host, 'library:update', { id: idOf(COURIER), changes: { outlet: 'The Lowland Courier', published: '2024-03-14T10:47:05Z' } });
  await page.reload();

  // A figure is one term: "3,000" finds the report of 3,000 soldiers, not the review whose section 3 and
  // "19,000" hold a "3" and a "000".
  await search(page, '3,000');
  await expect(hitTitles(page)).toHaveCount(1);
  await expect(hitTitles(page).first()).toContainText(COURIER);
  await expect(page.locator('.hit-snippet mark').first()).toHaveText('3,000');
  await search(page, '4.5');
  await expect(hitTitles(page)).toHaveText([new RegExp(REVIEW.slice(0, 20))]);
  await search(page, '40%');
  await expect(hitTitles(page)).toHaveText([new RegExp(REVIEW.slice(0, 20))]);

  // Dates as the locale writes them, never the stored ISO form.
  await search(page, 'soldiers');
  const expected = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2024, 2, 14)));
  const meta = page.getByRole('region', { name: 'Search results' }).locator('.hit-meta').first();
  await expect(meta).toContainText(expected);
  await expect(meta).not.toContainText('2024-03-14');

  // OR, -word and quoted phrases, and the help that explains them.
  await search(page, 'pilots OR dredgers');
  await expect(hitTitles(page)).toHaveCount(2);
  await search(page, 'tugboats -dredgers');
  await expect(hitTitles(page)).toHaveText([new RegExp(PHOTO)]);
  await search(page, '"run aground"');
  await expect(hitTitles(page)).toHaveText([new RegExp(PHOTO)]);
  await search(page, 'canal -"Suez Canal"');
  await expect(hitTitles(page)).not.toContainText([new RegExp(WIRE.slice(0, 20))]);
  await page.getByRole('button', { name: 'Search help' }).click();
  const help = page.getByRole('note', { name: 'How to search' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('OR');
  await expect(help).toContainText('-tug');
  await expect(help).toContainText('"run aground"');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The outlet filter: "bbc" suggests "BBC News", and with no words the filter lists what it keeps.
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
  await page.getByRole('button', { name: /^Filters/ }).click();
  const outlet = page.getByRole('combobox', { name: 'Outlet filter' });
  await outlet.fill('bbc');
  const suggestions = page.getByRole('listbox', { name: 'Outlet filter suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText(['BBC News']);
  await outlet.fill('courier');
  await expect(suggestions.getByRole('option')).toHaveText(['The Lowland Courier']);
  await outlet.fill('bbc');
  await outlet.press('Enter');
  await expect(page.getByRole('region', { name: 'Search results' })).toContainText('1 document matches these filters');
  await expect(hitTitles(page)).toHaveText([new RegExp(WIRE.slice(0, 20))]);
  // The same filter with words narrows the search; "news" (a later word of the name) matches too.
  await search(page, 'canal');
  await expect(hitTitles(page)).toHaveText([new RegExp(WIRE.slice(0, 20))]);
  await outlet.fill('news');
  await outlet.press('Enter');
  await expect(hitTitles(page)).toHaveText([new RegExp(WIRE.slice(0, 20))]);
  await expect(page.getByRole('button', { name: /^Filters/ })).toContainText('1');
  await page.getByRole('region', { name: 'Search results' }).getByRole('button', { name: 'Clear filters' }).click();
  await expect(hitTitles(page)).toHaveCount(3);
});
