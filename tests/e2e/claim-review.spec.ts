// Reviewing claims in the Reader: labelled actions with tooltips, a correction that keeps the figure's
// separators and does not accept the claim by itself, Revert back to the engine's extraction, and a claim
// added from a selection under "…, wrote on Monday:" that comes with the speaker the engine finds.
import { join } from 'node:path';
import { test, expect } from './host';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
const WIRE = 'Container ship freed after six days blocking the Suez Canal';
const LEDGER = 'Ridge build-up far larger than first reported';

test('labelled actions, corrections that keep separators and leave the verdict open, Revert, and a suggested speaker', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  await page.getByTestId('import-input').setInputFiles([join(fixtures, 'ridge-ledger.md'), join(fixtures, 'daily/canal-wire.txt')]);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: `Open ${LEDGER}`, exact: true }).click();
  const ledger = page.getByRole('region', { name: `Pane 1: ${LEDGER}` });
  const troops = ledger.getByRole('list', { name: 'Claims' }).getByRole('listitem').filter({ hasText: '11,000 troops are now massed' });

  // Every action says what it does, on the button and in its tooltip.
  for (const [name, label] of [['Accept claim', 'Accept'], ['Reject claim', 'Reject'], ['Edit claim', 'Edit'], ['Note about this claim', 'Note']]) {
    const button = troops.getByRole('button', { name });
    await expect(button).toHaveText(label);
    await expect(button).toHaveAttribute('title', /\w{4,}/);
  }
  await expect(troops.getByRole('button', { name: 'Revert claim' })).toHaveCount(0);

  // A corrected figure keeps its separators, and saving the correction does not accept the claim.
  await troops.getByRole('button', { name: 'Edit claim' }).click();
  const editor = troops.getByRole('form', { name: 'Edit claim' });
  await expect(editor.getByRole('textbox', { name: 'Figure 1 low' })).toHaveValue('11,000');
  await editor.getByRole('textbox', { name: 'Figure 1 low' }).fill('12,500');
  await expect(editor).toContainText('Saving a correction does not accept the claim.');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(troops.locator('.tag.quantity').first()).toHaveText('12,500 troops');
  await expect(troops.locator('.tag.review')).toHaveText('Edited');
  await expect(troops.getByRole('button', { name: 'Accept claim' })).toHaveAttribute('aria-pressed', 'false');
  await expect(ledger.locator('mark.claim-mark.qty', { hasText: '11,000' })).toHaveCount(0);

  // Revert: back to what the engine extracted, figure and source.
  await troops.getByRole('button', { name: 'Revert claim' }).click();
  await expect(troops.locator('.tag.quantity').first()).toHaveText('11,000 troops');
  await expect(troops.locator('.tag.review')).toHaveCount(0);
  await expect(troops).toContainText('two Western diplomats');
  await expect(page.getByRole('status').filter({ hasText: 'Back to the claim as the engine extracted it.' })).toBeVisible();

  // "Save and accept" is the explicit way to do both.
  await troops.getByRole('button', { name: 'Edit claim' }).click();
  await editor.getByRole('textbox', { name: 'Source' }).fill('Western diplomats');
  await editor.getByRole('button', { name: 'Save and accept' }).click();
  await expect(troops.locator('.tag.review')).toHaveText('Accepted, edited');
  await expect(troops).toContainText('— Western diplomats');

  // A passage under "…, wrote on Monday:" added as a claim comes with the speaker the engine finds.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: `Open beside: ${WIRE}` }).click();
  const wire = page.getByRole('region', { name: `Pane 2: ${WIRE}` });
  const quote = wire.getByRole('article', { name: 'Document text' }).locator('p.para', { hasText: 'Egyptians have succeeded' });
  await quote.click({ clickCount: 3 });
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Add as claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Claim added, attributed to Abdel Fattah al-Sisi' })).toBeVisible();
  const added = wire.getByRole('list', { name: 'Claims' }).getByRole('listitem').filter({ has: page.locator('.tag.review', { hasText: 'Added by you' }) });
  const addedEditor = added.getByRole('form', { name: 'Edit claim' });
  await expect(addedEditor.getByRole('note')).toContainText('as said by Abdel Fattah al-Sisi');
  await expect(addedEditor.getByRole('textbox', { name: 'Source' })).toHaveValue("Abdel Fattah al-Sisi, Egypt's president");
  await expect(addedEditor.getByRole('combobox', { name: 'Certainty' })).toHaveValue('attributed');
  await addedEditor.getByRole('button', { name: 'Cancel' }).click();
  await expect(added.locator('.tag.attributed')).toHaveText('Attributed');
  await expect(added).toContainText("— Abdel Fattah al-Sisi, Egypt's president");
});
