// The command line's `edit`, `collections` and `sources` against a real library in a temp folder:
// metadata edits with usage errors and exit codes, collections made on the fly, search by collection,
// and reference-manager files (CSL-JSON valid against the CSL schema; BibTeX and RIS read back by
// Citation.js's parsers, as a reference manager would read them); skipped files in a folder import.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { main } from '../../../electron/cli/main.ts';
import type { DocumentRecord, DocumentSummary } from '../../../shared/types/library.ts';

let work: string;
let library: string;

async function dossier(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...argv, '--library', library], { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

async function importedIds(): Promise<Record<string, string>> {
  const list = JSON.parse((await dossier('list', '--json')).out) as DocumentSummary[];
  return Object.fromEntries(list.map((d) => [d.title, d.id]));
}

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-cli-edit-'));
  library = join(work, 'library');
  const inbox = join(work, 'inbox');
  mkdirSync(inbox);
  writeFileSync(join(inbox, 'dam.txt'), 'Dam repairs finish early\nValley Herald, 2021-03-09\nEngineers finished the dam repairs three weeks early, the water board said.');
  writeFileSync(join(inbox, 'ferry.txt'), 'Ferry service resumes\n\nThe island ferry resumed daily crossings after a 12-day strike.');
  writeFileSync(join(inbox, 'budget.csv'), 'a,b\n1,2\n');
  writeFileSync(join(inbox, '.DS_Store'), 'x');
  const result = await dossier('import', inbox);
  expect(result.code).toBe(0);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('dossier import of a folder', () => {
  it('names every skipped file with its reason and still exits 0', async () => {
    const result = await dossier('import', join(work, 'inbox'), '--json');
    const rows = JSON.parse(result.out) as Array<{ path: string; status: string; error?: string }>;
    expect(rows.filter((r) => r.status === 'skipped').map((r) => r.path.split('/').pop())).toEqual(['.DS_Store', 'budget.csv']);
    expect(rows.find((r) => r.path.endsWith('budget.csv'))?.error).toMatch(/\.csv files are not imported \(supported: \.txt/);
    expect(result.err).toMatch(/^skipped: .*budget\.csv: Skipped: \.csv files are not imported/m);
    expect(result.code).toBe(0);
  });
});

describe('dossier edit', () => {
  it('edits every field, adds and removes tags, puts the document in a new collection, and saves at once', async () => {
    const { 'Ferry service resumes': ferry } = await importedIds();
    const edited = await dossier(
      'edit', ferry!,
      '--title', 'Island ferry back after strike',
      '--author', 'Ana Ruiz', '--author', 'Omar Haddad',
      '--outlet', 'Coast Courier',
      '--published', '2022-06-14T07:30',
      '--url', 'https://coast.example.org/ferry',
      '--lang', 'en',
      '--tag', 'transport', '--tag', 'strike',
      '--collection', 'Island strike',
    );
    expect(edited.code).toBe(0);
    expect(edited.out).toContain('Updated “Island ferry back after strike”');
    expect(edited.out).toContain('collections: Island strike');

    const shown = JSON.parse((await dossier('show', ferry!, '--json')).out) as { document: DocumentRecord };
    expect(shown.document).toMatchObject({
      title: 'Island ferry back after strike',
      author: 'Ana Ruiz, Omar Haddad',
      outlet: 'Coast Courier',
      published: '2022-06-14T07:30',
      url: 'https://coast.example.org/ferry',
      lang: 'en',
      tags: ['transport', 'strike'],
    });

    const untagged = await dossier('edit', ferry!, '--untag', 'STRIKE', '--outlet', '', '--json');
    expect(JSON.parse(untagged.out)).toMatchObject({ tags: ['transport'], outlet: null });

    // The new title is searchable at once, and the collection filters search and lists.
    const search = JSON.parse((await dossier('search', 'island', '--collection', 'island strike', '--json')).out) as { hits: Array<{ title: string }> };
    expect(search.hits.map((h) => h.title)).toEqual(['Island ferry back after strike']);
    const collections = JSON.parse((await dossier('collections', '--json')).out) as Array<{ name: string; count: number }>;
    expect(collections).toEqual([expect.objectContaining({ name: 'Island strike', count: 1 })]);
  });

  it('refuses bad input with a usage error (exit 2) and a missing document with exit 1', async () => {
    const { 'Ferry service resumes': ferry } = await importedIds();
    const none = await dossier('edit', ferry!);
    expect(none.code).toBe(2);
    expect(none.err).toContain('nothing to change');
    const badDate = await dossier('edit', ferry!, '--published', '14/06/2022');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--published must be a date like 2018-05-29 or 2018-05-29T14:05, not “14/06/2022”');
    const impossible = await dossier('edit', ferry!, '--published', '2022-02-30');
    expect(impossible.code).toBe(2);
    const emptyTitle = await dossier('edit', ferry!, '--title', ' ');
    expect(emptyTitle.code).toBe(2);
    const noId = await dossier('edit');
    expect(noId.code).toBe(2);
    expect(noId.err).toContain('missing argument: dossier edit ID');
    const missing = await dossier('edit', 'abcdefabcdef', '--title', 'X');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No document with id abcdefabcdef');
    const badUrl = await dossier('edit', ferry!, '--url', 'coast.example.org');
    expect(badUrl.code).toBe(1);
    expect(badUrl.err).toContain('A URL starts with http:// or https://');
    const badLang = await dossier('edit', ferry!, '--lang', 'English please');
    expect(badLang.code).toBe(1);
  });
});

describe('dossier sources', () => {
  beforeEach(async () => {
    const ids = await importedIds();
    await dossier('edit', ids['Dam repairs finish early']!, '--author', 'Lena Vogel', '--url', 'https://herald.example.org/dam', '--collection', 'Water');
    await dossier('edit', ids['Ferry service resumes']!, '--outlet', 'Coast Courier', '--published', '2022-06-14');
  });

  it('writes CSL-JSON that is valid against the CSL data schema', async () => {
    const result = await dossier('sources');
    expect(result.code).toBe(0);
    const items = JSON.parse(result.out) as Array<Record<string, unknown>>;
    const schema = JSON.parse(readFileSync(join(__dirname, '../sources/csl-data.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    const dam = items.find((i) => i.title === 'Dam repairs finish early');
    expect(dam).toMatchObject({
      type: 'article-newspaper',
      author: [{ given: 'Lena', family: 'Vogel' }],
      'container-title': 'Valley Herald',
      issued: { 'date-parts': [[2021, 3, 9]] },
      URL: 'https://herald.example.org/dam',
    });
    // The schema itself bites: a wrong type or an unknown field fails.
    expect(validate([{ ...dam, type: 'newspaper-story' }])).toBe(false);
    expect(validate([{ ...dam, publishedAt: '2021' }])).toBe(false);
  });

  it('writes BibTeX and RIS that parsers read back, for one collection, to a file', async () => {
    const bib = join(work, 'water.bib');
    const written = await dossier('sources', '--collection', 'Water', '--out', bib);
    expect(written.code).toBe(0);
    expect(written.out).toContain(`Wrote 1 source to ${bib}`);
    const back = new Cite(readFileSync(bib, 'utf8')).data;
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ title: 'Dam repairs finish early', author: [{ family: 'Vogel', given: 'Lena' }], URL: 'https://herald.example.org/dam' });

    const ris = await dossier('sources', '--format', 'ris');
    expect(ris.code).toBe(0);
    expect(ris.out).toMatch(/^TY {2}- NEWS$/m);
    expect(ris.out).toMatch(/^DA {2}- 2022\/06\/14\/$/m);
    const risBack = new Cite(ris.out).data;
    expect(risBack.map((i) => i.title).sort()).toEqual(['Dam repairs finish early', 'Ferry service resumes']);
  });

  it('gives clear usage errors', async () => {
    const badFormat = await dossier('sources', '--format', 'endnote');
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toContain('--format must be one of csl-json, bibtex, ris, not “endnote”');
    const unknownExt = await dossier('sources', '--out', join(work, 'x.txt'));
    expect(unknownExt.code).toBe(2);
    const noCollection = await dossier('sources', '--collection', 'Nope');
    expect(noCollection.code).toBe(1);
    expect(noCollection.err).toContain('No collection named “Nope”');
  });
});
