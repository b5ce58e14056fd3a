// The only code that talks to the host: the preload bridge in the desktop app, HTTP in a browser.
import type { DossierApi } from '../../../shared/ipc/contract';
import { ApiError, createHttpBridge, currentConnection, fetchDownload, onConnection, rememberStartCommand, startCommand, takeToken, type ConnectionState } from './http-bridge';

declare global {
  interface Window {
    dossier?: DossierApi;
  }
}

let api: DossierApi | null = null;
/** The browser host's token, for fetching exports (the desktop app saves them itself). */
let httpToken: string | null = null;

export function useApi(): DossierApi {
  if (api) return api;
  if (window.dossier) {
    api = window.dossier;
    return api;
  }
  const token = takeToken(window.location, window.sessionStorage);
  if (!token) throw new ApiError('unauthorized', `No access token. Open the address printed by \`${startCommand()}\`.`);
  httpToken = token;
  api = createHttpBridge(token);
  return api;
}

/** A finished export the browser host keeps for one fetch, as a file's contents. */
export async function downloadExport(id: string): Promise<Blob> {
  useApi();
  if (!httpToken) throw new ApiError('unsupported', 'This host saves exports itself; there is nothing to download.');
  return fetchDownload(httpToken, id);
}

/** Lets tests hand in an API (for example, an HTTP bridge to a real host). */
export function setApi(next: DossierApi | null): void {
  api = next;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { ApiError, currentConnection, onConnection, rememberStartCommand, startCommand, type ConnectionState };
