// The browser host's access key per library: kept (owner-only) so a browser tab reconnects after a
// restart, replaced when others could read it, and made afresh each run where the folder is read-only.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostToken } from '../../../electron/host/host-token.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dossier-token-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('hostToken', () => {
  it('keeps one key per library, readable by its owner only', async () => {
    const first = await hostToken(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await hostToken(dir)).toBe(first);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'host.token')).mode & 0o777).toBe(0o600);
    expect(await hostToken(mkdtempSync(join(tmpdir(), 'dossier-token-other-')))).not.toBe(first);
  });

  it('replaces a key others could read, or one that is not a key', async () => {
    const first = await hostToken(dir);
    if (process.platform !== 'win32') {
      chmodSync(join(dir, 'host.token'), 0o644);
      const second = await hostToken(dir);
      expect(second).not.toBe(first);
      expect(statSync(join(dir, 'host.token')).mode & 0o777).toBe(0o600);
    }
    writeFileSync(join(dir, 'host.token'), 'not a key', { mode: 0o600 });
    const third = await hostToken(dir);
    expect(third).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(readFileSync(join(dir, 'host.token'), 'utf8')).toBe(third);
  });

  it('gives a fresh key each run where the key cannot be written', async () => {
    // A library path whose parent is a file: nothing can be written there, whoever runs the host.
    writeFileSync(join(dir, 'plain-file'), '');
    const unwritable = join(dir, 'plain-file', 'library');
    const a = await hostToken(unwritable);
    const b = await hostToken(unwritable);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(b);
  });
});
