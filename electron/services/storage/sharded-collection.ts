// A keyed collection stored as a fixed set of lowdb JSON shards, so one edit rewrites one small file
// rather than the whole library. Corrupt shards are set aside and restored from the newest backup.
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DossierError } from '../errors.ts';
import { listBackups } from './backups.ts';

type Shard<T> = Low<Record<string, T>>;

export interface CollectionOpenReport {
  warnings: string[];
  /** True when a shard could not be read nor restored: the collection must not be written. */
  readOnly: boolean;
}

export class ShardedCollection<T> {
  private readonly shards: Shard<T>[] = [];
  private readonly items = new Map<string, T>();
  private readOnly = false;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly backupsDir: string,
    /** The shape each stored record must have; a shard holding anything else is treated as damaged. */
    private readonly isRecord: (value: unknown) => boolean = () => true,
    private readonly shardCount = 64,
  ) {}

  /** Why parsed shard data is not a map of well-formed records, or null when it is. */
  private shapeProblem(data: unknown): string | null {
    if (data === null) return 'it holds null instead of a set of records';
    if (typeof data !== 'object') return `it holds a ${typeof data} instead of a set of records`;
    if (Array.isArray(data)) return 'it holds a list instead of a set of records';
    for (const [key, value] of Object.entries(data)) {
      if (!this.isRecord(value)) return `its record ${JSON.stringify(key.slice(0, 40))} is ${value === null ? 'null' : 'not a well-formed record'}`;
    }
    return null;
  }

  shardFileName(index: number): string {
    return `${this.name}-${index.toString(16).padStart(2, '0')}.json`;
  }

  /** Shard chosen from the key's characters, so keys spread evenly whatever their format. */
  private shardOf(key: string): number {
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
    return hash % this.shardCount;
  }

  /** Loads every shard; `writable: false` (a read-only folder) reads what is there and repairs nothing. */
  async open(options: { writable?: boolean } = {}): Promise<CollectionOpenReport> {
    const writable = options.writable !== false;
    if (writable) await mkdir(this.dir, { recursive: true });
    else this.readOnly = true;
    const warnings: string[] = [];
    for (let i = 0; i < this.shardCount; i++) {
      const file = join(this.dir, this.shardFileName(i));
      const shard = new Low<Record<string, T>>(new JSONFile(file), {});
      let problem: string | null = null;
      try {
        await shard.read();
        // lowdb reads a missing file as the default ({}); a file that parses to the wrong shape is damaged.
        if (existsSync(file)) problem = this.shapeProblem(JSON.parse(await readFile(file, 'utf8')));
      } catch (error) {
        problem = (error as Error).message;
      }
      if (problem && !writable) {
        warnings.push(`${this.shardFileName(i)} could not be read (${problem}); the items it holds are not shown.`);
        shard.data = {};
      } else if (problem) {
        const restored = await this.recover(file, i, problem, warnings);
        if (restored) await shard.read();
        else {
          this.readOnly = true;
          shard.data = {};
        }
      }
      shard.data ??= {};
      for (const [key, value] of Object.entries(shard.data)) this.items.set(key, value);
      this.shards.push(shard);
    }
    return { warnings, readOnly: this.readOnly };
  }

  /** Sets a corrupt shard aside (never overwriting it) and puts back the newest readable backup copy. */
  private async recover(file: string, index: number, reason: string, warnings: string[]): Promise<boolean> {
    const name = this.shardFileName(index);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const asideDir = join(this.dir, '..', 'corrupt');
    await mkdir(asideDir, { recursive: true });
    const aside = join(asideDir, `${name}.${stamp}`);
    // Newest by sequence first (see LibraryStore.backup); each candidate must parse and have the right shape.
    for (const backup of await listBackups(this.backupsDir)) {
      const candidate = join(this.backupsDir, backup.folder, name);
      if (!existsSync(candidate)) continue;
      try {
        if (this.shapeProblem(JSON.parse(await readFile(candidate, 'utf8')))) continue;
      } catch {
        continue;
      }
      await rename(file, aside);
      await copyFile(candidate, file);
      const which = backup.sequence ? `backup number ${backup.sequence}${backup.takenAt ? `, taken ${backup.takenAt}` : ''}` : `the backup ${backup.folder}`;
      warnings.push(
        `${name} could not be read (${reason}). It was moved to ${aside} and restored from ${which}; changes made after that backup to the items it holds are lost.`,
      );
      return true;
    }
    warnings.push(
      `${name} could not be read (${reason}) and no backup of it exists. The library is open read-only; the file is left untouched at ${file}.`,
    );
    return false;
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  async put(key: string, value: T): Promise<void> {
    await this.putMany([[key, value]]);
  }

  /**
   * Writes many items with one write per touched shard. When a write fails (a full disk), the items
   * go back to what they were, so memory never shows a change the disk does not hold.
   */
  async putMany(entries: Array<[string, T | undefined]>): Promise<void> {
    this.assertWritable();
    const touched = new Set<Shard<T>>();
    const before: Array<[string, T | undefined, Shard<T>]> = [];
    for (const [key, value] of entries) {
      const shard = this.shards[this.shardOf(key)];
      before.push([key, this.items.get(key), shard]);
      if (value === undefined) {
        this.items.delete(key);
        delete shard.data[key];
      } else {
        this.items.set(key, value);
        shard.data[key] = value;
      }
      touched.add(shard);
    }
    try {
      await Promise.all([...touched].map((shard) => shard.write()));
    } catch (error) {
      for (const [key, previous, shard] of before.reverse()) {
        if (previous === undefined) {
          this.items.delete(key);
          delete shard.data[key];
        } else {
          this.items.set(key, previous);
          shard.data[key] = previous;
        }
      }
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    this.assertWritable();
    if (!this.items.has(key)) return;
    await this.putMany([[key, undefined]]);
  }

  /** Copies every shard file into a backup folder chosen by the store. */
  async backupInto(target: string): Promise<void> {
    await mkdir(target, { recursive: true });
    for (let i = 0; i < this.shardCount; i++) {
      const name = this.shardFileName(i);
      const file = join(this.dir, name);
      if (existsSync(file)) await copyFile(file, join(target, name));
    }
  }

  private assertWritable(): void {
    if (this.readOnly) {
      throw new DossierError('read-only', 'The library is open read-only because a library file could not be read; see the warning at start-up.');
    }
  }
}
