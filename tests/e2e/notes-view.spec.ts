// The Notes view with notes on several documents: grouped under each document's full title (on hover
// too), narrowed to one document, a quoted passage inside one pair of quotation marks, and a note's
// passage marked in the text and flashed on arrival. With DOSSIER_SCREENSHOTS=DIR it saves the Notes
// view at both sizes.
import { join } from 'node:path';
import { callApi, test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const shots = process.env.DOSSIER_SCREENSHOTS || null;
const WIRE = 'Container ship freed after six days blocking the Suez Canal';
const PHOTO = 'How one ship held up world trade';

test('notes grouped by document, filtered to one, one pair of quotes, a visible anchor that flashes on arrival', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles(['daily/canal-wire.txt', 'daily/canal-photo.html', 'ridge-courier.txt'].map((f) => join(fixtures, f)));
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(3);
  const docs = await callApi<Array<{ id: string; title: string }>>(host, 'library:list');
  const idOf = (title: string) => docs.find((d) => d.title === title)!.id;
  const note = async (title: string, passage: string, body: string) => {
    const { text } = await callApi<{ text: string }>(host, 'library:get', { id: idOf(title) });
    const start = text.indexOf(passage);
    await callApi(host, 'notes:create', { docId: idOf(title), start, end: start + passage.length, body });
  };
  await note(WIRE, '“Egyptians have succeeded in ending the crisis of the stuck ship in the Suez Canal despite the massive technical complexity.”', 'Check the date of this post against the authority’s statement.');
  await note(WIRE, 'about 18,300 containers', 'Other reports say **20,000**; capacity is 20,124 TEU.');
  await note(PHOTO, 'Egypt later sought $916 million in compensation', 'Compare with the July settlement.');
  await callApi(host, 'notes:create', { docId: null, body: 'Ask the canal authority for its daily bulletins.' });

  await page.getByRole('button', { name: 'Notes', exact: true }).click();
  const view = page.getByRole('region', { name: 'Notes', exact: true });
  await expect(view.locator('.note-card')).toHaveCount(4);
  // One group per document, titled in full (and on hover), free-standing notes last.
  const wire = view.getByRole('region', { name: `Notes on ${WIRE}` });
  await expect(wire.locator('.note-card')).toHaveCount(2);
  const heading = wire.getByRole('heading', { name: WIRE });
  await expect(heading).toHaveAttribute('title', WIRE);
  expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await expect(view.getByRole('region', { name: `Notes on ${PHOTO}` }).locator('.note-card')).toHaveCount(1);
  await expect(view.getByRole('region').last()).toHaveAccessibleName('Notes on Not about a document');
  if (shots) {
    for (const dismiss of await page.getByRole('button', { name: /^Dismiss/ }).all()) await dismiss.click({ timeout: 1000 }).catch(() => {});
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(shots, `after-notes-${width}x${height}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  // Narrowed to one document.
  await view.getByRole('combobox', { name: 'Show the notes on' }).selectOption({ label: `${PHOTO} (1)` });
  await expect(view.locator('.note-card')).toHaveCount(1);
  await expect(view.getByRole('region', { name: `Notes on ${WIRE}` })).toHaveCount(0);
  await view.getByRole('combobox', { name: 'Show the notes on' }).selectOption('');
  await expect(view.locator('.note-card')).toHaveCount(4);

  // A passage that is itself a quotation is shown inside one pair of marks.
  const quoted = wire.locator('button.note-quote', { hasText: 'Egyptians have succeeded' });
  const shown = (await quoted.textContent())!.trim();
  expect(shown.startsWith('“Egyptians')).toBe(true);
  expect(shown.endsWith('complexity.”')).toBe(true);
  expect(shown.split('“').length - 1).toBe(1);

  // Going to the passage: the reader marks it (its own colour, a mark where it begins) and flashes it.
  await wire.locator('button.note-quote', { hasText: '18,300 containers' }).click();
  const pane = page.getByRole('region', { name: `Pane 1: ${WIRE}` });
  const text = pane.getByRole('article', { name: 'Document text' });
  const marked = text.locator('.noted', { hasText: '18,300' });
  await expect(marked.first()).toBeVisible();
  await expect(text.locator('.note-start').filter({ hasText: 'about' }).first()).toBeVisible();
  await expect(text.locator('.flash', { hasText: '18,300' })).not.toHaveCount(0);
  expect(await marked.first().evaluate((el) => getComputedStyle(el).boxShadow)).toMatch(/inset/);
  const marker = await text.locator('.note-start').first().evaluate((el) => getComputedStyle(el, '::before').width);
  expect(parseFloat(marker)).toBeGreaterThan(4);
  await expect(pane.getByRole('tab', { name: /Notes/ })).toHaveAttribute('aria-selected', 'true');
});
