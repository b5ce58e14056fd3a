// Keeps every test away from the user's real library. Before any test runs, HOME points at an empty
// sentinel folder and the library variables are unset, so anything that falls back to the default
// library lands there, never in the user's; after each test the sentinel is checked and the test
// fails if a default library appeared in it. (The real library is not watched: other programs,
// the app itself included, may rightly change it while tests run.)
import { existsSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The default library paths a home folder could hold, for every platform the app knows. */
export function defaultLibraryPaths(home: string): string[] {
  return [join(home, '.config', 'Dossier'), join(home, 'Library', 'Application Support', 'Dossier'), join(home, 'AppData', 'Roaming', 'Dossier')];
}

export interface HomeGuard {
  sentinelHome: string;
  /** Throws when a test touched a default library path. */
  check(): void;
}

/** Points HOME at a sentinel and unsets the library variables; idempotent within one process. */
export function installHomeGuard(): HomeGuard {
  const realHome = process.env.DOSSIER_REAL_HOME ?? homedir();
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
    },
  };
}
