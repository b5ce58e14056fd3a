// Notes against a real library in a temp folder: anchored notes, autosave updates, delete with undo,
// search, and survival across reopen.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';

let work: string;
let services: Services;
let docId: string;
const open = () => openServices({ libraryDir: join(work, 'library'), host: 'cli', version: 'test' });

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-notes-'));
  services = await open();
  writeFileSync(join(work, 'a.txt'), 'The agency said 4,500 tonnes of aid arrived. Roads reopened on Tuesday.');
  docId = (await services.library.importPaths([join(work, 'a.txt')]))[0].id!;
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe('notes', () => {
  it('anchors a note to a passage and keeps it across reopen', async () => {
    const h = services.handlers;
    const note = await h['notes:create']({ docId, start: 16, end: 28, body: 'Check the **tonnage** with the port.' });
    expect(note.anchor?.quote.exact).toBe('4,500 tonnes');
    await h['notes:update']({ id: note.id, body: 'Checked: the port confirms.' });
    await services.close();
    services = await open();
    const [again] = await services.handlers['notes:list']({ docId });
    expect(again).toMatchObject({ id: note.id, body: 'Checked: the port confirms.', attached: true });
    expect(again.anchor?.position).toEqual({ start: 16, end: 28 });
  });

  it('deletes with undo, and purges deleted notes on the next open', async () => {
    const h = services.handlers;
    const keep = await h['notes:create']({ docId, body: 'keep' });
    const drop = await h['notes:create']({ body: 'free-standing' });
    await h['notes:delete']({ id: keep.id });
    expect((await h['notes:list']({})).map((n) => n.id)).toEqual([drop.id]);
    await h['notes:restore']({ id: keep.id });
    expect(await h['notes:list']({})).toHaveLength(2);
    await h['notes:delete']({ id: drop.id });
    await services.close();
    services = await open();
    expect((await services.handlers['notes:list']({})).map((n) => n.id)).toEqual([keep.id]);
  });

  it('searches note bodies and validates input', async () => {
    const h = services.handlers;
    await h['notes:create']({ docId, body: 'Ask the ministry about road repairs' });
    await h['notes:create']({ docId, body: 'Tonnage seems high' });
    expect((await h['notes:list']({ query: 'MINISTRY' })).map((n) => n.body)).toEqual(['Ask the ministry about road repairs']);
    await expect(h['notes:create']({ docId, start: 50, end: 500, body: 'x' })).rejects.toThrow(/outside the document/);
    await expect(h['notes:update']({ id: 'nope', body: 'x' })).rejects.toThrow(/No note/);
    await expect(h['notes:create']({ docId: 'ffffffffffff', body: 'x' })).rejects.toThrow(/No document/);
  });
});
