// Reference-manager import against a real library: a round trip through the `sources` export and a
// Zotero "Export Files" folder (records with a files/ folder of per-item subfolders, named by BibTeX's
// `file` field or RIS's L1 lines) keeps title, authors, outlet, date and URL; a CSL-JSON file fills in
// documents the library already has; missing attachments and unreadable files are reported.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/container.ts';
import { bibtexFiles, parseRis } from '../../../electron/services/interchange/references.ts';
import type { DocumentMetadata, DocumentSummary } from '../../../shared/types/library.ts';
import { librariesIn, workDir, writeReports } from './helpers.ts';

let work: string;
const library = librariesIn(() => work);

const METADATA: Record<string, Partial<DocumentMetadata>> = {
  'canal.txt': { author: 'Mara Lind, Omar Haddad', outlet: 'Harbour Wire', published: '2021-03-24', url: 'https://news.example.org/2021/03/suez-blocked', tags: ['shipping'] },
  'tonga.txt': { author: 'Lea Moana', outlet: 'Pacific Desk', published: '2022-01-16', url: 'https://pacific.example.net/tonga-eruption' },
  'quake.txt': { author: null, outlet: 'Quake Monitor', published: '2023-02', url: null },
};

/** A library whose three reports carry the metadata above. */
async function source(): Promise<{ a: Services; files: Record<string, string> }> {
  const a = await library('a');
  const paths = writeReports(join(work, 'inbox'));
  const results = await a.handlers['library:import']({ paths });
  for (const r of results) await a.handlers['library:update']({ id: r.id!, changes: METADATA[r.path.split('/').pop()!]! });
  return { a, files: Object.fromEntries(results.map((r) => [r.id!, r.path])) };
}

const fields = (docs: DocumentSummary[]) =>
  docs.map((d) => ({ title: d.title, author: d.author, outlet: d.outlet, published: d.published, url: d.url })).sort((x, y) => x.title.localeCompare(y.title));

