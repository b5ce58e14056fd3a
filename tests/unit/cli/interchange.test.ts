// The command line's interchange commands against real libraries in temp folders: `export` (archive and
// Markdown vault), `import` of an archive, `annotations` out and in, `claim-review`, with their usage
// errors (exit 2) and failures (exit 1, the reason on stderr).
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { DocumentSummary } from '../../../shared/types/library.ts';
import { openLibrary, workDir, writeReports } from '../interchange/helpers.ts';

let work: string;

async function dossier(library: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...argv, '--library', join(work, library)], { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

beforeEach(async () => {
  work = workDir('cli-interchange');
  writeReports(join(work, 'inbox'));
  expect((await dossier('a', 'import', join(work, 'inbox'))).code).toBe(0);
  const docs = JSON.parse((await dossier('a', 'list', '--json')).out) as DocumentSummary[];
  const canal = docs.find((d) => d.title.includes('Suez'))!;
  expect((await dossier('a', 'edit', canal.id, '--collection', 'Shipping', '--outlet', 'Harbour Wire')).code).toBe(0);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('dossier export and import of archives', () => {
  it('exports a collection as an archive and imports it into another library', async () => {
    const out = join(work, 'shipping.dossier.zip');
    const exported = await dossier('a', 'export', '--out', out, '--collection', 'shipping');
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toMatch(/^Wrote .*shipping\.dossier\.zip: 1 document, 0 notes, 0 claim reviews, 0 briefs, 1 collection/);
    const imported = await dossier('b', 'import', out);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/\(the collection “Shipping”, archived \d{4}-\d{2}-\d{2} by Dossier [\d.]+\)/);
    expect(imported.out).toMatch(/documents {4}1 added, 0 already in the library \(merged\)/);
    const docs = JSON.parse((await dossier('b', 'list', '--json')).out) as DocumentSummary[];
    expect(docs.map((d) => [d.title, d.outlet])).toEqual([['Giant container ship blocks the Suez Canal', 'Harbour Wire']]);
    // Importing the whole library's archive next merges the one it has.
    await dossier('a', 'export', '--out', join(work, 'all.dossier.zip'));
    const all = await dossier('b', 'import', join(work, 'all.dossier.zip'), '--json');
    expect(JSON.parse(all.out)).toMatchObject({ documents: { added: 2, merged: 1 } });
  });

  it('refuses a damaged archive with the reason, and explains bad options', async () => {
    writeFileSync(join(work, 'broken.dossier.zip'), 'PK\u0003\u0004 not really a zip');
    const broken = await dossier('b', 'import', join(work, 'broken.dossier.zip'));
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.dossier\.zip cannot be imported: the file is cut short or is not a zip file\. Nothing was changed\./);
    expect((await dossier('a', 'export')).err).toMatch(/missing --out FILE\.dossier\.zip/);
    expect((await dossier('a', 'export', '--out', join(work, 'x'))).err).toMatch(/cannot tell the format from/);
    expect((await dossier('a', 'export', '--out', join(work, 'x'), '--format', 'pdf')).code).toBe(2);
    expect((await dossier('a', 'export', '--out', join(work, 'x.dossier.zip'), '--collection', 'Nope')).err).toMatch(/No collection named “Nope”/);
  });
});

describe('dossier export --format markdown', () => {
  it('writes a vault folder, and will not write into a folder of other files', async () => {
    const vault = join(work, 'vault');
    const result = await dossier('a', 'export', '--format', 'markdown', '--out', vault);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Wrote a Markdown vault of 3 documents to .*vault/);
    expect(readdirSync(join(vault, 'Documents')).sort()).toEqual(['Giant container ship blocks the Suez Canal.md', 'Powerful earthquake strikes southern Turkey and Syria.md', 'Tonga eruption sends ash plume to record height.md']);
    expect(readFileSync(join(vault, 'Documents', 'Giant container ship blocks the Suez Canal.md'), 'utf8')).toMatch(/^---\ntitle: Giant container ship blocks the Suez Canal\n/);
    // Exporting again over the same vault is allowed; over unrelated files it is not.
    expect((await dossier('a', 'export', '--format', 'markdown', '--out', vault)).code).toBe(0);
    mkdirSync(join(work, 'photos'));
    writeFileSync(join(work, 'photos', 'cat.jpg'), 'x');
    const refused = await dossier('a', 'export', '--format', 'markdown', '--out', join(work, 'photos'));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/is not empty and holds no earlier Dossier vault/);
  });
});

describe('dossier annotations and claim-review', () => {
  it('exports annotations, imports them elsewhere, and writes a ClaimReview', async () => {
    const docs = JSON.parse((await dossier('a', 'list', '--json')).out) as DocumentSummary[];
    const tonga = docs.find((d) => d.title.includes('Tonga'))!;
    const claims = JSON.parse((await dossier('a', 'claims', tonga.id, '--json')).out) as { claims: Array<{ id: string; text: string }> };
    const plume = claims.claims.find((c) => c.text.includes('58 kilometres'))!;
    // Nothing reviewed yet: the claim review says so.
    const early = await dossier('a', 'claim-review', tonga.id, plume.id);
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/has not been reviewed yet/);
    // A review and a note, through the same services the app uses.
    const services = await openLibrary(join(work, 'a'));
    await services.handlers['claims:review']({ docId: tonga.id, claimId: plume.id, status: 'accepted' });
    await services.handlers['notes:create']({ docId: tonga.id, start: 0, end: 5, body: 'Headline overstates it.' });
    await services.close();

    const review = await dossier('a', 'claim-review', tonga.id, plume.id, '--reviewer', 'Fact Desk', '--out', join(work, 'review.jsonld'));
    expect(review.out).toMatch(/Wrote .*review\.jsonld \(Accepted: the claim is as the source states it\)/);
    expect(JSON.parse(readFileSync(join(work, 'review.jsonld'), 'utf8'))).toMatchObject({ '@type': 'ClaimReview', author: { name: 'Fact Desk' } });
    expect((await dossier('a', 'claim-review', tonga.id)).code).toBe(2);
    expect((await dossier('a', 'claim-review', tonga.id, plume.id, '--url', 'ftp://x')).err).toMatch(/--url must be an http\(s\) address/);

    const file = join(work, 'notes.jsonld');
    const exported = await dossier('a', 'annotations', '--out', file);
    expect(exported.out).toMatch(/Wrote 2 annotations to .*notes\.jsonld/);
    expect(existsSync(file)).toBe(true);
    expect((await dossier('b', 'import', join(work, 'inbox'))).code).toBe(0);
    const imported = await dossier('b', 'annotations', '--import', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Read 2 W3C annotations from .*\n {2}1 note and 1 claim review added; 0 already in the library/);
    expect((await dossier('b', 'annotations', '--import', file, '--out', file)).code).toBe(2);
    const missing = await dossier('b', 'annotations', '--import', join(work, 'nope.json'));
    expect(missing.err).toMatch(/No file at .*nope\.json/);
  });
});
