// Backups of the library index are numbered: each folder holds a meta file with its place in a
// monotonic sequence, so rotation and restore order never depend on the clock.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Written into each backup folder: its place in the sequence, which orders backups whatever the clock says. */
export const BACKUP_META = 'backup.json';
export interface BackupInfo {
  folder: string;
  sequence: number;
  takenAt: string | null;
}

/** The library's backups, newest first by sequence; folders from before sequences count as oldest, by name. */
export async function listBackups(root: string): Promise<BackupInfo[]> {
  if (!existsSync(root)) return [];
  const found: BackupInfo[] = [];
  for (const folder of await readdir(root)) {
    let sequence = 0;
    let takenAt: string | null = null;
    try {
      const meta = JSON.parse(await readFile(join(root, folder, BACKUP_META), 'utf8')) as { sequence?: unknown; takenAt?: unknown };
      if (typeof meta.sequence === 'number' && Number.isSafeInteger(meta.sequence) && meta.sequence > 0) sequence = meta.sequence;
      if (typeof meta.takenAt === 'string') takenAt = meta.takenAt;
    } catch {
      // a backup from before sequences, or one whose meta file is damaged: oldest
    }
    found.push({ folder, sequence, takenAt });
  }
  return found.sort((a, b) => b.sequence - a.sequence || (a.folder < b.folder ? 1 : a.folder > b.folder ? -1 : 0));
}
