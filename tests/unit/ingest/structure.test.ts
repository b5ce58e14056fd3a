// Every format keeps its structure as blocks over the stored text: headings, list items, tables with
// cells, captions, quotes and notes, read from the markup of real HTML pages and Word files in
// ../shared/formats (skipped when absent), and from Markdown, HTML and a Word file written here; edit
// links in headings are dropped and note marks are kept as marks, never figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../shared/types/ingest.ts';
import { extractDocument } from '../../../electron/services/ingest/index.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { claimableText, withDocumentText } from '../../../electron/services/claims/structured.ts';
import { sharedFolder } from './helpers.ts';
import { renderWordReport } from './word-report.ts';
import { CENSUS_RELEASE } from './word-reports.ts';

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

const claimTexts = (doc: ExtractedDocument) =>
  withDocumentText(extractClaims(claimableText(doc.text, doc.blocks)), doc.text).claims.map((claim) => claim.text);

describe('HTML structure', () => {
  const page = `<!doctype html><html><head><title>Port strike ends</title></head><body><article>
    <h1>Port strike ends after nine days<span class="tools">[<a href="/edit/1">edit</a>]</span></h1>
    <p>Dock workers at the port returned to work on Monday after a strike that lasted nine days.<sup><a href="#note-1">[1]</a></sup>
    The union said 2,300 members had voted on the deal.<sup><a href="#note-2">[2]</a></sup> Ships waited 4 days on average.</p>
    <h2>What changed <span>[<a href="/edit/2">edit</a> | <a href="/source/2">source</a>]</span></h2>
    <ul>
      <li>Wages rise by 4 percent this year and by 3 percent next year.</li>
      <li>The port will hire 150 more crane operators by March.</li>
      <li>Night shifts were cut from 12 hours to 10 hours.</li>
    </ul>
    <p>Area of the terminal: 120 m<sup>2</sup> per berth.</p>
    <ol><li id="note-1">The strike began on 4 September.</li><li id="note-2">Turnout was not published.</li></ol>
  </article></body></html>`;

  it('drops edit links from headings, keeps note marks as marks, and makes every bulleted statement a claim', async () => {
    const doc = await extractDocument({ name: 'strike.html', bytes: new TextEncoder().encode(page) });
    expectWellFormed(doc);
    expect(slice(doc, 'heading')).toEqual(['Port strike ends after nine days', 'What changed']);
    const paragraph = doc.blocks!.find((block) => block.refs)!;
    expect(paragraph.refs!.map((ref) => doc.text.slice(ref.start, ref.end))).toEqual(['[1]', '[2]']);
    // An exponent is no note mark.
    expect(doc.text).toContain('120 m2 per berth');
    const claims = claimTexts(doc);
    for (const item of slice(doc, 'list-item')) expect(claims).toContain(item.replace(/^- /, ''));
    expect(claims).toContain('The union said 2,300 members had voted on the deal.[2]'.replace('[2]', ''));
    const set = withDocumentText(extractClaims(claimableText(doc.text, doc.blocks)), doc.text);
    const figures = set.claims.flatMap((claim) => (claim.quantities ?? []).map((quantity) => quantity.low));
    expect(figures).not.toContain(1);
    expect(figures).not.toContain(2);
  });
});

describe('Word structure, from a report written with the docx library', () => {
  it('gives headings, list items, a table with cells and footnotes, and a claim for every bulleted statement', async () => {
    const doc = await extractDocument({ name: 'census.docx', bytes: await renderWordReport(CENSUS_RELEASE) });
    expectWellFormed(doc);
    expect(slice(doc, 'heading')).toEqual(['First Results of the 2020 Census', 'Seats in the House of Representatives', 'Growth by state']);
    const table = doc.blocks!.find((block) => block.kind === 'table')!;
    expect(table.rows!.map((row) => row.map((cell) => doc.text.slice(cell.start, cell.end)))[1]).toEqual(['California', '39,538,223']);
    expect(doc.blocks!.filter((block) => block.kind === 'footnote').map((block) => block.marker)).toEqual(['[1]', '[2]']);
    const claims = claimTexts(doc);
    const bullets = CENSUS_RELEASE.blocks.flatMap((block) => (block.kind === 'bullets' || block.kind === 'numbered' ? block.items : []));
    for (const statement of bullets) expect(claims).toContain(statement);
    expect(claims.some((claim) => /resident population counts people/.test(claim))).toBe(false);
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
      // The marks in the text are kept as marks, linked to the notes by their labels.
      const marks = doc.blocks!.flatMap((block) => (block.refs ?? []).map((ref) => doc.text.slice(ref.start, ref.end)));
      expect(marks).toEqual(notes.map((note) => note.marker));
    }
  });

  it('HTML: headings, list items, captions and tables from the article markup', async () => {
    const wiki = join(HTML!, 'wikipedia', 'source.html');
    const bbc = join(HTML!, 'bbc-1', 'source.html');
    if (!existsSync(wiki) || !existsSync(bbc)) return;
    const doc = await read(wiki);
    expectWellFormed(doc);
    expect(slice(doc, 'heading').length).toBeGreaterThan(10);
    // Edit links are page controls, not words of the headings.
    expect(slice(doc, 'heading').filter((heading) => /\[edit\]|^$/.test(heading))).toEqual([]);
    expect(slice(doc, 'heading')).toContain('Bugzilla');
    // Note marks ("[1]") stay visible but are neither figures nor the start of a claim.
    expect(doc.blocks!.filter((block) => block.refs).length).toBeGreaterThan(10);
    const set = withDocumentText(extractClaims(claimableText(doc.text, doc.blocks)), doc.text);
    expect(set.claims.filter((claim) => claim.text.startsWith('['))).toEqual([]);
    for (const claim of set.claims) {
      for (const quantity of claim.quantities ?? []) {
        const at = doc.text.indexOf(quantity.text, claim.start);
        expect(`${doc.text[at - 1]}${quantity.text}${doc.text[at + quantity.text.length]}`).not.toMatch(/^\[\d+\]$/);
      }
    }
    expect(slice(doc, 'list-item').length).toBeGreaterThan(10);
    expect(doc.blocks!.some((block) => block.kind === 'table' && block.rows!.length > 1)).toBe(true);
    const news = await read(bbc);
    expect(slice(news, 'caption').length).toBeGreaterThan(0);
    expect(slice(news, 'list-item').length).toBeGreaterThan(0);
  });
});
