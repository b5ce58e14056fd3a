// The Compare view: figures grouped with verdicts and who said what when, a rising toll as a series on
// a time axis, single-source figures behind a toggle, a conflict opened side by side, a group added to a
// brief; a mixed library that yields no group across stories; Related between the sample articles.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures', 'compare');
const stories = join(process.cwd(), 'tests', 'unit', 'compare', 'fixtures', 'stories');
const corpus = resolve(process.cwd(), '..', 'shared', 'corpus');

async function api<T>(page: Page, origin: string, token: string, channel: string, body: unknown): Promise<T> {
  const response = await page.request.post(`${origin}/api/${channel}`, { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: T }).result;
}

async function compareAll(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const picker = page.getByLabel('Documents to compare');
  for (const box of await picker.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: `Compare ${count} documents` }).click();
}

test('compares three reports: a dispute, a rising toll over time, agreement, and a conflict opened side by side', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(['plant-fire-day1.txt', 'plant-fire-day3.txt', 'plant-fire-day5.txt'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('listitem')).toHaveCount(3);
  await compareAll(page, 3);

  const workers = page.getByRole('article', { name: 'Group workers evacuated' });
  await expect(workers).toContainText('Conflict');
  await expect(workers).toContainText('well under 1,200');
  await expect(workers).toContainText('disputes 1,200');

  const killed = page.getByRole('article', { name: 'Group people killed' });
  await expect(killed).toContainText('Changed over time');
  await expect(killed).toContainText('at least 14 (1 Mar 2024) → 22 (3 Mar 2024) → 31 (5 Mar 2024)');
  await expect(killed.getByRole('img', { name: 'Figures for people killed over time' })).toBeVisible();
  await expect(killed.getByRole('img', { name: 'Figures for people killed', exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Group firefighters fought' })).toContainText('Agree');
  await page.screenshot({ path: 'test-results/compare-1440.png', fullPage: false });

  // Figures only one report gives are hidden until asked for.
  const singles = page.getByLabel(/Show figures given by one source only/);
  await expect(page.getByRole('article', { name: /^Group / })).toHaveCount(3);
  await singles.check();
  await expect(page.getByRole('article', { name: /^Group / })).toHaveCount(5);
  await singles.uncheck();

  // A group goes into a brief with its figures and verdict.
  await killed.getByRole('button', { name: 'Add to brief' }).click();
  await expect(page.getByText('Added “people killed” to “Brief: people killed”.')).toBeVisible();

  // From the disputed figure to both passages, side by side.
  await workers.getByRole('button', { name: /^Open well under 1,200 in / }).click();
  const panes = page.getByRole('region', { name: /^Pane \d/ });
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(0)).toContainText('Police said nowhere near 1,200 workers were inside the plant');
  await expect(panes.nth(1)).toContainText('Officials said some 1,200 workers were evacuated');
});

test('a mixed library yields no group that spans two stories', async ({ page, host }) => {
  test.setTimeout(120_000);
  const files = [
    ...['plant-fire-day1.txt', 'plant-fire-day3.txt', 'plant-fire-day5.txt'].map((f) => join(fixtures, f)),
    ...['unrelated', 'hk-protest', 'twitter-layoffs'].flatMap((d) => readdirSync(join(stories, d)).filter((f) => f.endsWith('.txt')).map((f) => join(stories, d, f))),
  ];
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByRole('listitem')).toHaveCount(files.length, { timeout: 60_000 });
  await compareAll(page, files.length);
  await expect(page.getByRole('article', { name: 'Group people killed' })).toContainText('Changed over time');
  await page.screenshot({ path: 'test-results/compare-1024.png', fullPage: false });

  // Each document's story is known from where it came from; no group may hold two.
  const docs = await api<Array<{ id: string; title: string }>>(page, host.origin, host.token, 'library:list', {});
  const storyOf = new Map<string, string>();
  for (const doc of docs) {
    const content = await api<{ document: { sourcePath: string } }>(page, host.origin, host.token, 'library:get', { id: doc.id });
    const name = content.document.sourcePath;
    storyOf.set(doc.id, /plant-fire/.test(name) ? 'plant' : /hk-protest/.test(name) ? 'hk' : /twitter-layoffs/.test(name) ? 'twitter' : `alone:${doc.id}`);
  }
  const result = await api<{ groups: Array<{ label: string; members: Array<{ docId: string }> }> }>(page, host.origin, host.token, 'compare:run', { docIds: docs.map((d) => d.id) });
  expect(result.groups.length).toBeGreaterThan(5);
  for (const group of result.groups) {
    const storiesInGroup = new Set(group.members.map((m) => storyOf.get(m.docId)));
    expect([...storiesInGroup], `group “${group.label}”`).toHaveLength(1);
  }
});

test('Related jumps between the troop figures of the two sample articles', async ({ page, host }) => {
  test.skip(!existsSync(corpus), `the sample articles are not here (${corpus})`);
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(['000_cb8d72b256956e0a.txt', '002_aa3b016887bfe7d3.txt'].map((f) => join(corpus, f)));
  await expect(page.getByRole('listitem')).toHaveCount(2);
  await compareAll(page, 2);
  const troops = page.getByRole('article', { name: /^Group / }).filter({ hasText: 'well under 3,000' });
  await expect(troops).toContainText('Conflict');
  for (const figure of ['25,000–30,000', '11,000', 'about 3,000', 'well under 3,000']) await expect(troops).toContainText(figure);
  await expect(page.getByRole('article', { name: /^Group / }).filter({ hasText: 'about 18' }).filter({ hasText: '25,000' })).toHaveCount(0);

  // In the reader, side by side: from "some 3,000" in one report, Related reaches the other's troop figures.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const docs = await api<Array<{ id: string; title: string; path: string }>>(page, host.origin, host.token, 'library:list', {});
  const bbc = docs.find((d) => d.path.includes('002_'))!;
  const cnn = docs.find((d) => d.path.includes('000_'))!;
  await page.getByRole('button', { name: `Open ${bbc.title}`, exact: true }).click();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: `Open beside: ${cnn.title}` }).click();
  const left = page.getByRole('region', { name: `Pane 1: ${bbc.title}` });
  const right = page.getByRole('region', { name: `Pane 2: ${cnn.title}` });
  const some3000 = left.getByRole('listitem').filter({ hasText: 'some 3,000 North Koreans' });
  await some3000.getByRole('button', { name: /some 3,000 North Koreans/ }).click();
  await some3000.getByRole('button', { name: 'Related claim in other pane' }).click();
  const active = right.locator('mark.claim-mark.active').first();
  await expect(active).toBeVisible();
  await expect(right.getByRole('status').filter({ hasText: 'Most similar to' })).toContainText('same measure');
  const landed = (await right.getByRole('listitem').filter({ has: page.locator('[aria-current="true"]') }).first().textContent()) ?? '';
  expect(landed).toMatch(/11,000|25,000/);
});
