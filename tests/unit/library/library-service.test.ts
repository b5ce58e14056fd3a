// Library use cases through the real services (real ingest, real lowdb in a temp folder).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import type { ImportProgress } from '../../../shared/types/library.ts';

const fixtures = join(process.cwd(), 'tests', 'fixtures');
let work: string;
let services: Services;
const progress: ImportProgress[] = [];

async function open(): Promise<Services> {
  return openServices({
    libraryDir: join(work, 'library'),
    host: 'cli',
    version: 'test',
    emit: (event, payload) => {
      if (event === 'library:progress') progress.push(payload as ImportProgress);
    },
  });
}

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-lib-'));
  progress.length = 0;
  services = await open();
});
afterEach(async () => {
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe('LibraryService', () => {
  it('imports text and Markdown with titles, word counts and the original kept', async () => {
    const results = await services.library.importPaths([join(fixtures, 'briefing-aid.txt'), join(fixtures, 'harbor-report.md')]);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    const list = services.library.list();
    expect(list.map((d) => d.title).sort()).toEqual([
      'Harbor expansion report',
      // No heading: the first sentence, shortened to a headline's length.
      'Relief agencies delivered some 4,500 tonnes of food aid to the flooded districts last week…',
    ]);
    const txt = list.find((d) => d.format === 'txt')!;
    expect(txt.words).toBe(48); // "4,500" and "120,000" count as one word each
    const content = await services.library.get(txt.id);
    expect(content.text).toContain('Roads into the valley reopened on Tuesday');
    expect(content.document.originalFile).toBe('original.txt');
  });

  it('says a re-imported file is already there and adds nothing', async () => {
    const [first] = await services.library.importPaths([join(fixtures, 'briefing-aid.txt')]);
    const [again] = await services.library.importPaths([join(fixtures, 'briefing-aid.txt')]);
    expect(again).toMatchObject({ status: 'duplicate', id: first.id });
    expect(again.error).toMatch(/Already in the library/);
    expect(services.library.list()).toHaveLength(1);
  });

  it('walks folders recursively, reports progress, keeps going past bad files and names the files it skips', async () => {
    const folder = join(work, 'in');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    writeFileSync(join(folder, 'a.txt'), 'Officials said 40 people were evacuated.');
    writeFileSync(join(folder, 'nested', 'b.md'), '# Note\n\nThe river rose by two metres.');
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'ignored.xyz'), 'not a document');
    const results = await services.library.importPaths([folder]);
    expect(results.map((r) => [r.path.slice(folder.length + 1), r.status])).toEqual([
      ['a.txt', 'imported'],
      ['empty.txt', 'error'],
      ['ignored.xyz', 'skipped'],
      ['nested/b.md', 'imported'],
    ]);
    expect(results[1].error).toMatch(/empty/);
    expect(results[2].error).toMatch(/\.xyz files are not imported/);
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4, finished: true });
  });

  it('deletes with undo, and forgets deleted documents on the next open', async () => {
    const [a, b] = await services.library.importPaths([join(fixtures, 'briefing-aid.txt'), join(fixtures, 'harbor-report.md')]);
    await services.library.delete(a.id!);
    expect(services.library.list().map((d) => d.id)).toEqual([b.id]);
    await services.library.restore(a.id!);
    expect(services.library.list()).toHaveLength(2);
    await services.library.delete(b.id!);
    await services.close();
    services = await open();
    expect(services.library.list().map((d) => d.id)).toEqual([a.id]);
    await expect(services.library.restore(b.id!)).rejects.toThrow(/can be restored/);
  });

  it('edits metadata and validates the edit', async () => {
    const [a] = await services.library.importPaths([join(fixtures, 'briefing-aid.txt')]);
    const updated = await services.library.update(a.id!, { title: 'Flood aid', outlet: 'Field notes', tags: ['floods', ' aid ', 'floods'] });
    expect(updated).toMatchObject({ title: 'Flood aid', outlet: 'Field notes', tags: ['floods', 'aid'] });
    await expect(services.library.update(a.id!, { title: '  ' })).rejects.toThrow(/cannot be empty/);
    await expect(services.library.update(a.id!, { contentHash: 'x' } as never)).rejects.toThrow(/cannot be edited/);
  });

  it('routes every contract channel through the handlers and refuses unknown ones', async () => {
    const { dispatch } = await import('../../../electron/services/container.ts');
    await expect(dispatch(services.handlers, 'library:explode', {})).rejects.toThrow(/Unknown channel/);
    await expect(dispatch(services.handlers, 'constructor', {})).rejects.toThrow(/Unknown channel/);
    expect(await dispatch(services.handlers, 'library:list', undefined)).toEqual([]);
    await expect(dispatch(services.handlers, 'library:get', { id: '../x' })).rejects.toThrow(/Not a document id/);
  });
});
