// Keeps every test away from the user's real library. Before any test runs, HOME points at an empty
// sentinel folder and the library variables are unset, so anything that falls back to the default
// library lands there; after each test the sentinel is checked and the test fails if a default
// library appeared in it, or if the real default library changed.
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The default library paths a home folder could hold, for every platform the app knows. */
export function defaultLibraryPaths(home: string): string[] {
  return [join(home, '.config', 'Dossier'), join(home, 'Library', 'Application Support', 'Dossier'), join(home, 'AppData', 'Roaming', 'Dossier')];
}

/** Names, sizes and modification times under a folder (two levels), to see whether anything wrote there. */
export function folderSignature(dir: string): string {
  if (!existsSync(dir)) return 'absent';
  const parts: string[] = [];
  const visit = (path: string, depth: number) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const info = statSync(full, { throwIfNoEntry: false });
      if (!info) continue;
      parts.push(`${full}:${info.size}:${info.mtimeMs}`);
      if (entry.isDirectory() && depth < 3) visit(full, depth + 1);
    }
  };
  visit(dir, 0);
  return parts.sort().join('\n');
}

export interface HomeGuard {
  sentinelHome: string;
  /** Throws when a test touched a default library path. */
  check(): void;
}

/** Points HOME at a sentinel and unsets the library variables; idempotent within one process. */
export function installHomeGuard(): HomeGuard {
  const realHome = process.env.DOSSIER_REAL_HOME ?? homedir();
  const realDefaults = defaultLibraryPaths(realHome);
  const before = realDefaults.map(folderSignature);
  const sentinelHome = process.env.DOSSIER_SENTINEL_HOME ?? mkdtempSync(join(tmpdir(), 'dossier-home-'));
  process.env.DOSSIER_REAL_HOME = realHome;
  process.env.DOSSIER_SENTINEL_HOME = sentinelHome;
  process.env.HOME = sentinelHome;
  process.env.USERPROFILE = sentinelHome;
  for (const name of ['DOSSIER_LIBRARY', 'XDG_CONFIG_HOME', 'APPDATA']) delete process.env[name];
  return {
    sentinelHome,
    check() {
      const touched = defaultLibraryPaths(sentinelHome).filter((path) => existsSync(path));
      if (touched.length) throw new Error(`A test resolved the default library under $HOME: ${touched.join(', ')}. Tests must use a temporary library folder.`);
      const changed = realDefaults.filter((path, i) => folderSignature(path) !== before[i]);
      if (changed.length) throw new Error(`A test changed the user's real library: ${changed.join(', ')}.`);
    },
  };
}
