// Where the default library lives: the desktop app's userData folder, computed without Electron
// so the CLI and the browser host open the same library as the app.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const APP_NAME = 'Dossier';

/** An environment setting, or undefined when it is unset or empty (an empty variable means unset). */
export function envSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value && value.trim() ? value : undefined;
}

/** Mirrors Electron's app.getPath('appData') for each platform. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return envSetting(env, 'APPDATA') ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = envSetting(env, 'XDG_CONFIG_HOME');
  return xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.config');
}

/** `--library DIR` wins, then DOSSIER_LIBRARY, then the host's default (`<userData>/library`). */
export function resolveLibraryDir(explicit?: string | null, env: NodeJS.ProcessEnv = process.env, defaultDir?: string): string {
  if (explicit && explicit.trim()) return explicit;
  return envSetting(env, 'DOSSIER_LIBRARY') ?? defaultDir ?? join(appDataDir(env), APP_NAME, 'library');
}
