// The on-disk library against real lowdb files in a temp folder: persistence, locking,
// proportional writes, corruption recovery from backups and read-only fallback.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../shared/types/library.ts';
import { LibraryStore } from '../../../electron/services/storage/library-store.ts';

function record(id: string, title = `Doc ${id}`): DocumentRecord {
  return {
    id,
    title,
    format: 'txt',
    sourcePath: `/tmp/${id}.txt`,
    contentHash: `hash-${id}`,
    importedAt: new Date().toISOString(),
    words: 3,
    chars: 15,
    originalFile: 'original.txt',
    author: null,
    outlet: null,
    published: null,
    url: null,
    lang: null,
    tags: [],
    deletedAt: null,
  };
}

const ids = Array.from({ length: 40 }, (_, i) => i.toString(16).padStart(12, 'a'));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function openStore(): Promise<LibraryStore> {
  const store = new LibraryStore(dir);
  await store.open();
  return store;
}

describe('LibraryStore', () => {
  it('keeps records and content across reopen', async () => {
    const store = await openStore();
    await store.add(record(ids[0], 'First'), { text: 'Hello there.', pages: null, original: new TextEncoder().encode('Hello there.') });
    store.close();
    const again = await openStore();
    expect(again.get(ids[0]).title).toBe('First');
    expect(await again.readText(ids[0])).toBe('Hello there.');
    expect(again.findByHash(`hash-${ids[0]}`)?.id).toBe(ids[0]);
    again.close();
  });

  it('rejects ids that could escape the library folder', async () => {
    const store = await openStore();
    expect(() => store.docDir('../../etc')).toThrow(/Not a document id/);
    expect(() => store.get('aaaaaaaaaaa/')).toThrow(/Not a document id/);
    store.close();
  });

  it('rewrites only the shard that holds an edited record', async () => {
    const store = await openStore();
    for (const id of ids) await store.add(record(id), { text: 'x', pages: null, original: new Uint8Array([120]) });
    const indexDir = join(dir, 'index');
    const before = new Map(readdirSync(indexDir).map((f) => [f, statSync(join(indexDir, f)).mtimeMs]));
    await new Promise((r) => setTimeout(r, 30));
    await store.update({ ...store.get(ids[7]), title: 'Edited' });
    const changed = readdirSync(indexDir).filter((f) => statSync(join(indexDir, f)).mtimeMs !== before.get(f));
    expect(changed).toHaveLength(1);
    const shard = JSON.parse(readFileSync(join(indexDir, changed[0]), 'utf8'));
    expect(shard[ids[7]].title).toBe('Edited');
    expect(Object.keys(shard).length).toBeLessThan(ids.length);
    store.close();
  });

  it('purges soft-deleted documents when the library is next opened', async () => {
    const store = await openStore();
    await store.add(record(ids[1]), { text: 'x', pages: null, original: new Uint8Array([120]) });
    await store.update({ ...store.get(ids[1]), deletedAt: new Date().toISOString() });
    expect(() => store.get(ids[1])).toThrow(/No document/);
    store.close();
    const again = await openStore();
    expect(again.documents.get(ids[1])).toBeUndefined();
    expect(existsSync(join(dir, 'docs', ids[1]))).toBe(false);
    again.close();
  });

  it('refuses a second process on the same library, and takes over a dead owner’s lock', async () => {
    const store = await openStore();
    store.close();
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { LibraryStore } = await import(${JSON.stringify(join(process.cwd(), 'electron/services/storage/library-store.ts'))});
      const s = new LibraryStore(${JSON.stringify(dir)}); await s.open(); console.log('locked'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('locked') && resolve()));
    await expect(openStore()).rejects.toThrow(/in use by another Dossier process/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const after = await openStore(); // owner is dead: the stale lock is taken over at once
    after.close();
  });

  it('restores a corrupt index file from the newest backup and keeps the corrupt file aside', async () => {
    const store = await openStore();
    for (const id of ids.slice(0, 10)) await store.add(record(id), { text: 'x', pages: null, original: new Uint8Array([120]) });
    store.close();
    const second = await openStore(); // opening takes a backup of the current state
    second.close();
    const indexDir = join(dir, 'index');
    const victim = readdirSync(indexDir).find((f) => Object.keys(JSON.parse(readFileSync(join(indexDir, f), 'utf8'))).length > 0)!;
    const garbage = '{"truncated": ';
    writeFileSync(join(indexDir, victim), garbage);

    const recovered = await openStore();
    expect(recovered.readOnly).toBe(false);
    expect(recovered.warnings.join('\n')).toMatch(new RegExp(`${victim}.*restored from backup number \\d+, taken `));
    for (const id of ids.slice(0, 10)) expect(recovered.get(id).id).toBe(id);
    const aside = readdirSync(join(dir, 'corrupt'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, 'corrupt', aside[0]), 'utf8')).toBe(garbage);
    recovered.close();
  });

  it('opens read-only, leaving the file untouched, when a corrupt file has no backup', async () => {
    const store = await openStore();
    await store.add(record(ids[2]), { text: 'x', pages: null, original: new Uint8Array([120]) });
    store.close();
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    const indexDir = join(dir, 'index');
    const victim = readdirSync(indexDir).find((f) => readFileSync(join(indexDir, f), 'utf8').includes(ids[2]))!;
    writeFileSync(join(indexDir, victim), 'not json');
    const broken = await openStore();
    expect(broken.readOnly).toBe(true);
    expect(broken.warnings[0]).toMatch(/read-only/);
    await expect(broken.update(record(ids[3]))).rejects.toThrow(/read-only/);
    expect(readFileSync(join(indexDir, victim), 'utf8')).toBe('not json');
    broken.close();
  });
});
