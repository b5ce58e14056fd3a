// A library folder the user may read but not write opens read-only, with the reason in words: the
// CLI lists and searches it, refuses imports with that reason, and the app is told through app:info.
// As root, permissions do not bind, so the commands run as the unprivileged `nobody` user.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/container.ts';

const root = process.cwd();
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
let work: string;
let library: string;

/** Every folder under `dir` set to `mode` (files stay readable). */
function chmodTree(dir: string, mode: number): void {
  chmodSync(dir, mode);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) chmodTree(join(dir, entry.name), mode);
}

function run(...args: string[]) {
  return spawnSync(process.execPath, ['bin/dossier.mjs', ...args, '--library', library], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HOME: work },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-ro-'));
  chmodSync(work, 0o755);
  library = join(work, 'library');
  const services = await openServices({ libraryDir: library, host: 'cli', version: 'test' });
  await services.handlers['library:import']({ files: [{ name: 'ferry.txt', dataBase64: Buffer.from('Ferry crossings fell 12 percent in the winter.').toString('base64') }] });
  await services.close();
  writeFileSync(join(work, 'new.txt'), 'Bus ridership rose 3 percent.');
  chmodSync(join(work, 'new.txt'), 0o644);
  // Read and enter for everyone; write for the owner only (root here, so `nobody` cannot write).
  chmodTree(library, asRoot ? 0o755 : 0o555);
});
afterAll(() => {
  chmodTree(library, 0o755);
  rmSync(work, { recursive: true, force: true });
});

describe('a library folder that cannot be written', () => {
  it('lists and searches read-only, saying why, and refuses imports with that reason', () => {
    const before = statSync(join(library, 'index')).mtimeMs;
    const list = run('list', '--json');
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    expect(list.stderr).toMatch(/cannot be written \(you do not have permission to change it\), so it is open read-only/);
    const search = run('search', 'ferry', '--json');
    expect(search.status, search.stderr).toBe(0);
    expect(JSON.parse(search.stdout).hits).toHaveLength(1);
    const imported = run('import', join(work, 'new.txt'), '--json');
    expect(imported.status).not.toBe(0);
    expect(imported.stdout + imported.stderr).toMatch(/open read-only: you can read and search, but nothing can be imported or changed/);
    expect(statSync(join(library, 'index')).mtimeMs).toBe(before);
    expect(readdirSync(library)).not.toContain('library.lock');
  });

  it('tells the app through app:info, for its banner', () => {
    const script = `
      const { openServices } = await import(${JSON.stringify(join(root, 'electron/services/container.ts'))});
      const s = await openServices({ libraryDir: ${JSON.stringify(library)}, host: 'browser', version: 't' });
      console.log(JSON.stringify(await s.handlers['app:info']()));
      await s.close();`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, HOME: work },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    expect(child.status, child.stderr).toBe(0);
    const info = JSON.parse(child.stdout.trim().split('\n').pop()!);
    expect(info).toMatchObject({ readOnly: true, documentCount: 1, readOnlyReason: expect.stringMatching(/cannot be written/) });
  });
});
