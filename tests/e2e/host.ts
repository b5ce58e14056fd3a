// Starts the real browser host on a temporary library for a test, and can restart it. It runs the built
// command line (out/main/cli.js), as `npm start` does, so the tests cover what the build ships.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  libraryDir: string;
  process: ChildProcess;
  output: () => string;
}

/** `as` runs the host as another user (uid/gid), to see what a user without write access sees. */
export async function startHost(libraryDir: string, extraArgs: string[] = [], as: { uid?: number; gid?: number } = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--library', libraryDir, ...extraArgs], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    libraryDir,
    process: child,
    output: () => output,
  };
}

export async function stopHost(host: RunningHost, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (host.process.exitCode !== null || host.process.signalCode) return;
  await new Promise<void>((resolve) => {
    host.process.once('exit', () => resolve());
    host.process.kill(signal);
  });
}

/** Every request a page makes must stay on loopback: the app makes no network request at run time. */
function offLoopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return false;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol === 'chrome-extension:' || protocol === 'devtools:') return false;
    return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  } catch {
    return true;
  }
}

/** One contract call on a running host, as the app makes it: for setting up what a test needs. */
export async function callApi<T = unknown>(host: RunningHost, channel: string, request: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (!response.ok || body.error) throw new Error(`${channel}: ${body.error?.message ?? response.status}`);
  return body.result as T;
}

export const test = base.extend<{ libraryDir: string; host: RunningHost; restartHost: () => Promise<RunningHost>; offLoopbackRequests: string[] }>({
  offLoopbackRequests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (request) => {
      if (offLoopback(request.url())) seen.push(request.url());
    });
    await use(seen);
  },
  page: async ({ page, offLoopbackRequests }, use) => {
    await use(page);
    if (offLoopbackRequests.length) throw new Error(`The app made requests off loopback: ${offLoopbackRequests.join(', ')}`);
  },
  // eslint-disable-next-line no-empty-pattern
  libraryDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ libraryDir }, use) => {
    const host = await startHost(libraryDir);
    const holder = { current: host };
    await use(host);
    await stopHost(holder.current);
  },
  restartHost: async ({ host }, use) => {
    let current = host;
    await use(async () => {
      await stopHost(current);
      current = await startHost(host.libraryDir);
      return current;
    });
    await stopHost(current);
  },
});

export { expect } from '@playwright/test';
