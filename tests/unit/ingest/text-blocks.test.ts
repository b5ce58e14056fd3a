// Plain text gets its structure from blank lines and the shape of its lines: headings (standing alone,
// leading into a paragraph, or underlined), list items, notes, quotes and tab-separated tables, in
// hard-wrapped text and in text set one paragraph per line; the claims follow that structure.
import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../../shared/types/blocks.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { plainTextBlocks } from '../../../electron/services/ingest/text-blocks.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { claimableText, withDocumentText } from '../../../electron/services/claims/structured.ts';

const shown = (text: string, blocks: DocBlock[]) =>
  blocks.map((block) => [block.kind, text.slice(block.start, block.end)] as [string, string]);

function expectWellFormed(text: string, blocks: DocBlock[]): void {
  let previous = 0;
  for (const block of blocks) {
    expect(block.start).toBeGreaterThanOrEqual(previous);
    expect(block.end).toBeGreaterThan(block.start);
    expect(text.slice(block.start, block.end)).toBe(text.slice(block.start, block.end).trim());
    previous = block.end;
  }
}

const WRAPPED = [
  'The Suez Canal blockage of March 2021',
  '=====================================',
  '',
  'The container ship Ever Given ran aground in the Suez Canal on',
  '23 March 2021 and blocked the waterway for six days. The ship is',
  'about 400 metres long and can carry more than 20,000 containers.',
  '',
  'What was held up',
  '----------------',
  '',
  '- More than 360 ships were waiting to pass when the canal',
  '  reopened on 29 March.',
  '- Lloyd’s List estimated that the blockage held up about 9.6',
  '  billion dollars of trade a day.',
  '* Some operators sent their ships around the Cape of Good Hope.',
  '',
  'Refloating the ship',
  '',
  '1. Dredgers removed about 30,000 cubic metres of sand from the bank.',
  '2. Tugs pulled the ship free on the spring tide of 29 March.',
  '',
  '> Traffic was back to normal within days, the canal authority said.',
  '',
  'Ship\tLength\tCapacity',
  'Ever Given\t400 m\t20,124 containers',
  '',
  '[1] Counts of waiting ships differ between sources.',
  '',
].join('\n');

describe('structure of hard-wrapped plain text', () => {
  const blocks = plainTextBlocks(WRAPPED);

  it('reads underlined and standalone headings, paragraphs, list items, a quote, a table and a note', () => {
    expectWellFormed(WRAPPED, blocks);
    expect(shown(WRAPPED, blocks)).toEqual([
      ['heading', 'The Suez Canal blockage of March 2021'],
      ['furniture', '====================================='],
      ['paragraph', WRAPPED.split('\n').slice(3, 6).join('\n')],
      ['heading', 'What was held up'],
      ['furniture', '----------------'],
      ['list-item', '- More than 360 ships were waiting to pass when the canal\n  reopened on 29 March.'],
      ['list-item', '- Lloyd’s List estimated that the blockage held up about 9.6\n  billion dollars of trade a day.'],
      ['list-item', '* Some operators sent their ships around the Cape of Good Hope.'],
      ['heading', 'Refloating the ship'],
      ['list-item', '1. Dredgers removed about 30,000 cubic metres of sand from the bank.'],
      ['list-item', '2. Tugs pulled the ship free on the spring tide of 29 March.'],
      ['quote', '> Traffic was back to normal within days, the canal authority said.'],
      ['table', 'Ship\tLength\tCapacity\nEver Given\t400 m\t20,124 containers'],
      ['footnote', '[1] Counts of waiting ships differ between sources.'],
    ]);
    expect(blocks[0].level).toBe(1);
    expect(blocks[3].level).toBe(2);
    expect(blocks.find((block) => block.kind === 'footnote')!.marker).toBe('[1]');
    const table = blocks.find((block) => block.kind === 'table')!;
    expect(table.rows!.map((row) => row.map((cell) => WRAPPED.slice(cell.start, cell.end)))).toEqual([
      ['Ship', 'Length', 'Capacity'],
      ['Ever Given', '400 m', '20,124 containers'],
    ]);
  });

  it('makes every bulleted statement a claim, and no heading or note', () => {
    const set = withDocumentText(extractClaims(claimableText(WRAPPED, blocks)), WRAPPED);
    const claims = set.claims.map((claim) => claim.text.replace(/\s+/g, ' '));
    // Each statement is a claim of its own, without its bullet, whole across the wrapped line end.
    for (const statement of [
      'More than 360 ships were waiting to pass when the canal reopened on 29 March.',
      'Lloyd’s List estimated that the blockage held up about 9.6 billion dollars of trade a day.',
      'Some operators sent their ships around the Cape of Good Hope.',
      'Dredgers removed about 30,000 cubic metres of sand from the bank.',
      'The ship is about 400 metres long and can carry more than 20,000 containers.',
    ]) {
      expect(claims, statement).toContain(statement);
    }
    expect(claims.some((claim) => /What was held up|Counts of waiting ships|blockage of March 2021$/.test(claim))).toBe(false);
  });
});

