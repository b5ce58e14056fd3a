// The browser host's access key for a library, kept in the library folder (readable by its owner only)
// so a browser tab left open reconnects by itself when the host is started again; a folder that cannot
// be written gets a new key each run, as before.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TOKEN_FILE = 'host.token';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

export async function hostToken(libraryDir: string): Promise<string> {
  const file = join(libraryDir, TOKEN_FILE);
  try {
    const [saved, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    // A key others could read is not kept: a new one replaces it.
    if (TOKEN_SHAPE.test(saved.trim()) && (process.platform === 'win32' || (info.mode & 0o077) === 0)) return saved.trim();
  } catch {
    /* no key yet */
  }
  const token = randomBytes(24).toString('base64url');
  try {
    await writeFile(file, token, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch {
    /* a read-only library: the key lasts this run only */
  }
  return token;
}
