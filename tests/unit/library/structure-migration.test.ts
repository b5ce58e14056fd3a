// A library stored before documents kept their structure (no blocks.json, records without a block model
// version, claims extracted from the whole text) is migrated when a document is opened: its blocks are
// rebuilt and stored, its text is left as it was, and its claims are extracted again with the structure.
// Real services over a real library folder in a temp directory.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { InlineClaimsRunner } from '../../../electron/services/claims/claims-runner.ts';
import { extractClaims } from '../../../electron/services/claims/engine.ts';
import { BLOCK_MODEL_VERSION } from '../../../shared/types/blocks.ts';
import type { DocumentRecord } from '../../../shared/types/library.ts';

let work: string;
let services: Services;

const open = () => openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test', claims: new InlineClaimsRunner() });

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-migrate-'));
  services = await open();
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

const REPORT = [
  'Measles returns to the Americas',
  '',
  'The Americas were declared free of endemic measles in 2016, the first region of the world to reach that goal.',
  'Brazil lost the status in 2019 after a year of sustained spread.',
  '',
  'References',
  '',
  'Papania, M. J., Wallace, G. S., Rota, P. A., et al. (2014). Elimination of endemic measles, rubella, and congenital rubella syndrome from the Western Hemisphere. JAMA Pediatrics, 168(2), 148–155.',
  'Durrheim, D. N., Crowcroft, N. S., & Strebel, P. M. (2014). Measles: The epidemiology of elimination. Vaccine, 32(51), 6880–6883.',
  '',
].join('\n');

/** Turns an imported document back into what an older version stored: no blocks, no version, whole-text claims. */
async function makeOld(id: string): Promise<void> {
  const { store } = services;
  const { blocksVersion: _version, ...record } = store.get(id);
  await store.update(record as DocumentRecord);
  await rm(join(store.docDir(id), 'blocks.json'), { force: true });
  const text = await store.readText(id);
  const set = extractClaims(text);
  await store.writeClaims(id, set);
  await store.update({ ...store.get(id), claimsVersion: set.engineVersion, claimCount: set.claims.length });
}

describe('documents from a library made without blocks', () => {
  it('get their blocks when opened, keep their text, and lose the claims that reached into headings and references', async () => {
    const file = join(work, 'measles.txt');
    writeFileSync(file, REPORT);
    const [imported] = await services.library.importPaths([file]);
    const id = imported.id!;
    await makeOld(id);
    const oldClaims = (await services.store.readClaims(id))!.claims.map((claim) => claim.text);
    // The whole-text claims of the old library took a reference entry as a claim.
    expect(oldClaims.some((claim) => claim.includes('Papania'))).toBe(true);
    await services.close();

    services = await open();
    const dir = services.store.docDir(id);
    expect(existsSync(join(dir, 'blocks.json'))).toBe(false);
    const [content, claims] = await Promise.all([services.library.get(id), services.library.claims(id)]);
    expect(content.text).toBe(REPORT);
    const kinds = content.blocks!.map((block) => [block.kind, REPORT.slice(block.start, block.end).slice(0, 20), !!block.references]);
    expect(kinds).toContainEqual(['heading', 'Measles returns to t', false]);
    expect(kinds).toContainEqual(['heading', 'References', false]);
    expect(content.blocks!.filter((block) => block.references)).toHaveLength(2);
    expect(JSON.parse(await readFile(join(dir, 'blocks.json'), 'utf8'))).toEqual(content.blocks);
    expect(services.store.get(id).blocksVersion).toBe(BLOCK_MODEL_VERSION);
    const texts = claims.claims.map((claim) => claim.text);
    expect(texts).toContain('Brazil lost the status in 2019 after a year of sustained spread.');
    expect(texts.some((claim) => /Papania|Durrheim|Measles returns/.test(claim))).toBe(false);
    expect(services.store.get(id).claimCount).toBe(claims.claims.length);
  });

  it('keep a text that today’s reader would give differently, and take its blocks from its own shape', async () => {
    const file = join(work, 'report.md');
    writeFileSync(file, '# Harbour dredging\n\nThe port dredged the channel to 16 metres in 2022, the authority said.\n');
    const [imported] = await services.library.importPaths([file]);
    const id = imported.id!;
    // An older reader kept the heading's hash and wrapped the sentence: the original no longer gives this text.
    const oldText = '# Harbour dredging\n\nThe port dredged the channel to 16 metres\nin 2022, the authority said.';
    await writeFile(join(services.store.docDir(id), 'text.txt'), oldText);
    await makeOld(id);
    await services.close();

    services = await open();
    const content = await services.library.get(id);
    expect(content.text).toBe(oldText);
    expect(content.blocks!.map((block) => block.kind)).toEqual(['heading', 'paragraph']);
    const claims = await services.library.claims(id);
    // The wrapped line end inside the paragraph no longer cuts the sentence.
    expect(claims.claims.map((claim) => claim.text)).toEqual(['The port dredged the channel to 16 metres\nin 2022, the authority said.']);
  });

  it('are imported with the current block model from now on, and opened without a rebuild', async () => {
    const file = join(work, 'note.txt');
    writeFileSync(file, 'Dredging\n\nThe channel is 16 metres deep.\n');
    const [imported] = await services.library.importPaths([file]);
    expect(services.store.get(imported.id!).blocksVersion).toBe(BLOCK_MODEL_VERSION);
    const blocksFile = join(services.store.docDir(imported.id!), 'blocks.json');
    const before = await readFile(blocksFile, 'utf8');
    await rm(join(services.store.docDir(imported.id!), services.store.get(imported.id!).originalFile));
    // Nothing is rebuilt: the original is not even needed.
    expect((await services.library.get(imported.id!)).blocks).toEqual(JSON.parse(before));
  });
});