describe('structure of text set one paragraph per line', () => {
  const text = [
    'Census count shifts House seats toward the South and West',
    'The 2020 census counted 331,449,281 people living in the United States on April 1, 2020, the Census Bureau said when it released the first results in April 2021.',
    'The population grew by 7.4 percent over the decade, the second-slowest rate of growth since the first census was taken in 1790.',
    'Seats that moved',
    '- Texas gained two seats in the House of Representatives, more than any other state after the count.',
    '- Colorado, Florida, Montana, North Carolina and Oregon each gained one seat in the new apportionment.',
    '- Seven states lost one seat each, among them California, which lost a seat for the first time in its history.',
    'What the figures leave out',
    'The first results give the count by state only; counts for cities and counties came later in the year.',
  ].join('\n');

  it('takes each line as a block and short unpunctuated lines that lead into text as headings', () => {
    const blocks = plainTextBlocks(text);
    expectWellFormed(text, blocks);
    expect(blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'list-item',
      'list-item',
      'list-item',
      'heading',
      'paragraph',
    ]);
  });

  it('is stored with the document at import, and the headline stays out of the claims', async () => {
    const doc = await extractDocument({ name: 'census.txt', bytes: new TextEncoder().encode(text) });
    expect(doc.text).toBe(text);
    expect(doc.blocks).toEqual(plainTextBlocks(text));
    const set = withDocumentText(extractClaims(claimableText(doc.text, doc.blocks)), doc.text);
    expect(set.claims.some((claim) => claim.text.startsWith('Census count shifts'))).toBe(false);
    expect(set.claims.filter((claim) => /gained|lost one seat/.test(claim.text))).toHaveLength(3);
  });
});

describe('lines that are not headings', () => {
  it('keeps sentences, lower-case continuations and long lines as paragraph text', () => {
    const text = ['Prices rose 3 percent.', '', 'and then fell back', '', 'Rates held at 5.25 percent for the third month running', 'as the bank had signalled.'].join('\n');
    const blocks = plainTextBlocks(text);
    expect(blocks.every((block) => block.kind === 'paragraph')).toBe(true);
  });

  it('does not run short lines set one per line into one another', () => {
    const text = [
      'Storm closes the coast road',
      'Harbour Gazette, 2024-01-18',
      'The coast road was closed for 9 hours after waves washed gravel onto it.',
      'Crews reopened one lane at noon.',
    ].join('\n');
    const blocks = plainTextBlocks(text);
    expect(blocks.map((block) => text.slice(block.start, block.end))[0]).toBe('Storm closes the coast road');
    const claims = withDocumentText(extractClaims(claimableText(text, blocks)), text).claims.map((claim) => claim.text);
    expect(claims).toContain('The coast road was closed for 9 hours after waves washed gravel onto it.');
    expect(claims.some((claim) => claim.includes('Harbour Gazette'))).toBe(false);
  });

  it('gives no blocks for blank text', () => {
    expect(plainTextBlocks('\n\n  \n')).toEqual([]);
  });
});
