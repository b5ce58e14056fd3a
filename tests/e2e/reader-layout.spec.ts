// The Reader at a laptop's size, with three and four documents: compact pane headers (no large title
// repeating the pane's), a claims panel that can be resized and collapsed, a legend for the highlight
// colours and a choice to tint only the claims the panel's filters keep (opinion never tinted), a fifth
// "Open beside" that names the pane it closed and offers Undo, Compare opening beside the user's panes
// with Back, and the command palette putting the typed title first. With DOSSIER_SCREENSHOTS=DIR it
// saves the Reader at 1024×700.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const shots = process.env.DOSSIER_SCREENSHOTS || null;
const WIRE = 'Container ship freed after six days blocking the Suez Canal';
const REVIEW = 'Canal traffic after the grounding: a technical review';
const PHOTO = 'How one ship held up world trade';
const COURIER = 'Troops cross the Varna ridge as border talks stall';
const LEDGER = 'Ridge build-up far larger than first reported';

async function openBeside(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: `Open beside: ${title}` }).click();
}

const pane = (page: Page, n: number, title: string) => page.getByRole('region', { name: `Pane ${n}: ${title}` });

test('three panes at 1024×700: compact headers, a resizable and collapsible panel, a legend and tinting by filter', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(['daily/canal-wire.txt', 'daily/canal-review.md', 'daily/canal-photo.html'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: `Open ${WIRE}`, exact: true }).click();
  await openBeside(page, REVIEW);
  await openBeside(page, PHOTO);
  const wire = pane(page, 1, WIRE);
  await expect(pane(page, 3, PHOTO)).toBeVisible();
  await expect(wire.locator('mark.claim-mark').first()).toBeVisible();
  if (shots) await page.screenshot({ path: join(shots, 'after-reader-1024x700.png') });

  // The pane header names the document; the text does not repeat it as a large heading, and the text
  // keeps most of the pane's height.
  const text = wire.getByRole('article', { name: 'Document text' });
  await expect(wire.locator('.doc-heading')).toHaveCount(0);
  expect(await text.locator('.reader-header').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(60);
  const share = async () => {
    const [t, p] = await Promise.all([text.boundingBox(), wire.boundingBox()]);
    return t!.height / p!.height;
  };
  expect(await share()).toBeGreaterThan(0.6);

  // The panel under the text resizes from its divider (arrow keys here) and collapses to its tabs.
  const divider = wire.getByRole('separator', { name: 'Resize the claims and notes panel of pane 1' });
  await expect(divider).toHaveAttribute('aria-orientation', 'horizontal');
  await expect(divider).toHaveAttribute('aria-valuenow', '30');
  await divider.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(divider).toHaveAttribute('aria-valuenow', '20');
  await page.keyboard.press('ArrowUp');
  await expect(divider).toHaveAttribute('aria-valuenow', '25');
  await wire.getByRole('button', { name: 'Collapse the panel' }).click();
  await expect(wire.getByRole('tabpanel')).toHaveCount(0);
  expect(await share()).toBeGreaterThan(0.8);
  await wire.getByRole('tab', { name: /Claims/ }).click();
  await expect(wire.getByRole('tabpanel')).toBeVisible();

  // The legend says what each colour means.
  await page.getByRole('button', { name: 'Highlights' }).click();
  const legend = page.getByRole('group', { name: 'Highlight colours' });
  for (const words of ['Asserted', 'Attributed', 'Hedged', 'a figure in a claim', 'a passage you wrote a note on']) await expect(legend).toContainText(words);
  await expect(legend).toContainText('Opinion');

  // Opinion is never tinted: the writer's closing judgement is not marked as a claim.
  await expect(text.locator('mark.claim-mark', { hasText: 'It is hard to see how a single grounding' })).toHaveCount(0);
  await expect(text.locator('mark.claim-mark.attributed').first()).toBeVisible();
  await expect(text.locator('mark.claim-mark.hedged').first()).toBeVisible();

  // Only the claims the panel's filters keep: filter to hedged, and the text tints only those.
  await legend.getByRole('radio', { name: 'Only claims the filters keep' }).check();
  await page.keyboard.press('Escape');
  await expect(legend).toBeHidden();
  await wire.getByRole('button', { name: /^Filter/ }).click();
  await wire.getByRole('combobox', { name: 'Certainty' }).selectOption('hedged');
  await expect(text.locator('mark.claim-mark.attributed')).toHaveCount(0);
  await expect(text.locator('mark.claim-mark.hedged').first()).toBeVisible();
  await expect(wire.getByRole('button', { name: /^Filter/ })).toContainText('1');
  // Other panes keep their own filters.
  await expect(pane(page, 2, REVIEW).locator('mark.claim-mark.asserted').first()).toBeVisible();
  // The choice is kept across a reload.
  await page.reload();
  await page.getByRole('button', { name: /^Reader/ }).click();
  await page.getByRole('button', { name: 'Highlights' }).click();
  await expect(page.getByRole('group', { name: 'Highlight colours' }).getByRole('radio', { name: 'Only claims the filters keep' })).toBeChecked();
});

