// The contract over HTTP for the browser host: POST /api/<channel> with the bearer token, and host
// events over a server-sent event stream. It tracks whether the host answers, so the app can show one
// "disconnected" state (and reconnect) instead of failing action by action; the event stream comes back
// by itself with the first answer after a disconnection.
import { buildApi, isEventName, EVENTS, type Channel, type DossierApi, type EventMap, type EventName } from '../../../shared/ipc/contract';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ConnectionState = 'online' | 'offline';

const connectionListeners = new Set<(state: ConnectionState) => void>();
let connectionState: ConnectionState = 'online';

function setConnection(state: ConnectionState): void {
  if (state === connectionState) return;
  connectionState = state;
  for (const listener of connectionListeners) listener(state);
}

/** Whether the host answered the last request (or the event stream is connected). */
export function currentConnection(): ConnectionState {
  return connectionState;
}

/** Calls `listener` whenever the host stops or starts answering; returns the unsubscribe. */
export function onConnection(listener: (state: ConnectionState) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

const START_COMMAND_KEY = 'dossier.startCommand';

/** Remembers how the host was started (it says so in app:info), for the message when it stops answering. */
export function rememberStartCommand(command: string | null | undefined, storage: Storage = window.sessionStorage): void {
  if (command) storage.setItem(START_COMMAND_KEY, command);
}

export function startCommand(storage: Storage = window.sessionStorage): string {
  return storage.getItem(START_COMMAND_KEY) ?? 'dossier serve';
}

/** Reads the token from the URL fragment once and keeps it for reloads, then clears it from the address bar. */
export function takeToken(location: Location, storage: Storage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    storage.setItem('dossier.token', decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem('dossier.token');
}

/** A request to the host: a host that does not answer turns the app offline and gets the one message saying how to start it. */
async function hostFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    const response = await fetch(url, init);
    setConnection('online');
    return response;
  } catch {
    setConnection('offline');
    throw new ApiError('offline', `The Dossier host is not answering. If you stopped it, start it again with \`${startCommand()}\`; Dossier reconnects by itself.`);
  }
}

/** What the host sends back: a result, or an error with its code and message. */
type HostAnswer = { result?: unknown; error?: { code: string; message: string } } | null;

/** The host's error in an answer that failed, or the bare status when it sent none. */
function answerError(response: Response, body: HostAnswer): ApiError {
  return new ApiError(body?.error?.code ?? 'http', body?.error?.message ?? `The host answered ${response.status}.`);
}

/** Fetches a finished export from the browser host (once: the host then removes it). */
export async function fetchDownload(token: string, id: string, base = ''): Promise<Blob> {
  const response = await hostFetch(`${base}/api/download/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw answerError(response, (await response.json().catch(() => null)) as HostAnswer);
  return response.blob();
}

export function createHttpBridge(token: string, base = ''): DossierApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('open', () => setConnection('online'));
    source.addEventListener('error', () => {
      setConnection('offline');
      // A stream the browser gave up on is opened again with the next answer from the host.
      if (source?.readyState === EventSource.CLOSED) source = null;
    });
    for (const event of EVENTS) {
      source.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
        for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(payload);
      });
    }
  };

  const invoke = async (channel: Channel, request: unknown): Promise<unknown> => {
    const response = await hostFetch(`${base}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request ?? {}),
    });
    if (!source && listeners.size) connect();
    const body = (await response.json().catch(() => null)) as HostAnswer;
    if (!response.ok || !body || body.error) throw answerError(response, body);
    return body.result;
  };

  return buildApi(invoke, <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    connect();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  });
}
