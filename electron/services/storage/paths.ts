// Where the default library lives: the desktop app's userData folder, computed without Electron
// so the CLI and the browser host open the same library as the app.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Dossier';

/** Mirrors Electron's app.getPath('appData') for each platform. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** `--library DIR` wins, then DOSSIER_LIBRARY, then `<userData>/library`. */
export function resolveLibraryDir(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.DOSSIER_LIBRARY) return env.DOSSIER_LIBRARY;
  return join(appDataDir(env), APP_NAME, 'library');
}
