// Feedback in the app shell: toasts that count repeats, expire on their own clock and hold still while
// looked at, fold into a stack; and one disconnected state fed by the HTTP bridge, which names the
// command that started the host and comes back by itself, against a real browser host.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '@renderer/api';
import { createHttpBridge, currentConnection } from '@renderer/api/http-bridge';
import { useUiStore } from '@renderer/stores/ui';
import { useConnectionStore } from '@renderer/stores/connection';
import ToastStack from '@renderer/components/shell/ToastStack.vue';
import { openServices, type Services } from '../../electron/services/container';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host';

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('toasts', () => {
  it('count a repeated message, expire on their own clock, and hold still while looked at', async () => {
    vi.useFakeTimers();
    const ui = useUiStore();
    ui.notify('Saved.');
    ui.notify('Saved.');
    expect(ui.toasts).toHaveLength(1);
    expect(ui.toasts[0].count).toBe(2);
    ui.notify('Could not save: the disk is full.', { kind: 'error' });
    const undo = { label: 'Undo', run: () => {} };
    ui.notify('Deleted “A”.', { action: undo });
    ui.notify('Deleted “A”.', { action: undo });
    // Offers of Undo are never merged: each undoes its own change.
    expect(ui.toasts.map((t) => t.message)).toEqual(['Saved.', 'Could not save: the disk is full.', 'Deleted “A”.', 'Deleted “A”.']);

    vi.advanceTimersByTime(5500);
    expect(ui.toasts.map((t) => t.message)).not.toContain('Saved.');
    ui.holdToasts(true);
    vi.advanceTimersByTime(30_000);
    expect(ui.toasts).toHaveLength(3);
    ui.holdToasts(false);
    vi.advanceTimersByTime(3000);
    expect(ui.toasts.map((t) => t.kind)).toEqual(['error']);
    vi.advanceTimersByTime(7000);
    expect(ui.toasts).toHaveLength(0);
  });

  it('show the newest and fold the rest behind a "more" button', async () => {
    const ui = useUiStore();
    const wrapper = mount(ToastStack, { attachTo: document.body });
    for (const n of [1, 2, 3]) ui.notify(`Message ${n}.`);
    await flushPromises();
    expect(wrapper.findAll('[role="status"]').map((t) => t.text())).toEqual(['Message 3.']);
    const more = wrapper.findAll('button').find((b) => b.text() === '2 more messages')!;
    await more.trigger('click');
    expect(wrapper.findAll('[role="status"]')).toHaveLength(3);
    expect(document.documentElement.style.getPropertyValue('--toast-inset')).toMatch(/^\d+px$/);
    await wrapper.findAll('button').find((b) => b.text() === 'Dismiss all')!.trigger('click');
    expect(ui.toasts).toHaveLength(0);
    wrapper.unmount();
  });
});

describe('connection', () => {
  let dir: string;
  let services: Services;
  let host: HttpHost;
  const start = async (port?: number) => {
    services = await openServices({ libraryDir: dir, host: 'browser', version: 'test', startCommand: 'npm start' });
    host = await startHttpHost({ handlers: services.handlers, rendererDir: dir, token: 'k'.repeat(32), ...(port ? { port } : {}) });
  };
  const stop = async () => {
    await host.close();
    await services.close();
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-connection-'));
    await start();
  });
  afterEach(async () => {
    setApi(null);
    await stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes offline once, says how to start the host again, keeps errors quiet, and comes back by itself', async () => {
    // The page is served by the host, as in use: requests are same-origin.
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`http://127.0.0.1:${host.port}/`);
    const api = createHttpBridge(host.token);
    setApi(api);
    const connection = useConnectionStore();
    connection.start();
    connection.learn((await api.app.info()).startCommand);
    expect(connection.command).toBe('npm start');
    const port = host.port;
    await stop();

    const failed = await api.library.list().catch((e: Error) => e);
    expect((failed as Error).message).toContain('start it again with `npm start`');
    expect(currentConnection()).toBe('offline');
    expect(connection.offline).toBe(true);
    const ui = useUiStore();
    ui.notify('Could not delete: the host is not answering.', { kind: 'error' });
    expect(ui.toasts).toHaveLength(0);
    await vi.waitFor(() => expect(connection.visible).toBe(true), { timeout: 3000 });

    const reconnected = vi.fn();
    connection.onReconnect(reconnected);
    await start(port);
    await vi.waitFor(() => expect(connection.offline).toBe(false), { timeout: 15_000 });
    expect(connection.visible).toBe(false);
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(await api.library.list()).toEqual([]);
  }, 30_000);
});
