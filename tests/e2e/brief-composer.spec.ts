// Composing a brief from what the analyst is reading: the Claims list starts with the documents open in
// the Reader, a photo caption printed twice is one claim, a note item shows its Markdown rendered, and a
// comparison item shows its verdict and figures, as the export will.
import { join } from 'node:path';
import { callApi, test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const PHOTO = 'How one ship held up world trade';
const WIRE = 'Container ship freed after six days blocking the Suez Canal';
const COURIER = 'Troops cross the Varna ridge as border talks stall';
const LEDGER = 'Ridge build-up far larger than first reported';

test('claims from the open documents, one claim per repeated caption, rendered notes, comparisons with figures and verdict', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page
    .getByTestId('import-input')
    .setInputFiles(['ridge-courier.txt', 'ridge-ledger.md', 'daily/canal-photo.html', 'daily/canal-wire.txt'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);
  const docs = await callApi<Array<{ id: string; title: string }>>(host, 'library:list');
  const idOf = (title: string) => docs.find((d) => d.title === title)!.id;
  await callApi(host, 'notes:create', { docId: idOf(PHOTO), body: 'Compensation: **$916 million** asked, then\n\n- $550 million\n- settled in July' });

  // One document open in the Reader: the Claims list offers its claims first.
  await page.getByRole('button', { name: `Open ${PHOTO}`, exact: true }).click();
  await expect(page.getByRole('region', { name: `Pane 1: ${PHOTO}` })).toBeVisible();
  await page.getByRole('button', { name: 'Brief', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).first().click();
  const material = page.getByRole('complementary', { name: 'Material' });
  const source = material.getByRole('combobox', { name: 'Document to take claims from' });
  await expect(source).toHaveValue(idOf(PHOTO));
  const items = material.locator('.material-item');
  await expect(items.filter({ hasText: 'Egypt later sought $916 million' })).toHaveCount(1);
  // The caption printed above the story and again below it is one claim.
  await expect(items.filter({ hasText: 'Tugboats pulled the stranded container ship free' })).toHaveCount(1);

  // Two documents open: their claims together, each under its title.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: `Open beside: ${WIRE}` }).click();
  await page.getByRole('button', { name: 'Brief', exact: true }).click();
  await expect(source).toHaveValue('reader');
  await expect(material.locator('.material-doc')).toHaveText([PHOTO, WIRE]);
  await expect(items.filter({ hasText: 'Osama Rabie' })).toHaveCount(1);

  // A note item shows its Markdown rendered, not its markers.
  await material.getByRole('tab', { name: 'Notes' }).click();
  await material.locator('.material-item', { hasText: 'Compensation' }).getByRole('button', { name: /^Add note to brief/ }).click();
  const outline = page.getByRole('list', { name: 'Brief outline' });
  const noteItem = outline.getByLabel('Note 1');
  await expect(noteItem.locator('strong')).toHaveText('$916 million');
  await expect(noteItem.getByRole('listitem')).toHaveText(['$550 million', 'settled in July']);
  await expect(noteItem).not.toContainText('**');

  // A comparison item shows the verdict and each figure with who gave it.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const picker = page.getByLabel('Documents to compare');
  await picker.getByRole('button', { name: 'Clear' }).click();
  for (const title of [COURIER, LEDGER]) await picker.getByRole('checkbox', { name: new RegExp(title.slice(0, 20)) }).check();
  await page.getByRole('button', { name: 'Compare 2 documents' }).click();
  await page.getByRole('article', { name: 'Group soldiers' }).getByRole('button', { name: 'Add to brief' }).click();
  await page.getByRole('button', { name: 'Brief', exact: true }).click();
  const group = outline.getByLabel('Comparison 2');
  await expect(group.locator('.verdict')).toHaveText('Conflict');
  await expect(group).toContainText('disputes 3,000');
  await expect(group.getByRole('row')).toHaveCount(4);
  await expect(group.getByRole('row').nth(1)).toContainText('about 3,000');
  await expect(group.getByRole('row').nth(1)).toContainText('regional officials');
  await expect(group.getByRole('row').nth(2)).toContainText('well under 3,000');
});
