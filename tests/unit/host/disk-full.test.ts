// A full disk is an ordinary error: writes fail with a plain message and HTTP 507, nothing half-written
// stays in memory or on disk, the host keeps answering, and the write goes through once there is room.
// The kernel's /dev/full device gives a real ENOSPC: the temp file of a shard's atomic write points at it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/container.ts';
import { startHttpHost, type HttpHost } from '../../../electron/host/http-host.ts';
import { DISK_FULL_MESSAGE } from '../../../electron/services/errors.ts';

let work: string;
let services: Services;
let host: HttpHost;

async function call(channel: string, body: unknown): Promise<{ status: number; json: { result?: unknown; error?: { code: string; message: string } } }> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as never };
}

/** Points the temp file of every notes or documents shard at /dev/full, so its next write gets ENOSPC. */
function fillDisk(prefix: string): () => void {
  const index = join(work, 'library', 'index');
  const links: string[] = [];
  for (let i = 0; i < 64; i++) {
    const link = join(index, `.${prefix}-${i.toString(16).padStart(2, '0')}.json.tmp`);
    symlinkSync('/dev/full', link);
    links.push(link);
  }
  return () => links.forEach((link) => rmSync(link, { force: true }));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dossier-full-'));
  const rendererDir = join(work, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title>');
  services = await openServices({ libraryDir: join(work, 'library'), host: 'browser', version: 'test' });
  host = await startHttpHost({ handlers: services.handlers, rendererDir });
});
afterAll(async () => {
  await host.close();
  await services.close();
  rmSync(work, { recursive: true, force: true });
});

describe.runIf(existsSync('/dev/full'))('a full disk', () => {
  it('refuses a note with the disk-full message and 507, keeps nothing, and saves it once there is room', async () => {
    const free = fillDisk('notes');
    const refused = await call('notes:create', { body: 'The bridge carries 18,000 vehicles a day.' });
    expect(refused.status).toBe(507);
    expect(refused.json.error).toEqual({ code: 'disk-full', message: DISK_FULL_MESSAGE });
    expect((await call('notes:list', {})).json.result).toEqual([]);
    expect((await call('app:info', undefined)).status).toBe(200);
    free();
    const saved = await call('notes:create', { body: 'The bridge carries 18,000 vehicles a day.' });
    expect(saved.status).toBe(200);
    expect((await call('notes:list', {})).json.result).toHaveLength(1);
  });

  it('reports an import on a full disk as a disk-full error and leaves no document folder behind', async () => {
    const free = fillDisk('documents');
    try {
      const [result] = (await call('library:import', { files: [{ name: 'tide.txt', dataBase64: Buffer.from('High tide reached 4.2 metres.').toString('base64') }] })).json
        .result as Array<{ status: string; errorCode: string; error: string }>;
      expect(result).toMatchObject({ status: 'error', errorCode: 'disk-full', error: DISK_FULL_MESSAGE });
      expect(readdirSync(join(work, 'library', 'docs'))).toEqual([]);
      expect((await call('library:list', {})).json.result).toEqual([]);
    } finally {
      free();
    }
  });
});
