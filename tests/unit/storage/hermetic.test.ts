// Tests never touch the user's library: empty variables count as unset, and a library seeded in a
// temporary HOME's default place stays byte-for-byte unchanged while the code paths the suite uses to
// open libraries (the CLI, the Electron main bundle with an empty DOSSIER_LIBRARY) run against that HOME.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/container.ts';
import { appDataDir, resolveLibraryDir } from '../../../electron/services/storage/paths.ts';
import { installHomeGuard } from '../../setup/home-guard.ts';

const root = process.cwd();
let home: string;
let seeded: string;
let work: string;

/** Every file under the folder with its bytes' hash and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else out[full.slice(dir.length)] = `${createHash('sha256').update(readFileSync(full)).digest('hex')}@${statSync(full).mtimeMs}`;
    }
  };
  visit(dir);
  return out;
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'dossier-seeded-home-'));
  work = mkdtempSync(join(tmpdir(), 'dossier-hermetic-'));
  seeded = join(home, '.config', 'Dossier', 'library');
  const services = await openServices({ libraryDir: seeded, host: 'cli', version: 'test' });
  await services.handlers['library:import']({ files: [{ name: 'seed.txt', dataBase64: Buffer.from('The council approved 14 new homes on Tuesday.').toString('base64') }] });
  await services.handlers['notes:create']({ body: 'a note in the seeded library' });
  await services.close();
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('library location', () => {
  it('treats empty variables as unset and ignores a relative XDG_CONFIG_HOME', () => {
    const env = { HOME: home, DOSSIER_LIBRARY: '', XDG_CONFIG_HOME: '', APPDATA: '' };
    expect(resolveLibraryDir('', env, '/app/data/library')).toBe('/app/data/library');
    expect(resolveLibraryDir(undefined, { ...env, DOSSIER_LIBRARY: '  ' }, '/app/data/library')).toBe('/app/data/library');
    expect(appDataDir({ XDG_CONFIG_HOME: '' }, 'linux')).toBe(join(homedir(), '.config'));
    expect(appDataDir({ XDG_CONFIG_HOME: 'relative/dir' }, 'linux')).toBe(join(homedir(), '.config'));
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe('/xdg');
    expect(appDataDir({ APPDATA: '' }, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming'));
    expect(resolveLibraryDir(undefined, { DOSSIER_LIBRARY: '/chosen' })).toBe('/chosen');
  });
});

describe('a library in the default place of a temporary HOME', () => {
  it('stays unchanged while the CLI and the Electron main bundle run with empty variables', () => {
    const before = snapshot(seeded);
    expect(Object.keys(before).length).toBeGreaterThan(3);
    const env = { ...process.env, HOME: home, USERPROFILE: home, DOSSIER_LIBRARY: '', XDG_CONFIG_HOME: '' };
    const elsewhere = join(work, 'library');
    const inbox = join(work, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'report.txt'), 'Rainfall reached 31 millimetres in an hour.');
    for (const args of [['import', inbox], ['list'], ['search', 'rainfall'], ['claims', join(inbox, 'report.txt')]]) {
      const run = spawnSync(process.execPath, ['bin/dossier.mjs', ...args, '--library', elsewhere, '--json'], { cwd: root, env, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    }
    const mainBundle = join(root, 'out', 'main', 'index.js');
    if (!existsSync(mainBundle)) execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
    const userData = join(work, 'user-data');
    const out = execFileSync(process.execPath, [join(root, 'tests', 'unit', 'electron-host', 'run-main.mjs'), mainBundle], {
      cwd: root,
      env: { ...env, FAKE_USER_DATA: userData },
      encoding: 'utf8',
    });
    expect(JSON.parse(out).fatal).toBeNull();
    expect(existsSync(join(userData, 'library', 'index'))).toBe(true);
    expect(snapshot(seeded)).toEqual(before);
  }, 120_000);

  it('the test guard fails a test that creates the default library under its HOME', () => {
    const guard = installHomeGuard();
    expect(() => guard.check()).not.toThrow();
    const defaultDir = resolveLibraryDir(undefined, process.env);
    expect(defaultDir.startsWith(guard.sentinelHome)).toBe(true);
    mkdirSync(defaultDir, { recursive: true });
    try {
      expect(() => guard.check()).toThrow(/resolved the default library under \$HOME/);
    } finally {
      rmSync(join(guard.sentinelHome, '.config'), { recursive: true, force: true });
    }
    expect(() => guard.check()).not.toThrow();
  });
});
