// Single-writer lock for a library folder: a lock file naming the owning process.
// A pid check (rather than a timeout) lets a library reopen at once after its owner was killed.
import { openSync, writeSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DossierError } from '../errors.ts';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LibraryLock {
  private readonly file: string;
  private held = false;

  constructor(libraryDir: string) {
    this.file = join(libraryDir, 'library.lock');
  }

  acquire(): void {
    const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    const body = JSON.stringify(me);
    try {
      const fd = openSync(this.file, 'wx');
      writeSync(fd, body);
      closeSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = this.readOwner();
      if (owner && owner.pid !== process.pid && owner.host === me.host && isAlive(owner.pid)) {
        throw new DossierError(
          'library-locked',
          `The library at ${this.file.replace(/[/\\]library\.lock$/, '')} is in use by another Dossier process (pid ${owner.pid}, since ${owner.since}). Close it first, or choose another library with --library DIR.`,
        );
      }
      // The previous owner is gone (crash or kill): the lock is stale, take it over.
      writeFileSync(this.file, body);
    }
    this.held = true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    const owner = this.readOwner();
    if (owner?.pid === process.pid) rmSync(this.file, { force: true });
  }

  private readOwner(): LockOwner | null {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as LockOwner;
    } catch {
      return null;
    }
  }
}