test('a fifth document says which pane it closed and offers Undo; Compare opens beside with Back; the palette puts the typed title first', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page
    .getByTestId('import-input')
    .setInputFiles(['daily/canal-wire.txt', 'daily/canal-review.md', 'daily/canal-photo.html', 'ridge-courier.txt', 'ridge-ledger.md'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);

  // The palette: typed words that begin the title open that document, in the active pane.
  await page.getByRole('button', { name: `Open ${WIRE}`, exact: true }).click();
  await expect(pane(page, 1, WIRE)).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('open how one ship');
  await expect(page.getByRole('option').first()).toContainText(`Open document: ${PHOTO}`);
  await page.keyboard.press('Enter');
  await expect(pane(page, 1, PHOTO)).toBeVisible();
  await expect(page.getByRole('region', { name: /^Pane \d/ })).toHaveCount(1);

  // Four panes, then a fifth: the message names the pane that made room, and Undo brings it back.
  await openBeside(page, WIRE);
  await openBeside(page, REVIEW);
  await openBeside(page, COURIER);
  const panes = page.getByRole('region', { name: /^Pane \d/ });
  await expect(panes).toHaveCount(4);
  const layout = async () => (await panes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))));
  const four = await layout();
  await openBeside(page, LEDGER);
  const toast = page.getByRole('status').filter({ hasText: 'closed to make room' });
  await expect(toast).toContainText(/4 documents fit side by side, so pane \d, “.+”, closed to make room\./);
  await expect(panes).toHaveCount(4);
  await expect(page.getByRole('region', { name: new RegExp(`^Pane \\d: ${LEDGER}`) })).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(layout).toEqual(four);

  // Compare opens a conflict beside the panes the user has; Back restores them.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const picker = page.getByLabel('Documents to compare');
  // The picker starts with the open documents ticked.
  await picker.getByRole('button', { name: 'Clear' }).click();
  for (const title of [COURIER, LEDGER]) await picker.getByRole('checkbox', { name: new RegExp(title.slice(0, 20)) }).check();
  await page.getByRole('button', { name: 'Compare 2 documents' }).click();
  const group = page.getByRole('article', { name: /^Group / }).filter({ hasText: '3,000' }).first();
  await group.getByRole('button', { name: /^Open .*3,000 in / }).first().click();
  await expect(page.getByRole('region', { name: `Pane 4: ${COURIER}` }).or(page.getByRole('region', { name: /: Ridge build-up/ })).first()).toBeVisible();
  const after = await layout();
  expect(after.some((label) => label?.includes(LEDGER))).toBe(true);
  expect(after.some((label) => label?.includes(COURIER))).toBe(true);
  // The courier was already open: it stays, and only one pane made room for the ledger.
  expect(after.filter((label) => label?.includes(WIRE) || label?.includes(PHOTO) || label?.includes(REVIEW))).toHaveLength(2);
  await expect(page.getByRole('status').filter({ hasText: 'To fit beside your documents' })).toContainText('Back brings your panes back');
  const back = page.getByRole('button', { name: 'Back to the previous pane layout' });
  await expect(back).toHaveAttribute('title', /Compare/);
  await back.click();
  await expect.poll(layout).toEqual(four);
  await expect(back).toBeDisabled();
});
