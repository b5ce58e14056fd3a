// Gives renderer tests the real services behind the real contract: the same handlers the hosts
// serve, called in-process through buildApi, on a library in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApi, type DossierApi, type EventMap, type EventName } from '../../shared/ipc/contract';
import { dispatch, openServices, type Services } from '../../electron/services/container';
import { InlineClaimsRunner } from '../../electron/services/claims/claims-runner';

export interface RealApi {
  api: DossierApi;
  services: Services;
  dispose(): Promise<void>;
}

/** With `claims`, documents get their claims on import from the real engine, run in-process. */
export async function createRealApi(options: { claims?: boolean } = {}): Promise<RealApi> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-renderer-'));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const services = await openServices({
    libraryDir: dir,
    host: 'browser',
    version: 'test',
    claims: options.claims ? new InlineClaimsRunner() : undefined,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });
  const api = buildApi(
    // A JSON round trip, as over IPC or HTTP, so no live object leaks between the sides.
    async (channel, request) => JSON.parse(JSON.stringify((await dispatch(services.handlers, channel, request)) ?? null)),
    <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  );
  return {
    api,
    services,
    async dispose() {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