/** Writes what Zotero's export with "Export Files" gives: the reference file and files/<n>/<name>. */
function zoteroFolder(dir: string, name: string, text: string, attachments: string[]): string {
  mkdirSync(dir, { recursive: true });
  attachments.forEach((file, i) => {
    mkdirSync(join(dir, 'files', String(i + 1)), { recursive: true });
    copyFileSync(file, join(dir, 'files', String(i + 1), file.split('/').pop()!));
  });
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('reference-manager import', () => {
  it('round-trips BibTeX with attached files: title, authors, outlet, date and URL kept', async () => {
    work = workDir('refs-bib');
    const { a, files } = await source();
    const exported = await a.handlers['library:sources']({ format: 'bibtex' });
    // Zotero writes each item's attachment into its `file` field; the entries come back in the same order.
    const ids = (await a.handlers['library:list']()).map((d) => d.id);
    const order = [...exported.text.matchAll(/^@\w+\{/gm)].map((_, i) => i);
    expect(order).toHaveLength(3);
    let n = 0;
    const bib = exported.text.replace(/^(@\w+\{[^,]+,)$/gm, (entry) => `${entry}\n\tfile = {Full Text:files/${++n}/${files[ids[n - 1]!]!.split('/').pop()}:text/plain},`);
    const path = zoteroFolder(join(work, 'zotero'), 'My Library.bib', bib, ids.map((id) => files[id]!));

    const b = await library('b');
    const results = await b.handlers['library:import']({ paths: [path] });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    expect(fields(await b.handlers['library:list']())).toEqual(fields(await a.handlers['library:list']()));
    expect((await b.handlers['library:list']()).find((d) => d.outlet === 'Harbour Wire')?.tags).toEqual(['shipping']);
  });

  it('round-trips RIS with L1 attachments, importing the folder as a whole', async () => {
    work = workDir('refs-ris');
    const { a, files } = await source();
    const exported = await a.handlers['library:sources']({ format: 'ris' });
    let n = 0;
    const ris = exported.text.replace(/^(ID {2}- (\w+))$/gm, (line, _all, id: string) => `${line}\nL1  - files/${++n}/${files[id]!.split('/').pop()}`);
    const ids = [...exported.text.matchAll(/^ID {2}- (\w+)$/gm)].map((m) => m[1]!);
    zoteroFolder(join(work, 'zotero'), 'export.ris', ris, ids.map((id) => files[id]!));

    const b = await library('b');
    // The folder walk finds the .ris and the attachments; each attachment is imported once, with its record.
    const results = await b.handlers['library:import']({ paths: [join(work, 'zotero')] });
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(0);
    expect(fields(await b.handlers['library:list']())).toEqual(fields(await a.handlers['library:list']()));
  });

  it('fills in documents the library has from CSL-JSON, and reports records it cannot import', async () => {
    work = workDir('refs-csl');
    const { a } = await source();
    const csl = (await a.handlers['library:sources']({ format: 'csl-json' })).text;
    const b = await library('b');
    await b.handlers['library:import']({ paths: [join(work, 'inbox')] });
    const extra = JSON.parse(csl) as Array<Record<string, unknown>>;
    extra.push({ id: 'x1', type: 'article-newspaper', title: 'A report we never saw', 'container-title': 'Elsewhere' });
    writeFileSync(join(work, 'refs.json'), JSON.stringify(extra));
    const results = await b.handlers['library:import']({ paths: [join(work, 'refs.json')] });
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'skipped']);
    expect(results[3]!.error).toMatch(/Skipped “A report we never saw”: it has no attached file to import \(in Zotero, export with “Export Files” ticked\)\./);
    expect(fields(await b.handlers['library:list']())).toEqual(fields(await a.handlers['library:list']()));
  });

  it('names a missing attachment and a file that is not a reference list', async () => {
    work = workDir('refs-bad');
    const b = await library('b');
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', 'refs.bib'), '@article{gone, title = {Lost report}, file = {Full Text:files/9/lost.pdf:application/pdf}}');
    writeFileSync(join(work, 'in', 'notes.ris'), 'This is not RIS.');
    writeFileSync(join(work, 'in', 'data.json'), '{"rows": [1, 2]}');
    const results = await b.handlers['library:import']({ paths: [join(work, 'in', 'refs.bib'), join(work, 'in', 'notes.ris'), join(work, 'in', 'data.json')] });
    expect(results).toEqual([
      expect.objectContaining({ status: 'error', error: 'No RIS records (TY  - … ER  -) were found in this file.' }),
      expect.objectContaining({ status: 'error', error: 'This JSON file is not CSL-JSON (a list of items, each with a type), as reference managers export it.' }),
      expect.objectContaining({ status: 'skipped', error: 'Skipped “Lost report”: its attached file files/9/lost.pdf was not found next to refs.bib.' }),
    ]);
    expect(await b.handlers['library:list']()).toEqual([]);
  });

  it('reads the file fields Zotero and JabRef write, and RIS dates and authors', () => {
    expect(bibtexFiles('Full Text PDF:files/12/Lind - 2024 - Blast.pdf:application/pdf;Snapshot:files/13/page.html:text/html')).toEqual(['files/12/Lind - 2024 - Blast.pdf', 'files/13/page.html']);
    expect(bibtexFiles(':C\\:/Users/ana/Zotero/report.pdf:PDF')).toEqual(['C:/Users/ana/Zotero/report.pdf']);
    expect(bibtexFiles('files/3/report.pdf')).toEqual(['files/3/report.pdf']);
    const [record] = parseRis('TY  - NEWS\nAU  - Lind, Mara\nA1  - Omar Haddad\nTI  - Blast\nT2  - Valley Herald\nDA  - 2024/03/01/\nPY  - 2024\nUR  - https://example.org/blast\nL1  - files/1/blast.pdf\nKW  - fire\nER  - \n');
    expect(record).toEqual({ key: 'Blast', metadata: { title: 'Blast', author: 'Mara Lind, Omar Haddad', outlet: 'Valley Herald', published: '2024-03-01', url: 'https://example.org/blast', tags: ['fire'] }, files: ['files/1/blast.pdf'] });
  });
});
