// Preload for the sandboxed window: exposes `window.dossier`, built from the contract's channel list,
// and nothing else — no raw ipcRenderer reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, EVENT_CHANNEL, isChannel, isEventName, type EventMap, type EventName } from '../../shared/ipc/contract.ts';

type Reply = { result: unknown } | { error: { code: string; message: string } };

const listeners = new Map<EventName, Set<(payload: never) => void>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: { event: unknown; payload: unknown }) => {
  if (!isEventName(message?.event)) return;
  for (const listener of listeners.get(message.event) ?? []) (listener as (payload: unknown) => void)(message.payload);
});

const api = buildApi(
  async (channel, request) => {
    if (!isChannel(channel)) throw new Error(`Unknown channel: ${String(channel)}`);
    const reply = (await ipcRenderer.invoke(channel, request)) as Reply;
    if ('error' in reply) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result;
  },
  <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  },
);

contextBridge.exposeInMainWorld('dossier', api);
