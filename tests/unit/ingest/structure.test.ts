// Every format keeps its structure as blocks over the stored text: headings, list items, tables with
// cells, captions, quotes and notes, read from the markup of real HTML pages and Word files in
// ../shared/formats (skipped when absent) and from Markdown written here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { sharedFolder } from './helpers.ts';

const slice = (doc: ExtractedDocument, kind: string) =>
  (doc.blocks ?? []).filter((block) => block.kind === kind).map((block) => doc.text.slice(block.start, block.end));

function expectWellFormed(doc: ExtractedDocument): void {
  let previous = 0;
  for (const block of doc.blocks ?? []) {
    expect(block.start).toBeGreaterThanOrEqual(previous);
    expect(block.end).toBeGreaterThan(block.start);
    expect(doc.text.slice(block.start, block.end).trim()).not.toBe('');
    previous = block.end;
  }
}

describe('Markdown structure', () => {
  it('gives headings, list items, a quote and a table with cells', async () => {
    const source = [
      '# Rail freight in 2023',
      '',
      'Freight trains carried 1.2 billion tonnes, up 3 percent.',
      '',
      '- Coal fell by 8 percent.',
      '- Containers rose by 5 percent.',
      '',
      '> Volumes recovered in the second half, the operator said.',
      '',
      '| Cargo | Change |',
      '| --- | --- |',
      '| Coal | -8% |',
      '| Containers | +5% |',
    ].join('\n');
    const doc = await extractDocument({ name: 'rail.md', bytes: new TextEncoder().encode(source) });
    expectWellFormed(doc);
    expect(slice(doc, 'heading')).toEqual(['Rail freight in 2023']);
    expect(slice(doc, 'list-item')).toEqual(['- Coal fell by 8 percent.', '- Containers rose by 5 percent.']);
    expect(slice(doc, 'quote')).toEqual(['Volumes recovered in the second half, the operator said.']);
    const table = doc.blocks!.find((block) => block.kind === 'table')!;
    expect(table.rows!.map((row) => row.map((cell) => doc.text.slice(cell.start, cell.end)))).toEqual([
      ['Cargo', 'Change'],
      ['Coal', '-8%'],
      ['Containers', '+5%'],
    ]);
  });
});

const DOCX = sharedFolder('formats', 'docx');
const HTML = sharedFolder('formats', 'html');
if (!DOCX || !HTML) console.warn('Skipping structure checks on shared HTML and Word files: ../shared/formats is absent.');

describe.skipIf(!DOCX || !HTML)('structure of the shared HTML and Word files', () => {
  const read = async (path: string) => extractDocument({ name: path, bytes: new Uint8Array(readFileSync(path)) });

  it('Word: list items, tables with cells, footnotes and endnotes with their markers', async () => {
    const list = await read(join(DOCX!, 'simple-list.docx'));
    expect(slice(list, 'list-item').length).toBe(2);
    const tables = await read(join(DOCX!, 'tables.docx'));
    const table = tables.blocks!.find((block) => block.kind === 'table')!;
    expect(table.rows!.length).toBeGreaterThan(1);
    expect(table.rows!.every((row) => row.length >= 1)).toBe(true);
    for (const name of ['footnotes.docx', 'endnotes.docx']) {
      const doc = await read(join(DOCX!, name));
      expectWellFormed(doc);
      const notes = doc.blocks!.filter((block) => block.kind === 'footnote');
      expect(notes.length).toBe(2);
      for (const note of notes) expect(note.marker).toMatch(/^\[\d+\]$/);
    }
  });

  it('HTML: headings, list items, captions and tables from the article markup', async () => {
    const wiki = join(HTML!, 'wikipedia', 'source.html');
    const bbc = join(HTML!, 'bbc-1', 'source.html');
    if (!existsSync(wiki) || !existsSync(bbc)) return;
    const doc = await read(wiki);
    expectWellFormed(doc);
    expect(slice(doc, 'heading').length).toBeGreaterThan(10);
    expect(slice(doc, 'list-item').length).toBeGreaterThan(10);
    expect(doc.blocks!.some((block) => block.kind === 'table' && block.rows!.length > 1)).toBe(true);
    const news = await read(bbc);
    expect(slice(news, 'caption').length).toBeGreaterThan(0);
    expect(slice(news, 'list-item').length).toBeGreaterThan(0);
  });
});
