// Recovery after kill -9 during imports: each restart removes what the killed run left half-done
// (document folders without a record, temp files) and logs it; afterwards every document folder
// belongs to a record and every record has its text.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/services/storage/library-store.ts';

const KILLS = 5;
const work = mkdtempSync(join(tmpdir(), 'dossier-recovery-'));
const library = join(work, 'library');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function startImport(folder: string): ChildProcess {
  return spawn(process.execPath, ['bin/dossier.mjs', 'import', folder, '--library', library], { stdio: 'ignore' });
}

describe('kill -9 during imports', () => {
  it(`leaves no unfinished import behind after ${KILLS} kills, and logs what it cleaned`, { timeout: 240_000 }, async () => {
    for (let round = 0; round < KILLS; round++) {
      const folder = join(work, `inbox-${round}`);
      mkdirSync(folder);
      // Large texts make each import's content writes long enough for a kill to land inside them.
      const paragraph = `In round ${round} the depot logged 4,${round}00 tonnes of grain and officials said stocks would last ${round + 2} months. `;
      for (let i = 0; i < 40; i++) writeFileSync(join(folder, `report-${i}.txt`), `Report ${round}-${i}\n\n${paragraph.repeat(3_000 + i * 50)}`);
      const child = startImport(folder);
      await new Promise((r) => setTimeout(r, 4_000 + round * 1_300));
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    }
    const store = new LibraryStore(library);
    await store.open();
    try {
      const records = new Set([...store.documents.values()].map((d) => d.id));
      for (const name of readdirSync(join(library, 'docs'))) expect(records.has(name)).toBe(true);
      for (const id of records) expect(existsSync(join(library, 'docs', id, 'text.txt'))).toBe(true);
      expect(readdirSync(join(library, 'index')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(records.size).toBeGreaterThan(0);
    } finally {
      store.close();
    }
    const log = existsSync(join(library, 'recovery.log')) ? readFileSync(join(library, 'recovery.log'), 'utf8') : '(no recovery needed)';
    console.log(`recovery log after ${KILLS} kills:\n${log}`);
  });
});
