// The dossier command line against a real library in a temp folder: import with per-file errors and
// exit codes, list, show, search with filters, and usage errors for bad options.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.ts';
import type { DocumentSummary } from '../../../shared/types/library.ts';
import type { SearchResult } from '../../../shared/types/search.ts';

let work: string;
let library: string;

/** Runs one command in-process, capturing what it prints. */
async function dossier(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...argv, '--library', library], { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
  library = join(work, 'library');
  const inbox = join(work, 'inbox');
  mkdirSync(join(inbox, 'nested'), { recursive: true });
  writeFileSync(join(inbox, 'river.txt'), 'River levels\n\nThe river rose two metres overnight, the mayor said.');
  writeFileSync(join(inbox, 'nested', 'port.md'), '# Port update\n\nThe port reopened after the storm.');
  writeFileSync(join(inbox, 'empty.txt'), '');
  writeFileSync(join(inbox, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]));
  writeFileSync(join(inbox, 'broken.pdf'), '%PDF-1.4\nthis is not a PDF body');
  writeFileSync(join(work, 'notes.rtf'), '{\\rtf1 hello}');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('dossier import', () => {
  it('imports a folder recursively, reports each bad file clearly, and exits non-zero', async () => {
    const result = await dossier('import', join(work, 'inbox'), join(work, 'notes.rtf'));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^imported {3}\w{12} {2}River levels$/m);
    expect(result.out).toMatch(/^imported {3}\w{12} {2}Port update$/m);
    expect(result.err).toContain('empty.txt is empty (0 bytes)');
    expect(result.err).toMatch(/binary\.txt.*binary/i);
    expect(result.err).toContain('broken.pdf is damaged or not');
    expect(result.err).toMatch(/notes\.rtf.*supported: \.txt/);
    expect(result.err.trim().split('\n').every((line) => line.startsWith('error: '))).toBe(true);

    const again = await dossier('import', join(work, 'inbox', 'river.txt'), '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject([{ status: 'duplicate', title: 'River levels' }]);
  });

  it('gives the exit code to the shell when run as a command', () => {
    const run = spawnSync(process.execPath, ['bin/dossier.mjs', 'import', join(work, 'inbox', 'empty.txt'), '--library', library], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('empty.txt is empty (0 bytes)');
  });
});

describe('dossier list, show and search', () => {
  beforeEach(async () => {
    await dossier('import', join(work, 'inbox', 'river.txt'), join(work, 'inbox', 'nested', 'port.md'));
  });

  it('lists and shows documents', async () => {
    const list = await dossier('list', '--json');
    const docs = JSON.parse(list.out) as DocumentSummary[];
    expect(docs.map((d) => d.title).sort()).toEqual(['Port update', 'River levels']);
    const river = docs.find((d) => d.title === 'River levels')!;
    const show = await dossier('show', river.id);
    expect(show.code).toBe(0);
    expect(show.out).toContain('The river rose two metres overnight');
    const missing = await dossier('show', 'nosuchdocument');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^dossier: .*nosuchdocument/);
  });

  it('searches with snippets and filters', async () => {
    const json = JSON.parse((await dossier('search', 'river', 'metres', '--json')).out) as SearchResult;
    expect(json.hits.map((h) => h.title)).toEqual(['River levels']);
    expect(json.hits[0].snippet?.text).toContain('river rose two metres');
    const text = await dossier('search', 'storm');
    expect(text.out).toContain('[storm]');
    expect(text.out).toContain('1 of 1 matching document ');
    // Filters alone list the documents they keep.
    const listed = await dossier('search', '--format', 'md');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('Port update');
    expect(listed.out).not.toContain('River levels');
    expect(listed.out).toContain('1 of 1 matching document ');
    // OR and -word.
    expect(JSON.parse((await dossier('search', 'storm', 'OR', 'river', '--json')).out).total).toBe(2);
    expect(JSON.parse((await dossier('search', 'storm OR river -mayor', '--json')).out).hits.map((h: { title: string }) => h.title)).toEqual(['Port update']);
    expect(JSON.parse((await dossier('search', 'storm', '--format', 'txt', '--json')).out).hits).toEqual([]);
    expect((await dossier('search', 'nothing-like-this')).out).toContain('No document matches');
  });

  it('reviews a claim and reverts it to the engine extraction', async () => {
    const river = (JSON.parse((await dossier('list', '--json')).out) as DocumentSummary[]).find((d) => d.title === 'River levels')!;
    const claimId = (JSON.parse((await dossier('claims', river.id, '--json')).out) as { claims: Array<{ id: string }> }).claims[0].id;
    const accepted = await dossier('review', river.id, claimId, '--accept');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(new RegExp(`^${claimId} {2}accepted`));
    const reverted = await dossier('review', river.id, claimId, '--revert');
    expect(reverted.out).toContain('as extracted, not reviewed');
    expect((await dossier('review', river.id, claimId)).code).toBe(2);
    expect((await dossier('review', river.id, claimId, '--accept', '--reject')).code).toBe(2);
  });

  it('refuses bad options with usage help and exit code 2', async () => {
    for (const argv of [
      ['search', 'river', '--limit', 'many'],
      ['search', 'river', '--format', 'rtf'],
      ['search', 'river', '--from', 'May 2024'],
      ['search'],
      ['show'],
      ['frobnicate'],
    ]) {
      const result = await dossier(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(/^dossier: .*\n\nUsage: dossier <command>/);
    }
  });
});
